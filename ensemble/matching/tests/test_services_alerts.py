from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.actors.models import OrganisationMember
from ensemble.matching import services
from ensemble.matching.models import MatchAlert
from ensemble.projects.models import ProjectMember
from ensemble.testing.factories import UserFactory

from . import helpers
from .test_selectors import STORE


@pytest.fixture
def subscribers(world):
    t = world["territory"]
    org = helpers.organisation(
        t, name="Centre social", neighbourhood=world["moulins"], is_verified=True,
        themes=[world["food"]], offers=[STORE],
    )  # fmt: skip
    staff = UserFactory()
    OrganisationMember.objects.create(organisation=org, user=staff)
    person = helpers.person(t, neighbourhood=world["moulins"], offers=[STORE])
    unrelated = helpers.person(t, offers=[("funding", "Micro-dons")])
    services.alert_set(
        actor_user=staff, territory=t, organisation=org, mode="digest", is_active=True
    )
    services.alert_set(actor_user=person, territory=t, mode="immediate", is_active=True)
    services.alert_set(actor_user=unrelated, territory=t, mode="immediate", is_active=True)
    return {"org": org, "staff": staff, "person": person, "unrelated": unrelated}


def test_matching_subscribers_are_notified(world, subscribers):
    with mock.patch("ensemble.matching.services.notify") as notify:
        sent = services.alerts_for_new_need(need=world["need"])
    assert sent == 2
    calls = {c.kwargs["user"]: c.kwargs for c in notify.call_args_list}
    assert set(calls) == {subscribers["staff"], subscribers["person"]}
    assert calls[subscribers["staff"]]["email"] is False  # digest
    assert calls[subscribers["person"]]["email"] is True
    assert calls[subscribers["person"]]["kind"] == "matching_new_need"


def test_inactive_alerts_and_the_team_are_skipped(world, subscribers):
    MatchAlert.objects.filter(user=subscribers["person"]).update(is_active=False)
    ProjectMember.objects.create(project=world["project"], user=subscribers["staff"])
    with mock.patch("ensemble.matching.services.notify") as notify:
        assert services.alerts_for_new_need(need=world["need"]) == 0
    notify.assert_not_called()


def test_draft_project_needs_alert_nobody(world, subscribers):
    draft = helpers.project(world["territory"], status="draft")
    need = helpers.need(draft, kind="premises", title="Local")
    with mock.patch("ensemble.matching.services.notify") as notify:
        assert services.alerts_for_new_need(need=need) == 0
    notify.assert_not_called()


def test_real_notification_is_created(world, subscribers):
    services.alerts_for_new_need(need=world["need"])
    from ensemble.notifications.models import Notification

    assert Notification.objects.filter(user=subscribers["person"]).count() == 1


def test_need_published_runs_after_commit(world, subscribers, django_capture_on_commit_callbacks):
    with (
        mock.patch("ensemble.matching.services.notify") as notify,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.need_published(world["need"])
    assert notify.call_count == 2


def test_alert_for_someone_elses_organisation_is_refused(world, subscribers):
    with pytest.raises(PermissionDenied):
        services.alert_set(
            actor_user=UserFactory(), territory=world["territory"],
            organisation=subscribers["org"], mode="digest", is_active=True,
        )  # fmt: skip


def test_unknown_mode_names_the_field(world):
    with pytest.raises(ValidationError) as error:
        services.alert_set(
            actor_user=UserFactory(), territory=world["territory"], mode="x", is_active=True
        )
    assert "mode" in error.value.message_dict
