"""The directory, organisation page and API run as many queries at 5 items as at 50."""

import pytest

from ensemble.actors.models import Offer, Organisation, OrganisationMember
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    ThemeFactory,
    UserFactory,
    member,
)
from ensemble.testing.queries import assert_flat_queries

from .helpers import organisation

pytestmark = pytest.mark.django_db


def organisations_up_to(territory, partner_territory):
    neighbourhood = NeighbourhoodFactory(territory=territory)
    themes = [ThemeFactory(), ThemeFactory(territory=territory)]
    owner = member(territory)

    def grow(n):
        for index in range(Organisation.objects.count(), n):
            home = partner_territory if index % 5 == 0 else territory
            org = organisation(
                home, owner if home == territory else None, name=f"Organisation {index:03d}",
                neighbourhood=neighbourhood if home == territory else None,
                themes=themes if home == territory else [],
                other_territories=[territory] if home != territory else [],
            )  # fmt: skip
            Offer.objects.create(organisation=org, territory=home, kind="volunteers", title="Aide")
            Offer.objects.create(organisation=org, territory=home, kind="skills", title="Savoir",
                                 skill="menuiserie")  # fmt: skip

    return grow


def growing_organisation(territory):
    org = organisation(territory, themes=[ThemeFactory()])

    def grow(n):
        for index in range(org.offers.count(), n):
            Offer.objects.create(organisation=org, territory=territory, kind="funding",
                                 title=f"Offre {index}")  # fmt: skip
            OrganisationMember.objects.create(organisation=org, user=UserFactory())

    return org, grow


def test_directory(client, territory, other_territory, settings):
    settings.ENSEMBLE_PAGE_SIZE = 100
    client.force_login(member(territory))
    assert_flat_queries(
        client, f"/{territory.slug}/organisations/", organisations_up_to(territory, other_territory)
    )


def test_filtered_directory(client, territory, other_territory, settings):
    settings.ENSEMBLE_PAGE_SIZE = 100
    url = f"/{territory.slug}/organisations/?offer_kind=skills&verified_only=&sort=newest&q=org"
    assert_flat_queries(client, url, organisations_up_to(territory, other_territory))


def test_organisation_page(client, territory):
    org, grow = growing_organisation(territory)
    client.force_login(member(territory))
    assert_flat_queries(client, f"/{territory.slug}/organisations/{org.pk}/", grow)


def test_offers_management_page(client, territory):
    org, grow = growing_organisation(territory)
    client.force_login(org.memberships.get().user)
    assert_flat_queries(client, f"/{territory.slug}/organisations/{org.pk}/offres/", grow)


def test_members_page(client, territory):
    org, grow = growing_organisation(territory)
    client.force_login(org.memberships.get().user)
    assert_flat_queries(client, f"/{territory.slug}/organisations/{org.pk}/membres/", grow)


def test_api_list(client, territory, other_territory):
    assert_flat_queries(
        client, f"/api/v1/territories/{territory.slug}/organisations?page_size=100",
        organisations_up_to(territory, other_territory),
    )  # fmt: skip


def test_api_detail(client, territory):
    org, grow = growing_organisation(territory)
    assert_flat_queries(client, f"/api/v1/organisations/{org.pk}", grow)
