"""French rules for conditions: what they read, and what they refuse to read."""

import pytest
from django.utils import translation

from ensemble.matching.conditions import compare, extract


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Un local deux soirs par semaine", "evening"),
        ("Disponible du lundi au vendredi jusqu'à 23 h", "evening"),
        ("Répétitions de 19 h à 22 h", "evening"),
        ("Salle réservée à nos adhérents", "members_only"),
        ("Exclusivement aux membres du club", "members_only"),
        ("Fourgon d'occasion à vendre", "sells"),
        ("Bennes à louer", "rents"),
        ("Je prête mon Kangoo", "lends_or_gives"),
        ("Ordinateurs reconditionnés donnés", "lends_or_gives"),
        ("Une soirée unique en juin", "one_off"),
        ("Chaque mardi soir", "recurring"),
        ("Conseils à distance", "remote"),
    ],
)
def test_conditions_are_read_in_french(text, field):
    assert getattr(extract(text), field) is True


def test_closed_in_the_evening_is_daytime_not_evening():
    conditions = extract("De 9 h à 17 h uniquement, fermée le soir.")
    assert conditions.daytime_only and not conditions.evening


def test_lessons_are_read_from_the_title_only():
    assert extract("Cours de cuisine", title="Cours de cuisine").lessons
    assert not extract("Lycéens tuteurs. Des cours de soutien", title="Lycéens tuteurs").lessons


def test_nothing_is_read_into_a_plain_text():
    conditions = extract("Une salle pour nos réunions")
    assert not any(vars(conditions).values())


def test_failed_and_met_conditions_are_said_with_their_sign():
    need = extract("Il faudrait emprunter un utilitaire le soir")
    with translation.override("en"):
        sale = compare(need, extract("Fourgon vendu révisé"))
        lent = compare(need, extract("Fourgon prêté le soir"))
    assert [(c.ok, c.label) for c in sale.checks] == [(False, "for sale, not lent")]
    assert sale.failed and sale.weight < 0
    assert {c.label for c in lent.checks} == {"available evenings", "lent or given"}
    assert not lent.failed and lent.weight > 0


def test_members_only_fails_whatever_the_need():
    comparison = compare(extract("Une salle"), extract("Réservée à nos adhérents"))
    assert comparison.failed
