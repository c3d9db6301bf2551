"""French first: our strings translate, the language cookie switches, the catalogue is whole."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

from ensemble.territories.roles import Role

LOCALE_DIR = Path(settings.BASE_DIR) / "ensemble" / "locale"
FR_PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]+>|\{\w+\}")


def test_our_strings_come_out_in_french():
    with translation.override("fr"):
        assert gettext("Skip to main content") == "Aller au contenu principal"
        assert gettext("Log in") == "Se connecter"
        assert gettext("Log out") == "Se déconnecter"
        assert gettext("Sign up") == "S'inscrire"
        assert gettext("Change") == "Changer"
        assert [str(label) for label in Role.labels] == [
            "Membre", "Agent public", "Modérateur", "Administrateur",
        ]  # fmt: skip
        assert ngettext("%(counter)s member", "%(counter)s members", 1) == "%(counter)s membre"
        assert ngettext("%(counter)s member", "%(counter)s members", 2) == "%(counter)s membres"


def test_english_stays_the_source_text():
    with translation.override("en"):
        assert gettext("Skip to main content") == "Skip to main content"
        assert str(Role.AGENT.label) == "Public agent"


@pytest.mark.django_db
def test_network_home_is_french_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Aller au contenu principal" in html
    assert "Territoires du réseau" in html
    assert "Skip to main content" not in html


@pytest.mark.django_db
def test_network_home_follows_the_language_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to main content" in html
    assert "Territories of the network" in html
    assert "Aller au contenu principal" not in html


def test_english_catalogue_exists():
    assert (LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po").exists()
    assert (LOCALE_DIR / "en" / "LC_MESSAGES" / "django.mo").exists()


def test_every_french_entry_is_translated_and_not_fuzzy():
    po = polib.pofile(str(FR_PO))
    assert not po.metadata_is_fuzzy
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if len(entry.msgstr_plural) != 2 or not all(entry.msgstr_plural.values()):
                problems.append(f"plural untranslated: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r}")
    assert not problems, "\n".join(problems)


def test_french_translations_keep_every_placeholder():
    problems = []
    for entry in polib.pofile(str(FR_PO)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            expected = set(PLACEHOLDER.findall(entry.msgid_plural))
            if any(set(PLACEHOLDER.findall(s)) != expected for s in entry.msgstr_plural.values()):
                problems.append(entry.msgid)
        elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr)):
            problems.append(entry.msgid)
    assert not problems, problems


def test_committed_french_mo_matches_the_po():
    def entries(catalogue):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
            for e in catalogue
            if not e.obsolete and "fuzzy" not in e.flags
        }

    compiled = polib.mofile(str(FR_PO.with_suffix(".mo")))
    source = polib.pofile(str(FR_PO))
    assert entries(compiled) == entries(source), "run manage.py compile_catalogues"
