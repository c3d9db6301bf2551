import pytest
from django.urls import reverse

from ensemble.consultations.models import Consultation
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.synthesis import services
from ensemble.synthesis.models import Theme
from ensemble.territories.roles import Role
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries

from .topics import TOPICS

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent(territory):
    return member(territory, Role.AGENT)


def _url(name, consultation, **kwargs):
    return reverse(
        f"synthesis:{name}",
        kwargs={"territory_slug": consultation.territory.slug, "pk": consultation.pk, **kwargs},
    )


def test_agent_computes_renames_merges_answers_publishes(client, territory, agent, consultation):
    client.force_login(agent)
    response = client.post(_url("themes_compute", consultation))
    assert response.status_code == 302
    page = client.get(_url("themes", consultation))
    assert page.status_code == 200
    first, second = list(Theme.objects.filter(consultation=consultation))[:2]
    assert first.label in page.content.decode()
    client.post(_url("theme_edit", consultation, theme_pk=first.pk), {"label": "Sécurité routière"})
    client.post(_url("theme_merge", consultation, theme_pk=first.pk), {"other": second.pk})
    first.refresh_from_db()
    assert first.label == "Sécurité routière" and not Theme.objects.filter(pk=second.pk).exists()
    answer_url = _url("theme_answer", consultation, theme_pk=first.pk)
    assert client.get(answer_url).status_code == 200
    short = client.post(answer_url, {"state": "under_study", "explanation": "court"})
    assert short.status_code == 400
    response = client.post(answer_url, {
        "state": "under_study",
        "explanation": "Les services étudient ces demandes et répondront en juin.",
    })  # fmt: skip
    assert response.status_code == 302
    assert all(c.answer_state == "under_study" for c in first.contributions.all())
    resident = member(territory)
    client.force_login(resident)
    assert client.get(_url("synthesis", consultation)).status_code == 404
    client.force_login(agent)
    client.post(_url("publish", consultation), {"published": "1"})
    client.force_login(resident)
    page = client.get(_url("synthesis", consultation))
    assert page.status_code == 200 and "Sécurité routière" in page.content.decode()
    report = client.get(_url("report", consultation))
    assert report.status_code == 200 and "Les services étudient" in report.content.decode()


def test_resident_and_other_agent_refused_on_pages(client, territory, other_territory, agent,
                                                   consultation):  # fmt: skip
    services.themes_compute_now(consultation=consultation)
    theme = Theme.objects.filter(consultation=consultation).first()
    label = theme.label
    for person in (member(territory), member(other_territory, Role.AGENT)):
        client.force_login(person)
        assert client.get(_url("themes", consultation)).status_code == 403
        assert client.post(_url("themes_compute", consultation)).status_code == 403
        assert client.post(_url("theme_edit", consultation, theme_pk=theme.pk),
                           {"label": "x"}).status_code == 403  # fmt: skip
        assert client.post(_url("publish", consultation), {"published": "1"}).status_code == 403
        assert client.get(_url("synthesis", consultation)).status_code == 404
        assert client.get(_url("report", consultation)).status_code == 404
    theme.refresh_from_db()
    assert theme.label == label and theme.status == Theme.Status.DRAFT


def test_internal_consultation_synthesis_never_leaves_agents(client, territory, agent,
                                                             consultation):  # fmt: skip
    Consultation.objects.filter(pk=consultation.pk).update(
        visibility=Consultation.Visibility.AGENTS
    )
    services.themes_compute_now(consultation=consultation)
    services.synthesis_publish(actor=agent, consultation=consultation)
    client.force_login(member(territory))
    assert client.get(_url("synthesis", consultation)).status_code == 404
    client.logout()
    assert client.get(_url("synthesis", consultation)).status_code == 404
    client.force_login(agent)
    assert client.get(_url("synthesis", consultation)).status_code == 200


def test_themes_page_fixed_queries(client, agent, consultation):
    client.force_login(agent)

    def grow(count):
        while consultation.contributions.count() < count:
            title, body = TOPICS[consultation.contributions.count() % 3]
            ContributionFactory(consultation=consultation, title=title, body=body)
        services.themes_compute_now(consultation=consultation)

    assert_flat_queries(client, _url("themes", consultation), grow, small=10, large=40)
    assert_flat_queries(client, _url("synthesis", consultation), grow, small=40, large=60)
    assert_flat_queries(client, _url("report", consultation), grow, small=60, large=80)


def test_workbench_shows_each_theme_s_answered_share_and_overdue(client, agent, consultation):
    services.themes_compute_now(consultation=consultation)
    client.force_login(agent)
    page = client.get(
        reverse("workbench:queue", kwargs={"territory_slug": consultation.territory.slug})
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "themes-panel-title" in body
    assert Theme.objects.filter(consultation=consultation).first().label in body
