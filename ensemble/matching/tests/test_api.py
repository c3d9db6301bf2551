import pytest

from ensemble.actors.models import OrganisationMember
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

from . import helpers
from .test_selectors import STORE


@pytest.fixture
def offerer(world):
    return helpers.organisation(
        world["territory"], name="Centre social des Moulins", neighbourhood=world["moulins"],
        is_verified=True, offers=[STORE], themes=[world["food"]],
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
    assert first["level"] in {"very_likely", "possible"}


def test_a_need_and_offers_created_through_the_api_are_matched_at_once(client, world):
    """As the held-out sets do: nothing embedded in advance, no task worker running."""
    from ensemble.semantics.models import Embedding

    owner = world["project"].memberships.get().user
    client.force_login(owner)
    response = client.post(
        f"/api/v1/projects/{world['project'].pk}/needs",
        {"kind": "premises", "title": "Entreposer nos colis alimentaires",
         "description": "Un endroit sec et fermé pour les palettes de l'épicerie solidaire."},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code in (200, 201), response.content
    need_id = response.json()["id"]
    store = helpers.organisation(
        world["territory"], name="Garde-meubles", summary="Entreprise d'insertion.",
        offers=[STORE],
    )  # fmt: skip
    assert not Embedding.objects.filter(object_id=need_id).exists()
    matches = client.get(f"/api/v1/needs/{need_id}/matches").json()
    assert matches[0]["actor"]["id"] == store.pk
    assert all(match["reasons"] for match in matches)


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
