import pytest

from ensemble.testing.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(db):
    return TerritoryFactory(name="Sceaux", slug="sceaux", custom_domain="participer.sceaux.fr")


def test_custom_domain_serves_the_territory_at_root(client, city):
    response = client.get("/", HTTP_HOST="participer.sceaux.fr")
    assert response.status_code == 200
    assert response.wsgi_request.territory == city


def test_custom_domain_accepts_links_that_carry_the_slug(client, city):
    response = client.get("/sceaux/", HTTP_HOST="participer.sceaux.fr")
    assert response.status_code == 200
    assert response.wsgi_request.territory == city


def test_custom_domain_never_serves_another_territory(client, city):
    TerritoryFactory(name="Lyon", slug="lyon")
    assert client.get("/lyon/", HTTP_HOST="participer.sceaux.fr").status_code == 404


def test_platform_paths_stay_reachable_on_a_custom_domain(client, city):
    assert client.get("/healthz", HTTP_HOST="participer.sceaux.fr").status_code == 200
    assert client.get("/api/v1/territories", HTTP_HOST="participer.sceaux.fr").status_code == 200


def test_host_is_matched_case_insensitively_and_without_port(client, city):
    response = client.get("/", HTTP_HOST="Participer.Sceaux.FR:443")
    assert response.wsgi_request.territory == city


def test_main_host_serves_the_network_home(client, city):
    response = client.get("/", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response.wsgi_request.territory is None
