import pytest
from django.urls import reverse

from ensemble.activity.tests.makers import make_organisation, make_project
from ensemble.actors.models import Organisation
from ensemble.events.models import Event
from ensemble.events.tests.factories import EventFactory
from ensemble.projects.models import Project
from ensemble.testing.factories import NeighbourhoodFactory
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def places_up_to(territory):
    neighbourhood = NeighbourhoodFactory(territory=territory)

    def grow(n):
        count = Project.objects.count() + Organisation.objects.count() + Event.objects.count()
        for index in range(count, n):
            where = {"latitude": f"48.{index:04d}", "longitude": "2.3",
                     "neighbourhood": neighbourhood if index % 2 else None}  # fmt: skip
            if index % 4 == 3:
                EventFactory(territory=territory, title=f"Atelier {index}", **where)
            elif index % 3:
                make_project(territory, title=f"Projet {index}", **where)
            else:
                make_organisation(territory, name=f"Asso {index}", **where)

    return grow


def test_points(client, territory):
    url = reverse("maps:points", kwargs={"territory_slug": territory.slug})
    assert_flat_queries(client, url, places_up_to(territory))


def test_map_page(client, territory):
    url = reverse("maps:map", kwargs={"territory_slug": territory.slug})
    assert_flat_queries(client, url, places_up_to(territory))
