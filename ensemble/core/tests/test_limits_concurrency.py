"""Every count-then-insert limit holds exactly under real concurrent connections.

PostgreSQL only (READ COMMITTED, one connection per thread, a barrier so that the
requests overlap): before `ensemble.core.limits.limit_guard`, 5 introductions were
made for a daily limit of 3, 10 conversations for 5, 7 conversations for one pair,
15 comments for 10 a minute. SQLite serialises writers (IMMEDIATE transactions).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.actors.tests.helpers import organisation
from ensemble.comments.models import Comment
from ensemble.comments.services import comment_create
from ensemble.introductions.models import Introduction
from ensemble.introductions.services import help_offer, introduction_request
from ensemble.messaging.models import Conversation, Message
from ensemble.messaging.services import conversation_open, conversation_start, message_send
from ensemble.projects.models import Need, Project
from ensemble.projects.services import need_create
from ensemble.projects.tests.factories import ProjectFactory, owner_of
from ensemble.testing.concurrency import CONCURRENT
from ensemble.testing.factories import member

pytestmark = CONCURRENT


def run_together(tasks) -> tuple[int, int]:
    """Run each task on its own thread and connection, all released at once;
    (successes, refusals)."""
    barrier = threading.Barrier(len(tasks))

    def worker(task):
        try:
            connection.ensure_connection()
            barrier.wait(timeout=30)
            try:
                task()
            except ValidationError:
                return False
            return True
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
        outcomes = list(pool.map(worker, tasks))
    return outcomes.count(True), outcomes.count(False)


@pytest.fixture
def territory():
    from ensemble.testing.factories import TerritoryFactory

    return TerritoryFactory(name="Sceaux", slug="sceaux")


def test_help_offers_and_introductions_keep_the_daily_limit(territory, settings):
    settings.ENSEMBLE_INTRODUCTIONS_PER_DAY_NEW = 3
    helper = member(territory)  # a new account
    needs = []
    for _ in range(12):
        project = ProjectFactory(territory=territory)
        need = need_create(
            actor=owner_of(project), project=project, kind="volunteers", title="Bras"
        )
        needs.append(need.pk)

    def offer(pk):
        return lambda: help_offer(
            actor=User.objects.get(pk=helper.pk), need=Need.objects.get(pk=pk), message="Je peux"
        )

    made, refused = run_together([offer(pk) for pk in needs])
    assert (made, refused) == (3, 9)
    assert Introduction.objects.filter(requested_by=helper).count() == 3


def test_introduction_requests_keep_the_daily_limit(territory, settings):
    """Requests on different needs (no shared need lock) still count exactly."""
    settings.ENSEMBLE_INTRODUCTIONS_PER_DAY_NEW = 3
    requester = member(territory)  # a new account, owner of every project
    pairs = []
    for number in range(8):
        project = ProjectFactory(territory=territory, owner=requester)
        need = need_create(actor=requester, project=project, kind="premises", title="Salle")
        pairs.append((need.pk, organisation(territory, name=f"Asso {number}").pk))

    def request(need_pk, organisation_pk):
        return lambda: introduction_request(
            actor=User.objects.get(pk=requester.pk), need=Need.objects.get(pk=need_pk),
            to_organisation=Organisation.objects.get(pk=organisation_pk), message="Bonjour",
        )  # fmt: skip

    assert run_together([request(*pair) for pair in pairs]) == (3, 5)
    assert Introduction.objects.filter(requested_by=requester).count() == 3


def test_comments_keep_their_limit_a_minute(territory, settings):
    settings.ENSEMBLE_COMMENTS_PER_MINUTE = 10
    author = member(territory)
    project = ProjectFactory(territory=territory)

    def post():
        comment_create(
            author=User.objects.get(pk=author.pk), target=Project.objects.get(pk=project.pk),
            body="Bravo",
        )  # fmt: skip

    assert run_together([post] * 15) == (10, 5)
    assert Comment.objects.filter(author=author).count() == 10


def test_a_new_account_opens_exactly_its_daily_conversations(territory, settings):
    settings.ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAILY_CONVERSATIONS = 5
    opener = member(territory)
    people = [member(territory, profile_visibility="public").pk for _ in range(10)]

    def start(pk):
        return lambda: conversation_start(
            opened_by=User.objects.get(pk=opener.pk), subject="Bonjour", body="Bonjour !",
            to_user=User.objects.get(pk=pk),
        )  # fmt: skip

    assert run_together([start(pk) for pk in people]) == (5, 5)
    assert Conversation.objects.filter(created_by=opener).count() == 5


def test_one_conversation_per_pair_whoever_opens_it(territory):
    alice = member(territory, profile_visibility="public")
    bob = member(territory, profile_visibility="public")

    def start(sender, recipient):
        return lambda: conversation_start(
            opened_by=User.objects.get(pk=sender.pk), subject="Salut", body="Salut",
            to_user=User.objects.get(pk=recipient.pk),
        )  # fmt: skip

    tasks = [start(alice, bob), start(bob, alice)] * 4
    made, refused = run_together(tasks)
    assert made == 8 and refused == 0
    assert Conversation.objects.count() == 1
    assert Message.objects.count() == 8


def test_messages_in_an_existing_conversation_have_a_limit_a_minute(territory, settings):
    settings.ENSEMBLE_MESSAGES_PER_MINUTE = 10
    alice, bob = member(territory), member(territory)
    conversation = conversation_open(opened_by=alice, participants=[bob])

    def send():
        message_send(
            sender=User.objects.get(pk=alice.pk),
            conversation=Conversation.objects.get(pk=conversation.pk), body="Encore",
        )  # fmt: skip

    assert run_together([send] * 15) == (10, 5)
    assert Message.objects.filter(sender=alice).count() == 10
