"""iCalendar files: valid RFC 5545 read back by the `icalendar` parser, whatever the titles."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.ical import calendar_ics
from ensemble.events.models import Event
from ensemble.events.tests.factories import EventFactory
from ensemble.testing.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _parse(content: bytes) -> list:
    calendar = Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0"
    for line in content.split(b"\r\n"):
        assert len(line) <= 75, line  # folded
    return list(calendar.walk("VEVENT"))


def test_the_territory_feed_lists_its_events_and_filters_by_kind_and_theme(client, territory):
    theme = ThemeFactory()
    compost = EventFactory(territory=territory, title="Compost")
    compost.themes.add(theme)
    EventFactory(territory=territory, title="Réunion", kind=Event.Kind.MEETING)
    url = reverse("events:calendar_ics", args=[territory.slug])

    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    assert {str(e["SUMMARY"]) for e in _parse(response.content)} == {"Compost", "Réunion"}
    assert [str(e["SUMMARY"]) for e in _parse(client.get(url, {"kind": "meeting"}).content)] == [
        "Réunion"
    ]
    by_theme = client.get(f"/api/v1/territories/{territory.slug}/events.ics?theme={theme.slug}")
    assert [str(e["SUMMARY"]) for e in _parse(by_theme.content)] == ["Compost"]


def test_line_breaks_and_control_characters_never_break_the_file(client, territory):
    event = EventFactory(
        territory=territory, title="Atelier\r\nDTSTART:19700101T000000Z\x07;,\\",
        address="1 rue Houdan\nBEGIN:VEVENT", description="Ligne 1\r\n\r\nLigne 2 \x00",
    )  # fmt: skip
    entries = _parse(client.get(reverse("events:ics", args=[territory.slug, event.pk])).content)
    assert len(entries) == 1
    entry = entries[0]
    # Saving already made the title one line without control characters (core.text).
    assert str(entry["SUMMARY"]) == "Atelier DTSTART:19700101T000000Z;,\\"
    assert str(entry["LOCATION"]) == "1 rue Houdan BEGIN:VEVENT"
    assert str(entry["DESCRIPTION"]) == "Ligne 1\nLigne 2"
    assert entry.decoded("DTSTART") == event.starts_at.replace(microsecond=0)


@settings(max_examples=40, deadline=None)
@given(title=st.text(min_size=1, max_size=300))
def test_any_title_gives_a_parsable_file(title):
    start = timezone.now()
    event = Event(pk=1, title=title, description=title, address=title, starts_at=start,
                  ends_at=start + timedelta(hours=1), updated_at=start, kind="meeting")  # fmt: skip
    event.get_absolute_url = lambda: "/sceaux/evenements/1/"
    content = calendar_ics([event], name=title, host="example.org", absolute=lambda p: p)
    assert len(_parse(content)) == 1


def test_internal_workshops_stay_out_of_feeds_and_files(client, territory):
    internal = ConsultationFactory(territory=territory, visibility=Consultation.Visibility.AGENTS)
    workshop = WorkshopFactory(consultation=internal)
    feed = client.get(reverse("events:calendar_ics", args=[territory.slug]))
    assert _parse(feed.content) == []
    assert client.get(reverse("events:ics", args=[territory.slug, workshop.pk])).status_code == 404
    assert client.get(f"/api/v1/events/{workshop.pk}.ics").status_code == 404
