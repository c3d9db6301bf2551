import pytest
from django.urls import reverse

from ensemble.projects.models import Project
from ensemble.search.indexing import reindex_all
from ensemble.testing.queries import assert_flat_queries

from .conftest import make_person

pytestmark = pytest.mark.django_db


def grower(territory):
    def grow(count: int) -> None:
        existing = Project.objects.count()
        Project.objects.bulk_create(
            Project(
                territory=territory,
                title=f"Jardin {n}",
                summary="Un jardin partagé",
                status=Project.Status.PUBLISHED,
            )
            for n in range(existing, count)
        )
        reindex_all()

    return grow


def test_territory_search_queries_are_flat(client, territory):
    make_person("Jardinier", visibility="members", territories=[territory])
    client.force_login(make_person("Visiteuse", territories=[territory]))
    url = reverse("search:territory_search", kwargs={"territory_slug": territory.slug})
    queries = assert_flat_queries(client, f"{url}?q=jardin", grower(territory))
    print(f"territory search: {queries} queries")


def test_network_search_queries_are_flat(client, territory):
    queries = assert_flat_queries(client, reverse("search") + "?q=jardin", grower(territory))
    print(f"network search: {queries} queries")


def test_api_search_queries_are_flat(client, territory):
    queries = assert_flat_queries(client, "/api/v1/search?q=jardin", grower(territory))
    print(f"API search: {queries} queries")
