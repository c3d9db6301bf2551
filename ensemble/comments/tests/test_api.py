import pytest
from django.test import override_settings

from ensemble.comments.models import Comment
from ensemble.comments.services import comment_create, comment_hide
from ensemble.moderation.models import Report
from ensemble.testing.factories import UserFactory, member

from .test_views import DANGEROUS, _assert_neutralised

pytestmark = pytest.mark.django_db


def _list(project):
    return f"/api/v1/projects/{project.pk}/comments"


def test_list_threads_with_replies(client, project, resident, neighbour, moderator):
    top = comment_create(author=resident, target=project, body="*Super* projet")
    comment_create(author=neighbour, target=project, body="Oui", parent=top)
    hidden = comment_create(author=neighbour, target=project, body="Insulte")
    comment_hide(actor=moderator, comment=hidden, reason="Propos injurieux")
    client.force_login(neighbour)  # the resident shows their name to members (the default)
    data = client.get(_list(project)).json()
    assert data["count"] == 2 and data["page"] == 1
    first, second = data["items"]
    assert first["body_markdown"] == "*Super* projet"
    assert first["body_html"] == "<p><em>Super</em> projet</p>\n"
    assert first["author"] == {"id": resident.pk, "display_name": resident.display_name}
    assert first["parent"] is None and first["edited_at"] is None
    assert [reply["body_markdown"] for reply in first["replies"]] == ["Oui"]
    assert first["replies"][0]["parent"] == top.pk
    assert second["is_hidden"] and second["hidden_reason"] == "Propos injurieux"
    assert second["body_markdown"] == "" and "Insulte" not in second["body_html"]


def test_draft_or_unknown_target_is_404(client, territory, project):
    project.status = "draft"
    project.save()
    assert client.get(_list(project)).status_code == 404
    client.force_login(member(territory))
    assert client.get(_list(project)).status_code == 404
    assert client.post(_list(project), {"body": "x"}, "application/json").status_code == 404
    assert client.get("/api/v1/projects/999999/comments").status_code == 404


def test_create_and_reply(client, project, resident):
    client.force_login(resident)
    response = client.post(_list(project), {"body": " Bonjour "}, "application/json")
    assert response.status_code == 201
    top = response.json()
    assert top["body_markdown"] == "Bonjour" and top["replies"] == []
    reply = client.post(
        _list(project), {"body": "Re", "parent": top["id"]}, "application/json"
    ).json()
    assert reply["parent"] == top["id"]


def test_bad_input_names_the_field(client, territory, project, resident):
    client.force_login(resident)
    response = client.post(_list(project), {"body": "   "}, "application/json")
    assert response.status_code == 400 and "body" in response.json()["errors"]
    response = client.post(_list(project), {}, "application/json")
    assert response.status_code == 422 and "body" in response.json()["errors"]
    response = client.post(_list(project), {"body": "x" * 5001}, "application/json")
    assert response.status_code == 400 and "body" in response.json()["errors"]
    response = client.post(_list(project), {"body": "x", "parent": 999999}, "application/json")
    assert response.status_code == 400 and "parent" in response.json()["errors"]


@override_settings(ENSEMBLE_COMMENTS_PER_MINUTE=1)
def test_rate_limited_is_429_naming_the_body(client, project, resident):
    client.force_login(resident)
    client.post(_list(project), {"body": "Un"}, "application/json")
    response = client.post(_list(project), {"body": "Deux"}, "application/json")
    assert response.status_code == 429 and "body" in response.json()["errors"]


def test_post_refusals(client, territory, other_territory, project):
    assert client.post(_list(project), {"body": "x"}, "application/json").status_code == 401
    for user in (member(other_territory), member(territory, verified=False), UserFactory()):
        client.force_login(user)
        assert client.post(_list(project), {"body": "x"}, "application/json").status_code == 403
    assert not Comment.objects.exists()


def test_edit_and_delete(client, project, resident, neighbour, moderator):
    comment = comment_create(author=resident, target=project, body="Avant")
    url = f"/api/v1/comments/{comment.pk}"
    assert client.patch(url, {"body": "x"}, "application/json").status_code == 401
    client.force_login(neighbour)
    assert client.patch(url, {"body": "x"}, "application/json").status_code == 403
    assert client.delete(url).status_code == 403
    client.force_login(resident)
    response = client.patch(url, {"body": ""}, "application/json")
    assert response.status_code == 400 and "body" in response.json()["errors"]
    data = client.patch(url, {"body": "Après"}, "application/json").json()
    assert data["body_markdown"] == "Après" and data["edited_at"]
    client.force_login(moderator)
    assert client.patch(url, {"body": "x"}, "application/json").status_code == 403
    assert client.delete(url).status_code == 204
    data = client.get(_list(project)).json()
    assert data["count"] == 0  # deleted without replies: out of the thread
    assert client.get("/api/v1/comments/999999").status_code in (404, 405)


def test_comment_on_a_draft_is_404_by_id(client, territory, project, resident):
    comment = comment_create(author=resident, target=project, body="Avant")
    project.status = "draft"
    project.save()
    client.force_login(resident)
    url = f"/api/v1/comments/{comment.pk}"
    assert client.patch(url, {"body": "x"}, "application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert client.post(f"{url}/report", {"reason": "spam"}, "application/json").status_code == 404


def test_report(client, project, resident, neighbour):
    comment = comment_create(author=resident, target=project, body="Pub")
    url = f"/api/v1/comments/{comment.pk}/report"
    assert client.post(url, {"reason": "spam"}, "application/json").status_code == 401
    client.force_login(resident)
    assert client.post(url, {"reason": "spam"}, "application/json").status_code == 403
    client.force_login(neighbour)
    response = client.post(url, {"reason": "nonsense"}, "application/json")
    assert response.status_code == 422 and "reason" in response.json()["errors"]
    response = client.post(url, {"reason": "spam", "details": "pub"}, "application/json")
    assert response.status_code == 201 and response.json()["status"] == "open"
    response = client.post(url, {"reason": "spam"}, "application/json")
    assert response.status_code == 400 and "reason" in response.json()["errors"]
    assert Report.objects.count() == 1


def test_markdown_is_neutralised_in_body_html(client, project, resident):
    comment_create(author=resident, target=project, body=DANGEROUS)
    html = client.get(_list(project)).json()["items"][0]["body_html"]
    _assert_neutralised(html)
