"""The participation and events services record consultation lines, and only public ones."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.activity.models import Activity
from ensemble.answers.services import answer_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.services.consultations import (
    consultation_create,
    consultation_publish,
    consultation_update,
)
from ensemble.consultations.services.workshops import workshop_create
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.results.services import result_create, result_progress
from ensemble.testing.factories import member

from .makers import consultation_story

pytestmark = pytest.mark.django_db
Verb = Activity.Verb
EXPLANATION = "Accepté : les bancs seront installés au printemps, budget voté en conseil."


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def create(agent, territory, **kwargs):
    return consultation_create(
        author=agent, territory=territory, title="Parlons ensemble", question="Que changer ?",
        charter_body="Chaque contribution reçoit une réponse motivée sous 60 jours.", **kwargs,
    )  # fmt: skip


def workshop(agent, consultation):
    start = timezone.now() + timedelta(days=3)
    return workshop_create(
        author=agent, consultation=consultation, title="Atelier", starts_at=start,
        ends_at=start + timedelta(hours=2),
    )  # fmt: skip


def answer(agent, contribution, state=AnswerState.UNDER_STUDY):
    return answer_create(
        author=agent, contribution=contribution, state=state, explanation=EXPLANATION
    )


# --- refusals: drafts and internal consultations leave no line ----------------------


def test_a_draft_leaves_no_line(agent, territory):
    consultation = create(agent, territory)
    workshop(agent, consultation)
    assert not Activity.objects.exists()
    assert consultation.status == Consultation.Status.DRAFT


@pytest.mark.parametrize("status", ["draft", "published"])
def test_an_internal_consultation_leaves_no_line(agent, territory, status):
    consultation = create(agent, territory, visibility="agents", status=status)
    consultation_publish(actor=agent, consultation=consultation)
    workshop(agent, consultation)
    contribution = ContributionFactory(consultation=Consultation.objects.get(pk=consultation.pk))
    answer(agent, contribution)
    assert not Activity.objects.exists()


def test_internal_answers_and_results_leave_no_line(agent, territory):
    consultation = ConsultationFactory(territory=territory, visibility="agents", phase="follow_up")
    contribution = ContributionFactory(consultation=consultation)
    answer(agent, contribution, AnswerState.ACCEPTED)
    result = result_create(
        author=agent, consultation=consultation, title="Bancs", contributions=[contribution]
    )
    result_progress(author=agent, result=result, status="done", progress=100, title="Posés")
    assert not Activity.objects.exists()


@pytest.mark.parametrize("phase", ["collect", "arbitration"])
def test_progress_before_the_follow_up_is_silent(agent, territory, phase):
    consultation = ConsultationFactory(territory=territory, phase=phase)
    result = result_create(author=agent, consultation=consultation, title="Bancs")
    result_progress(author=agent, result=result, status="planned", progress=10, title="Étude")
    assert not Activity.objects.filter(verb=Verb.RESULT_PROGRESSED).exists()


def test_becoming_internal_forgets_every_line(agent, territory):
    consultation, _contribution, lines = consultation_story(territory, agent=agent)
    assert {line.verb for line in lines} == {
        Verb.CONSULTATION_PUBLISHED, Verb.WORKSHOP_ANNOUNCED, Verb.CONTRIBUTION_ANSWERED,
        Verb.RESULT_PROGRESSED,
    }  # fmt: skip
    other, _c, _l = consultation_story(territory, agent=agent, title="Autre")
    consultation_update(actor=agent, consultation=consultation, data={"visibility": "agents"})
    assert not Activity.objects.filter(consultation=consultation).exists()
    assert Activity.objects.filter(consultation=other).count() == 4


def test_refused_writes_record_nothing(agent, territory):
    from django.core.exceptions import PermissionDenied, ValidationError

    with pytest.raises(PermissionDenied):
        create(member(territory), territory, status="published")
    with pytest.raises(ValidationError):
        consultation_create(
            author=agent, territory=territory, title="", question="", charter_body="",
            status="published",
        )  # fmt: skip
    assert not Activity.objects.exists()


# --- acceptances -----------------------------------------------------------------------


def test_created_published_is_announced_once(agent, territory):
    consultation = create(agent, territory, status="published")
    consultation_publish(actor=agent, consultation=consultation)  # idempotent
    line = Activity.objects.get()
    assert (line.verb, line.consultation, line.actor, line.territory) == (
        Verb.CONSULTATION_PUBLISHED, consultation, agent, territory,
    )  # fmt: skip


def test_publishing_a_draft_announces_it(agent, territory):
    consultation = create(agent, territory)
    consultation_publish(actor=agent, consultation=consultation)
    assert Activity.objects.get().verb == Verb.CONSULTATION_PUBLISHED


def test_becoming_public_announces_it(agent, territory):
    consultation = create(agent, territory, visibility="agents", status="published")
    consultation_update(actor=agent, consultation=consultation, data={"visibility": "public"})
    consultation_update(actor=agent, consultation=consultation, data={"title": "Nouveau titre"})
    assert Activity.objects.get().verb == Verb.CONSULTATION_PUBLISHED


def test_each_answer_version_is_a_line(agent, territory):
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    first = answer(agent, contribution)
    revision = answer(agent, contribution, AnswerState.ACCEPTED)
    lines = Activity.objects.filter(verb=Verb.CONTRIBUTION_ANSWERED).order_by("pk")
    assert [(line.answer, line.contribution) for line in lines] == [
        (first, contribution), (revision, contribution),
    ]  # fmt: skip
    assert lines[0].created_at == first.created_at


def test_workshop_and_progress_are_lines(agent, territory):
    consultation = ConsultationFactory(territory=territory, phase="follow_up")
    event = workshop(agent, consultation)
    result = result_create(author=agent, consultation=consultation, title="Bancs")
    update = result_progress(
        author=agent, result=result, status="in_progress", progress=30, title="Commande passée"
    )
    assert Activity.objects.get(verb=Verb.WORKSHOP_ANNOUNCED).event == event
    line = Activity.objects.get(verb=Verb.RESULT_PROGRESSED)
    assert (line.result, line.result_update, line.consultation) == (result, update, consultation)
