import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.projects.models import Project, ProjectMember
from ensemble.projects.services import project_create
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, member

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="follow_up")


@pytest.fixture
def author(territory):
    return member(territory)


@pytest.fixture
def contribution(consultation, author, territory):
    neighbourhood = NeighbourhoodFactory(territory=territory)
    contribution = ContributionFactory(
        consultation=consultation, author=author, answer_state=AnswerState.ACCEPTED,
        title="Un jardin partagé", body="Transformer la friche en **jardin** partagé.",
        neighbourhood=neighbourhood, address="Rue des Écoles",
    )  # fmt: skip
    contribution.themes.add(ThemeFactory())
    return contribution


def page(contribution):
    return reverse(
        "contributions:contribution_make_project",
        kwargs={"territory_slug": contribution.territory.slug,
                "consultation_pk": contribution.consultation_id, "pk": contribution.pk},
    )  # fmt: skip


def form_data(**overrides):
    return {"title": "Jardin de la friche", "summary": "Un jardin pour le quartier",
            "description": "Tout le monde jardine.", **overrides}  # fmt: skip


# --- refusals --------------------------------------------------------------------------------


def test_anonymous_goes_to_login(client, contribution):
    response = client.get(page(contribution))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("state", ["", "under_study", "rejected", "already_done"])
def test_not_accepted_is_refused(client, contribution, author, state):
    type(contribution).objects.filter(pk=contribution.pk).update(answer_state=state)
    client.force_login(author)
    assert client.get(page(contribution)).status_code == 403
    assert client.post(page(contribution), form_data()).status_code == 403
    assert not Project.objects.exists()


@pytest.mark.parametrize("moderated", [{"is_hidden": True}, {"merged_into_id": "other"}])
def test_a_hidden_or_merged_contribution_is_refused(client, contribution, author, moderated):
    if moderated.get("merged_into_id") == "other":
        moderated = {"merged_into": ContributionFactory(consultation=contribution.consultation)}
    type(contribution).objects.filter(pk=contribution.pk).update(**moderated)
    client.force_login(author)
    assert client.post(page(contribution), form_data()).status_code == 403
    assert not Project.objects.exists()


def test_other_members_and_unverified_are_refused(client, contribution, territory, other_territory):
    for user in (member(territory), member(territory, "moderator"),
                 member(other_territory, "agent")):  # fmt: skip
        client.force_login(user)
        assert client.post(page(contribution), form_data()).status_code == 403
    unverified = member(territory, verified=False)
    type(contribution).objects.filter(pk=contribution.pk).update(author=unverified)
    client.force_login(unverified)
    assert client.post(page(contribution), form_data()).status_code == 403
    assert not Project.objects.exists()


def test_internal_consultation_is_404_for_residents(client, territory, author):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS, phase="follow_up"
    )
    contribution = ContributionFactory(consultation=consultation, author=author,
                                       answer_state=AnswerState.ACCEPTED)  # fmt: skip
    client.force_login(author)
    assert client.get(page(contribution)).status_code == 404


def test_service_refuses_a_contribution_of_another_territory(contribution, other_territory):
    agent = member(other_territory, "agent")
    with pytest.raises(ValidationError) as error:
        project_create(actor=agent, territory=other_territory, title="x", summary="y",
                       origin_contribution=contribution)  # fmt: skip
    assert "origin_contribution" in error.value.message_dict


def test_service_refuses_without_permission(contribution, territory):
    with pytest.raises(PermissionDenied):
        project_create(actor=member(territory), territory=territory, title="x", summary="y",
                       origin_contribution=contribution)  # fmt: skip


# --- success ---------------------------------------------------------------------------------


def test_form_is_prefilled_from_the_contribution(client, contribution, author):
    client.force_login(author)
    response = client.get(page(contribution))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == "Un jardin partagé"
    assert form["summary"].value() == "Transformer la friche en **jardin** partagé."
    assert form["neighbourhood"].value() == contribution.neighbourhood_id
    assert list(form["themes"].value()) == [t.pk for t in contribution.themes.all()]
    assert form["address"].value() == "Rue des Écoles"


@pytest.mark.parametrize("who", ["author", "agent"])
def test_creates_a_draft_with_origin_and_the_creator_in_the_team(
    client, contribution, author, territory, who
):
    user = author if who == "author" else member(territory, "agent")
    client.force_login(user)
    response = client.post(page(contribution), form_data())
    project = Project.objects.get()
    assert response.status_code == 302 and response["Location"] == project.get_absolute_url()
    assert project.status == Project.Status.DRAFT
    assert project.origin_contribution == contribution
    assert ProjectMember.objects.filter(project=project, user=user, role="owner").exists()
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Issu de la contribution" in html and contribution.get_absolute_url() in html


def test_bad_input_keeps_what_was_typed(client, contribution, author):
    client.force_login(author)
    response = client.post(page(contribution), form_data(title="", summary="Mon résumé"))
    assert response.status_code == 400
    assert "Mon résumé" in response.content.decode()
    assert not Project.objects.exists()


def test_project_page_hides_an_internal_contribution(client, territory):
    agent = member(territory, "agent")
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS, phase="follow_up"
    )
    contribution = ContributionFactory(
        consultation=consultation, author=agent, answer_state=AnswerState.ACCEPTED,
        title="Secret interne",
    )  # fmt: skip
    project = project_create(actor=agent, territory=territory, title="Outil", summary="Interne",
                             origin_contribution=contribution, publish=True)  # fmt: skip
    client.force_login(member(territory))
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Secret interne" not in html and contribution.get_absolute_url() not in html
    body = client.get(f"{API}/projects/{project.pk}").json()
    assert body["origin_contribution"] is None
    client.force_login(agent)
    assert "Secret interne" in client.get(project.get_absolute_url()).content.decode()
    body = client.get(f"{API}/projects/{project.pk}").json()
    assert body["origin_contribution"] == {
        "id": contribution.pk, "title": "Secret interne", "consultation_id": consultation.pk,
    }  # fmt: skip


# --- API ---------------------------------------------------------------------------------------


def api_post(client, territory, data, user):
    return client.post(
        f"{API}/territories/{territory.slug}/projects", data, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(user=user)}",
    )  # fmt: skip


def test_api_creates_with_origin(client, contribution, author, territory):
    data = {"title": "Jardin", "summary": "Oui", "origin_contribution": contribution.pk}
    response = api_post(client, territory, data, author)
    assert response.status_code == 201, response.json()
    assert response.json()["origin_contribution"] == {
        "id": contribution.pk, "title": contribution.title,
        "consultation_id": contribution.consultation_id,
    }  # fmt: skip
    assert response.json()["status"] == "draft"


def test_api_refusals(client, contribution, territory, other_territory):
    data = {"title": "Jardin", "summary": "Oui", "origin_contribution": contribution.pk}
    assert api_post(client, territory, data, member(territory)).status_code == 403
    # Unknown, or of another territory: a field error that confirms nothing.
    response = api_post(client, other_territory, data, member(other_territory, "agent"))
    assert response.status_code == 400
    assert "origin_contribution" in response.json()["errors"]
    response = api_post(client, territory, {**data, "origin_contribution": 999999},
                        member(territory))  # fmt: skip
    assert "origin_contribution" in response.json()["errors"]
    type(contribution).objects.filter(pk=contribution.pk).update(answer_state="rejected")
    assert api_post(client, territory, data, contribution.author).status_code == 403
    assert not Project.objects.exists()
