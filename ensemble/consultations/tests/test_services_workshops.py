"""Workshops of a consultation: creating one (an event linked to it) and its report."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.consultations.services.workshops import workshop_create, workshop_report
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.core.exceptions import Conflict
from ensemble.events.models import Event, Registration
from ensemble.events.selectors import event_get
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def _workshop(territory, *, phase="workshops", capacity=20, **kwargs):
    consultation = ConsultationFactory(territory=territory, phase=phase)
    event = WorkshopFactory(consultation=consultation, capacity=capacity, **kwargs)
    return event_get(pk=event.pk)


def _assert_counters_true(event):
    event.refresh_from_db()
    rows = Registration.objects.filter(event=event)
    assert event.registered_count == rows.filter(status="registered").count()
    assert event.waitlist_count == rows.filter(status="waitlisted").count()


# --- workshop_create ---------------------------------------------------------


def _create_kwargs(consultation, **overrides):
    start = timezone.now() + timedelta(days=3)
    kwargs = {
        "consultation": consultation, "title": "Atelier mobilité", "description": "",
        "starts_at": start, "ends_at": start + timedelta(hours=2),
        "address": "Mairie", "capacity": 10,
    }  # fmt: skip
    kwargs.update(overrides)
    return kwargs


def test_an_agent_creates_a_workshop_with_facilitators(territory):
    consultation = ConsultationFactory(territory=territory)
    agent = member(territory, Role.AGENT)
    facilitator = member(territory)

    event = workshop_create(
        author=agent, **_create_kwargs(consultation, facilitators=[facilitator])
    )

    assert event.territory == territory
    assert event.kind == Event.Kind.WORKSHOP
    assert list(event.facilitators.all()) == [facilitator]


@pytest.mark.parametrize("role", [None, Role.MEMBER, Role.MODERATOR])
def test_only_agents_create_workshops(territory, role):
    consultation = ConsultationFactory(territory=territory)
    author = UserFactory() if role is None else member(territory, role)
    with pytest.raises(PermissionDenied):
        workshop_create(author=author, **_create_kwargs(consultation))


def test_an_agent_of_another_territory_cannot_create(territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    with pytest.raises(PermissionDenied):
        workshop_create(author=member(other_territory, Role.AGENT), **_create_kwargs(consultation))


def test_the_end_must_follow_the_start(territory):
    consultation = ConsultationFactory(territory=territory)
    start = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        workshop_create(
            author=member(territory, Role.AGENT),
            **_create_kwargs(consultation, starts_at=start, ends_at=start),
        )
    assert "ends_at" in error.value.message_dict


def test_facilitators_must_be_members_of_the_territory(territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    with pytest.raises(ValidationError) as error:
        workshop_create(
            author=member(territory, Role.AGENT),
            **_create_kwargs(consultation, facilitators=[member(other_territory)]),
        )
    assert "facilitators" in error.value.message_dict


def test_capacity_zero_is_refused(territory):
    consultation = ConsultationFactory(territory=territory)
    with pytest.raises(ValidationError) as error:
        workshop_create(
            author=member(territory, Role.AGENT), **_create_kwargs(consultation, capacity=0)
        )
    assert "capacity" in error.value.message_dict


# --- workshop_report ---------------------------------------------------------


def _started(territory, **kwargs):
    return _workshop(
        territory,
        starts_at=timezone.now() - timedelta(hours=2),
        ends_at=timezone.now() - timedelta(hours=1),
        **kwargs,
    )


def test_a_facilitator_records_the_people_present(territory):
    event = _started(territory)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    workshop_report(actor=facilitator, event=event, participants_count=18)
    event.refresh_from_db()
    assert event.participants_count == 18


def test_an_agent_records_the_people_present(territory):
    event = _started(territory)
    workshop_report(actor=member(territory, Role.AGENT), event=event, participants_count=0)
    event.refresh_from_db()
    assert event.participants_count == 0


@pytest.mark.parametrize("who", ["member", "moderator", "other_agent", "anonymous"])
def test_report_refused_to_non_facilitators(territory, other_territory, who):
    from django.contrib.auth.models import AnonymousUser

    event = _started(territory)
    actor = {
        "member": lambda: member(territory),
        "moderator": lambda: member(territory, Role.MODERATOR),
        "other_agent": lambda: member(other_territory, Role.AGENT),
        "anonymous": lambda: AnonymousUser(),
    }[who]()
    with pytest.raises(PermissionDenied):
        workshop_report(actor=actor, event=event, participants_count=5)


def test_report_refused_before_the_workshop(territory):
    event = _workshop(territory)
    with pytest.raises(Conflict):
        workshop_report(actor=member(territory, Role.AGENT), event=event, participants_count=5)


def test_report_refused_for_a_draft_consultation(territory):
    event = _started(territory)
    Consultation.objects.filter(pk=event.workshop.consultation_id).update(status="draft")
    event = event_get(pk=event.pk)
    with pytest.raises(PermissionDenied):
        workshop_report(actor=member(territory, Role.AGENT), event=event, participants_count=5)


@pytest.mark.parametrize("count", [-1, 100_001, None])
def test_report_refuses_absurd_counts(territory, count):
    event = _started(territory)
    with pytest.raises(ValidationError) as error:
        workshop_report(actor=member(territory, Role.AGENT), event=event, participants_count=count)
    assert "participants_count" in error.value.message_dict


def test_a_workshop_in_2020_before_its_consultation_is_refused_naming_its_start(territory):
    consultation = ConsultationFactory(territory=territory)
    start = timezone.now() - timedelta(days=2200)
    with pytest.raises(ValidationError) as refused:
        workshop_create(
            author=member(territory, Role.AGENT),
            **_create_kwargs(consultation, starts_at=start, ends_at=start + timedelta(hours=2)),
        )
    assert "consultation" in refused.value.message_dict["starts_at"][0]  # while it runs
    assert not Event.objects.exists()


def test_a_workshop_after_the_consultation_has_closed_is_refused(territory):
    consultation = ConsultationFactory(territory=territory)
    last = max(consultation.phases.all(), key=lambda phase: phase.starts_at)
    last.ends_at = timezone.now() + timedelta(days=5)
    last.save()
    consultation = Consultation.objects.prefetch_related("phases").get(pk=consultation.pk)
    start = timezone.now() + timedelta(days=30)
    with pytest.raises(ValidationError) as refused:
        workshop_create(
            author=member(territory, Role.AGENT),
            **_create_kwargs(consultation, starts_at=start, ends_at=start + timedelta(hours=2)),
        )
    assert "consultation" in refused.value.message_dict["starts_at"][0]  # while it runs
