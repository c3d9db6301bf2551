import json

import pytest
from django.test import Client

from ensemble.accounts.services import api_token_create
from ensemble.actors import services
from ensemble.actors.models import Offer, Organisation
from ensemble.territories.roles import Role
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

from .helpers import org_member, organisation, owner_of

pytestmark = pytest.mark.django_db


def _api(user=None) -> tuple[Client, dict]:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"} if user else {}
    return Client(), headers


def _send(method, url, user=None, body=None):
    client, headers = _api(user)
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def test_list_with_filters_and_pagination(territory, other_territory):
    garden = organisation(territory, name="Jardiniers")
    services.offer_create(actor=owner_of(garden), organisation=garden, kind="premises",
                          title="Une serre")  # fmt: skip
    school = organisation(territory, name="Lycée Lakanal", kind="school")
    services.organisation_verify(actor=member(territory, Role.ADMIN), organisation=school)
    organisation(other_territory, name="Coop", other_territories=[territory])
    organisation(other_territory, name="Lyon seulement")
    url = f"/api/v1/territories/{territory.slug}/organisations"
    data = Client().get(url).json()
    assert data["count"] == 3
    names = [o["name"] for o in data["items"]]
    assert names == ["Coop", "Jardiniers", "Lycée Lakanal"]
    item = data["items"][1]
    assert item["offers"][0]["kind"] == "premises" and item["kind"] == "association"
    assert item["territory"] == territory.slug
    assert [o["name"] for o in Client().get(url, {"verified": "true"}).json()["items"]] == [
        "Lycée Lakanal"
    ]
    assert [o["name"] for o in Client().get(url, {"offer_kind": "premises"}).json()["items"]] == [
        "Jardiniers"
    ]
    assert [o["name"] for o in Client().get(url, {"q": "lakan"}).json()["items"]] == [
        "Lycée Lakanal"
    ]
    assert Client().get(url, {"page_size": 1, "page": 2}).json()["pages"] == 3
    assert Client().get(url, {"page_size": 500}).status_code == 422
    assert Client().get("/api/v1/territories/nowhere/organisations").status_code == 404


def test_detail(territory):
    org = organisation(territory, description="**Hi** <script>x</script>",
                       contact_email="c@example.org", other_territories=[])  # fmt: skip
    data = Client().get(f"/api/v1/organisations/{org.pk}").json()
    assert data["description_markdown"].startswith("**Hi**")
    assert (
        "<strong>Hi</strong>" in data["description_html"]
        and "<script" not in data["description_html"]
    )
    assert data["contact_email"] is None  # anonymous
    assert data["members"][0]["role"] == "owner"
    _, headers = _api(member(territory))
    assert Client().get(f"/api/v1/organisations/{org.pk}", **headers).json()["contact_email"]
    assert Client().get("/api/v1/organisations/999999").status_code == 404


def test_create(territory, other_territory):
    neighbourhood = NeighbourhoodFactory(territory=territory, slug="les-blagis")
    ThemeFactory(slug="solidarite")
    url = f"/api/v1/territories/{territory.slug}/organisations"
    body = {"name": "Repair Café", "kind": "association", "neighbourhood": "les-blagis",
            "themes": ["solidarite"], "territories": [other_territory.slug],
            "description_markdown": "On répare"}  # fmt: skip
    assert _send("post", url, None, body).status_code == 401
    assert _send("post", url, member(other_territory), body).status_code == 403
    assert _send("post", url, member(territory, verified=False), body).status_code == 403
    response = _send("post", url, member(territory), body)
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["neighbourhood"] == neighbourhood.slug and data["themes"] == ["solidarite"]
    assert data["territories"] == [territory.slug, other_territory.slug]
    assert Organisation.objects.get().description == "On répare"


@pytest.mark.parametrize(
    ("change", "field", "status"),
    [
        ({"name": ""}, "name", 400),
        ({"kind": "cult"}, "kind", 400),
        ({"themes": ["unknown"]}, "themes", 400),
        ({"neighbourhood": "ailleurs"}, "neighbourhood", 400),
        ({"territories": ["nowhere"]}, "territories", 400),
        ({"description_markdown": "x" * 20001}, "description_markdown", 400),
        ({"latitude": "north"}, "latitude", 422),
        ({"name": None}, "name", 422),
    ],
)
def test_create_bad_input_names_the_field(territory, other_territory, change, field, status):
    NeighbourhoodFactory(territory=other_territory, slug="ailleurs")
    body = {"name": "X", "kind": "association"} | change
    response = _send("post", f"/api/v1/territories/{territory.slug}/organisations",
                     member(territory), body)  # fmt: skip
    assert response.status_code == status, response.json()
    assert field in response.json()["errors"]


def test_patch(territory, other_territory):
    org = organisation(territory)
    url = f"/api/v1/organisations/{org.pk}"
    assert _send("patch", url, None, {"name": "X"}).status_code == 401
    for refused in [member(territory), org_member(org), member(territory, Role.ADMIN),
                    member(other_territory)]:  # fmt: skip
        assert _send("patch", url, refused, {"name": "X"}).status_code == 403
    assert _send("patch", "/api/v1/organisations/999999", owner_of(org), {}).status_code == 404
    response = _send("patch", url, owner_of(org), {"summary": "Nouveau", "themes": []})
    assert response.status_code == 200 and response.json()["summary"] == "Nouveau"
    response = _send("patch", url, owner_of(org), {"name": None})
    assert response.status_code == 400 and "name" in response.json()["errors"]
    response = _send("patch", url, owner_of(org), {"is_verified": True})
    assert Organisation.objects.get().is_verified is False


def test_offers(territory, other_territory):
    org = organisation(territory)
    url = f"/api/v1/organisations/{org.pk}/offers"
    body = {"kind": "skills", "title": "Réparer", "skill": "électronique",
            "availability": "Le samedi"}  # fmt: skip
    assert _send("post", url, None, body).status_code == 401
    assert _send("post", url, member(territory), body).status_code == 403
    assert (
        _send("post", "/api/v1/organisations/999999/offers", owner_of(org), body).status_code == 404
    )
    response = _send("post", url, owner_of(org), body | {"skill": ""})
    assert response.status_code == 400 and "skill" in response.json()["errors"]
    response = _send("post", url, owner_of(org), body | {"kind": "magic"})
    assert response.status_code == 400 and "kind" in response.json()["errors"]
    response = _send("post", url, org_member(org), body)
    assert response.status_code == 201
    offer = response.json()
    assert offer["organisation"] == org.pk and offer["territory"] == territory.slug
    offer_url = f"/api/v1/offers/{offer['id']}"
    assert _send("patch", offer_url, member(territory), {"title": "x"}).status_code == 403
    assert _send("patch", "/api/v1/offers/999999", owner_of(org), {}).status_code == 404
    response = _send("patch", offer_url, owner_of(org), {"is_active": False})
    assert response.status_code == 200 and response.json()["is_active"] is False
    assert Organisation.objects.get().offers_count == 0
    detail = Client().get(f"/api/v1/organisations/{org.pk}").json()
    assert detail["offers"] == []


def test_person_offer_patch_by_author_only(territory):
    author = member(territory)
    offer = services.offer_create(actor=author, territory=territory, kind="volunteers",
                                  title="Du temps")  # fmt: skip
    url = f"/api/v1/offers/{offer.pk}"
    assert _send("patch", url, UserFactory(), {"title": "x"}).status_code == 403
    response = _send("patch", url, author, {"title": "Deux soirs par mois"})
    assert response.status_code == 200 and response.json()["user"] == author.pk
    assert Offer.objects.get().title == "Deux soirs par mois"
