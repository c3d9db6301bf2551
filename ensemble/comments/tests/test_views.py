import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from ensemble.comments.models import Comment
from ensemble.comments.services import comment_create, comment_hide
from ensemble.moderation.models import Report
from ensemble.testing.factories import member

from .helpers import render_thread

pytestmark = pytest.mark.django_db


def _url(name, comment=None, **kwargs):
    if comment is not None:
        kwargs["pk"] = comment.pk
    return reverse(f"comments:{name}", kwargs={"territory_slug": "sceaux", **kwargs})


def _add_url(project):
    return _url("add", kind="projects", object_id=project.pk)


def test_post_a_comment_and_come_back_to_it(client, project, resident):
    client.force_login(resident)
    response = client.post(_add_url(project), {"body": "Je viens samedi !"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{project.get_absolute_url()}#comment-{comment.pk}"
    assert comment.author == resident


def test_empty_comment_shows_the_form_with_a_field_error(client, project, resident):
    client.force_login(resident)
    response = client.post(_add_url(project), {"body": "   "})
    assert response.status_code == 400
    assert 'id="id_body_errors"' in response.content.decode()
    assert not Comment.objects.exists()


def test_service_error_keeps_what_was_typed(client, project, resident, settings):
    settings.ENSEMBLE_COMMENTS_PER_MINUTE = 0
    client.force_login(resident)
    response = client.post(_add_url(project), {"body": "Mon long message"})
    assert response.status_code == 400
    assert "Mon long message" in response.content.decode()


@pytest.mark.parametrize(
    "who, where, status",
    [
        pytest.param("anonymous", "project", 302, id="anonymous-goes-to-log-in"),
        pytest.param("member of another territory", "project", 403, id="other-territory"),
        pytest.param("unverified member", "project", 403, id="unverified"),
        # Through another territory's address, or an unknown kind: not found.
        pytest.param("member", "another territory's address", 404, id="wrong-territory-url"),
        pytest.param("member", "unknown kind", 404, id="unknown-kind"),
        pytest.param("member", "draft project", 404, id="draft-project"),
    ],
)
def test_refusals_to_post(client, territory, other_territory, project, who, where, status):
    user = {
        "anonymous": None,
        "member of another territory": lambda: member(other_territory),
        "unverified member": lambda: member(territory, verified=False),
        "member": lambda: member(territory),
    }[who]
    if user is not None:
        client.force_login(user())
    url = _add_url(project)
    if where == "another territory's address":
        url = reverse(
            "comments:add",
            kwargs={"territory_slug": "lyon", "kind": "projects", "object_id": project.pk},
        )
    elif where == "unknown kind":
        url = _url("add", kind="nope", object_id=1)
    elif where == "draft project":
        project.status = "draft"
        project.save()
    assert client.post(url, {"body": "x"}).status_code == status
    assert not Comment.objects.exists()


def test_reply_edit_delete_flow(client, project, resident, neighbour):
    top = comment_create(author=resident, target=project, body="Qui vient ?")
    client.force_login(neighbour)
    response = client.post(_url("reply", top), {"body": "Moi"})
    reply = Comment.objects.get(parent=top)
    assert response.url.endswith(f"#comment-{reply.pk}")
    assert client.post(_url("edit", top), {"body": "Piraté"}).status_code == 403
    assert client.get(_url("delete", top)).status_code == 403
    client.force_login(resident)
    assert client.get(_url("edit", top)).status_code == 200
    client.post(_url("edit", top), {"body": "Qui vient samedi ?"})
    top.refresh_from_db()
    assert top.body == "Qui vient samedi ?" and top.edited_at
    assert client.get(_url("delete", top)).status_code == 200
    client.post(_url("delete", top))
    top.refresh_from_db()
    assert top.is_deleted


def test_report_form(client, project, resident, neighbour):
    comment = comment_create(author=resident, target=project, body="Pub")
    client.force_login(resident)
    assert client.get(_url("report", comment)).status_code == 403  # not one's own
    client.force_login(neighbour)
    assert client.get(_url("report", comment)).status_code == 200
    response = client.post(_url("report", comment), {"reason": "unknown"})
    assert response.status_code == 400
    response = client.post(_url("report", comment), {"reason": "spam", "details": "pub"})
    assert response.status_code == 302
    assert Report.objects.get().reporter == neighbour
    response = client.post(_url("report", comment), {"reason": "spam"})
    assert response.status_code == 400  # once while open, said on the form


def test_hide_and_unhide(client, project, resident, moderator, other_moderator):
    comment = comment_create(author=resident, target=project, body="Hors sujet")
    for refused in (other_moderator, resident):
        client.force_login(refused)
        assert client.post(_url("hide", comment), {"reason": "Non"}).status_code == 403
    client.force_login(moderator)
    assert client.post(_url("hide", comment), {"reason": ""}).status_code == 400
    assert client.post(_url("hide", comment), {"reason": "Hors sujet"}).status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden
    response = client.post(_url("unhide", comment))
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert [str(m) for m in get_messages(response.wsgi_request)]


def test_thread_shows_prompts_by_state(territory, project):
    html = render_thread(project)
    assert "Log in to comment" in html and "<form" not in html
    html = render_thread(project, member(territory, verified=False))
    assert "Verify your email address to comment" in html
    html = render_thread(project, member(territory))
    assert 'action="' + _add_url(project) in html and '<label for="new-comment-body"' in html


def test_thread_markup(project, resident, neighbour, moderator):
    top = comment_create(author=resident, target=project, body="**Bravo** à l'équipe")
    comment_create(author=neighbour, target=project, body="Merci !", parent=top)
    hidden = comment_create(author=neighbour, target=project, body="Insulte grave")
    comment_hide(actor=moderator, comment=hidden, reason="Propos injurieux")
    html = render_thread(project, neighbour)
    assert 'aria-labelledby="comments-title"' in html
    assert f'<article class="comment" id="comment-{top.pk}"' in html
    assert "<strong>Bravo</strong>" in html and "<time datetime=" in html
    assert "Hidden by moderation: Propos injurieux" in html
    assert "Insulte grave" not in html


def test_deleted_comment_text_stays_out_of_the_page(client, project, resident, neighbour):
    top = comment_create(author=resident, target=project, body="Secret regretté")
    comment_create(author=neighbour, target=project, body="Réponse", parent=top)
    client.force_login(resident)
    client.post(_url("delete", top))
    html = render_thread(project, neighbour)
    assert "Comment deleted" in html and "Secret regretté" not in html
    assert "Réponse" in html


def test_edited_mark(client, project, resident):
    comment = comment_create(author=resident, target=project, body="Avant")
    client.force_login(resident)
    client.post(_url("edit", comment), {"body": "Après"})
    assert "(edited)" in render_thread(project)


DANGEROUS = (
    "<script>alert('x')</script>\n\n"
    "[clic](javascript:alert(1))\n\n"
    '<img src=x onerror="alert(2)">\n\n'
    '<iframe src="https://evil.example"></iframe>'
)


def _assert_neutralised(html: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered
    assert 'href="javascript:' not in lowered
    assert "<img" not in lowered and "<iframe" not in lowered


def test_markdown_is_neutralised_in_the_page(project, resident):
    comment_create(author=resident, target=project, body=DANGEROUS)
    html = render_thread(project)
    _assert_neutralised(html)
    assert "clic" in html
