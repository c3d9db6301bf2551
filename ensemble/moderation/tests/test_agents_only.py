"""A moderator who may not see a report's target (an agents-only consultation's contribution
or comment) does not see the report in the queue and cannot act on it; those who may
(the territory's admins, network admins) still do. Each refusal was a full view before."""

import pytest
from django.urls import reverse

from ensemble.comments.services import comment_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.moderation.models import Report
from ensemble.moderation.selectors import report_queue
from ensemble.moderation.services import report_create
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def internal_reports(territory):
    consultation = ConsultationFactory(territory=territory)
    agent = member(territory, Role.AGENT)
    contribution = ContributionFactory(consultation=consultation, author=agent, title="Interne")
    comment = comment_create(author=agent, target=contribution, body="Note interne")
    Consultation.objects.filter(pk=consultation.pk).update(
        visibility=Consultation.Visibility.AGENTS
    )
    reporter = member(territory, Role.AGENT)
    return [
        report_create(reporter=reporter, target=contribution, reason="spam"),
        report_create(reporter=reporter, target=comment, reason="spam"),
    ]


def _resolve(report):
    return reverse("moderation:resolve", kwargs={"territory_slug": "sceaux", "pk": report.pk})


QUEUE = reverse("moderation:queue", kwargs={"territory_slug": "sceaux"})


def test_a_moderator_who_is_not_an_agent_does_not_see_them(client, territory, internal_reports):
    moderator = member(territory, Role.MODERATOR)
    assert report_queue(territory=territory, user=moderator) == []
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert "Interne" not in html and "Note interne" not in html
    for report in internal_reports:
        assert f'id="report-{report.pk}"' not in html


def test_a_moderator_who_is_not_an_agent_cannot_act_on_them(client, territory, internal_reports):
    client.force_login(member(territory, Role.MODERATOR))
    for report in internal_reports:
        response = client.post(_resolve(report), {"decision": "uphold", "reason": "Non"})
        assert response.status_code == 404
        report.refresh_from_db()
        assert report.status == Report.Status.OPEN
        assert not report.target.is_hidden


@pytest.mark.parametrize("who", ["admin", "network_admin"])
def test_those_who_see_the_consultation_still_moderate_it(client, territory, internal_reports, who):
    user = member(territory, Role.ADMIN) if who == "admin" else UserFactory(is_superuser=True)
    client.force_login(user)
    html = client.get(QUEUE).content.decode()
    for report in internal_reports:
        assert f'id="report-{report.pk}"' in html
    response = client.post(_resolve(internal_reports[0]), {"decision": "dismiss"})
    assert response.status_code == 302


def test_nor_hide_the_comment_from_its_own_page(client, territory, internal_reports):
    comment = internal_reports[1].target
    client.force_login(member(territory, Role.MODERATOR))
    url = reverse("comments:hide", kwargs={"territory_slug": "sceaux", "pk": comment.pk})
    assert client.post(url, {"reason": "Non"}).status_code == 404
    comment.refresh_from_db()
    assert not comment.is_hidden
