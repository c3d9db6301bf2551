import pytest

from ensemble.answers.models import Answer
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import ContributionFollow
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.notifications.models import Notification
from ensemble.synthesis.models import Theme, ThemeMembership
from ensemble.territories.roles import Role
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries

from .topics import TOPICS

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory)


@pytest.fixture
def contributions(consultation):
    made = []
    for index in range(4):
        for title, body in TOPICS:
            made.append(ContributionFactory(consultation=consultation, title=f"{title} {index}",
                                            body=body))  # fmt: skip
    return made


@pytest.fixture
def agent(territory):
    return member(territory, Role.AGENT)


def _compute(client, consultation):
    return client.post(f"/api/v1/consultations/{consultation.pk}/themes/compute")


def test_agent_computes_themes_every_contribution_in_one(
    client, agent, consultation, contributions
):
    client.force_login(agent)
    response = _compute(client, consultation)
    assert response.status_code == 200, response.content
    items = client.get(f"/api/v1/consultations/{consultation.pk}/themes").json()
    assert len(items) >= 2
    ids = [pk for item in items for pk in item["contribution_ids"]]
    assert sorted(ids) == sorted(c.pk for c in contributions)
    first = items[0]
    assert set(first) >= {"id", "label", "keywords", "contribution_ids", "size", "supports",
                          "answered", "status"}  # fmt: skip
    # Extractive: the label is the title of one of its contributions.
    titles = {c.pk: c.title for c in contributions}
    assert first["label"] in {titles[pk] for pk in first["contribution_ids"]}
    assert first["status"] == "draft" and first["size"] == len(first["contribution_ids"])


def test_resident_and_other_agent_cannot_compute_read_or_edit(
    client, territory, other_territory, agent, consultation, contributions
):  # fmt: skip
    client.force_login(agent)
    _compute(client, consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    for person in (member(territory), member(other_territory, Role.AGENT)):
        client.force_login(person)
        assert _compute(client, consultation).status_code == 403
        assert client.get(f"/api/v1/consultations/{consultation.pk}/themes").status_code == 404
        response = client.patch(f"/api/v1/themes/{theme.pk}", {"label": "x"},
                                content_type="application/json")  # fmt: skip
        assert response.status_code == 403
        assert client.post(f"/api/v1/themes/{theme.pk}/split").status_code == 403
    client.logout()
    assert _compute(client, consultation).status_code == 401
    theme.refresh_from_db()
    assert theme.label != "x"


def test_published_synthesis_is_read_by_residents_not_internal(
    client, territory, agent, consultation, contributions
):  # fmt: skip
    client.force_login(agent)
    _compute(client, consultation)
    response = client.post(f"/api/v1/consultations/{consultation.pk}/synthesis/publish",
                           {"published": True}, content_type="application/json")  # fmt: skip
    assert response.status_code == 200
    resident = member(territory)
    client.force_login(resident)
    items = client.get(f"/api/v1/consultations/{consultation.pk}/themes").json()
    assert items and all(item["status"] == "published" for item in items)
    Consultation.objects.filter(pk=consultation.pk).update(
        visibility=Consultation.Visibility.AGENTS
    )
    assert client.get(f"/api/v1/consultations/{consultation.pk}/themes").status_code == 404


def test_unknown_fields_and_bad_ids_are_refused(client, agent, consultation, contributions):
    client.force_login(agent)
    _compute(client, consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    response = client.patch(f"/api/v1/themes/{theme.pk}", {"colour": "red"},
                            content_type="application/json")  # fmt: skip
    assert response.status_code == 422 and "colour" in response.content.decode()
    response = client.post(f"/api/v1/themes/{theme.pk}/merge", {"themes": [999999]},
                           content_type="application/json")  # fmt: skip
    assert response.status_code in (400, 422) and "themes" in response.json().get("errors", {})
    response = client.post(f"/api/v1/themes/{theme.pk}/move", {"contribution": 999999},
                           content_type="application/json")  # fmt: skip
    assert response.status_code in (400, 422) and "contribution" in response.json()["errors"]


def test_rename_lock_merge_split_move(client, agent, consultation, contributions):
    client.force_login(agent)
    _compute(client, consultation)
    themes = list(Theme.objects.filter(consultation=consultation))
    first, second = themes[0], themes[1]
    response = client.patch(f"/api/v1/themes/{first.pk}", {"label": "Sécurité", "locked": True},
                            content_type="application/json")  # fmt: skip
    assert response.json()["label"] == "Sécurité" and response.json()["locked"]
    merged = client.post(f"/api/v1/themes/{first.pk}/merge", {"themes": [second.pk]},
                         content_type="application/json").json()  # fmt: skip
    assert not Theme.objects.filter(pk=second.pk).exists()
    assert merged["size"] == first.memberships.count()
    # Locked: a computation keeps it as it is.
    _compute(client, consultation)
    first.refresh_from_db()
    assert first.label == "Sécurité" and first.memberships.count() == merged["size"]
    halves = client.post(f"/api/v1/themes/{first.pk}/split").json()
    assert len(halves) == 2 and sum(h["size"] for h in halves) == merged["size"]
    moving = halves[1]["contribution_ids"][0]
    moved = client.post(f"/api/v1/themes/{first.pk}/move", {"contribution": moving},
                        content_type="application/json").json()  # fmt: skip
    assert moving in moved["contribution_ids"]
    assert ThemeMembership.objects.get(contribution_id=moving).theme_id == first.pk


def test_answer_by_theme_one_row_each_people_told_once(
    client, territory, agent, consultation, contributions, django_capture_on_commit_callbacks
):  # fmt: skip
    client.force_login(agent)
    _compute(client, consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    members = list(theme.contributions.all())
    follower = member(territory)
    for contribution in members:
        ContributionFollow.objects.get_or_create(contribution=contribution, user=follower)
    explanation = "La ville étudie ces demandes avec les services de voirie cette année."
    short = client.post(f"/api/v1/themes/{theme.pk}/answer",
                        {"state": "under_study", "explanation": "Non"},
                        content_type="application/json")  # fmt: skip
    assert short.status_code in (400, 422) and "explanation" in short.json()["errors"]
    assert not Answer.objects.filter(contribution__in=members).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/api/v1/themes/{theme.pk}/answer",
            {"state": "under_study", "explanation": explanation,
             "notes": {str(members[0].pk): "Rue des Écoles : en priorité."}},
            content_type="application/json",
        )  # fmt: skip
    assert response.status_code == 200 and response.json()["answered"] == len(members)
    answers = Answer.objects.filter(contribution__in=members)
    assert answers.count() == len(members)
    assert "Rue des Écoles" in answers.get(contribution=members[0]).explanation
    assert Notification.objects.filter(user=follower, kind="theme_answered").count() == 1
    assert not Notification.objects.filter(user=follower, kind="contribution_answered").exists()
    row = next(i for i in client.get(f"/api/v1/consultations/{consultation.pk}/themes").json()
               if i["id"] == theme.pk)  # fmt: skip
    assert row["answered"] == len(members)


def test_resident_cannot_answer_by_theme(client, territory, agent, consultation, contributions):
    client.force_login(agent)
    _compute(client, consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    client.force_login(member(territory))
    response = client.post(f"/api/v1/themes/{theme.pk}/answer",
                           {"state": "accepted", "explanation": "x" * 100},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_themes_list_fixed_queries(client, agent, consultation):
    client.force_login(agent)

    def grow(count):
        while consultation.contributions.count() < count:
            title, body = TOPICS[consultation.contributions.count() % 3]
            ContributionFactory(consultation=consultation, title=title, body=body)
        _compute(client, consultation)

    assert_flat_queries(client, f"/api/v1/consultations/{consultation.pk}/themes", grow,
                        small=8, large=30)  # fmt: skip


def test_similar_nearest_of_the_same_consultation(client, territory, consultation, contributions):
    other = ContributionFactory(title=TOPICS[0][0], body=TOPICS[0][1])
    client.force_login(member(territory))
    response = client.get(f"/api/v1/contributions/{contributions[0].pk}/similar")
    assert response.status_code == 200
    items = response.json()
    ids = [item["id"] for item in items]
    assert other.pk not in ids and contributions[0].pk not in ids
    assert items[0]["id"] in {c.pk for c in contributions[::3]}
    assert items[0]["score"] >= items[-1]["score"]


def test_similar_of_an_internal_consultation_is_hidden(
    client, territory, consultation, contributions
):
    Consultation.objects.filter(pk=consultation.pk).update(
        visibility=Consultation.Visibility.AGENTS
    )
    client.force_login(member(territory))
    assert client.get(f"/api/v1/contributions/{contributions[0].pk}/similar").status_code == 404
