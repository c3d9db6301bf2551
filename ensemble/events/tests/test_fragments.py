"""The calendar's kept list and feed: never stale after a write, internal workshops never
served to residents or visitors."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory, WorkshopFactory
from ensemble.events.services import (
    event_cancel,
    event_organise,
    event_update,
    registration_create,
)
from ensemble.territories.roles import Role
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


def _urls(territory, when) -> list[str]:
    """The list, the feed and the month of `when`."""
    when = timezone.localtime(when)
    return [
        reverse("events:calendar", kwargs={"territory_slug": territory.slug}),
        reverse("events:calendar_ics", kwargs={"territory_slug": territory.slug}),
        reverse("events:month", args=[territory.slug, when.year, when.month]),
    ]


def test_a_new_event_a_registration_and_a_cancellation_show_at_once(territory):
    organiser = member(territory)
    (visitor,) = clients_for(None)
    starts_at = timezone.now() + timedelta(days=3)
    urls = _urls(territory, starts_at)
    for url in urls:
        assert "Troc de graines" not in page_html(visitor, url)
    event = event_organise(
        actor=organiser, territory=territory, kind="skill_sharing", title="Troc de graines",
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), capacity=2,
        address="Place du marché",
    )  # fmt: skip
    for url in urls:
        assert "Troc de graines" in page_html(visitor, url)
    registration_create(user=member(territory), event=event)
    assert "1 place restante" in page_html(visitor, urls[0])
    event_cancel(actor=organiser, event=event)
    assert "CANCELLED" in page_html(visitor, urls[1])
    assert '<span class="badge">Annulé' in page_html(visitor, urls[2])


def test_internal_workshops_are_never_served_to_residents_or_visitors(territory):
    internal = ConsultationFactory(territory=territory, visibility=Consultation.Visibility.AGENTS)
    workshop = WorkshopFactory(consultation=internal, title="Atelier interne")  # its event
    agent, resident, visitor = clients_for(member(territory, Role.AGENT), member(territory), None)
    for url in _urls(territory, workshop.starts_at):
        assert "Atelier interne" in page_html(agent, url)
        assert "Atelier interne" not in page_html(resident, url)
        assert "Atelier interne" not in page_html(visitor, url)


def test_a_feed_entry_is_written_again_when_its_event_changes(territory):
    organiser = member(territory)
    starts_at = timezone.now() + timedelta(days=3)
    event = event_organise(
        actor=organiser, territory=territory, kind="skill_sharing", title="Troc de graines",
        starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), address="Place du marché",
    )  # fmt: skip
    (visitor,) = clients_for(None)
    feed = _urls(territory, starts_at)[1]
    assert "Troc de graines" in page_html(visitor, feed)
    event_update(actor=organiser, event=event, data={"title": "Troc de plants"})
    html = page_html(visitor, feed)
    assert "Troc de plants" in html and "Troc de graines" not in html
