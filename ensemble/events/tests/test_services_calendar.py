"""Organising an event, who may, what it may name; opening dates, attendance, reminders."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from ensemble.activity.models import Activity
from ensemble.activity.tests.makers import make_need, make_organisation
from ensemble.actors.models import Offer
from ensemble.core.exceptions import Conflict
from ensemble.events.models import Event, Registration
from ensemble.events.services import (
    attendance_record,
    event_organise,
    event_update,
    registration_cancel,
    registration_create,
)
from ensemble.events.tasks import event_reminders_send
from ensemble.events.tests.factories import EventFactory
from ensemble.notifications.models import Notification
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def _dates(days=3):
    start = timezone.now() + timedelta(days=days)
    return {"starts_at": start, "ends_at": start + timedelta(hours=2)}


def _organise(actor, territory, kind=Event.Kind.SKILL_SHARING, **data):
    return event_organise(
        actor=actor, territory=territory, kind=kind, title="Compostage en bas de chez soi",
        **{**_dates(), **data},
    )  # fmt: skip


def test_a_member_organises_a_know_how_session_announced_in_the_feed(territory):
    person = member(territory)
    theme = ThemeFactory()
    quarter = NeighbourhoodFactory(territory=territory)

    event = _organise(person, territory, themes=[theme], neighbourhood=quarter, capacity=8)

    assert event.organiser == person and event.kind == "skill_sharing"
    assert list(event.themes.all()) == [theme]
    assert Activity.objects.filter(verb="event_announced", event=event).exists()


@pytest.mark.parametrize("who", ["anonymous", "outsider", "unverified"])
def test_only_verified_members_organise(territory, who):
    from django.contrib.auth.models import AnonymousUser

    actor = {
        "anonymous": lambda: AnonymousUser(),
        "outsider": lambda: UserFactory(),
        "unverified": lambda: member(territory, verified=False),
    }[who]()
    with pytest.raises(PermissionDenied):
        _organise(actor, territory)
    assert not Event.objects.exists()


def test_network_events_are_for_agents(territory):
    with pytest.raises(PermissionDenied):
        _organise(member(territory), territory, kind=Event.Kind.NETWORK)
    assert _organise(member(territory, Role.AGENT), territory, kind=Event.Kind.NETWORK).pk


def test_workshops_come_from_their_consultation(territory):
    with pytest.raises(ValidationError) as error:
        _organise(member(territory, Role.AGENT), territory, kind=Event.Kind.WORKSHOP)
    assert "kind" in error.value.message_dict


def test_a_project_event_names_a_project_of_the_person(territory):
    person = member(territory)
    with pytest.raises(ValidationError) as error:
        _organise(person, territory, kind=Event.Kind.PROJECT)
    assert "project" in error.value.message_dict
    someone_elses = ProjectFactory(territory=territory)
    with pytest.raises(ValidationError) as error:
        _organise(person, territory, kind=Event.Kind.PROJECT, project=someone_elses)
    assert "project" in error.value.message_dict


def _offer(territory, user):
    return Offer.objects.create(user=user, territory=territory, kind="skills", title="Compta")


def test_links_to_other_territories_or_others_offers_are_refused(territory, other_territory):
    person = member(territory)
    cases = {
        "need": make_need(ProjectFactory(territory=other_territory)),
        "offer": _offer(territory, member(territory)),
        "organisation": make_organisation(territory, owner=member(territory)),
    }
    for field, value in cases.items():
        with pytest.raises(ValidationError) as error:
            _organise(person, territory, **{field: value})
        assert field in error.value.message_dict
    assert not Event.objects.exists()


def test_an_offer_becomes_an_event(territory):
    person = member(territory)
    offer = _offer(territory, person)
    need = make_need(ProjectFactory(territory=territory))
    event = _organise(person, territory, offer=offer, need=need)
    assert (event.offer, event.need) == (offer, need)


def test_a_theme_of_another_territory_is_refused(territory, other_territory):
    with pytest.raises(ValidationError) as error:
        _organise(member(territory), territory, themes=[ThemeFactory(territory=other_territory)])
    assert "themes" in error.value.message_dict


def test_registration_opens_at_its_date_with_the_date_in_the_message(territory):
    event = EventFactory(territory=territory, registration_opens_at=timezone.now() + timedelta(1))
    with pytest.raises(Conflict) as error:
        registration_create(user=member(territory), event=event)
    assert error.value.code == "not_open_yet"
    assert str(timezone.localtime(event.registration_opens_at).year) in error.value.messages[0]
    event.registration_opens_at = timezone.now() - timedelta(minutes=1)
    assert registration_create(user=member(territory), event=event).status == "registered"


def test_the_opening_must_come_before_the_start(territory):
    organiser = member(territory)
    with pytest.raises(ValidationError) as error:
        _organise(organiser, territory, registration_opens_at=timezone.now() + timedelta(days=9))
    assert "registration_opens_at" in error.value.message_dict


def test_only_its_organiser_or_an_agent_changes_an_event(territory):
    organiser = member(territory)
    event = _organise(organiser, territory)
    with pytest.raises(PermissionDenied):
        event_update(actor=member(territory), event=event, data={"title": "Autre"})
    event_update(actor=organiser, event=event, data={"title": "Compost partagé"})
    event_update(actor=member(territory, Role.AGENT), event=event, data={"capacity": 3})
    event.refresh_from_db()
    assert (event.title, event.capacity) == ("Compost partagé", 3)


def test_a_full_session_promotes_the_next_person_when_someone_cancels(territory):
    event = EventFactory(territory=territory, capacity=1)
    first, second = member(territory), member(territory)
    registration_create(user=first, event=event)
    assert registration_create(user=second, event=event).status == "waitlisted"
    registration_cancel(user=first, event=event)
    assert Registration.objects.get(user=second).status == "registered"
    assert Notification.objects.filter(user=second, kind="registration_confirmed").exists()


def test_attendance_once_started_by_the_organiser_only(territory):
    organiser, resident, absent = member(territory), member(territory), member(territory)
    event = _organise(organiser, territory)
    for person in (resident, absent):
        registration_create(user=person, event=event)
    with pytest.raises(Conflict):
        attendance_record(actor=organiser, event=event, present_user_ids=[resident.pk])
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    event.refresh_from_db()
    with pytest.raises(PermissionDenied):
        attendance_record(actor=resident, event=event, present_user_ids=[resident.pk])
    with pytest.raises(ValidationError) as error:
        attendance_record(actor=organiser, event=event, present_user_ids=[organiser.pk])
    assert "present" in error.value.message_dict

    attendance_record(actor=organiser, event=event, present_user_ids=[resident.pk])

    rows = dict(Registration.objects.values_list("user_id", "attended"))
    assert rows == {resident.pk: True, absent.pk: False}
    assert Event.objects.get(pk=event.pk).participants_count == 1


def test_reminders_go_once_to_people_registered_the_day_before(territory):
    event = EventFactory(territory=territory, starts_at=timezone.now() + timedelta(hours=20))
    registered, waiting = member(territory), member(territory)
    event.capacity = 1
    registration_create(user=registered, event=event)
    registration_create(user=waiting, event=event)

    assert event_reminders_send.call(event_id=event.pk) == 1
    assert event_reminders_send.call(event_id=event.pk) == 0
    reminders = Notification.objects.filter(kind="event_reminder")
    assert list(reminders.values_list("user_id", flat=True)) == [registered.pk]


def test_no_reminder_for_a_cancelled_or_later_event(territory):
    later = EventFactory(territory=territory, starts_at=timezone.now() + timedelta(days=3))
    cancelled = EventFactory(
        territory=territory, starts_at=timezone.now() + timedelta(hours=3), is_cancelled=True
    )
    for event in (later, cancelled):
        Registration.objects.create(event=event, user=member(territory), status="registered")
        assert event_reminders_send.call(event_id=event.pk) == 0
    assert not Notification.objects.filter(kind="event_reminder").exists()


def test_the_command_queues_the_reminders_of_the_next_day(territory):
    soon = EventFactory(territory=territory, starts_at=timezone.now() + timedelta(hours=5))
    registration_create(user=member(territory), event=soon)
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(kind="event_reminder").count() == 1


def test_an_event_in_the_past_is_refused_naming_its_start(territory):
    with pytest.raises(ValidationError) as refused:
        _organise(member(territory), territory, **_dates(days=-2200))  # 2020 or so
    assert "starts_at" in refused.value.message_dict
    assert not Event.objects.exists()


def test_moving_an_event_into_the_past_is_refused_but_other_changes_are_not(territory):
    organiser = member(territory)
    event = _organise(organiser, territory)
    with pytest.raises(ValidationError) as refused:
        event_update(actor=organiser, event=event, data=_dates(days=-1))
    assert "starts_at" in refused.value.message_dict
    Event.objects.filter(pk=event.pk).update(**_dates(days=-1))  # it took place
    event.refresh_from_db()
    event_update(actor=organiser, event=event, data={"title": "Compte rendu"})
