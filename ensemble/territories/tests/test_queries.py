import pytest

from ensemble.accounts.services import api_token_create
from ensemble.territories.models import Territory
from ensemble.territories.roles import Role
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
    member,
)
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def territories_up_to(n):
    for index in range(Territory.objects.count(), n):
        place = TerritoryFactory(name=f"Commune {index:03d}")
        member(place)


def members_up_to(territory, n):
    def grow(target):
        for _ in range(territory.memberships.count(), target):
            member(territory, profile_visibility="public")
        for index in range(territory.neighbourhoods.count(), target // 5):
            NeighbourhoodFactory(territory=territory, name=f"Quartier {index}")
            ThemeFactory(territory=territory, name=f"Thème {territory.pk}-{index}")

    return grow


def test_console_members(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    assert_flat_queries(client, f"/{territory.slug}/console/membres/", members_up_to(territory, 0))


def test_api_territory_list(client):
    assert_flat_queries(client, "/api/v1/territories?page_size=100", territories_up_to)


def test_api_territory_detail(client, territory):
    assert_flat_queries(
        client, f"/api/v1/territories/{territory.slug}", members_up_to(territory, 0)
    )


def test_api_me(client, territory):
    user = member(territory)
    token = api_token_create(user=user)

    def join_territories(n):
        for index in range(user.memberships.count(), n):
            from ensemble.territories.services import membership_join

            membership_join(user=user, territory=TerritoryFactory(name=f"Ville {index:03d}"))

    assert_flat_queries(
        client, "/api/v1/me", join_territories, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
