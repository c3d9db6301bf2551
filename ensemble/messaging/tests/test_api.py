import pytest

from ensemble.messaging import services
from ensemble.messaging.models import Block, Conversation, Message
from ensemble.testing.factories import member

API = "/api/v1"


@pytest.fixture
def as_user(client):
    def log_in(user):
        client.force_login(user)
        return client

    return log_in


def test_anonymous_gets_401(client, conversation):
    assert client.get(f"{API}/conversations").status_code == 401
    assert client.get(f"{API}/conversations/{conversation.pk}/messages").status_code == 401


def test_a_non_participant_gets_404_everywhere(as_user, conversation, stranger):
    client = as_user(stranger)
    base = f"{API}/conversations/{conversation.pk}"
    assert client.get(f"{base}/messages").status_code == 404
    response = client.post(f"{base}/messages", {"body": "Intrus"}, content_type="application/json")
    assert response.status_code == 404
    assert client.post(f"{base}/read").status_code == 404
    assert client.get(f"{API}/conversations").json()["count"] == 0
    assert Message.objects.count() == 1


def test_list_with_unread_and_read(as_user, conversation, bob):
    client = as_user(bob)
    item = client.get(f"{API}/conversations").json()["items"][0]
    assert item["unread"] == 1 and item["messages_count"] == 1
    assert {p["display_name"] for p in item["participants"]} == {"Alice", "Bob"}
    assert client.post(f"{API}/conversations/{conversation.pk}/read").status_code == 204
    assert client.get(f"{API}/conversations").json()["items"][0]["unread"] == 0


def test_messages_list_and_post(as_user, conversation, bob):
    client = as_user(bob)
    base = f"{API}/conversations/{conversation.pk}/messages"
    body = client.get(base).json()
    assert "<strong>Bob</strong>" in body["items"][0]["body_html"]
    response = client.post(base, {"body": "Merci"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["sender"]["display_name"] == "Bob"
    response = client.post(base, {"body": "  "}, content_type="application/json")
    assert response.status_code == 400 and "body" in response.json()["errors"]


def test_a_blocked_person_cannot_post(as_user, conversation, alice, bob):
    services.person_block(blocker=bob, blocked=alice)
    client = as_user(alice)
    response = client.post(
        f"{API}/conversations/{conversation.pk}/messages", {"body": "Re"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400


def test_open_a_conversation(as_user, alice, bob, organisation):
    client = as_user(alice)
    response = client.post(
        f"{API}/conversations", {"to_user": bob.pk, "subject": "Salle", "body": "Bonjour"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201 and response.json()["subject"] == "Salle"
    response = client.post(
        f"{API}/conversations", {"to_organisation": organisation.pk, "body": "Bonjour"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201 and response.json()["organisation"] == organisation.pk


@pytest.mark.parametrize(
    "payload,field",
    [({"body": "x"}, "to_user"), ({"to_user": 999999, "body": "x"}, "to_user"),
     ({"to_organisation": 999999, "body": "x"}, "to_organisation")],
)  # fmt: skip
def test_open_with_a_bad_recipient_names_the_field(as_user, alice, payload, field):
    response = as_user(alice).post(f"{API}/conversations", payload, content_type="application/json")
    assert response.status_code == 400 and field in response.json()["errors"]


def test_a_new_account_is_rate_limited_with_429(as_user, alice, territory, settings):
    settings.ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAILY_CONVERSATIONS = 1
    client = as_user(alice)
    for expected in (201, 429):
        response = client.post(
            f"{API}/conversations", {"to_user": member(territory).pk, "body": "Bonjour"},
            content_type="application/json",
        )  # fmt: skip
        assert response.status_code == expected
    assert Conversation.objects.count() == 1


def test_block_and_unblock(as_user, alice, bob):
    client = as_user(alice)
    assert client.post(f"{API}/people/{bob.pk}/block").status_code == 204
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    assert client.delete(f"{API}/people/{bob.pk}/block").status_code == 204
    assert not Block.objects.exists()
    assert client.post(f"{API}/people/{alice.pk}/block").status_code == 400
    assert client.post(f"{API}/people/999999/block").status_code == 404


def test_writing_to_a_project_team_and_its_refusals(as_user, territory, alice, stranger):
    from ensemble.projects.models import Project
    from ensemble.projects.tests.factories import ProjectFactory, draft_project

    project = ProjectFactory(territory=territory, owner=alice)
    draft = draft_project(territory=territory, owner=alice)
    client = as_user(stranger)

    def start(**target):
        return client.post(
            f"{API}/conversations", {"body": "Bonjour l'équipe", **target},
            content_type="application/json",
        )  # fmt: skip

    for target, field in [({"to_project": draft.pk}, "to_project"),  # not visible: unknown
                          ({"to_project": 999_999}, "to_project"),
                          ({"to_project": project.pk, "to_user": alice.pk}, "to_user"),
                          ({}, "to_user")]:  # fmt: skip
        response = start(**target)
        assert response.status_code == 400 and field in response.json()["errors"]
    Project.objects.filter(pk=project.pk).update(status=Project.Status.ARCHIVED)
    assert "to_project" in start(to_project=project.pk).json()["errors"]
    assert not Conversation.objects.exists()

    Project.objects.filter(pk=project.pk).update(status=Project.Status.PUBLISHED)
    response = start(to_project=project.pk)
    assert response.status_code == 201 and response.json()["project"] == project.pk
