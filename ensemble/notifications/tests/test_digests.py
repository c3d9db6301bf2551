"""Digests: what is new for the person, once per period, never empty, in their language."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ensemble.answers.services import answer_create
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import ContributionFollow
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.notifications import digests, selectors, services, tasks
from ensemble.notifications.models import Digest, Notification
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.factories import ThemeFactory, member

pytestmark = pytest.mark.django_db
EXPLANATION = "Le conseil a voté les crédits : les bancs seront posés au printemps."


@pytest.fixture
def mobility(db):
    return ThemeFactory(name="Mobilités", slug="mobilite")


@pytest.fixture
def reader(territory, mobility):
    person = member(territory, language="en", display_name="Ann")
    person.interests.set([mobility])
    return person


def _answered_contribution_followed_by(person, territory, capture):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    contribution = ContributionFactory(consultation=consultation, title="Des bancs place du marché")
    ContributionFollow.objects.create(contribution=contribution, user=person)
    with capture(execute=True):
        answer_create(
            author=member(territory, "agent", language="fr"), contribution=contribution,
            state="accepted", explanation=EXPLANATION,
        )  # fmt: skip
    return contribution


def _digests() -> list:
    return [m for m in mail.outbox if "digest" in m.subject or "récapitulatif" in m.subject]


def test_weekly_digest_twice_sends_one_with_the_answer_and_english_themes(
    territory, reader, mobility, django_capture_on_commit_callbacks
):
    bystander = member(territory)  # nothing concerns them: no email
    _answered_contribution_followed_by(reader, territory, django_capture_on_commit_callbacks)
    ProjectFactory(territory=territory, title="Vélos partagés").themes.set([mobility])
    assert mail.outbox == []  # the answer waited for the digest

    call_command("send_digests", frequency="weekly")
    first_run = len(_digests())
    call_command("send_digests", frequency="weekly")
    assert len(_digests()) == first_run  # nobody gets the same digest twice

    (digest,) = [m for m in _digests() if m.to == [reader.email]]
    assert digest.subject.startswith("Your weekly digest")
    assert "“Des bancs place du marché” got an answer: Accepted" in digest.body
    assert EXPLANATION[:40] in digest.body
    assert "Vélos partagés" in digest.body and "Mobility" in digest.body
    assert "Mobilités" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Digest.objects.filter(user=reader).count() == 1
    assert not Digest.objects.filter(user=bystander).exists()
    assert not Notification.objects.digest_pending().filter(user=reader).exists()


def test_nothing_new_no_digest_and_dry_run_sends_nothing(territory, reader, capsys):
    call_command("send_digests", frequency="weekly", dry_run=True)
    assert "0 digest(s)" in capsys.readouterr().out
    ProjectFactory(territory=territory).themes.set(reader.interests.all())
    call_command("send_digests", frequency="weekly", dry_run=True)
    assert "1 digest(s)" in capsys.readouterr().out
    assert mail.outbox == [] and not Digest.objects.exists()


def test_next_week_only_what_is_newer(territory, reader, mobility):
    ProjectFactory(territory=territory, title="Premier").themes.set([mobility])
    assert digests.digest_send(reader, "weekly")
    next_week = timezone.now() + timedelta(days=7)
    assert digests.digest_send(reader, "weekly", now=next_week) == 0  # nothing newer
    assert len(_digests()) == 1


def test_unsubscribed_from_the_digest_gets_no_next_one(client, territory, reader, mobility):
    ProjectFactory(territory=territory, title="Premier").themes.set([mobility])
    digests.digest_send(reader, "weekly")
    link = _digests()[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.split("://", 1)[1]
    path = path[path.index("/") :]
    assert client.post(path).status_code == 200
    assert selectors.preferences(user=reader)["news_for_you"] == "never"
    ProjectFactory(territory=territory, title="Second").themes.set([mobility])
    assert digests.digest_send(reader, "weekly", now=timezone.now() + timedelta(days=7)) == 0


def test_daily_digest_only_for_who_chose_it(territory, reader, mobility):
    other = member(territory)
    other.interests.set([mobility])
    services.preferences_update(user=reader, channel_by_kind={"news_for_you": "daily"})
    ProjectFactory(territory=territory).themes.set([mobility])
    call_command("send_digests", frequency="daily")
    (digest,) = _digests()
    assert digest.to == [reader.email] and "daily" in digest.subject


def test_unconfirmed_addresses_get_no_digest(territory, mobility):
    person = member(territory, verified=False)
    person.interests.set([mobility])
    ProjectFactory(territory=territory).themes.set([mobility])
    call_command("send_digests", frequency="weekly")
    assert _digests() == []


def test_digests_go_in_batches(territory, mobility, settings):
    settings.ENSEMBLE_EMAIL_BATCH_SIZE = 2
    people = [member(territory) for _ in range(5)]
    for person in people:
        person.interests.set([mobility])
    ProjectFactory(territory=territory).themes.set([mobility])
    calls = []
    real = tasks.digest_batch_send

    class Spy:
        def enqueue(self, **kwargs):
            calls.append(kwargs["user_ids"])
            return real.enqueue(**kwargs)

    with mock.patch.object(tasks, "digest_batch_send", Spy()):
        tasks.digests_send.enqueue(frequency="weekly")
    assert [len(batch) for batch in calls] == [2, 2, 2]  # 5 people + the project's owner
    assert len(_digests()) == 5
