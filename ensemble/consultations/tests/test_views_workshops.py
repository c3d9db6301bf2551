from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.contributions.models import Contribution
from ensemble.events.models import Event, Registration
from ensemble.events.selectors import event_get
from ensemble.events.services import registration_create
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def _workshops_url(consultation):
    return reverse(
        "contributions:consultation_workshops",
        kwargs={"territory_slug": consultation.territory.slug, "consultation_pk": consultation.pk},
    )


def _url(name, event):
    return reverse(name, kwargs={"territory_slug": event.territory.slug, "pk": event.pk})


def test_workshops_page_lists_upcoming_and_past(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    WorkshopFactory(consultation=consultation, title="Atelier à venir", capacity=10)
    WorkshopFactory(
        consultation=consultation, title="Atelier passé", participants_count=12,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2, hours=-2),
    )  # fmt: skip
    response = client.get(_workshops_url(consultation))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Atelier à venir" in content and "Atelier passé" in content
    assert 'aria-current="page"' in content
    assert (
        reverse(
            "contributions:workshop_create",
            kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
        )
        not in content
    )


def test_workshops_page_offers_creation_to_agents(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory, Role.AGENT))
    response = client.get(_workshops_url(consultation))
    assert (
        reverse(
            "contributions:workshop_create",
            kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
        )
        in response.content.decode()
    )


def test_internal_consultation_workshops_are_404_for_residents(client, territory, other_territory):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS
    )
    event = WorkshopFactory(consultation=consultation)
    client.force_login(member(territory))
    assert client.get(_workshops_url(consultation)).status_code == 404
    assert client.get(_url("events:detail", event)).status_code == 404
    assert client.post(_url("events:register", event), {"action": "register"}).status_code == 404
    client.force_login(member(other_territory, Role.AGENT))
    assert client.get(_url("events:detail", event)).status_code == 404
    client.force_login(member(territory, Role.AGENT))
    assert client.get(_url("events:detail", event)).status_code == 200


def test_event_of_another_territory_is_404(client, territory, other_territory):
    event = WorkshopFactory(consultation=ConsultationFactory(territory=other_territory))
    url = reverse("events:detail", kwargs={"territory_slug": territory.slug, "pk": event.pk})
    assert client.get(url).status_code == 404


def test_workshops_page_queries_stay_flat(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    client.force_login(member(territory, Role.AGENT))

    def grow(n):
        for _ in range(n - consultation.workshops.count()):
            WorkshopFactory(consultation=consultation)
            WorkshopFactory(
                consultation=consultation, participants_count=3,
                starts_at=timezone.now() - timedelta(days=3),
                ends_at=timezone.now() - timedelta(days=3, hours=-1),
            )  # fmt: skip

    assert_flat_queries(client, _workshops_url(consultation), grow, small=3, large=20)


def test_create_page_refuses_members_and_redirects_anonymous(client, territory):
    consultation = ConsultationFactory(territory=territory)
    url = reverse(
        "contributions:workshop_create",
        kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
    )
    assert client.get(url).status_code == 302
    client.force_login(member(territory))
    assert client.get(url).status_code == 403


def test_an_agent_creates_a_workshop_through_the_form(client, territory):
    consultation = ConsultationFactory(territory=territory)
    facilitator = member(territory)
    client.force_login(member(territory, Role.AGENT))
    url = reverse(
        "contributions:workshop_create",
        kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
    )
    response = client.get(url)
    assert 'type="datetime-local"' in response.content.decode()
    start = timezone.localtime() + timedelta(days=5)
    data = {
        "title": "Atelier vélo", "description": "Venez !", "address": "Mairie",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": "12", "facilitator_emails": facilitator.email.upper(),
    }  # fmt: skip
    response = client.post(url, data)
    event = Event.objects.get(title="Atelier vélo")
    assert response.status_code == 302
    assert list(event.facilitators.all()) == [facilitator]


def test_the_form_keeps_what_was_typed_on_errors(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory, Role.AGENT))
    url = reverse(
        "contributions:workshop_create",
        kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
    )
    start = timezone.localtime() + timedelta(days=5)
    data = {
        "title": "Atelier gardé", "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": start.strftime("%Y-%m-%dT%H:%M"), "capacity": "0",
        "facilitator_emails": f"{member(other_territory).email}\nnot-an-email",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert {"ends_at", "capacity", "facilitator_emails"} <= set(form.errors)
    assert "Atelier gardé" in response.content.decode()
    assert not Event.objects.exists()


def test_register_cancel_and_waiting_list_position(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation, capacity=1)
    registration_create(user=member(territory), event=event_get(pk=event.pk))
    person = member(territory)
    client.force_login(person)

    response = client.post(_url("events:register", event), {"action": "register"})
    assert response.status_code == 302
    assert Registration.objects.get(user=person).status == "waitlisted"
    page = client.get(_url("events:detail", event)).content.decode()
    assert "position 1" in page

    client.post(_url("events:register", event), {"action": "cancel"})
    assert not Registration.objects.filter(user=person).exists()


def test_register_outside_the_phase_shows_a_message(client, territory):
    event = WorkshopFactory(consultation=ConsultationFactory(territory=territory, phase="collect"))
    client.force_login(member(territory))
    response = client.post(_url("events:register", event), {"action": "register"}, follow=True)
    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert list(response.context["messages"])


def test_register_requires_login(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation)
    assert client.post(_url("events:register", event), {"action": "register"}).status_code == 302
    assert client.get(_url("events:register", event)).status_code == 405


def test_facilitators_see_the_registered_people(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation)
    person = member(territory)
    registration_create(user=person, event=event_get(pk=event.pk))
    facilitator = member(territory)
    event.facilitators.add(facilitator)

    client.force_login(member(territory))
    page = client.get(_url("events:detail", event)).content.decode()
    assert person.email not in page and escape(person.display_name) not in page
    client.force_login(facilitator)
    page = client.get(_url("events:detail", event)).content.decode()
    assert escape(person.display_name) in page
    assert _url("contributions:workshop_report", event) in page


def test_facilitators_never_see_email_addresses_and_hidden_profiles_stay_hidden(client, territory):
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation, capacity=1)
    registered = member(territory, display_name="Alice Inscrite")
    first_waiting = member(territory, display_name="Bruno Attente")
    hidden = member(territory, display_name="Chloé Discrète", profile_visibility="hidden")
    for person in (registered, first_waiting, hidden):
        registration_create(user=person, event=event_get(pk=event.pk))
    facilitator = member(territory)
    event.facilitators.add(facilitator)

    for viewer in (facilitator, member(territory, Role.AGENT)):
        client.force_login(viewer)
        response = client.get(_url("events:detail", event))
        page = response.content.decode()
        for person in (registered, first_waiting, hidden):
            assert person.email not in page
        assert "Alice Inscrite" in page and "Bruno Attente" in page
        assert escape("Chloé Discrète") not in page and "Chloé Discrète" not in page
        # Registered first, then the waiting list in order, with each one's position.
        rows = response.context["registrations"]
        assert [row.user for row in rows] == [registered, first_waiting, hidden]
        assert [row.waitlist_position for row in rows] == [None, 1, 2]
        assert [row.name for row in rows] == ["Alice Inscrite", "Bruno Attente", ""]

    # The people registered do not see the list.
    client.force_login(hidden)
    assert client.get(_url("events:detail", event)).context["registrations"] is None


def test_the_registrations_list_is_paginated_and_its_queries_stay_flat(client, territory, settings):
    settings.ENSEMBLE_PAGE_SIZE = 5
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    event = WorkshopFactory(consultation=consultation, capacity=3)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    client.force_login(facilitator)

    def grow(n):
        for _ in range(n - event.registrations.count()):
            registration_create(user=member(territory), event=event_get(pk=event.pk))

    url = _url("events:detail", event)
    assert_flat_queries(client, url, grow, small=2, large=12)
    rows = client.get(url + "?page=2").context["registrations"]
    assert [row.waitlist_position for row in rows] == [3, 4, 5, 6, 7]


def _started_workshop(territory):
    return WorkshopFactory(
        consultation=ConsultationFactory(territory=territory, phase="workshops"),
        starts_at=timezone.now() - timedelta(hours=2),
        ends_at=timezone.now() - timedelta(hours=1),
    )


def test_report_page_refused_to_non_facilitators(client, territory):
    event = _started_workshop(territory)
    assert client.get(_url("contributions:workshop_report", event)).status_code == 302
    client.force_login(member(territory))
    assert client.get(_url("contributions:workshop_report", event)).status_code == 403
    client.force_login(UserFactory())
    assert client.get(_url("contributions:workshop_report", event)).status_code == 403


def test_facilitator_records_presence_and_a_group_contribution(client, territory):
    event = _started_workshop(territory)
    facilitator = member(territory)
    event.facilitators.add(facilitator)
    client.force_login(facilitator)
    url = _url("contributions:workshop_report", event)

    response = client.post(url, {"form": "report", "report-participants_count": "17"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.participants_count == 17

    response = client.post(url, {
        "form": "contribution", "contribution-kind": "idea",
        "contribution-title": "Des bancs", "contribution-body": "Partout.",
        "contribution-group_size": "6",
    })  # fmt: skip
    assert response.status_code == 302, (
        response.context and response.context["contribution_form"].errors
    )
    contribution = Contribution.objects.get()
    assert (contribution.workshop_id, contribution.group_size) == (event.pk, 6)
    assert contribution.author == facilitator
    assert "Des bancs" in client.get(url).content.decode()


def test_report_form_errors_keep_the_text(client, territory):
    event = _started_workshop(territory)
    client.force_login(member(territory, Role.AGENT))
    response = client.post(_url("contributions:workshop_report", event), {
        "form": "contribution", "contribution-kind": "idea",
        "contribution-title": "Titre gardé", "contribution-body": "Texte gardé",
        "contribution-group_size": "0",
    })  # fmt: skip
    assert response.status_code == 400
    assert "Texte gardé" in response.content.decode()
    assert not Contribution.objects.exists()


def test_ics(client, territory):
    event = WorkshopFactory(consultation=ConsultationFactory(territory=territory))
    response = client.get(_url("events:ics", event))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content and event.title.encode() in response.content
