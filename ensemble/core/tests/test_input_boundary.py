"""The input boundary: text and numbers that would break the server never reach a view,
every /api/ answer is JSON, unknown fields are refused, pages past the last one are the
last one, errors name the API's fields. Each test failed before the boundary existed."""

import pytest
from django.core import mail

from ensemble.accounts.services import api_token_create
from ensemble.api.urls import api
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.text import clean, forbidden_character, one_line
from ensemble.projects.models import Project
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
API = "/api/v1"
HUGE = 2**63  # one past the largest BIGINT


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def create_project(client, territory, user, **extra):
    data = {"title": "Jardin", "summary": "Partagé", **extra}
    return client.post(
        f"{API}/territories/{territory.slug}/projects", data,
        content_type="application/json", **bearer(user),
    )  # fmt: skip


# --- the sanitiser itself -----------------------------------------------------------------


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\ud800", "\udfff"])
def test_forbidden_characters(bad):
    assert forbidden_character(f"a{bad}b") == bad
    assert clean(f"a{bad}b") == "ab"


def test_tabs_and_line_breaks_are_text_but_not_one_line():
    assert forbidden_character("a\tb\r\nc") is None
    assert clean("a\tb\r\nc") == "a\tb\r\nc"
    assert one_line("a\r\n\r\nb\tc\x00") == "a b c"


# --- API: refused with a 422 naming the field ------------------------------------------------


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x1b", "\ud800"])
def test_api_body_text_with_a_forbidden_character_is_a_422_naming_the_field(client, territory, bad):
    user = member(territory)
    response = create_project(client, territory, user, description_markdown=f"Un{bad}deux")
    assert response.status_code == 422
    assert "description_markdown" in response.json()["errors"]
    assert not Project.objects.exists()


def test_api_nested_fields_are_named_with_their_path(client, territory):
    user = member(territory)
    response = create_project(client, territory, user, themes=["ok", "b\x00d"])
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["themes.1"]


@pytest.mark.parametrize("query", ["q=%00", "q=%01abc", "theme=%1b"])
def test_api_query_with_a_forbidden_character_is_a_422(client, territory, query):
    response = client.get(f"{API}/territories/{territory.slug}/projects?{query}")
    assert response.status_code == 422
    assert response.json()["errors"]


def test_anonymous_search_with_a_nul_byte_is_a_422_not_a_500(client, territory):
    response = client.get(f"{API}/search?q=%00")
    assert response.status_code == 422
    assert "q" in response.json()["errors"]


def test_integers_beyond_64_bits_are_refused_even_inside_arrays(client, territory):
    user = member(territory)
    response = create_project(client, territory, user, origin_contribution=HUGE)
    assert response.status_code == 422
    assert "origin_contribution" in response.json()["errors"]
    response = client.put(
        f"{API}/me/notification-preferences", {"x": [HUGE, 1]},
        content_type="application/json", **bearer(user),
    )  # fmt: skip
    assert response.status_code == 422
    assert "x.0" in response.json()["errors"]


# --- pages: removed, what the person typed is kept ---------------------------------------------


def test_pages_remove_forbidden_characters_from_queries(client, territory):
    response = client.get(f"/{territory.slug}/projets/?q=%00jar%01din")
    assert response.status_code == 200
    assert response.wsgi_request.GET["q"] == "jardin"


# --- one-line fields and outputs -----------------------------------------------------------------


def test_a_one_line_field_never_keeps_a_line_break_nor_a_control_character(territory):
    project = ProjectFactory(territory=territory, title="Jardin\r\nBcc: x@example.org\x01")
    project.refresh_from_db()
    assert project.title == "Jardin Bcc: x@example.org"


def test_multi_line_text_keeps_its_line_breaks_but_loses_control_characters(territory):
    project = ProjectFactory(territory=territory, description="Un\n\nDeux\x00\x1b")
    project.refresh_from_db()
    assert project.description == "Un\n\nDeux"


def test_atom_feeds_stay_valid_with_control_characters_in_stored_titles(client, territory):
    consultation = ConsultationFactory(territory=territory)
    ContributionFactory(consultation=consultation)
    # Rows written before the boundary existed (update() skips it) still hold them.
    ProjectFactory(territory=territory)
    Project.objects.update(title="Jar\x01din\x1b")
    from ensemble.consultations.models import Consultation

    Consultation.objects.update(title="Con\x01sult")
    feed = client.get(f"/{territory.slug}/activite/atom/")
    assert feed.status_code == 200, feed.status_code
    assert b"\x01" not in feed.content
    journal = client.get(f"/{territory.slug}/consultations/{consultation.pk}/journal/atom/")
    assert journal.status_code == 200
    assert b"\x01" not in journal.content


def test_email_subjects_are_one_line(settings):
    from ensemble.core.tasks import send_email

    send_email.call(subject="Bonjour\r\nBcc: x@example.org", body="b", to=["a@example.org"])
    assert mail.outbox[-1].subject == "Bonjour Bcc: x@example.org"


# --- every /api/ answer is JSON ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/v1/projects/abc", "/api/v1/projects/1.5", "/api/v1/nowhere", "/api/v1/x%00"]
)
def test_unknown_api_paths_answer_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_ids_beyond_64_bits_in_paths_are_404(client, territory):
    response = client.get(f"{API}/projects/{HUGE}")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_a_server_error_under_api_is_json(client, monkeypatch, territory):
    from ensemble.projects import api as projects_api

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(projects_api.selectors, "project_list", boom)
    client.raise_request_exception = False
    response = client.get(f"{API}/territories/{territory.slug}/projects")
    assert response.status_code == 500
    # In the request's language (French by default); what matters is JSON, not a trace.
    assert set(response.json()) == {"detail"} and "boom" not in response.content.decode()


# --- unknown fields, API field names -----------------------------------------------------------


def test_a_misspelt_field_is_a_422_naming_it_not_a_201_that_loses_the_text(client, territory):
    user = member(territory)
    response = create_project(client, territory, user, descripton_markdown="Perdu ?")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["descripton_markdown"]
    assert not Project.objects.exists()


def test_every_request_body_schema_refuses_unknown_fields():
    from ensemble.core.api.hardening import body_models

    models = list(body_models(api))
    assert len(models) > 20
    for model in models:
        assert model.model_config.get("extra") == "forbid", model
        for field in model.model_fields.values():
            payload = field.annotation
            if isinstance(payload, type) and hasattr(payload, "model_config"):
                assert payload.model_config.get("extra") == "forbid", payload


def test_service_errors_name_the_api_field(client, territory):
    user = member(territory)
    project = ProjectFactory(territory=territory)
    from ensemble.projects.tests.factories import owner_of

    owner = owner_of(project)
    response = client.patch(
        f"{API}/projects/{project.pk}", {"description_markdown": "x" * 30000},
        content_type="application/json", **bearer(owner),
    )  # fmt: skip
    assert response.status_code in (400, 422)
    assert "description_markdown" in response.json()["errors"]
    assert "description" not in response.json()["errors"]
    del user


def test_null_for_optional_text_fields_in_patch_is_not_a_500(client, territory):
    project = ProjectFactory(territory=territory)
    from ensemble.projects.tests.factories import owner_of

    response = client.patch(
        f"{API}/projects/{project.pk}",
        {"description_markdown": None, "summary": None, "address": None},
        content_type="application/json", **bearer(owner_of(project)),
    )  # fmt: skip
    assert response.status_code in (200, 400, 422), response.content
    assert response["Content-Type"].startswith("application/json")


# --- page bounds --------------------------------------------------------------------------------


def _paginated_paths():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get and any(p["name"] == "page" for p in get.get("parameters", [])):
            yield path


def test_every_paginated_list_gives_the_last_page_past_the_end(client, territory):
    user = member(territory)
    project = ProjectFactory(territory=territory)
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    ids = {
        "slug": territory.slug, "object_id": project.pk, "consultation_id":
        contribution.consultation_id, "contribution_id": contribution.pk, "conversation_id": 1,
    }  # fmt: skip
    paths = list(_paginated_paths())
    assert len(paths) >= 19
    client.force_login(user)
    for path in paths:
        url = path.format(**ids)
        if "comments" in url and "contributions" in url:
            url = url.replace(str(project.pk), str(contribution.pk))
        for page in (HUGE, 10**30, 2**31):
            response = client.get(f"{url}?page={page}&page_size=100")
            assert response.status_code in (200, 404, 422), (url, response.status_code)
            assert response["Content-Type"].startswith("application/json"), url
            if response.status_code == 200:
                body = response.json()
                assert body["page"] == body["pages"], url


# --- integer bounds -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2147483647, 1001])
def test_a_group_size_past_the_sensible_max_is_refused(client, territory, size):
    from ensemble.contributions.models import Contribution

    consultation = ConsultationFactory(territory=territory)
    response = client.post(
        f"{API}/consultations/{consultation.pk}/contributions",
        {"kind": "idea", "title": "Des bancs", "body_markdown": "Partout.", "workshop": 1,
         "group_size": size},
        content_type="application/json", **bearer(member(territory)),
    )  # fmt: skip
    assert response.status_code == 422
    assert "group_size" in response.json()["errors"]
    assert not Contribution.objects.exists()
