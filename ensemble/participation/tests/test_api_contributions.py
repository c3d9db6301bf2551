"""The contributions API: list (filters, similar, flat queries), post, follow, moderate."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ensemble.core.testing.factories import UserFactory, member
from ensemble.participation.models import Contribution
from ensemble.participation.services.contributions import contribution_create
from ensemble.participation.tests.factories import ConsultationFactory, ContributionFactory
from ensemble.territories.roles import Role

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _post(client, consultation, **data):
    payload = {"kind": "idea", "title": "Des bancs", "body_markdown": "**Vite**", **data}
    return client.post(f"{API}/consultations/{consultation.pk}/contributions", payload,
                       content_type="application/json")  # fmt: skip


def test_post_and_read(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory))
    response = _post(client, consultation)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["body_html"].strip() == "<p><strong>Vite</strong></p>"
    assert data["answer"] is None and data["charter_version"] == 1
    assert data["followers_count"] == 1
    assert client.get(f"{API}/contributions/{data['id']}").json()["title"] == "Des bancs"


def test_post_refusals(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    assert _post(client, consultation).status_code == 401
    client.force_login(member(territory))
    response = _post(client, consultation)
    assert response.status_code == 409 and response.json()["detail"]
    open_one = ConsultationFactory(territory=territory)
    response = _post(client, open_one, title="")
    assert response.status_code == 400 and "title" in response.json()["errors"]
    response = _post(client, open_one, themes=["inconnu"])
    assert response.status_code == 400 and "themes" in response.json()["errors"]
    response = _post(client, open_one, kind="rant")
    assert response.status_code == 422
    client.force_login(member(other_territory))
    assert _post(client, open_one).status_code == 403
    internal = ConsultationFactory(territory=territory, visibility="agents")
    assert _post(client, internal).status_code == 404
    assert client.get(f"{API}/consultations/{internal.pk}/contributions").status_code == 404


def test_list_queries_stay_flat_and_filters(client, territory):
    consultation = ConsultationFactory(territory=territory)
    url = f"{API}/consultations/{consultation.pk}/contributions"
    author = UserFactory()

    def queries(n):
        while Contribution.objects.filter(consultation=consultation).count() < n:
            ContributionFactory(consultation=consultation, author=author)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url + "?sort=newest&page_size=100")
        assert response.status_code == 200
        assert response.json()["count"] == n
        return len(context.captured_queries)

    queries(3)
    assert queries(5) == queries(40)
    ContributionFactory(consultation=consultation, kind="problem")
    assert client.get(url + "?kind=problem").json()["count"] == 1
    assert client.get(url + "?answer=unanswered").json()["count"] == 41
    assert client.get(url + "?sort=bad").status_code == 422


def test_similar_to(client, territory):
    consultation = ConsultationFactory(territory=territory)
    author = member(territory)
    benches = contribution_create(author=author, consultation=consultation, kind="idea",
                                  title="Des bancs au jardin", body="x")  # fmt: skip
    contribution_create(author=author, consultation=consultation, kind="idea",
                        title="Vélos partagés", body="x")  # fmt: skip
    data = client.get(f"{API}/consultations/{consultation.pk}/contributions?similar_to=banc").json()
    assert [item["id"] for item in data["items"]] == [benches.pk]


def test_follow_hide_merge(client, territory):
    consultation = ConsultationFactory(territory=territory)
    source = ContributionFactory(consultation=consultation)
    target = ContributionFactory(consultation=consultation)
    client.force_login(member(territory))
    response = client.post(f"{API}/contributions/{source.pk}/follow")
    assert response.json() == {"following": True, "followers_count": 1}
    response = client.delete(f"{API}/contributions/{source.pk}/follow")
    assert response.json() == {"following": False, "followers_count": 0}
    merge = {"target": target.pk, "reason": "Doublon"}
    response = client.post(f"{API}/contributions/{source.pk}/merge", merge,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 403
    client.force_login(member(territory, Role.MODERATOR))
    response = client.post(f"{API}/contributions/{source.pk}/merge", merge,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 200 and response.json()["merged_into"] == target.pk
    response = client.post(f"{API}/contributions/{source.pk}/merge", merge,
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 409
    response = client.post(f"{API}/contributions/{target.pk}/hide", {"reason": ""},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 400 and "reason" in response.json()["errors"]
    response = client.post(f"{API}/contributions/{target.pk}/hide", {"reason": "Spam"},
                           content_type="application/json")  # fmt: skip
    data = response.json()
    assert data["is_hidden"] and data["title"] == "" and data["hidden_reason"] == "Spam"
