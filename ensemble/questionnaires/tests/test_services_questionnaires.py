"""Answering: refusals first, conditional questions, anonymous rows, editing until the end."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from ensemble.core.exceptions import Conflict
from ensemble.questionnaires.models import Answer, Questionnaire, Respondent, Response
from ensemble.questionnaires.services import question_add, questionnaire_set, response_submit
from ensemble.questionnaires.tests.factories import by_text, questionnaire_consultation
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(territory):
    _consultation, questionnaire = questionnaire_consultation(territory)
    return questionnaire, by_text(questionnaire)


def test_refused_to_other_territories_unconfirmed_addresses_and_closed(
    setup, territory, other_territory
):
    questionnaire, q = setup
    answers = {q["Venez-vous à vélo ?"]: "Non"}
    for outsider in (member(other_territory), member(territory, verified=False)):
        with pytest.raises(PermissionDenied):
            response_submit(user=outsider, questionnaire=questionnaire, answers=answers)
    _consultation, closed = questionnaire_consultation(territory, active=False)
    with pytest.raises(Conflict):
        response_submit(
            user=member(territory),
            questionnaire=closed,
            answers={by_text(closed)["Venez-vous à vélo ?"]: "Non"},
        )
    assert not Response.objects.exists()


def test_every_kind_is_checked(setup, territory):
    questionnaire, q = setup
    person = member(territory)
    wrong = {
        "Venez-vous à vélo ?": "Peut-être",
        "Vos priorités": ["Sécurité", "Sécurité"],
        "Votre satisfaction": 6,
        "Un mot ?": "x" * 201,
        "Kilomètres par semaine": "beaucoup",
        "Depuis quand ?": "hier",
        "Votre avis": {"Pistes": "Génial"},
    }
    with pytest.raises(ValidationError) as error:
        response_submit(
            user=person,
            questionnaire=questionnaire,
            answers={q[text]: value for text, value in wrong.items()},
        )
    assert set(error.value.message_dict) == {f"q_{q[text]}" for text in wrong}
    with pytest.raises(ValidationError) as error:  # at most 2
        response_submit(
            user=person,
            questionnaire=questionnaire,
            answers={
                q["Venez-vous à vélo ?"]: "Oui",
                q["Quels aménagements ?"]: ["Pistes", "Arceaux", "Ateliers"],
            },
        )
    assert f"q_{q['Quels aménagements ?']}" in error.value.message_dict
    assert not Response.objects.exists()


def test_a_conditional_question_is_required_only_when_shown(setup, territory):
    questionnaire, q = setup
    person = member(territory)
    with pytest.raises(ValidationError) as error:  # shown (Oui) and required, unanswered
        response_submit(
            user=person, questionnaire=questionnaire, answers={q["Venez-vous à vélo ?"]: "Oui"}
        )
    assert list(error.value.message_dict) == [f"q_{q['Quels aménagements ?']}"]
    # Hidden (Non): not required, and an answer given anyway is not stored.
    response = response_submit(
        user=person,
        questionnaire=questionnaire,
        answers={q["Venez-vous à vélo ?"]: "Non", q["Quels aménagements ?"]: ["Pistes"]},
    )
    assert list(response.answers.values_list("choice", flat=True)) == ["Non"]


def test_answers_are_stored_item_by_item_and_replaced_until_the_end(setup, territory):
    questionnaire, q = setup
    person = member(territory)
    answers = {
        q["Venez-vous à vélo ?"]: "Oui",
        q["Quels aménagements ?"]: ["Pistes", "Ateliers"],
        q["Vos priorités"]: ["Confort", "Sécurité"],
        q["Votre satisfaction"]: 4,
        q["Kilomètres par semaine"]: "12.5",
        q["Depuis quand ?"]: "2024-09-01",
        q["Votre avis"]: {"Pistes": "Bien", "Parkings": "Mal"},
        q["Vos idées"]: "Des arceaux.",
    }
    response = response_submit(user=person, questionnaire=questionnaire, answers=answers)
    rows = Answer.objects.filter(response=response)
    assert rows.count() == 11  # one row per option, rank, matrix row and value
    assert rows.get(question_id=q["Vos priorités"], choice="Confort").rank == 1
    assert rows.get(question_id=q["Kilomètres par semaine"]).number == Decimal("12.50")
    assert rows.get(question_id=q["Depuis quand ?"]).date == datetime.date(2024, 9, 1)
    again = response_submit(
        user=person, questionnaire=questionnaire, answers={q["Venez-vous à vélo ?"]: "Non"}
    )
    assert again.pk == response.pk and again.answers.count() == 1
    questionnaire.refresh_from_db()
    assert questionnaire.responses_count == 1


def test_an_anonymous_response_stores_no_link_to_the_person(territory):
    _consultation, questionnaire = questionnaire_consultation(territory, is_anonymous=True)
    q = by_text(questionnaire)
    person = member(territory)
    response_submit(
        user=person,
        questionnaire=questionnaire,
        answers={q["Venez-vous à vélo ?"]: "Non", q["Un mot ?"]: "Bonjour"},
    )
    # Inspect the rows as stored: no column of the response or its answers names the person,
    # nor dates it; who answered is kept apart, without any reference to the response.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Response._meta.db_table}")  # noqa: S608 - a model table
        columns = [c[0] for c in cursor.description]
        (row,) = cursor.fetchall()
    stored = dict(zip(columns, row, strict=True))
    assert stored["user_id"] is None and stored["updated_at"] is None
    assert set(columns) == {"id", "questionnaire_id", "user_id", "updated_at"}
    answer_columns = {f.column for f in Answer._meta.concrete_fields}
    assert not {"user_id", "created_at"} & answer_columns
    assert {f.column for f in Respondent._meta.concrete_fields} == {
        "id",
        "questionnaire_id",
        "user_id",
    }
    with pytest.raises(Conflict):
        response_submit(
            user=person, questionnaire=questionnaire, answers={q["Venez-vous à vélo ?"]: "Oui"}
        )
    assert Response.objects.count() == 1


def test_questions_are_set_by_agents_and_frozen_after_the_first_response(setup, territory):
    questionnaire, q = setup
    with pytest.raises(PermissionDenied):
        questionnaire_set(
            actor=member(territory),
            territory=territory,
            consultation=questionnaire.consultation,
            title="X",
        )
    agent = member(territory, "agent")
    with pytest.raises(ValidationError) as error:
        questionnaire_set(
            actor=agent,
            territory=territory,
            consultation=questionnaire.consultation,
            title="X",
            questions=[
                {"kind": "single", "text": "?", "options": ["a"]},
                {"kind": "nope", "text": "?"},
                {"kind": "short_text", "text": "?", "show_if": 1},
            ],
        )
    assert set(error.value.message_dict) == {"questions.0", "questions.1", "questions.2"}
    question_add(
        actor=agent,
        questionnaire=questionnaire,
        data={"kind": "short_text", "text": "Encore un mot ?"},
    )
    response_submit(
        user=member(territory),
        questionnaire=questionnaire,
        answers={q["Venez-vous à vélo ?"]: "Non"},
    )
    with pytest.raises(Conflict):
        question_add(
            actor=agent,
            questionnaire=questionnaire,
            data={"kind": "short_text", "text": "Trop tard ?"},
        )
    assert Questionnaire.objects.get(pk=questionnaire.pk).questions.count() == 10
