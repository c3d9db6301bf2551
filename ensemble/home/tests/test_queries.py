import pytest

from ensemble.territories.models import Territory
from ensemble.testing.factories import (
    NeighbourhoodFactory,
    TerritoryFactory,
    ThemeFactory,
    UserFactory,
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


def test_network_home(client):
    client.force_login(UserFactory())
    assert_flat_queries(client, "/", territories_up_to)


def test_territory_home(client, territory):
    client.force_login(member(territory))
    assert_flat_queries(client, f"/{territory.slug}/", members_up_to(territory, 0))
