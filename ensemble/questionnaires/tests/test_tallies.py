"""The stored counts of the results: equal to a recount after every answer, change,
withdrawal and deleted account; refused withdrawals change nothing; read in fixed queries."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ensemble.consultations.models import Phase
from ensemble.core.exceptions import Conflict
from ensemble.privacy.services import account_erase
from ensemble.questionnaires import tallies
from ensemble.questionnaires.models import Questionnaire, Response, Tally
from ensemble.questionnaires.selectors import question_results
from ensemble.questionnaires.services import response_submit, response_withdraw
from ensemble.questionnaires.tests.factories import by_text, questionnaire_consultation
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


def stored(questionnaire) -> dict:
    return {
        (t.question_id, t.row, t.choice): (
            t.count,
            t.rank_sum,
            t.number_sum if t.count else None,
            t.low,
            t.high,
        )
        for t in Tally.objects.filter(question__questionnaire=questionnaire)
        if t.count
    }


def assert_tallies_equal_a_recount(questionnaire) -> None:
    kept = stored(questionnaire)
    kept_responses = Questionnaire.objects.get(pk=questionnaire.pk).responses_count
    tallies.recount(questionnaire_pk=questionnaire.pk)
    assert kept == stored(questionnaire)
    assert kept_responses == Questionnaire.objects.get(pk=questionnaire.pk).responses_count


def full_answers(q, *, km="12.5", scale=4, ranking=("Confort", "Sécurité")) -> dict:
    return {
        q["Venez-vous à vélo ?"]: "Oui",
        q["Quels aménagements ?"]: ["Pistes", "Ateliers"],
        q["Vos priorités"]: list(ranking),
        q["Votre satisfaction"]: scale,
        q["Kilomètres par semaine"]: km,
        q["Depuis quand ?"]: "2024-09-01",
        q["Votre avis"]: {"Pistes": "Bien", "Parkings": "Mal"},
        q["Vos idées"]: "Des arceaux.",
    }


@pytest.fixture
def setup(territory):
    _consultation, questionnaire = questionnaire_consultation(territory)
    return questionnaire, by_text(questionnaire)


def _figures(questionnaire) -> dict:
    return {r.question.text: r for r in question_results(questionnaire=questionnaire)}


def test_counts_follow_answers_changes_and_withdrawals(setup, territory):
    questionnaire, q = setup
    first, second, third = (member(territory) for _ in range(3))
    response_submit(user=first, questionnaire=questionnaire, answers=full_answers(q))
    response_submit(
        user=second,
        questionnaire=questionnaire,
        answers=full_answers(q, km="40", scale=2, ranking=("Sécurité", "Coût", "Confort")),
    )
    response_submit(
        user=third, questionnaire=questionnaire, answers={q["Venez-vous à vélo ?"]: "Non"}
    )
    assert_tallies_equal_a_recount(questionnaire)
    figures = _figures(questionnaire)
    assert [(b.label, b.count) for b in figures["Venez-vous à vélo ?"].bars] == [
        ("Oui", 2),
        ("Non", 1),
    ]
    assert figures["Kilomètres par semaine"].numbers == {
        "mean": Decimal("26.25"),
        "low": Decimal("12.50"),
        "high": Decimal("40.00"),
    }
    ranking = {b.label: b.mean_rank for b in figures["Vos priorités"].bars}
    assert ranking == {"Sécurité": 1.5, "Confort": 2.0, "Coût": 2.0}

    # A change: the highest number goes, the bounds are found again.
    response_submit(user=second, questionnaire=questionnaire, answers=full_answers(q, km="3"))
    assert_tallies_equal_a_recount(questionnaire)
    assert _figures(questionnaire)["Kilomètres par semaine"].numbers["high"] == Decimal("12.50")
    assert _figures(questionnaire)["Kilomètres par semaine"].numbers["low"] == Decimal("3.00")

    response_withdraw(user=first, questionnaire=questionnaire)
    response_withdraw(user=second, questionnaire=questionnaire)
    assert_tallies_equal_a_recount(questionnaire)
    figures = _figures(questionnaire)
    assert figures["Kilomètres par semaine"].numbers is None
    assert figures["Depuis quand ?"].bars == []  # no date left
    assert figures["Kilomètres par semaine"].answered == 0
    assert [(b.label, b.count) for b in figures["Venez-vous à vélo ?"].bars] == [
        ("Oui", 0),
        ("Non", 1),
    ]
    assert Questionnaire.objects.get(pk=questionnaire.pk).responses_count == 1


def test_refused_withdrawals_change_nothing(setup, territory):
    questionnaire, q = setup
    person, stranger = member(territory), member(territory)
    response_submit(user=person, questionnaire=questionnaire, answers=full_answers(q))
    before = stored(questionnaire)
    with pytest.raises(Conflict):
        response_withdraw(user=stranger, questionnaire=questionnaire)  # never answered
    _consultation, anonymous = questionnaire_consultation(territory, is_anonymous=True)
    response_submit(
        user=person,
        questionnaire=anonymous,
        answers={by_text(anonymous)["Venez-vous à vélo ?"]: "Non"},
    )
    with pytest.raises(Conflict):
        response_withdraw(user=person, questionnaire=anonymous)  # cannot be found again
    ended = timezone.now() - timedelta(days=1)
    Phase.objects.filter(consultation=questionnaire.consultation).update(ends_at=ended)
    closed = Questionnaire.objects.select_related("consultation").get(pk=questionnaire.pk)
    with pytest.raises(Conflict):
        response_withdraw(user=person, questionnaire=closed)  # the questionnaire has closed
    assert stored(questionnaire) == before
    assert Response.objects.filter(questionnaire=questionnaire).count() == 1


def test_a_deleted_or_erased_account_leaves_its_response_counted(setup, territory):
    questionnaire, q = setup
    erased, deleted = member(territory), member(territory)
    for person in (erased, deleted):
        response_submit(user=person, questionnaire=questionnaire, answers=full_answers(q))
    before = stored(questionnaire)

    account_erase(user=erased)
    deleted.delete()  # a hard deletion (the purge of unused accounts, the admin)

    assert stored(questionnaire) == before
    assert_tallies_equal_a_recount(questionnaire)
    assert not Response.objects.filter(user__isnull=False).exists()  # nobody named any more
    assert Questionnaire.objects.get(pk=questionnaire.pk).responses_count == 2


def test_results_are_read_in_fixed_queries_without_counting_the_answers(setup, territory):
    questionnaire, q = setup
    questionnaire = Questionnaire.objects.prefetch_related("questions").get(pk=questionnaire.pk)

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as context:
            question_results(questionnaire=questionnaire)
        return [query["sql"] for query in context.captured_queries]

    response_submit(user=member(territory), questionnaire=questionnaire, answers=full_answers(q))
    at_one = queries()
    for _ in range(4):
        response_submit(
            user=member(territory), questionnaire=questionnaire, answers=full_answers(q)
        )
    at_five = queries()
    assert len(at_one) == len(at_five) == 3  # the counts, then each free-text question's texts
    assert not [sql for sql in at_five if "COUNT(" in sql.upper()]


def test_the_command_repairs_broken_counts(setup, territory):
    questionnaire, q = setup
    response_submit(user=member(territory), questionnaire=questionnaire, answers=full_answers(q))
    right = stored(questionnaire)
    Tally.objects.filter(question__questionnaire=questionnaire).update(count=7)
    Tally.objects.filter(question_id=q["Votre avis"]).delete()
    Questionnaire.objects.filter(pk=questionnaire.pk).update(responses_count=9)

    call_command("recount", "questionnaires", str(questionnaire.pk), stdout=StringIO())

    assert stored(questionnaire) == right
    assert Questionnaire.objects.get(pk=questionnaire.pk).responses_count == 1


def test_the_kept_results_page_moves_with_each_response_and_withdrawal(setup, territory, fragments):
    questionnaire, q = setup
    first, second, visitor = member(territory), member(territory), member(territory)
    url = reverse(
        "questionnaires:questionnaire_results",
        kwargs={"territory_slug": territory.slug, "consultation_pk": questionnaire.consultation_id},
    )
    (client,) = clients_for(visitor)
    response_submit(user=first, questionnaire=questionnaire, answers=full_answers(q))
    assert "1 personne a répondu." in page_html(client, url)

    response_submit(user=second, questionnaire=questionnaire, answers=full_answers(q))
    assert "2 personnes ont répondu." in page_html(client, url)  # never stale after a response

    response_withdraw(user=first, questionnaire=questionnaire)
    response_withdraw(user=second, questionnaire=questionnaire)
    assert "0 personne a répondu." in page_html(client, url)


def test_the_api_withdraws_one_s_own_response_only(client, setup, territory, other_territory):
    questionnaire, q = setup
    person = member(territory)
    response_submit(user=person, questionnaire=questionnaire, answers=full_answers(q))
    url = f"/api/v1/consultations/{questionnaire.consultation_id}/responses/mine"
    before = stored(questionnaire)
    statuses = []
    for outsider in (None, member(other_territory), member(territory)):
        if outsider is not None:
            client.force_login(outsider)
        statuses.append(client.delete(url).status_code)
        client.logout()
    assert statuses == [401, 409, 409]  # a visitor; a stranger, a member: no response of theirs
    assert stored(questionnaire) == before

    client.force_login(person)
    withdrawn = client.delete(url)

    assert withdrawn.status_code == 200
    assert withdrawn.json()["responses_count"] == 0 and withdrawn.json()["my_answers"] is None
    results = client.get(
        f"/api/v1/consultations/{questionnaire.consultation_id}/questionnaire/results"
    )
    assert results.json()["questions"][0]["answered"] == 0
