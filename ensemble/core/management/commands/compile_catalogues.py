"""Compile the translation catalogues without GNU gettext, and check they are complete.

`compile_catalogues` writes each `.mo` next to its `.po` (polib, pure Python),
so a fresh machine needs no gettext. `--check` fails when a French string is
missing or fuzzy, when a `.mo` is stale, or (when gettext's xgettext is
installed) when the code holds a translatable string that the catalogue lacks.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

LOCALE_DIR = Path(settings.BASE_DIR) / "ensemble" / "locale"
# English is the source language: its catalogue only needs to exist.
COMPLETE_LANGUAGES = {"fr"}


def _catalogues():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def _untranslated(po) -> list[str]:
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            missing.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
        elif not entry.msgstr:
            missing.append(entry.msgid)
    return missing


def _entries(catalogue) -> dict:
    """The translations a catalogue carries (a .mo holds only translated, non-fuzzy ones)."""
    return {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in catalogue
        if not e.obsolete and "fuzzy" not in e.flags and (e.msgstr or any(e.msgstr_plural.values()))
    }


class Command(BaseCommand):
    help = "Compile .po catalogues to .mo (no gettext needed); --check verifies them."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, check: bool, **options):
        import polib

        if not _catalogues():
            raise CommandError(f"No catalogue under {LOCALE_DIR}")
        problems = []
        for po_path in _catalogues():
            language = po_path.parts[-3]
            po = polib.pofile(str(po_path))
            mo_path = po_path.with_suffix(".mo")
            if not check:
                po.save_as_mofile(str(mo_path))
                self.stdout.write(f"compiled {mo_path.relative_to(settings.BASE_DIR)}")
                continue
            if language in COMPLETE_LANGUAGES:
                problems += [f"{language}: untranslated {m}" for m in _untranslated(po)]
            if not mo_path.exists() or _entries(polib.mofile(str(mo_path))) != _entries(po):
                problems.append(f"{language}: {mo_path.name} is stale; run compile_catalogues")
        if check:
            problems += self._strings_missing_from_catalogues()
            if problems:
                raise CommandError("\n".join(problems))
            self.stdout.write(self.style.SUCCESS("Catalogues complete and compiled."))

    def _strings_missing_from_catalogues(self) -> list[str]:
        """Run makemessages on a copy and list msgids the committed catalogue lacks."""
        import polib

        if shutil.which("xgettext") is None:
            self.stderr.write("xgettext not installed: skipped the extraction check.")
            return []
        problems = []
        for language in sorted(COMPLETE_LANGUAGES):
            po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
            original = po_path.read_bytes()
            try:
                _run_makemessages(language)
                extracted = polib.pofile(str(po_path))
            finally:
                po_path.write_bytes(original)
            known = {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if not e.obsolete}
            problems += [
                f"{language}: not in the catalogue (run make messages): {e.msgid!r}"
                for e in extracted
                if not e.obsolete and (e.msgctxt, e.msgid) not in known
            ]
        return problems


def _run_makemessages(language: str) -> None:
    import os

    cwd = os.getcwd()
    os.chdir(LOCALE_DIR.parent)
    try:
        call_command(
            "makemessages", locale=[language], no_obsolete=True, verbosity=0,
            ignore_patterns=["*/tests/*", "testing/*"],
        )  # fmt: skip
    finally:
        os.chdir(cwd)
