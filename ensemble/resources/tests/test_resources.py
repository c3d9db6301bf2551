"""The knowledge base: who writes it, funding calls that close by themselves, attachments that
are what they claim, drafts and other territories kept out, query counts."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from ensemble.accounts.services import api_token_create
from ensemble.activity.tests.makers import make_need
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.resources.attachments import in_memory
from ensemble.resources.models import Resource
from ensemble.resources.selectors import resource_list, resources_for_need
from ensemble.resources.services import attachment_add, resource_create, resource_set_status
from ensemble.territories.roles import Role
from ensemble.testing.factories import ThemeFactory, UserFactory, member
from ensemble.testing.links import links_to
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _call(agent, territory, days=10, **data):
    return resource_create(
        actor=agent, territory=territory, kind="funding_call", title="Fonds quartiers",
        funder="Ville de Sceaux", amount="jusqu'à 5 000 €",
        deadline=timezone.now() + timedelta(days=days), publish=True, **data,
    )  # fmt: skip


def _png() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(output, format="PNG")
    return output.getvalue()


def _docx() -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return output.getvalue()


@pytest.mark.parametrize("role", [None, Role.MEMBER, Role.MODERATOR])
def test_only_agents_and_admins_write_the_knowledge_base(territory, role):
    actor = UserFactory() if role is None else member(territory, role)
    with pytest.raises(PermissionDenied):
        resource_create(actor=actor, territory=territory, kind="guide", title="Créer une asso")
    assert not Resource.objects.exists()


def test_an_agent_of_another_territory_cannot_write_here(territory, other_territory):
    with pytest.raises(PermissionDenied):
        _call(member(other_territory, Role.AGENT), territory)


def test_a_funding_call_needs_a_deadline(territory):
    with pytest.raises(ValidationError) as error:
        resource_create(actor=member(territory, Role.AGENT), territory=territory,
                        kind="funding_call", title="Sans date")  # fmt: skip
    assert "deadline" in error.value.message_dict


def test_a_funding_call_past_its_deadline_leaves_the_open_ones_by_itself(territory):
    agent = member(territory, Role.AGENT)
    call = _call(agent, territory, days=1)
    assert list(Resource.objects.open()) == [call]
    later = timezone.now() + timedelta(days=2)
    assert list(Resource.objects.open(now=later)) == []
    assert list(Resource.objects.archived(now=later)) == [call]
    Resource.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    assert list(resource_list(territory=territory, user=None, filters={"open": True})) == []
    assert list(resource_list(territory=territory, user=None)) == []
    archived = resource_list(territory=territory, user=None, filters={"archived": True})
    assert list(archived) == [call]


def test_a_funding_need_lists_the_open_funding_calls(territory):
    agent = member(territory, Role.AGENT)
    open_call = _call(agent, territory)
    Resource.objects.filter(pk=_call(agent, territory).pk).update(
        deadline=timezone.now() - timedelta(days=1)
    )
    need = make_need(ProjectFactory(territory=territory), kind="funding", title="3 000 €")
    assert list(resources_for_need(need)) == [open_call]


def test_drafts_are_for_the_agents_of_the_territory(client, territory, other_territory):
    agent = member(territory, Role.AGENT)
    draft = resource_create(actor=agent, territory=territory, kind="guide", title="Brouillon")
    url = reverse("resources:detail", args=[territory.slug, draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(member(territory))
    assert client.get(url).status_code == 404
    client.force_login(member(other_territory, Role.AGENT))
    assert client.get(url).status_code == 404
    assert client.get(f"{API}/resources/{draft.pk}").status_code == 404
    client.force_login(agent)
    assert client.get(url).status_code == 200
    resource_set_status(actor=agent, resource=draft, status="published")
    client.logout()
    assert client.get(url).status_code == 200


def test_a_resource_of_another_territory_is_a_404_here(client, territory, other_territory):
    elsewhere = _call(member(other_territory, Role.AGENT), other_territory)
    url = reverse("resources:detail", args=[territory.slug, elsewhere.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("page.html", b"<!doctype html><script>alert(1)</script>", "type"),
        ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "type"),
        ("faux.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "type"),
        ("photo.pdf", None, "mismatch"),
        ("script.js", b"alert(1)", "type"),
        ("vide.pdf", b"", "empty"),
    ],
)
def test_bad_attachments_are_refused_naming_the_field(territory, name, content, code):
    agent = member(territory, Role.AGENT)
    resource = _call(agent, territory)
    uploaded = in_memory(name, _png() if content is None else content)
    with pytest.raises(ValidationError) as error:
        attachment_add(actor=agent, resource=resource, uploaded=uploaded)
    assert error.value.error_dict["file"][0].code == code
    assert not resource.attachments.exists()


def test_a_file_over_the_limit_is_refused(territory):
    from ensemble.resources import attachments

    agent = member(territory, Role.AGENT)
    resource = _call(agent, territory)
    big = in_memory("gros.pdf", b"%PDF-1.7\n" + b"0" * (attachments.MAX_BYTES + 1))
    with translation.override("en"), pytest.raises(ValidationError) as error:
        attachment_add(actor=agent, resource=resource, uploaded=big)
    assert error.value.error_dict["file"][0].code == "too_large"
    assert "10" in error.value.message_dict["file"][0]


def test_good_attachments_are_served_for_download_only(client, territory):
    agent = member(territory, Role.AGENT)
    resource = _call(agent, territory)
    files = [("reglement.pdf", b"%PDF-1.7\n%%EOF"), ("affiche.png", _png()),
             ("dossier.docx", _docx())]  # fmt: skip
    for name, content in files:
        attachment_add(actor=agent, resource=resource, uploaded=in_memory(name, content))
    pdf = resource.attachments.get(name="reglement.pdf")
    response = client.get(pdf.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n%%EOF"
    assert resource.attachments.get(name="dossier.docx").content_type.endswith("document")


def test_the_page_shows_the_attachment_error_on_the_field(client, territory):
    agent = member(territory, Role.AGENT)
    resource = _call(agent, territory)
    client.force_login(agent)
    url = reverse("resources:attachment_add", args=[territory.slug, resource.pk])
    response = client.post(url, {"file": in_memory("page.pdf", b"<html><script></script>")})
    assert response.status_code == 400
    assert "file" in response.context["form"].errors


def test_api_lists_open_calls_and_refuses_non_agents(client, territory):
    agent = member(territory, Role.AGENT)
    _call(agent, territory)
    resource_create(actor=agent, territory=territory, kind="faq", title="Louer une salle ?",
                    publish=True)  # fmt: skip
    body = client.get(f"{API}/territories/{territory.slug}/resources?open=true").json()
    assert [item["kind"] for item in body["items"]] == ["funding_call"]
    payload = {"kind": "guide", "title": "Créer une association"}
    for user, status in ((member(territory), 403), (agent, 201)):
        response = client.post(
            f"{API}/territories/{territory.slug}/resources", payload,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {api_token_create(user=user)}",
        )  # fmt: skip
        assert response.status_code == status
    unknown = client.post(
        f"{API}/territories/{territory.slug}/resources", {**payload, "colour": "x"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(user=agent)}",
    )  # fmt: skip
    assert unknown.status_code == 422 and "colour" in unknown.json()["errors"]


def test_resource_list_query_count_is_flat(client, territory):
    agent = member(territory, Role.AGENT)
    theme = ThemeFactory()

    def grow(n):
        while Resource.objects.count() < n:
            _call(agent, territory, themes=[theme])

    assert_flat_queries(client, reverse("resources:list", args=[territory.slug]), grow)
    assert_flat_queries(client, f"{API}/territories/{territory.slug}/resources", grow)


def test_the_feed_announces_a_published_resource_never_a_draft(client, territory):
    from ensemble.activity.selectors import territory_activities

    agent = member(territory, Role.AGENT)
    draft = resource_create(actor=agent, territory=territory, kind="guide", title="Brouillon")
    assert not territory_activities(territory=territory).filter(resource=draft).exists()
    resource_set_status(actor=agent, resource=draft, status="published")
    resource_set_status(actor=agent, resource=draft, status="draft")
    assert not territory_activities(territory=territory).filter(resource=draft).exists()
    resource_set_status(actor=agent, resource=draft, status="published")
    lines = territory_activities(territory=territory).filter(resource=draft)
    assert [line.verb for line in lines] == ["resource_published"]
    feed = client.get(reverse("activity:feed", args=[territory.slug])).content.decode()
    assert draft.get_absolute_url() in feed


def test_theme_chips_link_to_the_list_filtered_by_them(client, territory):
    agent = member(territory, Role.AGENT)
    theme, retired, other = ThemeFactory(), ThemeFactory(is_retired=True), ThemeFactory()
    tagged = _call(agent, territory, themes=[theme, retired])
    _call(agent, territory, themes=[other])
    resources = reverse("resources:list", args=[territory.slug])

    links = links_to(client.get(resources), resources)
    assert f"{resources}?theme={retired.slug}" not in links  # no longer a filter: plain text
    link = f"{resources}?theme={theme.slug}"
    assert link in links
    assert [r.pk for r in client.get(link).context["page"].object_list] == [tagged.pk]
    detail = client.get(reverse("resources:detail", args=[territory.slug, tagged.pk]))
    assert links_to(detail, resources) == [link]
