"""Permission matrix: who sees a territory's moderation queue and resolves its reports."""

import pytest

from ensemble.comments.services import comment_create
from ensemble.comments.tests.conftest import make_project
from ensemble.moderation.models import Report
from ensemble.moderation.services import report_create
from ensemble.testing import rules
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db

MODERATORS = {"moderator", "territory admin", "network admin"}
PEOPLE = rules.people(reporter=lambda cast: cast.obj.reporter)

# The object is the report.
REPORT = {
    "moderation.resolve_report": {
        Report.Status.OPEN: MODERATORS,
        Report.Status.UPHELD: {"network admin"},
        Report.Status.DISMISSED: {"network admin"},
    },
}
# The object is the territory.
QUEUE = {"moderation.view_queue": MODERATORS}


def _report(territory, status):
    comment = comment_create(author=member(territory), target=make_project(territory), body="Pub")
    report = report_create(reporter=member(territory), target=comment, reason="spam")
    Report.objects.filter(pk=report.pk).update(status=status)
    return Report.objects.get(pk=report.pk)


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(REPORT, PEOPLE))
def test_resolve_report(territory, other_territory, perm, state, who, allowed):
    report = _report(territory, state)
    user = PEOPLE[who](rules.Cast(territory, other_territory, report))
    rules.assert_perm(user, perm, report, allowed)


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(QUEUE, rules.TERRITORY_PEOPLE))
def test_view_queue(territory, other_territory, perm, state, who, allowed):
    user = rules.TERRITORY_PEOPLE[who](rules.Cast(territory, other_territory, territory))
    rules.assert_perm(user, perm, territory, allowed)
