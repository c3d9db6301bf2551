import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.comments.services import comment_create
from ensemble.moderation.models import Report
from ensemble.moderation.services import report_create, report_resolve
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(project, resident):
    return comment_create(author=resident, target=project, body="Achetez mes montres !")


def test_report_a_comment(comment, neighbour, territory):
    report = report_create(reporter=neighbour, target=comment, reason="spam", details=" pub ")
    assert report.territory == territory and report.target == comment
    assert report.status == Report.Status.OPEN and report.details == "pub"


@pytest.mark.parametrize("who", ["anonymous", "the author", "unverified member", "outsider"])
def test_report_refusals(territory, comment, resident, who):
    reporter = {
        "anonymous": AnonymousUser,
        "the author": lambda: resident,
        "unverified member": lambda: member(territory, verified=False),
        "outsider": UserFactory,
    }[who]()
    with pytest.raises(PermissionDenied):
        report_create(reporter=reporter, target=comment, reason="spam")
    assert not Report.objects.exists()


def test_report_twice_while_open_names_the_field(comment, neighbour):
    report_create(reporter=neighbour, target=comment, reason="spam")
    with pytest.raises(ValidationError) as error:
        report_create(reporter=neighbour, target=comment, reason="abuse")
    assert "reason" in error.value.message_dict
    assert Report.objects.count() == 1


def test_unknown_reason_names_the_field(comment, neighbour):
    with pytest.raises(ValidationError) as error:
        report_create(reporter=neighbour, target=comment, reason="boring")
    assert "reason" in error.value.message_dict


def test_uphold_hides_with_a_public_reason_and_closes_other_reports(
    territory, project, comment, neighbour, moderator
):
    first = report_create(reporter=neighbour, target=comment, reason="spam")
    second = report_create(reporter=member(territory), target=comment, reason="abuse")
    report_resolve(actor=moderator, report=first, upheld=True, reason="Publicité")
    comment.refresh_from_db()
    project.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Publicité"
    assert project.comments_count == 0
    for report in (first, second):
        report.refresh_from_db()
        assert report.status == Report.Status.UPHELD
        assert report.handled_by == moderator and report.decision_reason == "Publicité"
    # Reporting again after the decision is possible (a new open report).
    assert not Report.objects.filter(status=Report.Status.OPEN).exists()


def test_uphold_needs_a_reason(comment, neighbour, moderator):
    report = report_create(reporter=neighbour, target=comment, reason="spam")
    with pytest.raises(ValidationError) as error:
        report_resolve(actor=moderator, report=report, upheld=True, reason=" ")
    assert "reason" in error.value.message_dict
    comment.refresh_from_db()
    assert not comment.is_hidden


def test_dismiss_keeps_the_comment(project, comment, neighbour, moderator):
    report = report_create(reporter=neighbour, target=comment, reason="spam")
    report = report_resolve(actor=moderator, report=report, upheld=False, reason="")
    comment.refresh_from_db()
    assert report.status == Report.Status.DISMISSED and not comment.is_hidden
    with pytest.raises(PermissionDenied):  # already handled
        report_resolve(actor=moderator, report=report, upheld=True, reason="Trop tard")


def test_resolve_refusals(territory, other_territory, comment, neighbour, other_moderator):
    report = report_create(reporter=neighbour, target=comment, reason="spam")
    for actor in (
        AnonymousUser(), neighbour, member(territory, Role.AGENT), other_moderator,
        member(other_territory, Role.ADMIN),
    ):  # fmt: skip
        with pytest.raises(PermissionDenied):
            report_resolve(actor=actor, report=report, upheld=True, reason="Non")
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN


def test_network_admin_resolves_anywhere(comment, neighbour):
    report = report_create(reporter=neighbour, target=comment, reason="spam")
    admin = UserFactory(is_superuser=True)
    assert report_resolve(actor=admin, report=report, upheld=True, reason="Spam").status == "upheld"
