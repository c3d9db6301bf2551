"""The contributions API: list (filters, similar, flat queries), post, follow, moderate."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.contributions.services import moderation
from ensemble.contributions.services.contributions import contribution_create
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

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
    assert response.status_code == 204 and response.content == b""
    assert Contribution.objects.get(pk=source.pk).followers_count == 0
    assert client.delete(f"{API}/contributions/{source.pk}/follow").status_code == 204
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
    # The moderator still reads it; a resident gets the reason only.
    assert data["is_hidden"] and data["title"] == target.title and data["hidden_reason"] == "Spam"
    client.force_login(member(territory))
    data = client.get(f"{API}/contributions/{target.pk}").json()
    assert data["is_hidden"] and data["title"] == "" and data["hidden_reason"] == "Spam"


# --- Hidden contributions: privacy, the "hidden" filter, unhide -------------------------

WITHHELD = {
    "title": "", "body_markdown": "", "body_html": "", "address": "", "themes": [],
    "neighbourhood": None, "answer": None, "workshop": None, "group_size": None,
    "supports_count": None, "comments_count": None, "followers_count": None,
}  # fmt: skip


def _hidden(consultation, **kwargs):
    from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory

    territory = consultation.territory
    contribution = ContributionFactory(
        consultation=consultation, title="Titre injurieux", body="Texte injurieux",
        address="12 rue Secrète", neighbourhood=NeighbourhoodFactory(territory=territory),
        supports_count=3, **kwargs,
    )  # fmt: skip
    contribution.themes.add(ThemeFactory(territory=territory))
    moderation.contribution_hide(
        actor=member(territory, Role.MODERATOR), contribution=contribution, reason="Injurieux"
    )
    return contribution


def test_a_hidden_contribution_shows_only_its_reason_in_the_api(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    hidden = _hidden(consultation)
    ContributionFactory(consultation=consultation, title="Ouverte")
    for viewer in (None, member(territory), member(other_territory, Role.MODERATOR),
                   member(other_territory, Role.AGENT)):  # fmt: skip
        if viewer:
            client.force_login(viewer)
        data = client.get(f"{API}/contributions/{hidden.pk}").json()
        assert data["is_hidden"] is True and data["hidden_reason"] == "Injurieux"
        assert data["id"] == hidden.pk and data["kind"] == "idea"
        assert data["consultation"] == consultation.pk
        assert {key: data[key] for key in WITHHELD} == WITHHELD, viewer
        assert "injurieux" not in str(data).replace("Injurieux", ""), data
    for role in (Role.MODERATOR, Role.AGENT, Role.ADMIN):
        client.force_login(member(territory, role))
        data = client.get(f"{API}/contributions/{hidden.pk}").json()
        assert data["title"] == "Titre injurieux" and data["address"] == "12 rue Secrète"
        assert data["body_markdown"] == "Texte injurieux" and data["supports_count"] == 3
        assert data["themes"] and data["neighbourhood"]


def test_a_hidden_contribution_answers_stay_with_moderators(client, territory):
    from ensemble.answers.services import answer_create

    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    contribution = ContributionFactory(consultation=consultation, title="Titre injurieux")
    agent = member(territory, Role.AGENT)
    answer_create(author=agent, contribution=contribution, state="rejected",
                  explanation="Hors du champ de la consultation, et propos déplacés.")  # fmt: skip
    contribution.refresh_from_db()
    moderation.contribution_hide(actor=agent, contribution=contribution, reason="Injurieux")
    url = f"{API}/contributions/{contribution.pk}/answers"
    client.force_login(member(territory))
    assert client.get(url).json()["items"] == []
    client.force_login(agent)
    assert client.get(url).json()["items"][0]["contribution"]["title"] == "Titre injurieux"


def test_the_hidden_filter_is_for_moderators_only(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    hidden = _hidden(consultation)
    open_one = ContributionFactory(consultation=consultation)
    url = f"{API}/consultations/{consultation.pk}/contributions"
    assert [item["id"] for item in client.get(url).json()["items"]] == [open_one.pk]
    assert client.get(url + "?hidden=true").status_code == 401
    for outsider in (member(territory), member(other_territory, Role.MODERATOR)):
        client.force_login(outsider)
        response = client.get(url + "?hidden=true")
        assert response.status_code == 403 and response.json()["detail"]
    assert client.get(url + "?hidden=false").status_code == 200
    client.force_login(member(territory, Role.MODERATOR))
    items = client.get(url + "?hidden=true").json()["items"]
    assert [item["id"] for item in items] == [hidden.pk]
    assert items[0]["title"] == "Titre injurieux"
    assert client.get(url + "?hidden=true&kind=problem").json()["count"] == 0


def test_the_hidden_list_queries_stay_flat(client, territory):
    consultation = ConsultationFactory(territory=territory)
    url = f"{API}/consultations/{consultation.pk}/contributions?hidden=true&page_size=100"
    author = UserFactory()
    client.force_login(member(territory, Role.AGENT))

    def queries(n):
        while Contribution.objects.filter(consultation=consultation).count() < n:
            ContributionFactory(consultation=consultation, author=author, is_hidden=True,
                                hidden_reason="Spam")  # fmt: skip
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200 and response.json()["count"] == n
        return len(context.captured_queries)

    queries(3)
    assert queries(5) == queries(40)


def test_unhide_in_the_api(client, territory):
    from ensemble.search.models import SearchEntry

    consultation = ConsultationFactory(territory=territory)
    hidden = _hidden(consultation)
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 0
    url = f"{API}/contributions/{hidden.pk}/unhide"
    assert client.post(url).status_code == 401
    client.force_login(member(territory))
    assert client.post(url).status_code == 403
    client.force_login(member(territory, Role.MODERATOR))
    response = client.post(url)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["is_hidden"] is False and data["hidden_reason"] == ""
    assert data["title"] == "Titre injurieux"
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 1
    assert SearchEntry.objects.filter(kind="contribution", object_id=hidden.pk).exists()
    assert client.post(url).status_code == 200  # twice: nothing changes
    assert Consultation.objects.get(pk=consultation.pk).contributions_count == 1


def test_openapi_declares_the_new_responses(client):
    schema = client.get("/api/openapi.json").json()
    follow = schema["paths"]["/api/v1/contributions/{contribution_id}/follow"]["delete"]
    assert "204" in follow["responses"] and "200" not in follow["responses"]
    assert "post" in schema["paths"]["/api/v1/contributions/{contribution_id}/unhide"]


def test_a_hidden_contribution_title_stays_out_of_results_and_projects(client, territory):
    """Results and projects name the contributions behind them; a hidden one goes unnamed."""
    from ensemble.projects.tests.factories import ProjectFactory
    from ensemble.results.models import Result

    consultation = ConsultationFactory(territory=territory, phase="follow_up")
    contribution = ContributionFactory(consultation=consultation, title="Titre injurieux",
                                       answer_state="accepted")  # fmt: skip
    Consultation.objects.filter(pk=consultation.pk).update(answered_count=1)
    result = Result.objects.create(consultation=consultation, territory=territory,
                                   title="Des bancs posés")  # fmt: skip
    result.contributions.add(contribution)
    project = ProjectFactory(territory=territory, origin_contribution=contribution)
    pages = [
        f"{API}/consultations/{consultation.pk}/results", f"{API}/results/{result.pk}",
        f"{API}/projects/{project.pk}", result.get_absolute_url(), project.get_absolute_url(),
    ]  # fmt: skip
    client.force_login(member(territory))
    for url in pages:
        assert "Titre injurieux" in client.get(url).content.decode(), url
    moderation.contribution_hide(actor=member(territory, Role.MODERATOR),
                                 contribution=contribution, reason="Injurieux")  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Titre injurieux" not in response.content.decode(), url


@pytest.mark.parametrize(
    "target", ["other consultation", "other territory", "unknown", "internal consultation"]
)
def test_a_merge_target_outside_the_consultation_is_an_error_on_target(
    client, territory, other_territory, target
):
    consultation = ConsultationFactory(territory=territory)
    source = ContributionFactory(consultation=consultation)
    pk = {
        "other consultation": lambda: (
            ContributionFactory(consultation=ConsultationFactory(territory=territory)).pk
        ),
        "other territory": lambda: (
            ContributionFactory(consultation=ConsultationFactory(territory=other_territory)).pk
        ),
        "unknown": lambda: 10**9,
        # An internal consultation of the territory: not the source's consultation either.
        "internal consultation": lambda: (
            ContributionFactory(
                consultation=ConsultationFactory(
                    territory=territory, visibility=Consultation.Visibility.AGENTS
                )
            ).pk
        ),
    }[target]()
    client.force_login(member(territory, Role.MODERATOR))
    response = client.post(f"{API}/contributions/{source.pk}/merge",
                           {"target": pk, "reason": "Doublon"},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["target"]
    assert Contribution.objects.get(pk=source.pk).merged_into_id is None
