"""The calendar's pages: list and month with filters, the event page, my registrations;
what they hide, and their query counts."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.models import Event, Registration
from ensemble.events.services import registration_create
from ensemble.events.tests.factories import EventFactory
from ensemble.territories.models import Membership
from ensemble.territories.roles import Role
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member
from ensemble.testing.links import links_to
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def _calendar(territory, **params):
    return reverse("events:calendar", kwargs={"territory_slug": territory.slug}), params


def _titles(response) -> list[str]:
    """The titles of the listed events, read in the page (a kept list has no context)."""
    cards = re.findall(r'<h3 class="card__title"><a [^>]*>([^<]*)</a>', response.content.decode())
    return [html.unescape(title) for title in cards]


def test_the_calendar_lists_what_is_to_come_here_only(client, territory, other_territory):
    EventFactory(territory=territory, title="Repair café")
    EventFactory(territory=territory, title="Passé", starts_at=timezone.now() - timedelta(days=2))
    EventFactory(territory=other_territory, title="Ailleurs")
    internal = ConsultationFactory(territory=territory, visibility=Consultation.Visibility.AGENTS)
    WorkshopFactory(consultation=internal, title="Atelier interne")

    url, _ = _calendar(territory)
    response = client.get(url)

    assert _titles(response) == ["Repair café"]
    client.force_login(member(territory, Role.AGENT))
    assert set(_titles(client.get(url))) == {"Repair café", "Atelier interne"}


def test_filters_kind_theme_neighbourhood_dates_and_places(client, territory):
    theme, quarter = ThemeFactory(), NeighbourhoodFactory(territory=territory)
    soon = timezone.now() + timedelta(days=2)
    tagged = EventFactory(territory=territory, title="Compost", neighbourhood=quarter,
                          starts_at=soon)  # fmt: skip
    tagged.themes.add(theme)
    EventFactory(territory=territory, title="Réunion", kind=Event.Kind.MEETING,
                 starts_at=soon + timedelta(days=30))  # fmt: skip
    full = EventFactory(territory=territory, title="Complet", capacity=1)
    registration_create(user=member(territory), event=full)
    url, _ = _calendar(territory)

    assert _titles(client.get(url, {"kind": "meeting"})) == ["Réunion"]
    assert _titles(client.get(url, {"theme": theme.slug})) == ["Compost"]
    assert _titles(client.get(url, {"neighbourhood": quarter.slug})) == ["Compost"]
    assert "Complet" not in _titles(client.get(url, {"with_places": "on"}))
    day = timezone.localtime(soon + timedelta(days=30)).date().isoformat()  # the local day
    assert _titles(client.get(url, {"start": day, "end": day})) == ["Réunion"]
    # A wrong value is dropped, never an error page.
    assert client.get(url, {"kind": "nonsense", "start": "hier"}).status_code == 200


def test_the_month_shows_each_event_on_its_day(client, territory):
    # At noon: an event starting late in the evening runs past midnight (two days).
    day = timezone.localtime(timezone.now() + timedelta(days=40)).replace(hour=12, minute=0)
    EventFactory(territory=territory, title="Fête des voisins", starts_at=day)
    url = reverse("events:month", args=[territory.slug, day.year, day.month])
    response = client.get(url)
    cells = [d for week in response.context["month"].weeks for d in week if d["events"]]
    assert [(d["date"], [e.title for e in d["events"]]) for d in cells] == [
        (day.date(), ["Fête des voisins"])
    ]
    assert client.get(reverse("events:month", args=[territory.slug, 2026, 13])).status_code == 404


def test_registration_opening_date_is_shown_before_it_opens(client, territory):
    opens = timezone.now() + timedelta(days=1)
    event = EventFactory(territory=territory, registration_opens_at=opens)
    client.force_login(member(territory))
    response = client.get(event.get_absolute_url())
    assert response.context["registration_open"] is False
    reason = response.context["closed_reason"]
    assert str(timezone.localtime(opens).day) in reason
    assert str(timezone.localtime(opens).year) in reason


def test_joining_the_territory_is_offered_in_place_and_registers(client, territory):
    event = EventFactory(territory=territory)
    newcomer = UserFactory()
    client.force_login(newcomer)
    response = client.get(event.get_absolute_url())
    assert response.context["can_join_and_register"] is True
    assert b"join_register" in response.content

    client.post(
        reverse("events:register", args=[territory.slug, event.pk]), {"action": "join_register"}
    )

    assert Membership.objects.filter(user=newcomer, territory=territory).exists()
    assert Registration.objects.get(user=newcomer).status == "registered"


def test_an_unverified_person_is_not_offered_to_join_and_cannot_register(client, territory):
    event = EventFactory(territory=territory)
    client.force_login(UserFactory(verified=False))
    assert client.get(event.get_absolute_url()).context["can_join_and_register"] is False
    response = client.post(
        reverse("events:register", args=[territory.slug, event.pk]), {"action": "join_register"}
    )
    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_an_event_of_another_territory_is_a_404_here(client, territory, other_territory):
    event = EventFactory(territory=other_territory)
    url = reverse("events:detail", args=[territory.slug, event.pk])
    assert client.get(url).status_code == 404


def test_a_member_creates_an_event_from_the_calendar(client, territory):
    person = member(territory)
    client.force_login(person)
    start = timezone.localtime(timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    response = client.post(
        reverse("events:create", args=[territory.slug]),
        {
            "kind": "skill_sharing", "title": "Comptabilité pour associations",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "online_url": "https://visio.example.org/compta", "capacity": "12",
        },
    )  # fmt: skip
    event = Event.objects.get()
    assert response.status_code == 302 and response.url == event.get_absolute_url()
    assert (event.organiser, event.online_url) == (person, "https://visio.example.org/compta")


def test_the_create_page_refuses_outsiders_and_keeps_errors_on_fields(client, territory):
    url = reverse("events:create", args=[territory.slug])
    assert client.get(url).status_code == 302  # log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(member(territory))
    response = client.post(url, {"kind": "network", "title": "Réseau"})
    assert response.status_code == 400
    assert "kind" in response.context["form"].errors
    assert not Event.objects.exists()


def test_attendance_page_is_the_organisers(client, territory):
    organiser = member(territory)
    event = EventFactory(territory=territory, organiser=organiser,
                         starts_at=timezone.now() - timedelta(hours=1))  # fmt: skip
    person = member(territory)
    Registration.objects.create(event=event, user=person, status="registered")
    url = reverse("events:attendance", args=[territory.slug, event.pk])
    client.force_login(person)
    assert client.get(url).status_code == 403
    client.force_login(organiser)
    assert client.post(url, {"present": [str(person.pk)]}).status_code == 302
    assert Registration.objects.get().attended is True


def test_my_registrations_upcoming_then_past(client, territory):
    person = member(territory)
    soon = EventFactory(territory=territory, title="Bientôt")
    past = EventFactory(territory=territory, title="Hier",
                        starts_at=timezone.now() - timedelta(days=1))  # fmt: skip
    for event in (soon, past):
        Registration.objects.create(event=event, user=person, status="registered")
    Registration.objects.create(
        event=EventFactory(territory=territory), user=member(territory), status="registered"
    )
    client.force_login(person)
    response = client.get(reverse("my_registrations"))
    assert [r.event.title for r in response.context["upcoming"]] == ["Bientôt"]
    assert [r.event.title for r in response.context["page"].object_list] == ["Hier"]


def test_query_counts_stay_flat(client, territory):
    person = member(territory)
    theme = ThemeFactory()
    consultation = ConsultationFactory(territory=territory, phase="workshops")
    client.force_login(person)

    def grow(n):
        while Event.objects.count() < n:
            quarter = NeighbourhoodFactory(territory=territory)
            event = EventFactory(
                territory=territory, organiser=member(territory), neighbourhood=quarter
            )
            event.themes.add(theme)
            Registration.objects.create(event=event, user=person, status="registered")
            workshop = WorkshopFactory(consultation=consultation)
            Registration.objects.create(event=workshop, user=person, status="registered")

    now = timezone.localtime()
    for url in (
        reverse("events:calendar", args=[territory.slug]),
        reverse("events:month", args=[territory.slug, now.year, now.month]),
        reverse("my_registrations"),
        f"/api/v1/territories/{territory.slug}/events",
        "/api/v1/me/registrations",
    ):
        assert_flat_queries(client, url, grow, small=4, large=16)


def test_a_workshop_says_when_its_registration_opens(client, territory):
    consultation = ConsultationFactory(territory=territory)  # collecting now, workshops next
    workshop = WorkshopFactory(consultation=consultation)
    client.force_login(member(territory))
    response = client.get(workshop.get_absolute_url())
    assert response.context["registration_open"] is False
    opens = consultation.ordered_phases[1].starts_at
    assert str(timezone.localtime(opens).year) in response.context["closed_reason"]


def test_chips_link_to_the_calendar_filtered_by_them(client, territory):
    """Theme chips (card and page), the neighbourhood and the kind of an event page lead to
    the calendar filtered by them; a retired theme (no longer a filter) stays plain text."""
    theme, retired = ThemeFactory(), ThemeFactory(is_retired=True)
    quarter = NeighbourhoodFactory(territory=territory)
    soon = timezone.now() + timedelta(days=2)
    tagged = EventFactory(territory=territory, title="Compost", neighbourhood=quarter,
                          address="1 rue Haute", starts_at=soon)  # fmt: skip
    tagged.themes.add(theme, retired)
    EventFactory(territory=territory, title="Réunion", kind=Event.Kind.MEETING, starts_at=soon)
    calendar, _ = _calendar(territory)

    links = links_to(client.get(calendar), calendar)
    assert links == [f"{calendar}?theme={theme.slug}"]
    assert _titles(client.get(links[0])) == ["Compost"]
    page = client.get(reverse("events:detail", args=[territory.slug, tagged.pk]))
    links = links_to(page, calendar)
    assert f"?theme={retired.slug}" not in " ".join(links)
    assert {link.split("?")[1] for link in links} == {
        f"kind={tagged.kind}",
        f"theme={theme.slug}",
        f"neighbourhood={quarter.slug}",
    }
    for link in links:
        assert _titles(client.get(link)) == ["Compost"]
