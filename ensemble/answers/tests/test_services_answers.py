import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ensemble.accounts.models import User
from ensemble.answers.models import Answer
from ensemble.answers.services import answer_create, explanation_check
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState, Contribution
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.testing.concurrency import needs_postgres
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."
STATES = list(AnswerState.values)


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration")


@pytest.fixture
def contribution(consultation):
    return ContributionFactory(consultation=consultation)


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def answer(contribution, author, **kwargs):
    kwargs.setdefault("state", AnswerState.ACCEPTED)
    kwargs.setdefault("explanation", EXPLANATION)
    return answer_create(author=author, contribution=contribution, **kwargs)


def answered_count(consultation) -> int:
    return Consultation.objects.get(pk=consultation.pk).answered_count


# --- refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_members_and_moderators_cannot_answer(territory, contribution, role):
    with pytest.raises(PermissionDenied):
        answer(contribution, member(territory, role))
    assert not Answer.objects.exists()


def test_agent_of_another_territory_cannot_answer(other_territory, contribution):
    with pytest.raises(PermissionDenied):
        answer(contribution, member(other_territory, "agent"))


def test_person_without_membership_cannot_answer(contribution):
    with pytest.raises(PermissionDenied):
        answer(contribution, UserFactory())


def test_draft_consultation_cannot_be_answered(territory, agent):
    draft = ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    with pytest.raises(PermissionDenied):
        answer(ContributionFactory(consultation=draft), agent)


def test_even_a_network_admin_cannot_answer_in_a_draft(territory):
    draft = ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    with pytest.raises(Conflict):
        answer(ContributionFactory(consultation=draft), UserFactory(is_superuser=True))


def test_no_answer_before_the_consultation_starts(territory, agent):
    consultation = ConsultationFactory(territory=territory, phase=False)
    with pytest.raises(Conflict):
        answer(ContributionFactory(consultation=consultation), agent)
    assert answered_count(consultation) == 0


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("explanation", ["", "   \n\t ", "Trop court."])
def test_explanation_is_mandatory_for_every_state(contribution, agent, state, explanation):
    with pytest.raises(ValidationError) as error:
        answer(contribution, agent, state=state, explanation=explanation)
    assert "explanation" in error.value.message_dict
    assert not Answer.objects.exists()
    contribution.refresh_from_db()
    assert contribution.answer_state == ""


@settings(max_examples=60, deadline=None)
@given(
    padding=st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=40),
    text=st.text(max_size=49).map(str.strip),
)
def test_whitespace_does_not_count(padding, text):
    consultation = Consultation(explanation_min_length=50)
    with pytest.raises(ValidationError) as error:
        explanation_check(consultation=consultation, explanation=padding + text + padding)
    assert list(error.value.message_dict) == ["explanation"]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(explanation=st.text(max_size=49), state=st.sampled_from(STATES))
def test_short_explanations_are_refused_by_the_service(contribution, agent, explanation, state):
    with pytest.raises(ValidationError) as error:
        answer(contribution, agent, state=state, explanation=explanation)
    assert "explanation" in error.value.message_dict


def test_configured_minimum_length(territory, agent):
    consultation = ConsultationFactory(
        territory=territory, phase="arbitration", explanation_min_length=10
    )
    contribution = ContributionFactory(consultation=consultation)
    with pytest.raises(ValidationError):
        answer(contribution, agent, explanation="  123456789  ")
    assert answer(contribution, agent, explanation="  1234567890  ").explanation == "1234567890"


def test_unknown_state_and_negative_cost_are_refused(contribution, agent):
    with pytest.raises(ValidationError) as error:
        answer(contribution, agent, state="maybe")
    assert "state" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        answer(contribution, agent, cost=Decimal("-1"))
    assert "cost" in error.value.message_dict


# --- acceptances --------------------------------------------------------------------------


@pytest.mark.parametrize("phase", ["collect", "workshops", "arbitration", "follow_up"])
def test_agent_answers_in_every_phase_that_allows_it(territory, agent, phase):
    consultation = ConsultationFactory(territory=territory, phase=phase)
    contribution = ContributionFactory(consultation=consultation)
    result = answer(
        contribution, agent, decided_by="Conseil municipal du 12 mars", cost=Decimal("1200.50"),
        timeline="Printemps 2027",
    )  # fmt: skip
    assert (result.version, result.state, result.author_role) == (1, "accepted", "agent")
    assert result.consultation_id == consultation.pk
    assert result.cost == Decimal("1200.50")
    contribution.refresh_from_db()
    assert contribution.answer_id == result.pk
    assert contribution.answer_state == "accepted"
    assert contribution.first_answered_at is not None
    assert answered_count(consultation) == 1


def test_admin_and_network_admin_roles_are_recorded(territory, contribution):
    assert answer(contribution, member(territory, "admin")).author_role == "admin"
    superuser = UserFactory(is_superuser=True)
    assert answer(contribution, superuser).author_role == "network_admin"


def test_revision_is_a_new_version_and_counts_once(consultation, contribution, agent):
    first = answer(contribution, agent, state=AnswerState.UNDER_STUDY)
    contribution.refresh_from_db()
    first_answered_at = contribution.first_answered_at
    second = answer(contribution, agent, state=AnswerState.REJECTED)
    assert (first.version, second.version) == (1, 2)
    assert Answer.objects.filter(contribution=contribution).count() == 2
    first.refresh_from_db()
    assert first.state == AnswerState.UNDER_STUDY  # older versions are never edited
    contribution.refresh_from_db()
    assert contribution.answer_id == second.pk
    assert contribution.answer_state == AnswerState.REJECTED
    assert contribution.first_answered_at == first_answered_at
    assert answered_count(consultation) == 1


def test_answered_count_follows_contributions(consultation, agent):
    contributions = ContributionFactory.create_batch(3, consultation=consultation)
    for contribution in contributions[:2]:
        answer(contribution, agent)
    assert answered_count(consultation) == 2


def test_hidden_and_merged_contributions_are_not_counted(consultation, agent):
    target = ContributionFactory(consultation=consultation)
    hidden = ContributionFactory(
        consultation=consultation, is_hidden=True, hidden_reason="Hors sujet"
    )
    merged = ContributionFactory(consultation=consultation, merged_into=target)
    answer(hidden, agent, state=AnswerState.REJECTED)
    answer(merged, agent, state=AnswerState.MERGED)
    assert answered_count(consultation) == 0
    hidden.refresh_from_db()
    assert hidden.answer_state == AnswerState.REJECTED


def test_caller_object_is_kept_true(contribution, agent):
    result = answer(contribution, agent)
    assert contribution.answer == result
    assert contribution.answer_state == "accepted"


# --- concurrency (PostgreSQL: real concurrent connections) -------------------------------


@pytest.mark.django_db(transaction=True)
@needs_postgres
def test_concurrent_answers_get_distinct_versions(territory):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    contribution_pk = ContributionFactory(consultation=consultation).pk
    agent_pk = member(territory, "agent").pk
    threads = 8
    barrier = threading.Barrier(threads)

    def worker(index):
        try:
            author = User.objects.get(pk=agent_pk)
            contribution = Contribution.objects.select_related("consultation__territory").get(
                pk=contribution_pk
            )
            barrier.wait(timeout=30)
            return answer(contribution, author, state=STATES[index % len(STATES)]).version
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        versions = sorted(pool.map(worker, range(threads)))
    assert versions == list(range(1, threads + 1))
    contribution = Contribution.objects.get(pk=contribution_pk)
    assert contribution.answer.version == threads
    assert answered_count(consultation) == 1
