"""Each neighbourhood's stored count of the members living there: equal to a recount after
joining, leaving, removal, moving house, moving to another territory's neighbourhood, and
the deletion of an account."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ensemble.accounts.services import profile_update
from ensemble.privacy.services import account_erase
from ensemble.territories import services
from ensemble.territories.models import Membership, Neighbourhood
from ensemble.testing.factories import NeighbourhoodFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def counts(*neighbourhoods) -> list[int]:
    return [Neighbourhood.objects.get(pk=n.pk).members_count for n in neighbourhoods]


def assert_counts_equal_a_recount(*territories) -> None:
    kept = dict(Neighbourhood.objects.values_list("pk", "members_count"))
    for territory in territories:
        services.residents_recount(territory_pk=territory.pk)
    assert kept == dict(Neighbourhood.objects.values_list("pk", "members_count"))


def test_joining_leaving_and_removal_move_the_count(territory):
    north, south = (
        NeighbourhoodFactory(territory=territory),
        NeighbourhoodFactory(territory=territory),
    )
    admin = member(territory, "admin")
    first = member(territory, neighbourhood=north)
    second = member(territory, neighbourhood=north)
    member(territory, neighbourhood=south)
    member(territory)  # says nowhere
    services.membership_join(user=first, territory=territory)  # already a member: once
    assert counts(north, south) == [2, 1]

    services.membership_leave(user=first, territory=territory)
    services.membership_remove(
        actor=admin, membership=Membership.objects.get(user=second, territory=territory)
    )

    assert counts(north, south) == [0, 1]
    assert_counts_equal_a_recount(territory)


def test_moving_house_moves_the_count_of_members_only(territory, other_territory):
    north, south = (
        NeighbourhoodFactory(territory=territory),
        NeighbourhoodFactory(territory=territory),
    )
    elsewhere = NeighbourhoodFactory(territory=other_territory)
    person = member(territory, neighbourhood=north)
    outsider = UserFactory(neighbourhood=elsewhere)  # a member of no territory

    profile_update(user=person, data={"neighbourhood": south})
    assert counts(north, south) == [0, 1]
    profile_update(user=person, data={"neighbourhood": elsewhere})  # not a member there
    assert counts(north, south, elsewhere) == [0, 0, 0]
    profile_update(user=outsider, data={"neighbourhood": north})  # not a member here
    assert counts(north) == [0]
    profile_update(user=person, data={"neighbourhood": None})
    profile_update(user=person, data={"neighbourhood": north})
    assert counts(north, south, elsewhere) == [1, 0, 0]
    assert_counts_equal_a_recount(territory, other_territory)


def test_an_erased_or_deleted_account_leaves_the_count(territory):
    north = NeighbourhoodFactory(territory=territory)
    erased = member(territory, neighbourhood=north)
    deleted = member(territory, neighbourhood=north)
    member(territory, neighbourhood=north)

    account_erase(user=erased)
    account_erase(user=deleted)  # the purge of unused accounts erases, then deletes the row
    deleted.delete()

    assert counts(north) == [1]
    assert_counts_equal_a_recount(territory)


def test_the_command_repairs_every_kind_of_count_and_refuses_an_unknown_one(territory):
    north = NeighbourhoodFactory(territory=territory)
    member(territory, neighbourhood=north)
    Neighbourhood.objects.filter(pk=north.pk).update(members_count=5)

    call_command("recount", stdout=StringIO())

    assert counts(north) == [1]
    with pytest.raises(CommandError):
        call_command("recount", "supports", stdout=StringIO())
