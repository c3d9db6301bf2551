from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ensemble.comments.models import Comment
from ensemble.comments.services import comment_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.selectors.workshops import consultation_participation
from ensemble.contributions.services.contributions import contribution_create
from ensemble.contributions.services.supports import support_add, support_remove
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def _comment(contribution, author):
    return Comment.objects.create(
        territory=contribution.territory,
        content_type=ContentType.objects.get_for_model(Contribution),
        object_id=contribution.pk,
        author=author,
        body="D'accord.",
    )


def _support(contribution, user):
    Support.objects.create(
        contribution=contribution, consultation=contribution.consultation, user=user
    )


def test_empty_consultation_has_zero_everywhere(territory):
    consultation = ConsultationFactory(territory=territory)
    assert consultation_participation(consultation) == {
        "online": 0,
        "in_person": 0,
        "total": 0,
        "workshops": 0,
        "workshops_unreported": 0,
        "workshop_contributions": 0,
    }


def test_online_counts_each_person_once(territory):
    consultation = Consultation.objects.prefetch_related("phases").get(
        pk=ConsultationFactory(territory=territory).pk
    )
    alice, bob, chloe, dan = (member(territory) for _ in range(4))
    data = {"kind": "idea", "title": "Des bancs", "body": "Au parc."}
    idea = contribution_create(author=alice, consultation=consultation, **data)
    contribution_create(author=alice, consultation=consultation, **{**data, "title": "Des tables"})
    support_add(user=bob, contribution=idea)
    support_add(user=alice, contribution=idea)  # already counted as an author
    comment_create(author=chloe, target=idea, body="D'accord.")
    comment_create(author=bob, target=idea, body="Moi aussi.")  # already a supporter
    support_remove(user=bob, contribution=idea)  # withdrawing: bob took part all the same
    # Another consultation's activity is not counted.
    elsewhere = ContributionFactory(
        consultation=ConsultationFactory(territory=territory), author=None
    )
    support_add(user=dan, contribution=elsewhere)
    comment_create(author=dan, target=elsewhere, body="Ailleurs.")
    consultation.refresh_from_db()

    figures = consultation_participation(consultation)

    assert figures["online"] == 3


def test_online_is_the_stored_figure(territory):
    """Rows written without the services (imports, fixtures) count only once recounted."""
    consultation = ConsultationFactory(territory=territory)
    _support(ContributionFactory(consultation=consultation, author=None), UserFactory())
    assert consultation_participation(consultation)["online"] == 0
    Consultation.objects.filter(pk=consultation.pk).update(participants_count=7)
    consultation.refresh_from_db()
    assert consultation_participation(consultation)["online"] == 7


def test_workshop_contributions_are_in_person_not_online(territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    facilitator = UserFactory()
    past = WorkshopFactory(
        consultation=consultation,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
        participants_count=25,
    )
    WorkshopFactory(
        consultation=consultation,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() - timedelta(hours=20),
    )  # past, not reported yet
    WorkshopFactory(consultation=consultation)  # upcoming
    WorkshopFactory(consultation=consultation, is_cancelled=True, participants_count=99)
    ContributionFactory(consultation=consultation, author=facilitator, workshop=past, group_size=6)
    ContributionFactory(consultation=consultation, author=facilitator, workshop=past, group_size=5)
    ContributionFactory(
        consultation=consultation, author=facilitator, workshop=past, is_hidden=True
    )

    figures = consultation_participation(consultation)

    assert figures["online"] == 0  # the facilitator typed for the groups
    assert figures["in_person"] == 25
    assert figures["workshops"] == 3
    assert figures["workshops_unreported"] == 1
    assert figures["workshop_contributions"] == 2
    assert figures["total"] == 25


def test_figures_cost_a_fixed_number_of_queries(territory):
    consultation = ConsultationFactory(territory=territory)

    def measure():
        with CaptureQueriesContext(connection) as context:
            consultation_participation(consultation)
        return len(context.captured_queries)

    small = measure()
    for user in UserFactory.create_batch(10):
        idea = ContributionFactory(consultation=consultation)
        _support(idea, user)
        _comment(idea, user)
    WorkshopFactory.create_batch(3, consultation=consultation)
    assert measure() == small == 2  # the workshops' figures and their contributions
