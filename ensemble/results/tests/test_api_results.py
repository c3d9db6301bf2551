import pytest

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState, ContributionFollow
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.notifications.models import Notification
from ensemble.projects.tests.factories import ProjectFactory, draft_project
from ensemble.results.services import result_create
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db
API = "/api/v1"


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def post(client, path, data, user=None):
    extra = auth(user) if user else {}
    return client.post(API + path, data, content_type="application/json", **extra)


def patch(client, path, data, user=None):
    extra = auth(user) if user else {}
    return client.patch(API + path, data, content_type="application/json", **extra)


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="follow_up")


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def make(consultation, agent, **kwargs):
    kwargs.setdefault("title", "Des bancs")
    return result_create(author=agent, consultation=consultation, **kwargs)


def test_create_with_links(client, consultation, agent, territory):
    contribution = ContributionFactory(consultation=consultation, answer_state=AnswerState.ACCEPTED)
    project = ProjectFactory(territory=territory)
    parent = make(consultation, agent, title="Parent")
    response = post(
        client, f"/consultations/{consultation.pk}/results",
        {"title": "Bancs", "description_markdown": "**Oui**", "parent": parent.pk,
         "progress": 20, "status": "in_progress", "contributions": [contribution.pk],
         "projects": [project.pk]},
        agent,
    )  # fmt: skip
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["parent"] == parent.pk and body["progress"] == 20
    assert body["status"] == "in_progress"
    assert body["description_html"].strip() == "<p><strong>Oui</strong></p>"
    assert body["contributions"] == [{"id": contribution.pk, "title": contribution.title}]
    assert body["projects"] == [{"id": project.pk, "title": project.title}]
    assert body["timeline"] == []
    parent_body = client.get(f"{API}/results/{parent.pk}").json()
    assert parent_body["children"] == [body["id"]]
    assert parent_body["progress"] == 20 and parent_body["progress_computed"] is True


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"progress": 101}, "progress"),
        ({"progress": -5}, "progress"),
        ({"status": "finished"}, "status"),
        ({"title": ""}, "title"),
        ({"parent": 999999}, "parent"),
        ({"contributions": [999999]}, "contributions"),
        ({"projects": [999999]}, "projects"),
    ],
)
def test_create_bad_input_names_the_field(client, consultation, agent, payload, field):
    response = post(client, f"/consultations/{consultation.pk}/results",
                    {"title": "Bancs", **payload}, agent)  # fmt: skip
    assert response.status_code in (400, 422)
    assert field in response.json()["errors"], response.json()


def test_create_refuses_foreign_or_unaccepted_links(client, consultation, agent, territory,
                                                    other_territory):  # fmt: skip
    elsewhere = ContributionFactory(
        consultation=ConsultationFactory(territory=territory), answer_state=AnswerState.ACCEPTED
    )
    rejected = ContributionFactory(consultation=consultation, answer_state=AnswerState.REJECTED)
    foreign = ProjectFactory(territory=other_territory)
    draft = draft_project(territory=territory)
    for payload, field in (
        ({"contributions": [elsewhere.pk]}, "contributions"),
        ({"contributions": [rejected.pk]}, "contributions"),
        ({"projects": [foreign.pk]}, "projects"),
        ({"projects": [draft.pk]}, "projects"),
    ):
        response = post(client, f"/consultations/{consultation.pk}/results",
                        {"title": "Bancs", **payload}, agent)  # fmt: skip
        assert response.status_code == 400, payload
        assert field in response.json()["errors"]
    # Another consultation's contribution is unknown here, never described.
    assert elsewhere.title not in str(
        post(client, f"/consultations/{consultation.pk}/results",
             {"title": "x", "contributions": [elsewhere.pk]}, agent).json()
    )  # fmt: skip


def test_refusals(client, consultation, agent, territory, other_territory):
    path = f"/consultations/{consultation.pk}/results"
    assert post(client, path, {"title": "x"}).status_code == 401
    assert post(client, path, {"title": "x"}, member(territory)).status_code == 403
    assert post(client, path, {"title": "x"}, member(other_territory, "agent")).status_code == 403
    result = make(consultation, agent)
    for user in (member(territory), member(other_territory, "admin")):
        assert patch(client, f"/results/{result.pk}", {"progress": 50}, user).status_code == 403
    assert patch(client, f"/results/{result.pk}", {"progress": 50}).status_code == 401


def test_internal_consultation_is_404(client, territory, other_territory, agent):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS, phase="follow_up"
    )
    result = make(consultation, agent)
    for user in (member(territory), member(other_territory, "agent")):
        extra = auth(user)
        assert (
            client.get(f"{API}/consultations/{consultation.pk}/results", **extra).status_code == 404
        )
        assert client.get(f"{API}/results/{result.pk}", **extra).status_code == 404
        assert patch(client, f"/results/{result.pk}", {"progress": 5}, user).status_code == 404
        response = post(client, f"/consultations/{consultation.pk}/results", {"title": "x"}, user)
        assert response.status_code == 404
    assert client.get(f"{API}/results/{result.pk}").status_code == 404
    assert client.get(f"{API}/results/{result.pk}", **auth(agent)).status_code == 200


def test_patch_progress_makes_a_timeline_entry_and_notifies(
    client, consultation, agent, territory, django_capture_on_commit_callbacks
):
    contribution = ContributionFactory(consultation=consultation, answer_state=AnswerState.ACCEPTED)
    follower = member(territory)
    ContributionFollow.objects.create(contribution=contribution, user=follower)
    result = make(consultation, agent, contributions=[contribution])
    with django_capture_on_commit_callbacks(execute=True):
        response = patch(client, f"/results/{result.pk}",
                         {"progress": 70, "status": "in_progress", "update_title": "Bien avancé",
                          "update_body": "Les *travaux* avancent."}, agent)  # fmt: skip
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["progress"], body["status"]) == (70, "in_progress")
    entry = body["timeline"][0]
    assert entry["title"] == "Bien avancé" and entry["progress"] == 70
    assert "<em>travaux</em>" in entry["body_html"]
    notified = set(
        Notification.objects.filter(kind="result_progressed").values_list("user_id", flat=True)
    )
    assert notified == {follower.pk, contribution.author_id}


def test_patch_parent_progress_is_refused(client, consultation, agent):
    parent = make(consultation, agent)
    make(consultation, agent, parent=parent, progress=40)
    response = patch(client, f"/results/{parent.pk}", {"progress": 90}, agent)
    assert response.status_code == 400
    assert "progress" in response.json()["errors"]
    assert patch(client, f"/results/{parent.pk}", {"progress": 101}, agent).status_code == 422
    response = patch(client, f"/results/{parent.pk}", {"title": "Renommé"}, agent)
    assert response.status_code == 200 and response.json()["title"] == "Renommé"
    assert response.json()["timeline"] == []  # no status/progress: no entry


def test_list_is_paginated_filtered_and_flat(client, consultation, agent, territory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    contribution = ContributionFactory(consultation=consultation, answer_state=AnswerState.ACCEPTED)
    project = ProjectFactory(territory=territory)
    path = f"{API}/consultations/{consultation.pk}/results"

    def grow(n):
        while consultation.results.count() < n:
            parent = make(consultation, agent, contributions=[contribution], projects=[project])
            make(consultation, agent, parent=parent, status="done", progress=100)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(path + "?page_size=100").status_code == 200
        return len(context.captured_queries)

    grow(4)
    count()
    small = count()
    grow(30)
    assert count() == small
    body = client.get(path + "?page_size=10").json()
    assert (body["count"], body["pages"], len(body["items"])) == (30, 3, 10)
    done = client.get(path + "?status=done").json()
    assert done["count"] == 15 and all(item["status"] == "done" for item in done["items"])
    assert client.get(path + "?status=nope").status_code == 422
