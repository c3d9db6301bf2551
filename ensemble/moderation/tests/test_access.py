"""report_get_visible: only the moderators of the report's territory reach it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.comments import services as comment_services
from ensemble.moderation import services
from ensemble.moderation.access import report_get_visible

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(project, resident, neighbour):
    comment = comment_services.comment_create(author=resident, target=project, body="Bof")
    return services.report_create(reporter=neighbour, target=comment, reason="spam")


def test_a_moderator_of_its_territory_reaches_it(report, moderator, territory):
    found = report_get_visible(
        user=moderator, pk=report.pk, territory=territory, perm="moderation.resolve_report"
    )
    assert found == report


@pytest.mark.parametrize("pk", [0, "abc"])
def test_a_missing_or_malformed_pk_is_404(report, moderator, pk):
    with pytest.raises(Http404):
        report_get_visible(user=moderator, pk=pk)


def test_another_territory_is_404(report, moderator, other_territory):
    with pytest.raises(Http404):
        report_get_visible(user=moderator, pk=report.pk, territory=other_territory)


@pytest.mark.parametrize("who", ["neighbour", "resident", "other_moderator"])
def test_anyone_but_its_moderators_gets_404(report, who, request):
    with pytest.raises(Http404):
        report_get_visible(user=request.getfixturevalue(who), pk=report.pk)


def test_a_handled_report_is_visible_but_cannot_be_resolved_again(report, moderator):
    services.report_resolve(actor=moderator, report=report, upheld=False)
    with pytest.raises(PermissionDenied):
        report_get_visible(user=moderator, pk=report.pk, perm="moderation.resolve_report")
