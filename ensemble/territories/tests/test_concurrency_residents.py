"""The members living in each neighbourhood under real concurrent connections (PostgreSQL,
READ COMMITTED): people join, move house and leave at once; see
contributions/tests/test_concurrency_supports.py for how the threads are run."""

from ensemble.accounts.models import User
from ensemble.accounts.services import profile_update
from ensemble.contributions.tests.test_concurrency_supports import run_concurrently
from ensemble.territories.models import Neighbourhood, Territory
from ensemble.territories.services import membership_join, membership_leave
from ensemble.territories.tests.test_residents_count import assert_counts_equal_a_recount
from ensemble.testing.concurrency import CONCURRENT
from ensemble.testing.factories import NeighbourhoodFactory

pytestmark = CONCURRENT


def test_joining_moving_and_leaving_at_once_give_counts_equal_to_a_recount(territory):
    north, south = (
        NeighbourhoodFactory(territory=territory),
        NeighbourhoodFactory(territory=territory),
    )
    people = [
        user.pk
        for user in User.objects.bulk_create(
            User(email=f"r{i}@example.org", display_name=f"R {i}", neighbourhood=north)
            for i in range(300)
        )
    ]

    def take_part(index, user_pk):
        user = User.objects.get(pk=user_pk)
        place = Territory.objects.get(pk=territory.pk)
        membership_join(user=user, territory=place)
        if index % 2:
            profile_update(user=User.objects.get(pk=user_pk), data={"neighbourhood": south})
        if index % 3 == 0:
            membership_leave(user=User.objects.get(pk=user_pk), territory=place)

    tasks = [lambda i=i, pk=pk: take_part(i, pk) for i, pk in enumerate(people)]
    outcomes = run_concurrently(tasks, 40)

    assert not [o for o in outcomes if isinstance(o, Exception)]
    staying = [i for i in range(300) if i % 3]
    expected = [sum(1 for i in staying if not i % 2), sum(1 for i in staying if i % 2)]
    assert [Neighbourhood.objects.get(pk=n.pk).members_count for n in (north, south)] == expected
    assert_counts_equal_a_recount(territory)
