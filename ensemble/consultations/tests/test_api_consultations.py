"""The consultations API: create with a blueprint, errors naming fields, 403/404, flat lists."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.testing.factories import ThemeFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
API = "/api/v1"
NEW = {"title": "Parlons ensemble", "question": "Que changer ?", "charter": "Les règles."}


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def send(client, method, path, data, user):
    return getattr(client, method)(API + path, data, content_type="application/json", **auth(user))


def test_create_refused_to_anonymous_members_and_other_agents(client, territory, other_territory):
    path = f"/territories/{territory.slug}/consultations"
    assert client.post(API + path, NEW, content_type="application/json").status_code == 401
    assert send(client, "post", path, NEW, member(territory)).status_code == 403
    assert send(client, "post", path, NEW, member(other_territory, "agent")).status_code == 403
    assert (
        send(
            client, "post", "/territories/nowhere/consultations", NEW, member(territory, "agent")
        ).status_code
        == 404
    )
    assert not Consultation.objects.exists()


def test_create_errors_name_the_field(client, territory):
    agent = member(territory, "agent")
    path = f"/territories/{territory.slug}/consultations"
    response = send(client, "post", path, {**NEW, "blueprint": "other"}, agent)
    assert response.status_code == 422 and "blueprint" in response.json()["errors"]
    response = send(client, "post", path, {**NEW, "charter": " "}, agent)
    assert response.status_code == 400 and "charter_body" in response.json()["errors"]
    response = send(client, "post", path, {**NEW, "themes": ["inconnu"]}, agent)
    assert response.status_code == 400 and "themes" in response.json()["errors"]
    response = send(client, "post", path, {**NEW, "visibility": "secret"}, agent)
    assert response.status_code == 422 and "visibility" in response.json()["errors"]
    assert not Consultation.objects.exists()


def test_create_with_the_blueprint(client, territory):
    ThemeFactory(slug="mobilite")
    response = send(
        client,
        "post",
        f"/territories/{territory.slug}/consultations",
        {
            **NEW,
            "blueprint": "co-creation",
            "status": "published",
            "themes": ["mobilite"],
            "description_markdown": "**Oui**",
        },
        member(territory, "agent"),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert [p["kind"] for p in body["phases"]] == [
        "collect",
        "workshops",
        "arbitration",
        "follow_up",
    ]
    assert [p["active"] for p in body["phases"]] == [True, False, False, False]
    assert body["phases"][-1]["ends_at"] is None
    assert body["charter_version"] == 1 and body["visibility"] == "public"
    assert body["description_html"] == "<p><strong>Oui</strong></p>\n"
    assert body["active_phase"] == "collect" and "propose" in body["features"]
    assert body["indicators"] == {
        "answered_share": None,
        "median_days_to_answer": None,
        "overdue": 0,
    }


def test_internal_consultation_is_404_for_residents_and_other_territories(
    client, territory, other_territory
):
    consultation = ConsultationFactory(territory=territory, visibility="agents")
    phase = consultation.phases.first()
    for user in (member(territory), member(other_territory, "agent")):
        for method, path, data in (
            ("get", f"/consultations/{consultation.pk}", None),
            ("get", f"/consultations/{consultation.pk}/charter", None),
            ("patch", f"/consultations/{consultation.pk}", {"title": "x"}),
            (
                "post",
                f"/consultations/{consultation.pk}/charter",
                {"body": "x", "changes": "y", "answer_within_days": 3},
            ),
            (
                "post",
                f"/consultations/{consultation.pk}/phases",
                {"kind": "collect", "starts_at": "2040-01-01T00:00:00Z"},
            ),
            ("patch", f"/phases/{phase.pk}", {"title": "x"}),
            ("delete", f"/phases/{phase.pk}", None),
        ):
            response = send(client, method, path, data, user)
            assert response.status_code == 404, (method, path, response.status_code)
    listing = client.get(f"{API}/territories/{territory.slug}/consultations").json()
    assert listing["count"] == 0


def test_changes_are_403_for_members_of_a_public_consultation(client, territory):
    consultation = ConsultationFactory(territory=territory)
    resident = member(territory)
    phase = consultation.phases.first()
    assert (
        send(
            client, "patch", f"/consultations/{consultation.pk}", {"title": "x"}, resident
        ).status_code
        == 403
    )
    assert (
        send(
            client,
            "post",
            f"/consultations/{consultation.pk}/charter",
            {"body": "x", "changes": "y", "answer_within_days": 3},
            resident,
        ).status_code
        == 403
    )
    assert send(client, "delete", f"/phases/{phase.pk}", None, resident).status_code == 403
    assert consultation.phases.count() == 4


def test_patch_publish_charter_and_phases(client, territory):
    agent = member(territory, "agent")
    consultation = ConsultationFactory(territory=territory, status="draft", published_at=None)
    response = send(
        client,
        "patch",
        f"/consultations/{consultation.pk}",
        {"title": "Nouveau", "status": "published"},
        agent,
    )
    assert response.status_code == 200 and response.json()["status"] == "published"
    response = send(
        client, "patch", f"/consultations/{consultation.pk}", {"status": "draft"}, agent
    )
    assert response.status_code == 400 and "status" in response.json()["errors"]
    response = send(
        client,
        "post",
        f"/consultations/{consultation.pk}/charter",
        {"body": "V2", "changes": "", "answer_within_days": 20},
        agent,
    )
    assert response.status_code == 400 and "changes" in response.json()["errors"]
    response = send(
        client,
        "post",
        f"/consultations/{consultation.pk}/charter",
        {"body": "V2", "changes": "Plus court", "answer_within_days": 20},
        agent,
    )
    assert response.status_code == 201 and response.json()["version"] == 2
    charter = client.get(f"{API}/consultations/{consultation.pk}/charter").json()
    assert charter["current_version"] == 2 and [v["version"] for v in charter["versions"]] == [2, 1]
    last = consultation.ordered_phases[-1]
    response = send(
        client,
        "post",
        f"/consultations/{consultation.pk}/phases",
        {"kind": "collect", "starts_at": timezone.now().isoformat()},
        agent,
    )
    assert response.status_code == 400 and "starts_at" in response.json()["errors"]
    start = last.starts_at
    response = send(
        client,
        "patch",
        f"/phases/{last.pk}",
        {"ends_at": (start - timedelta(days=1)).isoformat()},
        agent,
    )
    assert response.status_code == 400 and "ends_at" in response.json()["errors"]
    response = send(
        client,
        "patch",
        f"/phases/{last.pk}",
        {"ends_at": (start + timedelta(days=10)).isoformat(), "title": "Suivi"},
        agent,
    )
    assert response.status_code == 200 and response.json()["title"] == "Suivi"
    response = send(
        client,
        "post",
        f"/consultations/{consultation.pk}/phases",
        {"kind": "follow_up", "starts_at": (start + timedelta(days=10)).isoformat()},
        agent,
    )
    assert response.status_code == 201 and response.json()["position"] == 4
    assert send(client, "delete", f"/phases/{last.pk}", None, agent).status_code == 204
    assert consultation.phases.count() == 4


def test_list_queries_stay_flat(client, territory):
    theme = ThemeFactory()

    def grow(n):
        for _ in range(Consultation.objects.filter(territory=territory).count(), n):
            ConsultationFactory(territory=territory).themes.add(theme)

    agent = member(territory, "agent")
    assert_flat_queries(
        client,
        f"{API}/territories/{territory.slug}/consultations?page_size=100",
        grow,
        small=3,
        large=20,
        **auth(agent),
    )
