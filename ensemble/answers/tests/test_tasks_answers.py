import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation

from ensemble.answers import tasks
from ensemble.answers.services import answer_create
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions import tasks as contribution_tasks
from ensemble.contributions.models import AnswerState, ContributionFollow, Support
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.notifications.models import Notification
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


@pytest.fixture
def contribution(territory):
    consultation = ConsultationFactory(territory=territory, phase="arbitration")
    return ContributionFactory(consultation=consultation)


def support(contribution, user):
    Support.objects.create(
        contribution=contribution, consultation=contribution.consultation, user=user
    )


def follow(contribution, user):
    ContributionFollow.objects.create(contribution=contribution, user=user)


def answer(contribution, author, capture, **kwargs):
    with capture(execute=True) as callbacks:
        result = answer_create(
            author=author, contribution=contribution, state=kwargs.pop("state", "accepted"),
            explanation=EXPLANATION, **kwargs,
        )  # fmt: skip
    assert len(callbacks) == 1  # one task, enqueued once the answer is committed
    return result


def notified(kind="contribution_answered") -> list[int]:
    return sorted(Notification.objects.filter(kind=kind).values_list("user_id", flat=True))


def test_everyone_taking_part_is_told_once(
    territory, contribution, django_capture_on_commit_callbacks
):
    coauthor, supporter, follower, both = UserFactory.create_batch(4)
    contribution.coauthors.add(coauthor)
    support(contribution, supporter)
    follow(contribution, follower)
    support(contribution, both)
    follow(contribution, both)
    support(contribution, contribution.author)  # the author supports their own idea too
    follow(contribution, contribution.author)
    bystander = member(territory)
    agent = member(territory, "agent")
    answer(contribution, agent, django_capture_on_commit_callbacks)
    expected = sorted([contribution.author_id, coauthor.pk, supporter.pk, follower.pk, both.pk])
    assert notified() == expected
    assert bystander.pk not in notified()
    notification = Notification.objects.get(user=supporter)
    assert contribution.title in notification.text
    assert notification.url.endswith("#answer-1")
    assert notification.territory_id == territory.pk
    # Answers wait for the weekly digest unless the person asked for them at once.
    assert mail.outbox == [] and notification.channel == "weekly"


def test_the_answerer_is_not_told(territory, contribution, django_capture_on_commit_callbacks):
    agent = member(territory, "agent")
    follow(contribution, agent)
    support(contribution, agent)
    answer(contribution, agent, django_capture_on_commit_callbacks)
    assert notified() == [contribution.author_id]


def test_inactive_people_are_skipped(territory, contribution, django_capture_on_commit_callbacks):
    gone = UserFactory(is_active=False)
    support(contribution, gone)
    answer(contribution, member(territory, "agent"), django_capture_on_commit_callbacks)
    assert notified() == [contribution.author_id]


def test_a_revision_tells_again_and_says_so(
    territory, contribution, django_capture_on_commit_callbacks
):
    agent = member(territory, "agent")
    answer(contribution, agent, django_capture_on_commit_callbacks, state=AnswerState.UNDER_STUDY)
    answer(contribution, agent, django_capture_on_commit_callbacks)
    with translation.override("en"):  # written in the reader's language when read
        titles = [n.text for n in Notification.objects.order_by("pk")]
    assert len(titles) == 2
    assert "revised" in titles[1] and "revised" not in titles[0]


def test_refused_answer_tells_nobody(territory, contribution, django_capture_on_commit_callbacks):
    follow(contribution, UserFactory())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(PermissionDenied),
    ):
        answer_create(
            author=member(territory), contribution=contribution, state="accepted",
            explanation=EXPLANATION,
        )  # fmt: skip
    assert callbacks == []
    assert notified() == []


def test_fan_out_goes_in_batches(territory, contribution, monkeypatch):
    people = UserFactory.create_batch(7)
    for person in people:
        support(contribution, person)
    agent = member(territory, "agent")
    answer_ = answer_create(
        author=agent, contribution=contribution, state="accepted", explanation=EXPLANATION
    )
    monkeypatch.setattr(contribution_tasks, "BATCH_SIZE", 3)
    seen: list[int] = []
    real = tasks.users_in_batches

    def spy(ids, size=3):
        for user in real(ids, size=size):
            seen.append(user.pk)
            yield user

    monkeypatch.setattr(tasks, "users_in_batches", spy)
    sent = tasks.answer_notify.call(answer_id=answer_.pk)
    assert sent == 8
    assert seen == sorted(seen)
    assert len(notified()) == 8


def test_vanished_answer_is_a_no_op():
    assert tasks.answer_notify.call(answer_id=999_999) == 0
