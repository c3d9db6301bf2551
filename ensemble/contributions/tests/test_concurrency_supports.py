"""Supports under real concurrent connections (PostgreSQL, READ COMMITTED).

Each thread opens its own database connection, waits at a barrier so that the
requests really overlap, and closes its connection at the end. SQLite is
skipped: the in-memory test database is shared-cache, whose table locks are not
the file database's IMMEDIATE transactions with busy_timeout that production uses.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import Count

from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.services.supports import support_add, support_remove
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.territories.models import Membership, Territory
from ensemble.testing.concurrency import CONCURRENT
from ensemble.testing.factories import PASSWORD, member

pytestmark = CONCURRENT

THREADS = 40  # PostgreSQL allows 100 connections by default; other test runs share them


def run_concurrently(tasks, threads: int) -> list:
    """Run `tasks` (callables) on `threads` threads that start together; their outcomes."""
    threads = min(threads, len(tasks))
    barrier = threading.Barrier(threads)
    chunks = [tasks[index::threads] for index in range(threads)]

    def worker(chunk):
        try:
            connection.ensure_connection()
            barrier.wait(timeout=30)
            outcomes = []
            for task in chunk:
                try:
                    outcomes.append(task())
                except Conflict as error:
                    outcomes.append(error)
            return outcomes
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return [outcome for outcomes in pool.map(worker, chunks) for outcome in outcomes]


def fresh(contribution_pk: int, user_pk: int):
    """The objects as a request would load them, in the calling thread's connection."""
    from ensemble.accounts.models import User

    contribution = Contribution.objects.select_related(
        "consultation", "consultation__territory"
    ).get(pk=contribution_pk)
    return User.objects.get(pk=user_pk), contribution


def assert_counters_true(consultation_pk: int) -> None:
    for contribution in Contribution.objects.filter(consultation_id=consultation_pk).annotate(
        rows=Count("supports")
    ):
        assert contribution.supports_count == contribution.rows
    consultation = Consultation.objects.get(pk=consultation_pk)
    assert consultation.supports_count == Support.objects.filter(consultation=consultation).count()
    assert consultation.participants_count == consultation.participants.count()


def residents(territory: Territory, count: int) -> list[int]:
    """`count` verified members of `territory`, created in bulk."""
    from allauth.account.models import EmailAddress

    from ensemble.accounts.models import User

    users = User.objects.bulk_create(
        User(email=f"resident{index}@example.org", display_name=f"Resident {index}")
        for index in range(count)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, primary=True, verified=True) for user in users
    )
    Membership.objects.bulk_create(Membership(user=user, territory=territory) for user in users)
    return [user.pk for user in users]


@pytest.fixture
def territory():
    from ensemble.testing.factories import TerritoryFactory

    return TerritoryFactory(name="Sceaux", slug="sceaux")


def test_fifty_concurrent_api_requests_of_one_person_create_one_support(territory):
    from django.test import Client

    person = member(territory)
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    url = f"/api/v1/contributions/{contribution.pk}/support"
    first = Client()
    assert first.login(email=person.email, password=PASSWORD)
    clients = []
    for _ in range(50):  # one person, one session, fifty requests at once
        client = Client()
        client.cookies = first.cookies
        clients.append(client)

    statuses = run_concurrently([lambda c=c: c.post(url).status_code for c in clients], 50)

    assert sorted(statuses) == [200] * 49 + [201]
    assert Support.objects.filter(contribution=contribution).count() == 1
    assert_counters_true(contribution.consultation_id)


def test_two_hundred_people_supporting_concurrently_give_two_hundred(territory):
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    people = residents(territory, 200)

    def task(user_pk):
        user, target = fresh(contribution.pk, user_pk)
        return support_add(user=user, contribution=target)

    run_concurrently([lambda pk=pk: task(pk) for pk in people], THREADS)

    contribution.refresh_from_db()
    assert Support.objects.filter(contribution=contribution).count() == 200
    assert contribution.supports_count == 200
    assert_counters_true(contribution.consultation_id)


def test_the_limit_holds_under_concurrency(territory):
    consultation = ConsultationFactory(territory=territory, supports_per_person=3)
    contributions = ContributionFactory.create_batch(20, consultation=consultation)
    person = member(territory)

    def task(contribution_pk):
        user, target = fresh(contribution_pk, person.pk)
        return support_add(user=user, contribution=target)

    outcomes = run_concurrently([lambda pk=c.pk: task(pk) for c in contributions], 20)

    assert sum(isinstance(outcome, Conflict) for outcome in outcomes) == 17
    assert Support.objects.filter(user=person).count() == 3
    assert_counters_true(consultation.pk)


def test_supports_and_withdrawals_mixed_keep_counters_true(territory):
    consultation = ConsultationFactory(territory=territory)
    contributions = ContributionFactory.create_batch(3, consultation=consultation)
    people = residents(territory, 12)

    def task(user_pk, contribution_pk, withdraw):
        user, target = fresh(contribution_pk, user_pk)
        service = support_remove if withdraw else support_add
        return service(user=user, contribution=target)

    tasks = [
        lambda u=u, c=c.pk, w=w: task(u, c, w)
        for u in people
        for c in contributions
        for w in (False, True, False)
    ]
    run_concurrently(tasks, THREADS)

    assert_counters_true(consultation.pk)
