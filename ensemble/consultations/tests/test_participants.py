"""The people who took part online: Participant rows and `participants_count`."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ensemble.answers.models import Answer
from ensemble.comments.models import Comment
from ensemble.comments.services import comment_create
from ensemble.consultations.models import Consultation, Participant
from ensemble.consultations.services.participants import participant_add
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.selectors.workshops import consultation_participation
from ensemble.contributions.services.contributions import contribution_create
from ensemble.contributions.services.supports import support_add, support_remove
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.demo.recount import recount
from ensemble.territories.roles import Role
from ensemble.testing.concurrency import needs_postgres
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def people_online(consultation) -> set[int]:
    """Who took part online, computed from the rows: authors of their own contributions
    (not a workshop's), supporters, commenters (what the old UNION counted)."""
    contributions = Contribution.objects.filter(consultation=consultation)
    authors = contributions.filter(workshop__isnull=True, author__isnull=False).values_list(
        "author_id", flat=True
    )
    supporters = Support.objects.filter(consultation=consultation).values_list("user_id", flat=True)
    commenters = Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(Contribution),
        object_id__in=contributions.values("pk"),
        author__isnull=False,
    ).values_list("author_id", flat=True)
    return set(authors) | set(supporters) | set(commenters)


def _fresh(consultation: Consultation) -> Consultation:
    return Consultation.objects.prefetch_related("phases").get(pk=consultation.pk)


def _post(author, consultation, **extra):
    data = {"kind": "idea", "title": "Des bancs au parc", "body": "Pour se reposer."}
    return contribution_create(author=author, consultation=consultation, **{**data, **extra})


def assert_participants(consultation, expected: set[int]) -> None:
    """Rows, counter and what the people did agree."""
    consultation.refresh_from_db(fields=["participants_count"])
    rows = set(Participant.objects.filter(consultation=consultation).values_list("user", flat=True))
    assert rows == expected
    assert consultation.participants_count == len(expected) == len(rows)
    assert people_online(consultation) <= rows  # withdrawn supports stay counted


@pytest.fixture
def consultation(territory):
    return _fresh(ConsultationFactory(territory=territory))


@pytest.fixture
def idea(consultation):
    # Factories write rows without the services: no author, nobody counted yet.
    return ContributionFactory(author=None, consultation=consultation)


# --- Who takes part -------------------------------------------------------------------


def test_posting_supporting_commenting_count_each_person_once(consultation, territory, idea):
    alice, bob, chloe = member(territory), member(territory), member(territory)
    _post(alice, consultation)
    _post(alice, consultation, title="Encore des bancs")
    support_add(user=bob, contribution=idea)
    support_add(user=alice, contribution=idea)  # already an author
    comment_create(author=chloe, target=idea, body="D'accord.")
    comment_create(author=bob, target=idea, body="Moi aussi.")  # already a supporter

    assert_participants(consultation, {alice.pk, bob.pk, chloe.pk})
    assert consultation_participation(consultation)["online"] == 3


def test_withdrawing_a_support_keeps_the_person_counted(consultation, territory, idea):
    person = member(territory)
    support_add(user=person, contribution=idea)
    assert support_remove(user=person, contribution=idea)
    support_add(user=person, contribution=idea)  # again: still once
    assert_participants(consultation, {person.pk})


def test_a_workshop_group_contribution_is_not_online(territory):
    consultation = _fresh(ConsultationFactory(territory=territory, phase="workshops"))
    now = timezone.now()
    workshop = WorkshopFactory(
        consultation=consultation, starts_at=now - timedelta(hours=2),
        ends_at=now - timedelta(hours=1),
    )  # fmt: skip
    facilitator = member(territory)
    workshop.facilitators.add(facilitator)
    _post(facilitator, consultation, workshop=workshop, group_size=8)
    assert_participants(consultation, set())
    assert consultation_participation(consultation)["online"] == 0


def test_another_consultation_counts_apart(consultation, territory, idea):
    person = member(territory)
    other = _fresh(ConsultationFactory(territory=territory))
    support_add(user=person, contribution=idea)
    support_add(user=person, contribution=ContributionFactory(author=None, consultation=other))
    assert_participants(consultation, {person.pk})
    assert_participants(other, {person.pk})


def test_comments_on_another_kind_of_target_count_nowhere(territory):
    from ensemble.projects.tests.factories import ProjectFactory

    project = ProjectFactory(territory=territory)
    comment_create(author=member(territory), target=project, body="Bravo.")
    assert not Participant.objects.exists()


def test_anonymous_is_never_a_participant(consultation):
    assert participant_add(consultation=consultation, user=AnonymousUser()) is False
    assert participant_add(consultation=consultation, user=None) is False
    assert_participants(consultation, set())


def test_participant_add_says_whether_the_person_is_new(consultation, territory):
    person = member(territory)
    with transaction.atomic():
        assert participant_add(consultation=consultation, user=person) is True
        assert participant_add(consultation=consultation.pk, user=person) is False
    assert_participants(consultation, {person.pk})


def test_participant_add_costs_two_queries_the_first_time_one_after(
    consultation, territory, django_assert_num_queries
):
    person = member(territory)
    with transaction.atomic():
        with django_assert_num_queries(2):  # INSERT … RETURNING, the counter
            participant_add(consultation=consultation, user=person)
        with django_assert_num_queries(1):  # INSERT … ON CONFLICT DO NOTHING
            participant_add(consultation=consultation, user=person)


def test_a_deleted_account_stays_counted_without_its_person(consultation, territory, idea):
    person = member(territory)
    comment_create(author=person, target=idea, body="Bonne idée.")
    person.delete()
    assert Participant.objects.get(consultation=consultation).user_id is None
    consultation.refresh_from_db()
    assert consultation.participants_count == Participant.objects.count() == 1


# --- Refusals take nobody in --------------------------------------------------------------


def test_a_refused_support_counts_nobody(territory, other_territory):
    consultation = _fresh(ConsultationFactory(territory=territory))
    idea = ContributionFactory(author=None, consultation=consultation)
    with pytest.raises(PermissionDenied):
        support_add(user=member(other_territory), contribution=idea)
    with pytest.raises(PermissionDenied):
        support_add(user=UserFactory(), contribution=idea)  # not a member
    with pytest.raises(PermissionDenied):
        support_add(user=member(territory, verified=False), contribution=idea)
    closed = _fresh(ConsultationFactory(territory=territory, phase="follow_up"))
    with pytest.raises(Conflict):
        support_add(
            user=member(territory),
            contribution=ContributionFactory(author=None, consultation=closed),
        )
    assert not Participant.objects.exists()
    assert not Consultation.objects.filter(participants_count__gt=0).exists()


def test_a_support_over_the_limit_counts_nobody_new(territory):
    consultation = _fresh(ConsultationFactory(territory=territory, supports_per_person=1))
    first, second = ContributionFactory.create_batch(2, author=None, consultation=consultation)
    person = member(territory)
    support_add(user=person, contribution=first)
    with pytest.raises(Conflict):
        support_add(user=person, contribution=second)
    assert_participants(consultation, {person.pk})


def test_a_refused_contribution_counts_nobody(territory, other_territory):
    consultation = _fresh(ConsultationFactory(territory=territory, phase="arbitration"))
    with pytest.raises(Conflict):
        _post(member(territory), consultation)
    with pytest.raises(PermissionDenied):
        _post(member(other_territory), _fresh(ConsultationFactory(territory=territory)))
    with pytest.raises(ValidationError):
        _post(member(territory), _fresh(ConsultationFactory(territory=territory)), title=" ")
    assert not Participant.objects.exists()
    assert not Consultation.objects.filter(participants_count__gt=0).exists()


def test_a_refused_comment_counts_nobody(territory, other_territory):
    consultation = _fresh(ConsultationFactory(territory=territory))
    idea = ContributionFactory(author=None, consultation=consultation)
    with pytest.raises(PermissionDenied):
        comment_create(author=member(other_territory), target=idea, body="Et chez nous ?")
    with pytest.raises(ValidationError):
        comment_create(author=member(territory), target=idea, body="   ")
    hidden = ContributionFactory(
        author=None, consultation=consultation, is_hidden=True, hidden_reason="Hors"
    )
    with pytest.raises(PermissionDenied):
        comment_create(author=member(territory), target=hidden, body="Pourquoi ?")
    assert not Participant.objects.exists()
    assert not Consultation.objects.filter(participants_count__gt=0).exists()


def test_internal_consultation_counts_its_agents_only(territory):
    consultation = _fresh(ConsultationFactory(territory=territory, visibility="agents"))
    idea = ContributionFactory(author=None, consultation=consultation)
    agent = member(territory, Role.AGENT)
    with pytest.raises(PermissionDenied):
        support_add(user=member(territory), contribution=idea)
    support_add(user=agent, contribution=idea)
    assert_participants(consultation, {agent.pk})


# --- Through the API and the pages ----------------------------------------------------------


def test_the_consultation_page_shows_the_stored_figure(client, consultation, territory, idea):
    client.force_login(member(territory))
    assert client.post(f"/api/v1/contributions/{idea.pk}/support").status_code == 201
    response = client.post(
        f"/api/v1/contributions/{idea.pk}/comments", {"body": "Oui."}, "application/json"
    )
    assert response.status_code == 201
    assert_participants(consultation, {int(client.session["_auth_user_id"])})
    # A figure nobody can reach by the rows alone: the page reads the counter.
    Consultation.objects.filter(pk=consultation.pk).update(participants_count=1234)
    page = client.get(consultation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "1,234" in page.content.decode()


# --- Scale and demo data --------------------------------------------------------------------


def test_recount_fills_missing_participants_and_keeps_the_others(consultation, territory, idea):
    early, late, commenter = member(territory), member(territory), member(territory)
    support_add(user=early, contribution=idea)  # through the service: a row already
    Support.objects.create(contribution=idea, consultation=consultation, user=late)  # raw rows
    Comment.objects.create(
        territory=territory, content_type=ContentType.objects.get_for_model(Contribution),
        object_id=idea.pk, author=commenter, body="Brut.",
    )  # fmt: skip
    first_seen = Participant.objects.get(user=early).created_at

    recount([consultation.pk])
    recount([consultation.pk])  # idempotent

    assert_participants(consultation, {early.pk, late.pk, commenter.pk})
    assert Participant.objects.get(user=early).created_at == first_seen


def test_recount_sets_whether_answers_are_public(territory):
    consultation = _fresh(ConsultationFactory(territory=territory, phase="arbitration"))
    shown, hidden = ContributionFactory.create_batch(2, author=None, consultation=consultation)
    for contribution in (shown, hidden):
        Answer.objects.create(
            contribution=contribution, consultation=consultation, version=1,
            state="rejected", explanation="x" * 60, is_public=contribution is shown,
        )  # fmt: skip
    Contribution.objects.filter(pk=hidden.pk).update(is_hidden=True)
    recount([consultation.pk])
    assert set(Answer.objects.filter(is_public=True).values_list("contribution", flat=True)) == {
        shown.pk
    }


# --- Concurrency (PostgreSQL) ----------------------------------------------------------------


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_one_person_taking_part_many_ways_at_once_counts_once():
    from ensemble.contributions.tests.test_concurrency_supports import fresh, run_concurrently
    from ensemble.testing.factories import TerritoryFactory

    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    consultation = ConsultationFactory(territory=territory)
    contributions = ContributionFactory.create_batch(10, author=None, consultation=consultation)
    person = member(territory)

    def support(contribution_pk):
        user, target = fresh(contribution_pk, person.pk)
        return support_add(user=user, contribution=target)

    def comment(contribution_pk):
        user, target = fresh(contribution_pk, person.pk)
        return comment_create(author=user, target=target, body="Oui.")

    tasks = [lambda pk=c.pk: support(pk) for c in contributions]
    tasks += [lambda pk=c.pk: comment(pk) for c in contributions[:5]]
    run_concurrently(tasks, len(tasks))

    assert Support.objects.filter(user=person).count() == 10
    assert_participants(consultation, {person.pk})


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_many_people_at_once_count_one_each():
    from ensemble.contributions.tests.test_concurrency_supports import (
        THREADS,
        fresh,
        residents,
        run_concurrently,
    )
    from ensemble.testing.factories import TerritoryFactory

    territory = TerritoryFactory(name="Sceaux", slug="sceaux")
    consultation = ConsultationFactory(territory=territory)
    first, second = ContributionFactory.create_batch(2, author=None, consultation=consultation)
    people = residents(territory, 60)

    def task(user_pk, contribution_pk):
        user, target = fresh(contribution_pk, user_pk)
        return support_add(user=user, contribution=target)

    tasks = [lambda u=u, c=c.pk: task(u, c) for u in people for c in (first, second)]
    run_concurrently(tasks, THREADS)

    assert_participants(consultation, set(people))
