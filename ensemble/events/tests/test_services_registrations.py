from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.core.exceptions import Conflict
from ensemble.events.models import Registration
from ensemble.events.selectors import event_get, waitlist_position
from ensemble.events.services import (
    event_cancel,
    event_update,
    registration_cancel,
    registration_create,
)
from ensemble.notifications.models import Notification
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


# --- registration_create -----------------------------------------------------


def test_registration_then_waiting_list_when_full(territory):
    event = _workshop(territory, capacity=2)
    people = [member(territory) for _ in range(4)]

    statuses = [registration_create(user=p, event=event).status for p in people]

    assert statuses == ["registered", "registered", "waitlisted", "waitlisted"]
    _assert_counters_true(event)
    third = Registration.objects.get(event=event, user=people[3])
    assert waitlist_position(third) == 2


def test_registering_twice_is_idempotent(territory):
    event = _workshop(territory)
    person = member(territory)
    first = registration_create(user=person, event=event)
    again = registration_create(user=person, event=event)
    assert first.pk == again.pk
    _assert_counters_true(event)
    assert event.registered_count == 1


def test_no_capacity_means_no_limit(territory):
    event = _workshop(territory, capacity=None)
    for _ in range(3):
        registration_create(user=member(territory), event=event)
    _assert_counters_true(event)
    assert event.waitlist_count == 0


@pytest.mark.parametrize("who", ["anonymous", "unverified", "outsider", "other_territory"])
def test_registration_refused_to(territory, other_territory, who):
    from django.contrib.auth.models import AnonymousUser

    event = _workshop(territory)
    user = {
        "anonymous": lambda: AnonymousUser(),
        "unverified": lambda: member(territory, verified=False),
        "outsider": lambda: UserFactory(),
        "other_territory": lambda: member(other_territory),
    }[who]()
    with pytest.raises(PermissionDenied):
        registration_create(user=user, event=event)
    _assert_counters_true(event)
    assert event.registered_count == 0


def test_internal_consultation_workshop_refuses_residents(territory):
    consultation = ConsultationFactory(
        territory=territory, phase="workshops", visibility=Consultation.Visibility.AGENTS
    )
    event = event_get(pk=WorkshopFactory(consultation=consultation).pk)
    with pytest.raises(PermissionDenied):
        registration_create(user=member(territory), event=event)
    assert registration_create(user=member(territory, Role.AGENT), event=event).status == (
        "registered"
    )


@pytest.mark.parametrize("phase", ["collect", "arbitration", False])
def test_registration_refused_outside_the_workshops_phase(territory, phase):
    event = _workshop(territory, phase=phase)
    with pytest.raises(Conflict):
        registration_create(user=member(territory), event=event)
    _assert_counters_true(event)
    assert event.registered_count == 0


def test_registration_refused_for_a_past_event(territory):
    event = _workshop(
        territory,
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    with pytest.raises(Conflict):
        registration_create(user=member(territory), event=event)


def test_registration_refused_for_a_cancelled_event(territory):
    event = _workshop(territory, is_cancelled=True)
    with pytest.raises(Conflict):
        registration_create(user=member(territory), event=event)


# --- registration_cancel and promotion ---------------------------------------


def test_cancelling_promotes_the_first_person_waiting(territory):
    event = _workshop(territory, capacity=1)
    first, second, third = (member(territory) for _ in range(3))
    for person in (first, second, third):
        registration_create(user=person, event=event)

    registration_cancel(user=first, event=event)

    assert Registration.objects.get(event=event, user=second).status == "registered"
    assert Registration.objects.get(event=event, user=third).status == "waitlisted"
    _assert_counters_true(event)
    assert (event.registered_count, event.waitlist_count) == (1, 1)
    notification = Notification.objects.get(user=second)
    assert notification.kind == "registration_confirmed"
    assert not Notification.objects.filter(user=third).exists()


def test_leaving_the_waiting_list_promotes_nobody(territory):
    event = _workshop(territory, capacity=1)
    first, second = member(territory), member(territory)
    registration_create(user=first, event=event)
    registration_create(user=second, event=event)
    registration_cancel(user=second, event=event)
    _assert_counters_true(event)
    assert (event.registered_count, event.waitlist_count) == (1, 0)


def test_cancelling_when_not_registered_does_nothing(territory):
    event = _workshop(territory)
    registration_cancel(user=member(territory), event=event)
    _assert_counters_true(event)


def test_a_larger_capacity_lets_people_in(territory):
    event = _workshop(territory, capacity=1)
    people = [member(territory) for _ in range(3)]
    for person in people:
        registration_create(user=person, event=event)
    event_update(actor=member(territory, Role.AGENT), event=event, data={"capacity": 3})
    _assert_counters_true(event)
    assert (event.registered_count, event.waitlist_count) == (3, 0)


def test_capacity_cannot_drop_below_the_registered(territory):
    event = _workshop(territory, capacity=3)
    for _ in range(2):
        registration_create(user=member(territory), event=event)
    with pytest.raises(ValidationError) as error:
        event_update(actor=member(territory, Role.AGENT), event=event, data={"capacity": 1})
    assert "capacity" in error.value.message_dict


def test_event_update_refuses_members(territory):
    event = _workshop(territory)
    with pytest.raises(PermissionDenied):
        event_update(actor=member(territory), event=event, data={"title": "Autre"})


def test_event_cancel_tells_everyone_registered(territory):
    event = _workshop(territory, capacity=1)
    first, second = member(territory), member(territory)
    registration_create(user=first, event=event)
    registration_create(user=second, event=event)

    event_cancel(actor=member(territory, Role.AGENT), event=event)

    event.refresh_from_db()
    assert event.is_cancelled
    assert set(
        Notification.objects.filter(kind="event_cancelled").values_list("user", flat=True)
    ) == {first.pk, second.pk}


def test_event_cancel_refused_to_facilitators(territory):
    event = _workshop(territory)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    with pytest.raises(PermissionDenied):
        event_cancel(actor=facilitator, event=event)
