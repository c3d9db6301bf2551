import pytest
from django.urls import reverse

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import AnswerState
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.results.models import Result
from ensemble.results.services import result_create, result_progress
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="follow_up")


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def url(name, consultation, **kwargs):
    return reverse(
        f"results:{name}",
        kwargs={"territory_slug": consultation.territory.slug,
                "consultation_pk": consultation.pk, **kwargs},
    )  # fmt: skip


def make(consultation, agent, **kwargs):
    kwargs.setdefault("title", "Des bancs")
    return result_create(author=agent, consultation=consultation, **kwargs)


# --- list ----------------------------------------------------------------------------------


def test_list_shows_the_tree_with_progress(client, consultation, agent):
    root = make(consultation, agent, title="Mobilité")
    make(consultation, agent, title="Vélos", parent=root, progress=40, status="in_progress")
    make(consultation, agent, title="Bancs", status="done", progress=100)
    response = client.get(url("result_list", consultation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mobilité" in html and "Vélos" in html and "Bancs" in html
    assert '<progress id="progress-' in html and 'value="40"' in html
    assert 'aria-current="page">Results' in html or 'aria-current="page"' in html
    done = client.get(url("result_list", consultation) + "?status=done").content.decode()
    assert "Bancs" in done and "Mobilité" not in done
    # An unknown status is ignored, never an error page.
    assert client.get(url("result_list", consultation) + "?status=nope").status_code == 200


def test_list_queries_stay_flat(client, consultation, agent):
    def grow(n):
        while Result.objects.filter(consultation=consultation, parent=None).count() < n:
            root = make(consultation, agent, title="Racine")
            child = make(consultation, agent, title="Partie", parent=root, progress=50)
            make(consultation, agent, title="Sous-partie", parent=child, progress=10)

    assert_flat_queries(client, url("result_list", consultation), grow, small=3, large=12)


def test_internal_consultation_is_404(client, territory, other_territory, agent):
    consultation = ConsultationFactory(
        territory=territory, visibility=Consultation.Visibility.AGENTS, phase="follow_up"
    )
    result = make(consultation, agent)
    for user in (None, member(territory), member(other_territory, "agent")):
        if user:
            client.force_login(user)
        assert client.get(url("result_list", consultation)).status_code == 404
        assert client.get(url("result_detail", consultation, pk=result.pk)).status_code == 404
    client.force_login(agent)
    assert client.get(url("result_detail", consultation, pk=result.pk)).status_code == 200


def test_result_of_another_consultation_is_404(client, consultation, agent, territory):
    elsewhere = make(ConsultationFactory(territory=territory), agent)
    assert client.get(url("result_detail", consultation, pk=elsewhere.pk)).status_code == 404


def test_detail_shows_children_timeline_and_links(client, consultation, agent):
    contribution = ContributionFactory(
        consultation=consultation, answer_state=AnswerState.ACCEPTED, title="Plus de bancs"
    )
    result = make(consultation, agent, title="Bancs", contributions=[contribution])
    make(consultation, agent, title="Bancs du parc", parent=result)
    result_progress(author=agent, result=result, status="in_progress", progress=None,
                    title="Premier jalon")  # fmt: skip
    result_progress(author=agent, result=result, status="in_progress", progress=None,
                    title="Second jalon")  # fmt: skip
    html = client.get(url("result_detail", consultation, pk=result.pk)).content.decode()
    assert "Bancs du parc" in html and "Plus de bancs" in html
    assert html.index("Second jalon") < html.index("Premier jalon")  # newest first
    assert "Publish progress" not in html  # residents do not manage


# --- forms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_forms_are_refused_to_non_agents(client, consultation, agent, territory, role):
    result = make(consultation, agent)
    client.force_login(member(territory, role))
    for address in (
        url("result_create", consultation),
        url("result_edit", consultation, pk=result.pk),
        url("result_progress", consultation, pk=result.pk),
    ):
        assert client.get(address).status_code == 403
        assert client.post(address, {"title": "x"}).status_code == 403


def test_anonymous_is_sent_to_login(client, consultation):
    response = client.get(url("result_create", consultation))
    assert response.status_code == 302 and "login" in response["Location"]


def test_create_keeps_input_on_error_then_succeeds(client, consultation, agent):
    client.force_login(agent)
    rejected = ContributionFactory(consultation=consultation, answer_state=AnswerState.REJECTED)
    response = client.post(
        url("result_create", consultation),
        {"title": "Nouveau parc", "status": "planned", "progress": "150",
         "contributions": [rejected.pk]},
    )  # fmt: skip
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nouveau parc" in html and "error-summary" in html
    response = client.post(
        url("result_create", consultation),
        {"title": "Nouveau parc", "status": "planned", "progress": "0"},
    )
    result = Result.objects.get(title="Nouveau parc")
    assert response.status_code == 302 and response["Location"] == result.get_absolute_url()


def test_progress_page_refuses_parent_progress_and_posts(client, consultation, agent):
    client.force_login(agent)
    parent = make(consultation, agent, title="Parent")
    child = make(consultation, agent, title="Enfant", parent=parent)
    response = client.post(
        url("result_progress", consultation, pk=child.pk),
        {"title": "Avance", "status": "in_progress", "progress": "101", "body": ""},
    )
    assert response.status_code == 400 and "Avance" in response.content.decode()
    response = client.post(
        url("result_progress", consultation, pk=child.pk),
        {"title": "Avance", "status": "in_progress", "progress": "60", "body": ""},
    )
    assert response.status_code == 302
    parent.refresh_from_db()
    assert parent.progress == 60
    # The parent's progress field is disabled: a posted value is ignored, the status changes.
    response = client.post(
        url("result_progress", consultation, pk=parent.pk),
        {"title": "Étape", "status": "in_progress", "progress": "5", "body": ""},
    )
    parent.refresh_from_db()
    assert (response.status_code, parent.progress, parent.status) == (302, 60, "in_progress")


def test_edit_changes_the_parent(client, consultation, agent):
    client.force_login(agent)
    parent = make(consultation, agent, title="Parent")
    result = make(consultation, agent, title="Seul", progress=30)
    response = client.post(
        url("result_edit", consultation, pk=result.pk),
        {"title": "Seul", "description": "", "parent": parent.pk},
    )
    assert response.status_code == 302
    parent.refresh_from_db()
    assert (parent.children_count, parent.progress) == (1, 30)
