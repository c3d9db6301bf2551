"""The kept parts of the organisations directory and page: never stale after a write, never
another audience's contact details."""

import pytest
from django.urls import reverse

from ensemble.actors import services
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import UserFactory, member

from .helpers import organisation, owner_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


def test_a_new_offer_and_a_new_name_show_at_once(territory):
    association = organisation(territory, name="Les Jardiniers")
    (visitor,) = clients_for(None)
    directory = reverse("actors:directory", kwargs={"territory_slug": territory.slug})
    page = association.get_absolute_url()
    assert "Les Jardiniers" in page_html(visitor, directory)
    assert "Prêt de grelinettes" not in page_html(visitor, page)
    services.offer_create(
        actor=owner_of(association), organisation=association, kind="equipment",
        title="Prêt de grelinettes",
    )  # fmt: skip
    services.organisation_update(
        actor=owner_of(association), organisation=association, data={"name": "Les Semeurs"}
    )
    assert "Prêt de grelinettes" in page_html(visitor, page)
    html = page_html(visitor, directory)
    assert "Les Semeurs" in html and "Les Jardiniers" not in html


def test_the_directory_is_kept_per_query(territory):
    organisation(territory, name="Les Jardiniers")
    organisation(territory, name="Atelier Vélo")
    (visitor,) = clients_for(None)
    directory = reverse("actors:directory", kwargs={"territory_slug": territory.slug})
    assert "Atelier Vélo" in page_html(visitor, directory)
    html = page_html(visitor, directory + "?q=jardin")
    assert "Les Jardiniers" in html and "Atelier Vélo" not in html


def test_contact_details_are_never_served_to_visitors_or_strangers(territory):
    association = organisation(territory, contact_email="bonjour@jardiniers.example")
    resident, visitor, stranger = clients_for(member(territory), None, UserFactory())
    page = association.get_absolute_url()
    assert "bonjour@jardiniers.example" in page_html(resident, page)
    assert "bonjour@jardiniers.example" not in page_html(visitor, page)
    assert "bonjour@jardiniers.example" not in page_html(stranger, page)
    assert "bonjour@jardiniers.example" in page_html(resident, page)
