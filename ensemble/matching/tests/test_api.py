import pytest

from ensemble.actors.models import OrganisationMember
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

from . import helpers
from .test_selectors import PREMISES


@pytest.fixture
def offerer(world):
    return helpers.organisation(
        world["territory"], name="Centre social des Moulins", neighbourhood=world["moulins"],
        is_verified=True, offers=[PREMISES], themes=[world["food"]],
    )  # fmt: skip


def test_team_gets_matches_in_english(client, world, offerer):
    client.force_login(world["project"].memberships.get().user)
    response = client.get(f"/api/v1/needs/{world['need'].pk}/matches", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    first = response.json()[0]
    assert first["actor"]["type"] == "organisation"
    assert first["actor"]["id"] == offerer.pk
    assert first["actor"]["verified"] is True
    assert first["actor"]["url"].startswith("http")
    assert "in the same neighbourhood" in first["reasons"]
    assert 0 < first["score"] <= 1


def test_reasons_follow_the_request_language(client, world, offerer):
    client.force_login(world["project"].memberships.get().user)
    response = client.get(f"/api/v1/needs/{world['need'].pk}/matches", HTTP_ACCEPT_LANGUAGE="fr")
    assert "dans le même quartier" in response.json()[0]["reasons"]


def test_agents_of_the_territory_get_matches(client, world, offerer):
    client.force_login(member(world["territory"], Role.AGENT))
    assert client.get(f"/api/v1/needs/{world['need'].pk}/matches").status_code == 200


def test_matches_refusals(client, world):
    url = f"/api/v1/needs/{world['need'].pk}/matches"
    assert client.get(url).status_code == 401
    client.force_login(member(world["territory"]))
    assert client.get(url).status_code == 403
    assert client.get("/api/v1/needs/999999/matches").status_code == 404
    draft = helpers.project(world["territory"], status="draft")
    need = helpers.need(draft, kind="premises", title="Local")
    assert client.get(f"/api/v1/needs/{need.pk}/matches").status_code == 404


def test_organisation_opportunities(client, world, offerer):
    url = f"/api/v1/organisations/{offerer.pk}/opportunities"
    assert client.get(url).status_code == 401
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    person = UserFactory()
    OrganisationMember.objects.create(organisation=offerer, user=person)
    client.force_login(person)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    item = response.json()[0]
    assert item["need"]["id"] == world["need"].pk
    assert item["project"]["id"] == world["project"].pk
    assert item["reasons"]
    assert client.get("/api/v1/organisations/999999/opportunities").status_code == 404
