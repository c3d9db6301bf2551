import pytest

from ensemble.accounts.services import api_token_create
from ensemble.projects import services
from ensemble.projects.models import Need, Project
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

from .factories import ProjectFactory, draft_project, owner_of, team_member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def post(client, path, data, user):
    return client.post(API + path, data, content_type="application/json", **auth(user))


def patch(client, path, data, user):
    return client.patch(API + path, data, content_type="application/json", **auth(user))


# --- list ----------------------------------------------------------------------------


def test_list_filters_and_hides_drafts(client, territory, other_territory):
    theme = ThemeFactory(slug="ecologie")
    garden = ProjectFactory(territory=territory, title="Jardin", stage="running")
    garden.themes.add(theme)
    services.need_create(actor=owner_of(garden), project=garden, kind="volunteers", title="x")
    ProjectFactory(territory=territory, title="Café")
    draft_project(territory=territory, title="Brouillon")
    ProjectFactory(territory=other_territory, title="Ailleurs")
    body = client.get(f"{API}/territories/{territory.slug}/projects").json()
    assert body["count"] == 2
    assert {p["title"] for p in body["items"]} == {"Jardin", "Café"}
    for query in ("theme=ecologie", "stage=running", "need_kind=volunteers", "open_needs=true",
                  "q=jard"):  # fmt: skip
        body = client.get(f"{API}/territories/{territory.slug}/projects?{query}").json()
        assert [p["title"] for p in body["items"]] == ["Jardin"], query
    assert client.get(f"{API}/territories/{territory.slug}/projects?need_kind=x").status_code == 422
    assert client.get(f"{API}/territories/nowhere/projects").status_code == 404


# --- create -------------------------------------------------------------------------------


def test_create_draft_then_publish(client, territory):
    user = member(territory)
    theme = ThemeFactory(slug="solidarite")
    NeighbourhoodFactory(territory=territory, slug="blagis")
    response = post(
        client, f"/territories/{territory.slug}/projects",
        {"title": "Épicerie", "summary": "Solidaire", "description_markdown": "**Oui**",
         "themes": ["solidarite"], "neighbourhood": "blagis"},
        user,
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert body["description_html"].strip() == "<p><strong>Oui</strong></p>"
    assert body["team"][0]["role"] == "owner"
    assert body["origin_contribution"] is None
    assert body["themes"] == [{"slug": theme.slug, "name": theme.name}]
    assert client.get(f"{API}/projects/{body['id']}").status_code == 404  # draft, anonymous
    response = patch(client, f"/projects/{body['id']}", {"status": "published"}, user)
    assert response.json()["status"] == "published"
    assert client.get(f"{API}/projects/{body['id']}").status_code == 200


def test_create_published(client, territory):
    response = post(
        client, f"/territories/{territory.slug}/projects",
        {"title": "Repair café", "summary": "Réparer", "status": "published"}, member(territory),
    )  # fmt: skip
    assert response.json()["status"] == "published"


@pytest.mark.parametrize(
    "data, status, field",
    [({"title": ""}, 400, "title"), ({"title": "x" * 200}, 422, "title"),
     ({"description_markdown": "x" * 100_000}, 422, "description_markdown"),
     ({"themes": ["unknown"]}, 400, "themes"),
     ({"neighbourhood": "lyon-centre"}, 400, "neighbourhood"),
     ({"stage": "dreaming"}, 422, "stage"), ({"status": "archived"}, 422, "status")],
)  # fmt: skip
def test_create_bad_input_names_the_field(client, territory, other_territory, data, status, field):
    NeighbourhoodFactory(territory=other_territory, slug="lyon-centre")
    response = post(
        client, f"/territories/{territory.slug}/projects",
        {"title": "T", "summary": "S", **data}, member(territory),
    )  # fmt: skip
    assert response.status_code == status, response.json()
    assert field in response.json()["errors"]
    assert not Project.objects.exists()


def test_create_refused(client, territory, other_territory):
    data = {"title": "T", "summary": "S"}
    path = f"{API}/territories/{territory.slug}/projects"
    assert client.post(path, data, content_type="application/json").status_code == 401
    assert post(client, path[len(API) :], data, member(other_territory)).status_code == 403
    assert (
        post(client, path[len(API) :], data, member(territory, verified=False)).status_code == 403
    )


# --- detail / patch -------------------------------------------------------------------------


def test_detail_has_needs_team_and_counters(client, territory):
    project = ProjectFactory(territory=territory, description="<script>x</script>")
    services.need_create(
        actor=owner_of(project), project=project, kind="funding", title="S", amount=10
    )
    body = client.get(f"{API}/projects/{project.pk}").json()
    assert body["needs"][0]["kind"] == "funding"
    assert body["counters"]["open_needs"] == 1
    assert "<script>" not in body["description_html"]
    assert body["description_markdown"] == "<script>x</script>"


def test_drafts_of_others_are_404(client, territory):
    project = draft_project(territory=territory)
    outsider = member(territory)
    assert client.get(f"{API}/projects/{project.pk}", **auth(outsider)).status_code == 404
    assert patch(client, f"/projects/{project.pk}", {"title": "x"}, outsider).status_code == 404
    assert (
        post(
            client, f"/projects/{project.pk}/needs", {"kind": "skills", "title": "x"}, outsider
        ).status_code
        == 404
    )
    assert post(client, f"/projects/{project.pk}/follow", {}, outsider).status_code == 404
    assert client.get(f"{API}/projects/{project.pk}", **auth(owner_of(project))).status_code == 200


def test_patch_refused_outside_team_and_bad_status(client, territory):
    project = ProjectFactory(territory=territory)
    assert (
        patch(client, f"/projects/{project.pk}", {"title": "x"}, member(territory)).status_code
        == 403
    )
    response = patch(client, f"/projects/{project.pk}", {"status": "draft"}, owner_of(project))
    assert response.status_code == 400 and "status" in response.json()["errors"]
    response = patch(
        client, f"/projects/{project.pk}", {"status": "published"}, team_member(project)
    )
    assert response.status_code == 200  # already published: nothing to do
    response = patch(client, f"/projects/{project.pk}", {"status": "archived"}, owner_of(project))
    assert response.json()["status"] == "archived"


# --- needs --------------------------------------------------------------------------------


def test_needs(client, territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    response = post(
        client,
        f"/projects/{project.pk}/needs",
        {"kind": "funding", "title": "S", "amount": "-5"},
        owner,
    )
    assert response.status_code == 400 and "amount" in response.json()["errors"]
    response = post(
        client, f"/projects/{project.pk}/needs", {"kind": "unicorns", "title": "S"}, owner
    )
    assert response.status_code == 422 and "kind" in response.json()["errors"]
    response = post(
        client, f"/projects/{project.pk}/needs", {"kind": "skills", "title": "S"}, owner
    )
    assert response.status_code == 400 and "skill" in response.json()["errors"]
    response = post(
        client, f"/projects/{project.pk}/needs",
        {"kind": "volunteers", "title": "Bras", "quantity": 5}, owner,
    )  # fmt: skip
    assert response.status_code == 201
    need_id = response.json()["id"]
    assert (
        patch(client, f"/needs/{need_id}", {"status": "fulfilled"}, member(territory)).status_code
        == 403
    )
    assert patch(client, f"/needs/{need_id}", {"status": "done"}, owner).status_code == 422
    response = patch(client, f"/needs/{need_id}", {"status": "fulfilled", "quantity": 6}, owner)
    assert response.json()["status"] == "fulfilled" and response.json()["quantity"] == 6
    project.refresh_from_db()
    assert project.open_needs_count == 0
    assert Need.objects.get().status == "fulfilled"
    assert patch(client, "/needs/999999", {"status": "open"}, owner).status_code == 404


# --- follow, replicate ---------------------------------------------------------------------


def test_follow_unfollow(client, territory):
    project = ProjectFactory(territory=territory)
    user = UserFactory()
    assert client.post(f"{API}/projects/{project.pk}/follow").status_code == 401
    assert post(client, f"/projects/{project.pk}/follow", {}, user).json() == {
        "following": True,
        "followers_count": 1,
    }
    assert post(client, f"/projects/{project.pk}/follow", {}, user).json()["followers_count"] == 1
    assert client.delete(f"{API}/projects/{project.pk}/follow", **auth(user)).status_code == 204
    project.refresh_from_db()
    assert project.followers_count == 0


def test_replicate(client, territory, other_territory):
    source = ProjectFactory(territory=territory, is_replicable=True)
    user = member(other_territory)
    response = post(client, f"/projects/{source.pk}/replicate", {"territory": "nowhere"}, user)
    assert response.status_code == 400 and "territory" in response.json()["errors"]
    response = post(client, f"/projects/{source.pk}/replicate", {"territory": territory.slug}, user)
    assert response.status_code == 400
    response = post(
        client, f"/projects/{source.pk}/replicate", {"territory": other_territory.slug}, user
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft" and body["territory"] == other_territory.slug
    assert body["replicated_from"]["id"] == source.pk
    closed = ProjectFactory(territory=territory)
    response = post(
        client, f"/projects/{closed.pk}/replicate", {"territory": other_territory.slug}, user
    )
    assert response.status_code == 403


def test_premises_needs_carry_a_surface_and_a_schedule_other_kinds_do_not(client, territory):
    project = ProjectFactory(territory=territory)
    owner = owner_of(project)
    url = f"/projects/{project.pk}/needs"
    response = post(
        client, url,
        {"kind": "premises", "title": "Salle", "surface": 40, "schedule": "Le samedi"}, owner,
    )  # fmt: skip
    assert response.status_code == 201
    assert response.json()["surface"] == 40 and response.json()["schedule"] == "Le samedi"
    response = post(client, url, {"kind": "funding", "title": "S", "surface": 40}, owner)
    assert response.status_code == 400 and "surface" in response.json()["errors"]
    response = post(client, url, {"kind": "premises", "title": "S", "surface": 0}, owner)
    assert response.status_code == 422 and "surface" in response.json()["errors"]
    need_id = Need.objects.get(title="Salle").pk
    response = patch(client, f"/needs/{need_id}", {"kind": "volunteers"}, owner)
    assert response.status_code == 400 and "surface" in response.json()["errors"]
