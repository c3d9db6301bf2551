import pytest
from django.urls import reverse

from ensemble.search.indexing import index_object
from ensemble.testing.factories import member

from .conftest import make_organisation, make_person, make_project
from .test_selectors import HOSTILE

pytestmark = pytest.mark.django_db


def url(territory, **params) -> str:
    from urllib.parse import urlencode

    base = reverse("search:territory_search", kwargs={"territory_slug": territory.slug})
    return f"{base}?{urlencode(params)}" if params else base


def test_territory_search_lists_ranked_results(client, territory, other_territory):
    make_project(territory, "Jardin partagé des Lilas", summary="Des légumes pour tous")
    make_organisation(territory, "Les Amis du jardin")
    make_project(other_territory, "Jardin lyonnais")
    response = client.get(url(territory, q="jardins"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="search"' in html and '<label for="search-q">' in html
    assert 'role="status"' in html and "2 results for “jardins”" in html
    assert "Jardin partagé des Lilas" in html and "Des légumes pour tous" in html
    assert "Les Amis du jardin" in html and "Jardin lyonnais" not in html
    assert 'class="badge badge--project"' in html and 'class="badge badge--organisation"' in html


def test_type_filter_and_unknown_type(client, territory):
    make_project(territory, "Vélo-école")
    make_organisation(territory, "Vélo club")
    html = client.get(url(territory, q="velo", type="organisation")).content.decode()
    assert "Vélo club" in html and "Vélo-école" not in html
    html = client.get(url(territory, q="velo", type="bogus")).content.decode()
    assert "Vélo club" in html and "Vélo-école" in html


def test_empty_and_short_queries(client, territory):
    response = client.get(url(territory))
    assert response.status_code == 200 and 'role="status"' not in response.content.decode()
    html = client.get(url(territory, q="a")).content.decode()
    assert "Type at least 2 characters to search." in html


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_page(client, territory, query):
    make_project(territory, "Jardin partagé")
    response = client.get(url(territory, q=query.replace("\x00", ""), page="x"))
    assert response.status_code == 200


def test_pagination_keeps_the_query(client, territory, settings):
    settings.ENSEMBLE_PAGE_SIZE = 2
    for number in range(5):
        make_project(territory, f"Compost {number}")
    html = client.get(url(territory, q="compost", type="project", page=2)).content.decode()
    assert "Page 2 of 3" in html
    assert "?q=compost&amp;type=project&amp;page=3" in html
    assert "?q=compost&amp;type=project&amp;page=1" in html


def test_members_visible_people_need_a_shared_territory(client, territory, other_territory):
    make_person("Camille Membres", visibility="members", territories=[territory])
    assert "Camille Membres" not in client.get(url(territory, q="camille")).content.decode()
    client.force_login(member(other_territory))
    assert "Camille Membres" not in client.get(url(territory, q="camille")).content.decode()
    client.force_login(member(territory))
    assert "Camille Membres" in client.get(url(territory, q="camille")).content.decode()


def test_network_search(client, territory, other_territory):
    make_project(territory, "Ressourcerie de Sceaux")
    make_project(other_territory, "Ressourcerie de Lyon")
    response = client.get(reverse("search") + "?q=ressourcerie")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ressourcerie de Sceaux" in html and "Ressourcerie de Lyon" in html
    assert "Lyon</p>" in html or "· Lyon" in html


def test_unknown_territory_is_404(client):
    assert client.get("/nulle-part/recherche/?q=jardin").status_code == 404


def test_kept_results_show_a_project_renamed_at_once(client, territory, fragments):
    project = make_project(territory, "Verger des Lilas")
    assert "Verger des Lilas" in client.get(url(territory, q="verger")).content.decode()
    project.title = "Verger du Moulin"
    project.save()
    index_object(project)
    html = client.get(url(territory, q="verger")).content.decode()
    assert "Verger du Moulin" in html and "Verger des Lilas" not in html


def test_kept_results_of_a_member_are_never_served_to_another_viewer(
    territory, other_territory, fragments
):
    from django.test import Client

    make_person("Camille Membres", visibility="members", territories=[territory])
    make_person("Camille Public", visibility="public", territories=[territory])
    neighbour, stranger = Client(), Client()
    neighbour.force_login(member(territory))
    stranger.force_login(member(other_territory))
    # Every client logged in before the first visit: the data version no longer moves.
    assert "Camille Membres" in neighbour.get(url(territory, q="camille")).content.decode()
    for other in (stranger, Client()):
        html = other.get(url(territory, q="camille")).content.decode()
        assert "Camille Public" in html and "Camille Membres" not in html
