"""Consultation pages: who sees what, forms that keep what was typed, flat query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ensemble.consultations.models import CharterVersion, Consultation, Phase
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def url(name, territory, **kwargs):
    return reverse(f"consultations:{name}", kwargs={"territory_slug": territory.slug, **kwargs})


PAGES = ["consultation_detail", "charter"]
AGENT_PAGES = ["consultation_edit", "consultation_phases", "charter_edit"]


# --- refusals ------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES + AGENT_PAGES)
def test_internal_consultation_is_a_404_for_residents_and_other_agents(
    client, territory, other_territory, name
):
    consultation = ConsultationFactory(territory=territory, visibility="agents")
    for user in (
        member(territory),
        member(territory, "moderator"),
        member(other_territory, "agent"),
    ):
        client.force_login(user)
        assert client.get(url(name, territory, pk=consultation.pk)).status_code == 404
    client.logout()
    response = client.get(url(name, territory, pk=consultation.pk))
    assert response.status_code in (302, 404)
    assert "agents" not in response.get("Location", "")


def test_a_consultation_is_a_404_under_another_territory(client, territory, other_territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(other_territory, "agent"))
    response = client.get(url("consultation_detail", other_territory, pk=consultation.pk))
    assert response.status_code == 404


def test_drafts_are_404_for_residents(client, territory):
    consultation = ConsultationFactory(territory=territory, status="draft", published_at=None)
    client.force_login(member(territory))
    assert client.get(url("consultation_detail", territory, pk=consultation.pk)).status_code == 404


@pytest.mark.parametrize("name", AGENT_PAGES)
def test_agent_pages_are_403_for_residents_of_a_public_consultation(client, territory, name):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory))
    assert client.get(url(name, territory, pk=consultation.pk)).status_code == 403
    client.logout()
    assert client.get(url(name, territory, pk=consultation.pk)).status_code == 302  # log in first


def test_create_page_refused_to_residents(client, territory):
    client.force_login(member(territory))
    assert client.get(url("consultation_create", territory)).status_code == 403
    response = client.post(url("consultation_create", territory), {"title": "x"})
    assert response.status_code == 403 and not Consultation.objects.exists()


# --- list ------------------------------------------------------------------------


def test_list_shows_internal_and_drafts_to_agents_only(client, territory, other_territory):
    ConsultationFactory(territory=territory, title="Publique")
    ConsultationFactory(territory=territory, title="Interne", visibility="agents")
    ConsultationFactory(territory=territory, title="Brouillon", status="draft", published_at=None)
    ConsultationFactory(territory=other_territory, title="Lyonnaise")
    client.force_login(member(territory))
    content = client.get(url("consultation_list", territory)).content.decode()
    assert "Publique" in content
    assert "Interne" not in content and "Brouillon" not in content and "Lyonnaise" not in content
    client.force_login(member(territory, "agent"))
    content = client.get(url("consultation_list", territory)).content.decode()
    assert "Interne" in content and "Brouillon" in content and "Lyonnaise" not in content


def test_list_open_and_finished(client, territory):
    ConsultationFactory(territory=territory, title="Parlons mobilités")
    finished = ConsultationFactory(territory=territory, title="Parlons écoles")
    Phase.objects.filter(consultation=finished, ends_at__isnull=True).update(
        ends_at=timezone.now() - timedelta(hours=1)
    )
    Phase.objects.filter(consultation=finished).update(
        starts_at=timezone.now() - timedelta(days=60)
    )
    Phase.objects.filter(consultation=finished).update(ends_at=timezone.now() - timedelta(hours=1))
    content = client.get(url("consultation_list", territory) + "?state=open").content.decode()
    assert "Parlons mobilités" in content and "Parlons écoles" not in content
    content = client.get(url("consultation_list", territory) + "?state=finished").content.decode()
    assert "Parlons écoles" in content and "Parlons mobilités" not in content
    assert client.get(url("consultation_list", territory) + "?state=nope").status_code == 200


def test_list_queries_stay_flat(client, territory):
    themes = [ThemeFactory(), ThemeFactory(territory=territory)]

    def grow(n):
        for _ in range(Consultation.objects.filter(territory=territory).count(), n):
            consultation = ConsultationFactory(territory=territory, answer_within_days=1)
            consultation.themes.set(themes)
            ContributionFactory(consultation=consultation)
            Contribution.objects.filter(consultation=consultation).update(
                created_at=timezone.now() - timedelta(days=5)
            )

    client.force_login(member(territory, "agent"))
    assert_flat_queries(client, url("consultation_list", territory), grow, small=3, large=20)


# --- detail ----------------------------------------------------------------------


def test_detail_shows_the_phases_charter_indicators_and_call_to_action(client, territory):
    consultation = ConsultationFactory(territory=territory, description="Une **vraie** question")
    ContributionFactory(consultation=consultation, title="Des bancs", supports_count=4)
    content = client.get(url("consultation_detail", territory, pk=consultation.pk)).content.decode()
    assert "<strong>vraie</strong>" in content
    assert 'aria-current="step"' in content
    assert "Des bancs" in content
    assert url("charter", territory, pk=consultation.pk) in content
    assert (
        reverse(
            "contributions:contribution_create",
            kwargs={"territory_slug": territory.slug, "consultation_pk": consultation.pk},
        )
        in content
    )
    arbitration = ConsultationFactory(territory=territory, phase="arbitration")
    content = client.get(url("consultation_detail", territory, pk=arbitration.pk)).content.decode()
    assert "/contributions/nouvelle/" not in content


def test_detail_queries_stay_flat(client, territory):
    consultation = ConsultationFactory(territory=territory)
    consultation.themes.set([ThemeFactory(), ThemeFactory(territory=territory)])

    def grow(n):
        for _ in range(Contribution.objects.filter(consultation=consultation).count(), n):
            ContributionFactory(consultation=consultation)

    client.force_login(member(territory))
    assert_flat_queries(client, url("consultation_detail", territory, pk=consultation.pk), grow)


# --- forms -----------------------------------------------------------------------


def test_create_from_the_blueprint_and_publish(client, territory):
    client.force_login(member(territory, "agent"))
    theme = ThemeFactory()
    response = client.post(
        url("consultation_create", territory),
        {
            "title": "Parlons ensemble",
            "question": "Que changer ?",
            "description": "",
            "themes": [theme.pk],
            "visibility": "public",
            "explanation_min_length": 50,
            "blueprint": "co-creation",
            "charter_body": "Les règles.",
            "answer_within_days": 60,
            "publish": "1",
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and response["Location"] == consultation.get_absolute_url()
    assert consultation.status == "published" and consultation.phases.count() == 4
    assert CharterVersion.objects.get(consultation=consultation).body == "Les règles."


def test_create_errors_keep_what_was_typed(client, territory):
    client.force_login(member(territory, "agent"))
    response = client.post(
        url("consultation_create", territory),
        {
            "title": "Mon titre gardé",
            "question": "",
            "visibility": "public",
            "explanation_min_length": 50,
            "blueprint": "co-creation",
            "charter_body": "",
            "answer_within_days": 0,
        },
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "Mon titre gardé" in content and "error-summary" in content
    assert 'id="id_charter_body_errors"' in content and 'id="id_question_errors"' in content
    assert not Consultation.objects.exists()


def test_phases_page_adds_moves_deletes_and_reports_overlaps(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory, "agent"))
    page = url("consultation_phases", territory, pk=consultation.pk)
    assert client.get(page).status_code == 200
    collect, workshops, *_rest = consultation.ordered_phases
    response = client.post(
        page,
        {
            "action": "add",
            "new-kind": "arbitration",
            "new-title": "Chevauche",
            "new-starts_at": (collect.starts_at + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "new-ends_at": "",
        },
    )
    assert response.status_code == 400 and "Chevauche" in response.content.decode()
    assert consultation.phases.count() == 4
    assert client.post(page, {"action": "down", "phase": collect.pk}).status_code == 302
    assert Phase.objects.get(pk=collect.pk).position == 1
    assert client.post(page, {"action": "delete", "phase": workshops.pk}).status_code == 302
    assert consultation.phases.count() == 3
    other = ConsultationFactory(territory=territory)
    response = client.post(page, {"action": "delete", "phase": other.phases.first().pk})
    assert response.status_code == 404 and other.phases.count() == 4


def test_charter_edit_publishes_a_version_and_the_changelog_shows_it(client, territory):
    consultation = ConsultationFactory(territory=territory)
    client.force_login(member(territory, "agent"))
    response = client.post(
        url("charter_edit", territory, pk=consultation.pk),
        {
            "body": "Nouvelles règles.",
            "changes": "Réponses sous 30 jours.",
            "answer_within_days": 30,
        },
    )
    assert response.status_code == 302
    client.force_login(UserFactory())
    content = client.get(url("charter", territory, pk=consultation.pk)).content.decode()
    assert "Nouvelles règles." in content and "Réponses sous 30 jours." in content
    assert 'id="version-1"' in content and 'id="version-2"' in content


def test_territory_home_shows_open_consultations(client, territory):
    ConsultationFactory(territory=territory, title="Parlons de la gare")
    ConsultationFactory(territory=territory, title="Secret", visibility="agents")
    content = client.get(territory.get_absolute_url()).content.decode()
    assert "Parlons de la gare" in content and "Secret" not in content


def test_themes_and_neighbourhoods_are_text_not_chips(client, territory):
    """The consultations list has no theme or neighbourhood filter: nothing looks clickable."""
    consultation = ConsultationFactory(territory=territory, title="Parlons mobilités")
    consultation.themes.set([ThemeFactory(name="Vélo")])
    consultation.neighbourhoods.set([NeighbourhoodFactory(territory=territory, name="Bas")])
    for page in (url("consultation_list", territory),
                 url("consultation_detail", territory, pk=consultation.pk)):  # fmt: skip
        content = client.get(page).content.decode()
        assert "Vélo" in content and 'class="tag' not in content
        assert "?theme=" not in content and "?neighbourhood=" not in content
