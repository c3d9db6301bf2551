import pytest
from django.core import mail
from django.test import override_settings

from ensemble.accounts.services import api_token_create
from ensemble.introductions import services
from ensemble.introductions.models import Introduction
from ensemble.notifications.models import Notification
from ensemble.projects.models import Need
from ensemble.testing.queries import assert_flat_queries

from .helpers import old_user, open_need, organisation, owner_of, team_owner

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def post(client, user, data):
    return client.post(f"{API}/introductions", data, content_type="application/json", **auth(user))


def patch(client, user, pk, data):
    return client.patch(
        f"{API}/introductions/{pk}", data, content_type="application/json", **auth(user)
    )


@pytest.fixture
def need(territory):
    return open_need(territory)


@pytest.fixture
def org(territory):
    return organisation(territory, owner=old_user(territory), name="Maison des associations")


def test_api_flow(client, need, org):
    team = team_owner(need)
    response = post(
        client, team, {"need": need.pk, "to_organisation": org.pk, "message": "Bonjour"}
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert len(mail.outbox) == 1
    owner = owner_of(org)
    assert patch(client, old_user(), pk, {"status": "accepted"}).status_code == 404
    assert patch(client, team, pk, {"status": "accepted"}).status_code == 403
    body = patch(client, owner, pk, {"status": "accepted"}).json()
    assert body["status"] == "accepted" and body["conversation"]
    assert Notification.objects.filter(user=team, kind="introduction_answered").exists()
    assert patch(client, owner, pk, {"outcome": "helped"}).status_code == 403
    assert patch(client, team, pk, {"outcome": "helped"}).json()["outcome"] == "helped"
    need.refresh_from_db()
    assert need.status == Need.Status.FULFILLED
    sent = client.get(f"{API}/me/introductions?box=sent", **auth(team)).json()
    assert sent["count"] == 1
    received = client.get(f"{API}/me/introductions", **auth(owner)).json()
    assert received["items"][0]["id"] == pk


def test_api_offer(client, need):
    helper = old_user()
    response = post(client, helper, {"need": need.pk, "kind": "offer", "message": "Je peux"})
    assert response.status_code == 201
    pk = response.json()["id"]
    assert patch(client, helper, pk, {"status": "accepted"}).status_code == 403
    assert (
        patch(client, team_owner(need), pk, {"status": "declined"}).json()["status"] == "declined"
    )


@pytest.mark.parametrize(
    "who, fields, status",
    [
        pytest.param("anonymous", {"to_organisation": "org"}, 401, id="anonymous"),
        pytest.param("team", {}, 400, id="no-target"),
        pytest.param("team", {"to_user": 99999}, 400, id="unknown-person"),
        pytest.param("team", {"need": 99999, "to_organisation": "org"}, 404, id="unknown-need"),
        pytest.param("team", {"to_user": 1, "message": None}, 422, id="no-message"),
        pytest.param("stranger", {"to_organisation": "org"}, 403, id="not-on-the-team"),
        pytest.param("team", {"to_user": "opted out"}, 400, id="person-not-contactable"),
    ],
)
def test_api_refusals(client, need, org, who, fields, status):
    named = {"org": org.pk, "opted out": old_user(contactable=False).pk}
    data = {"need": need.pk, "message": "x"} | {k: named.get(v, v) for k, v in fields.items()}
    data = {key: value for key, value in data.items() if value is not None}
    if who == "anonymous":
        response = client.post(f"{API}/introductions", data, content_type="application/json")
    else:
        response = post(client, team_owner(need) if who == "team" else old_user(), data)
    assert response.status_code == status
    assert not Introduction.objects.exists()
    if fields.get("to_user") == "opted out":
        assert "to_user" in response.json()["errors"]


def test_api_asking_twice_while_waiting_is_429(client, need, org):
    team = team_owner(need)
    data = {"need": need.pk, "to_organisation": org.pk, "message": "x"}
    assert post(client, team, data).status_code == 201
    response = post(client, team, data)
    assert response.status_code == 429 and response.json()["detail"]


@override_settings(ENSEMBLE_INTRODUCTIONS_PER_DAY=1)
def test_api_daily_limit_429(client, need):
    team = team_owner(need)
    assert (
        post(client, team, {"need": need.pk, "to_user": old_user().pk, "message": "x"}).status_code
        == 201
    )
    assert (
        post(client, team, {"need": need.pk, "to_user": old_user().pk, "message": "x"}).status_code
        == 429
    )


@override_settings(ENSEMBLE_INTRODUCTIONS_PER_DAY=1)
def test_page_request_and_limit_message(client, need):
    team = team_owner(need)
    client.force_login(team)
    url = f"/me/mises-en-relation/demander/?need={need.pk}&user={old_user().pk}"
    assert client.get(url).status_code == 200
    assert client.post(url, {"message": "Bonjour"}).status_code == 302
    url = f"/me/mises-en-relation/demander/?need={need.pk}&user={old_user().pk}"
    response = client.post(url, {"message": "Bonjour"})
    assert response.status_code == 429
    assert 'class="error-summary"' in response.content.decode()
    assert client.post(url, {"message": ""}).status_code == 400


def test_pages_refusals(client, need, org):
    client.force_login(old_user())
    assert client.get(f"/me/mises-en-relation/demander/?need={need.pk}&user=1").status_code == 403
    assert client.get("/me/mises-en-relation/demander/?need=abc").status_code == 404
    client.logout()
    assert client.get("/me/mises-en-relation/").status_code == 302


def test_pages_answer_and_help(client, need, org):
    introduction = services.introduction_request(
        actor=team_owner(need), need=need, to_organisation=org, message="Bonjour"
    )
    client.force_login(old_user())
    assert (
        client.post(
            f"/me/mises-en-relation/{introduction.pk}/repondre/", {"accept": "1"}
        ).status_code
        == 404
    )
    client.force_login(owner_of(org))
    response = client.get("/me/mises-en-relation/")
    assert "Bonjour" in response.content.decode()
    response = client.post(f"/me/mises-en-relation/{introduction.pk}/repondre/", {"accept": "1"})
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.conversation_id
    helper = old_user()
    client.force_login(helper)
    url = f"/me/mises-en-relation/aider/?need={need.pk}"
    assert client.get(url).status_code == 200
    assert client.post(url, {"message": "Je peux aider"}).status_code == 302
    assert Introduction.objects.filter(kind="offer", requested_by=helper).exists()


def test_lists_flat_queries(client, territory, org):
    owner = owner_of(org)
    needs = [open_need(territory) for _ in range(5)]
    client.force_login(owner)

    def grow(n):
        while Introduction.objects.filter(to_organisation=org).count() < n:
            count = Introduction.objects.count()
            need = needs[count % 5]
            Introduction.objects.create(
                need=need, requested_by=team_owner(need), to_organisation=org, message=f"m{count}"
            )

    assert_flat_queries(client, "/me/mises-en-relation/", grow)
    assert_flat_queries(client, f"{API}/me/introductions", grow, **auth(owner))
    client.force_login(team_owner(needs[0]))
    assert_flat_queries(client, "/me/mises-en-relation/?box=sent", grow)
