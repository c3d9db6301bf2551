import pytest
from django.urls import reverse

from ensemble.comments.services import comment_create
from ensemble.moderation.models import Report
from ensemble.moderation.services import report_create
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db

QUEUE = "/sceaux/moderation/"


def _resolve_url(report):
    return reverse("moderation:resolve", kwargs={"territory_slug": "sceaux", "pk": report.pk})


@pytest.fixture
def report(project, resident, neighbour):
    comment = comment_create(author=resident, target=project, body="Achetez **ici**")
    return report_create(reporter=neighbour, target=comment, reason="spam", details="pub")


def test_queue_lists_open_reports(client, report, moderator, neighbour):
    client.force_login(moderator)
    html = client.get(QUEUE).content.decode()
    assert f'id="report-{report.pk}"' in html
    assert "Achetez **ici**" in html and neighbour.display_name in html
    assert f"#comment-{report.object_id}" in html


def test_queue_refusals(client, territory, other_territory, report):
    assert client.get(QUEUE).status_code == 302  # log in first
    for user in (
        member(territory), member(territory, Role.AGENT), member(other_territory, Role.MODERATOR),
        member(other_territory, Role.ADMIN), UserFactory(),
    ):  # fmt: skip
        client.force_login(user)
        assert client.get(QUEUE).status_code == 403
        assert client.post(_resolve_url(report), {"decision": "dismiss"}).status_code == 403
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN


def test_another_territorys_report_is_404(client, other_territory, report):
    client.force_login(member(other_territory, Role.MODERATOR))
    url = reverse("moderation:resolve", kwargs={"territory_slug": "lyon", "pk": report.pk})
    assert client.post(url, {"decision": "dismiss"}).status_code == 404


def test_uphold_needs_a_public_reason(client, report, moderator):
    client.force_login(moderator)
    response = client.post(_resolve_url(report), {"decision": "uphold", "reason": ""})
    assert response.status_code == 400
    response = client.post(_resolve_url(report), {"decision": "uphold", "reason": "Publicité"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.UPHELD and report.target.is_hidden


def test_dismiss(client, report, moderator):
    client.force_login(UserFactory(is_superuser=True))
    client.post(_resolve_url(report), {"decision": "dismiss"})
    report.refresh_from_db()
    assert report.status == Report.Status.DISMISSED and not report.target.is_hidden
    client.force_login(moderator)
    assert f'id="report-{report.pk}"' not in client.get(QUEUE).content.decode()


def test_queue_queries_are_flat(client, settings, territory, project, moderator):
    settings.ENSEMBLE_COMMENTS_PER_MINUTE = 10_000
    authors = [member(territory) for _ in range(3)]
    reporter = member(territory)
    made = []

    def grow(n):
        while len(made) < n:
            comment = comment_create(author=authors[len(made) % 3], target=project, body="Pub")
            made.append(report_create(reporter=reporter, target=comment, reason="spam"))

    settings.ENSEMBLE_PAGE_SIZE = 100
    client.force_login(moderator)
    assert_flat_queries(client, QUEUE, grow)
