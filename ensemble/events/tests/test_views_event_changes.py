"""The pages to change and cancel an event, and what a cancelled event shows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Event, Registration
from ensemble.events.selectors import event_get
from ensemble.events.services import registration_create
from ensemble.notifications.models import Notification
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import count_queries

pytestmark = pytest.mark.django_db
FORMAT = "%Y-%m-%dT%H:%M"


def fr(text: str) -> str:
    """What the (French) pages say for an English source string."""
    with translation.override("fr"):
        return gettext(text)


CANCELLED = "This event has been cancelled."


def _url(name, event):
    return reverse(name, kwargs={"territory_slug": event.territory.slug, "pk": event.pk})


def _workshop(territory, **extra):
    return WorkshopFactory(
        consultation=ConsultationFactory(territory=territory, phase="workshops"), **extra
    )


def _form_data(event, **overrides):
    start = timezone.localtime(event.starts_at)
    data = {
        "title": event.title, "description": event.description, "address": event.address,
        "starts_at": start.strftime(FORMAT),
        "ends_at": timezone.localtime(event.ends_at).strftime(FORMAT),
        "capacity": str(event.capacity or ""), "facilitator_emails": "",
    }  # fmt: skip
    data.update(overrides)
    return data


# --- Who may ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["events:edit", "events:cancel"])
def test_anonymous_people_are_asked_to_log_in(client, territory, name):
    event = _workshop(territory)
    for method in (client.get, client.post):
        response = method(_url(name, event))
        assert response.status_code == 302
        assert "/login" in response["Location"] or "connexion" in response["Location"]
    assert not Event.objects.get().is_cancelled


@pytest.mark.parametrize("name", ["events:edit", "events:cancel"])
@pytest.mark.parametrize("who", ["member", "facilitator", "moderator", "unaffiliated"])
def test_refused_to_everyone_but_agents(client, territory, name, who):
    event = _workshop(territory)
    person = UserFactory() if who == "unaffiliated" else member(
        territory, Role.MODERATOR if who == "moderator" else Role.MEMBER
    )  # fmt: skip
    if who == "facilitator":
        event.facilitators.add(person)
    client.force_login(person)
    assert client.get(_url(name, event)).status_code == 403
    assert client.post(_url(name, event), _form_data(event, title="Pris")).status_code == 403
    event.refresh_from_db()
    assert not event.is_cancelled and event.title != "Pris"


@pytest.mark.parametrize("name", ["events:edit", "events:cancel"])
def test_agents_of_another_territory_get_a_404(client, territory, other_territory, name):
    event = _workshop(territory)
    client.force_login(member(other_territory, Role.AGENT))
    url = reverse(name, kwargs={"territory_slug": other_territory.slug, "pk": event.pk})
    assert client.get(url).status_code == 404
    # Through the right territory's address: they see a public workshop, but may not change it.
    assert client.get(_url(name, event)).status_code == 403


@pytest.mark.parametrize("name", ["events:edit", "events:cancel"])
def test_internal_consultation_workshop_is_404_for_residents(client, territory, name):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS
    )
    event = WorkshopFactory(consultation=consultation)
    client.force_login(member(territory))
    assert client.get(_url(name, event)).status_code == 404


def test_the_event_page_offers_the_links_to_agents_only(client, territory):
    event = _workshop(territory)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    links = (_url("events:edit", event), _url("events:cancel", event))
    for person in (None, member(territory), facilitator):
        if person:
            client.force_login(person)
        page = client.get(_url("events:detail", event)).content.decode()
        assert not any(link in page for link in links)
    client.force_login(member(territory, Role.AGENT))
    page = client.get(_url("events:detail", event)).content.decode()
    assert all(link in page for link in links)


def test_a_started_event_can_be_changed_not_cancelled(client, territory):
    now = timezone.now()
    event = _workshop(
        territory, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    client.force_login(member(territory, Role.AGENT))
    page = client.get(_url("events:detail", event)).content.decode()
    assert _url("events:edit", event) in page
    assert _url("events:cancel", event) not in page
    page = client.get(_url("events:cancel", event)).content.decode()
    assert '<form method="post">' not in page
    response = client.post(_url("events:cancel", event), follow=True)
    assert not Event.objects.get().is_cancelled
    assert [str(m) for m in response.context["messages"]] == [fr("This event has already started.")]


# --- Changing ----------------------------------------------------------------------


def test_an_agent_changes_the_workshop_and_its_facilitators(client, territory):
    event = _workshop(territory, capacity=1)
    old, new = member(territory), member(territory)
    event.facilitators.add(old)
    first, waiting = member(territory), member(territory)
    registration_create(user=first, event=event_get(pk=event.pk))
    registration_create(user=waiting, event=event_get(pk=event.pk))
    client.force_login(member(territory, Role.AGENT))

    page = client.get(_url("events:edit", event)).content.decode()
    assert old.email in page and event.title in page  # the form, filled in
    response = client.post(
        _url("events:edit", event),
        _form_data(event, title="Atelier déplacé", capacity="2", facilitator_emails=new.email),
    )
    assert response.status_code == 302
    assert response["Location"] == _url("events:detail", event)
    event.refresh_from_db()
    assert event.title == "Atelier déplacé"
    assert list(event.facilitators.all()) == [new]
    assert Registration.objects.get(user=waiting).status == "registered"  # the new place


def test_a_network_admin_can_be_named_facilitator(client, territory):
    event = _workshop(territory)
    admin = UserFactory(is_superuser=True)  # no membership: the services' rule accepts them
    client.force_login(member(territory, Role.AGENT))
    response = client.post(
        _url("events:edit", event), _form_data(event, facilitator_emails=admin.email)
    )
    assert response.status_code == 302
    assert list(event.facilitators.all()) == [admin]


def test_change_errors_keep_what_was_typed(client, territory, other_territory):
    event = _workshop(territory, capacity=2)
    registration_create(user=member(territory), event=event_get(pk=event.pk))
    registration_create(user=member(territory), event=event_get(pk=event.pk))
    stranger = member(other_territory)
    client.force_login(member(territory, Role.AGENT))
    response = client.post(
        _url("events:edit", event),
        _form_data(event, title="Titre gardé", capacity="1", facilitator_emails=stranger.email),
    )
    assert response.status_code == 400
    assert {"facilitator_emails"} <= set(response.context["form"].errors)
    assert "Titre gardé" in response.content.decode()
    # The service's own refusal (fewer places than people registered) lands on its field.
    response = client.post(_url("events:edit", event), _form_data(event, capacity="1"))
    assert response.status_code == 400
    assert "capacity" in response.context["form"].errors
    event.refresh_from_db()
    assert (event.title, event.capacity) != ("Titre gardé", 1)
    assert event.capacity == 2


def test_a_cancelled_event_cannot_be_changed(client, territory):
    event = _workshop(territory, is_cancelled=True)
    client.force_login(member(territory, Role.AGENT))
    response = client.get(_url("events:edit", event))
    assert response.status_code == 302
    response = client.post(_url("events:edit", event), _form_data(event, title="Revenu"))
    event.refresh_from_db()
    assert event.title != "Revenu"


# --- Cancelling ----------------------------------------------------------------------


def test_an_agent_cancels_after_confirming(client, territory):
    event = _workshop(territory)
    person = member(territory)
    registration_create(user=person, event=event_get(pk=event.pk))
    client.force_login(member(territory, Role.AGENT))

    page = client.get(_url("events:cancel", event)).content.decode()
    assert '<form method="post">' in page
    assert not Event.objects.get().is_cancelled  # a GET only asks
    response = client.post(_url("events:cancel", event))
    assert response.status_code == 302
    assert Event.objects.get().is_cancelled
    assert Notification.objects.filter(user=person, kind="event_cancelled").exists()


def test_a_cancelled_event_says_so_everywhere_and_refuses_registrations(client, territory):
    event = _workshop(territory)
    person = member(territory)
    registration_create(user=person, event=event_get(pk=event.pk))
    Event.objects.filter(pk=event.pk).update(is_cancelled=True)
    client.force_login(person)

    page = client.get(_url("events:detail", event)).content.decode()
    assert escape(fr(CANCELLED)) in page
    assert escape(fr("You are registered.")) not in page
    assert 'name="action"' not in page  # no register or unregister button

    newcomer = member(territory)
    client.force_login(newcomer)
    response = client.post(_url("events:register", event), {"action": "register"}, follow=True)
    assert not Registration.objects.filter(user=newcomer).exists()
    assert fr(CANCELLED) in [str(m) for m in response.context["messages"]]

    workshops = reverse(
        "contributions:consultation_workshops",
        kwargs={
            "territory_slug": territory.slug,
            "consultation_pk": event.workshop.consultation_id,
        },
    )
    assert escape(fr("Cancelled")) in client.get(workshops).content.decode()
    assert b"STATUS:CANCELLED" in client.get(_url("events:ics", event)).content

    agent = member(territory, Role.AGENT)
    client.force_login(agent)
    page = client.get(_url("events:detail", event)).content.decode()
    assert _url("events:edit", event) not in page and _url("events:cancel", event) not in page
    report = client.get(_url("contributions:workshop_report", event)).content.decode()
    assert escape(fr(CANCELLED)) in report


def test_cancelling_twice_tells_nobody_twice(client, territory):
    event = _workshop(territory)
    registration_create(user=member(territory), event=event_get(pk=event.pk))
    client.force_login(member(territory, Role.AGENT))
    client.post(_url("events:cancel", event))
    response = client.post(_url("events:cancel", event), follow=True)
    assert response.status_code == 200
    assert Notification.objects.filter(kind="event_cancelled").count() == 1


def test_the_event_page_queries_do_not_grow_with_the_links(client, territory):
    """The agent's links cost no query: their permission is already on the page."""
    event = _workshop(territory)
    client.force_login(member(territory, Role.AGENT))
    url = _url("events:detail", event)
    count_queries(client, url)
    before = count_queries(client, url)
    Event.objects.filter(pk=event.pk).update(is_cancelled=True)
    assert count_queries(client, url) <= before
