import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError

from bench.scale import SCALE_EMAIL_DOMAIN
from ensemble.accounts.models import User
from ensemble.territories.models import Membership, Neighbourhood, Territory, Theme
from ensemble.territories.roles import Role

pytestmark = pytest.mark.django_db

SIZES = {"members": 200, "territories": 2, "neighbourhoods_per_territory": 4}


def _seed(seed: int = 7) -> None:
    call_command("seed_scale", seed=seed, verbosity=0, **SIZES)


def _people() -> list[tuple[str, str, str, list]]:
    return list(User.objects.order_by("pk").values_list("email", "display_name", "kind", "skills"))


def _wipe() -> None:
    User.objects.filter(email__endswith=f"@{SCALE_EMAIL_DOMAIN}").delete()
    Territory.objects.all().delete()


def test_seed_scale_creates_the_requested_sizes_with_true_counters():
    _seed()

    assert User.objects.count() == 200
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 200
    territories = list(Territory.objects.all())
    assert len(territories) == 2
    assert Neighbourhood.objects.count() == 8
    assert Theme.objects.filter(territory=None).exists()
    for territory in territories:
        members = Membership.objects.filter(territory=territory)
        assert territory.members_count == members.count() > 0
        assert members.filter(role=Role.ADMIN).exists()
    # Everyone belongs somewhere; most people are plain members.
    assert Membership.objects.values("user").distinct().count() == 200
    assert Membership.objects.filter(role=Role.MEMBER).count() > 150
    # One shared password hash, usable to log in.
    user = User.objects.first()
    assert user.check_password("ensemble-scale")
    assert User.objects.values("password").distinct().count() == 1


def test_seed_scale_is_reproducible():
    _seed(seed=7)
    first = _people()
    first_territories = list(Territory.objects.order_by("slug").values_list("slug", "name"))
    _wipe()

    _seed(seed=7)
    assert _people() == first
    assert list(Territory.objects.order_by("slug").values_list("slug", "name")) == first_territories
    assert len({email for email, *_ in first}) == 200
    _wipe()

    _seed(seed=8)
    assert [p[1] for p in _people()] != [p[1] for p in first]


def test_seed_scale_refuses_to_run_twice_on_the_same_database():
    _seed()
    with pytest.raises(CommandError):
        _seed()
