import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ensemble.territories import services
from ensemble.territories.models import Membership, Territory
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def _members_count(territory) -> int:
    return Territory.objects.get(pk=territory.pk).members_count


def test_join_is_idempotent_and_counted_once(territory):
    user = UserFactory()
    services.membership_join(user=user, territory=territory)
    services.membership_join(user=user, territory=territory)
    assert Membership.objects.filter(territory=territory).count() == 1
    assert _members_count(territory) == 1


def test_leave_decrements_counter(territory):
    user = member(territory)
    services.membership_leave(user=user, territory=territory)
    assert _members_count(territory) == 0
    services.membership_leave(user=user, territory=territory)  # not a member: nothing happens
    assert _members_count(territory) == 0


def test_last_admin_cannot_leave(territory):
    admin = member(territory, Role.ADMIN)
    with pytest.raises(ValidationError):
        services.membership_leave(user=admin, territory=territory)
    assert _members_count(territory) == 1


def test_last_admin_cannot_be_demoted(territory):
    admin = member(territory, Role.ADMIN)
    membership = Membership.objects.get(user=admin)
    with pytest.raises(ValidationError) as error:
        services.membership_set_role(actor=admin, membership=membership, role=Role.MEMBER)
    assert "role" in error.value.message_dict


def test_set_role_refused_to_admin_of_another_territory(territory, other_territory):
    outsider_admin = member(other_territory, Role.ADMIN)
    membership = Membership.objects.get(user=member(territory))
    with pytest.raises(PermissionDenied):
        services.membership_set_role(actor=outsider_admin, membership=membership, role=Role.ADMIN)
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_set_role_refuses_unknown_role(territory):
    admin = member(territory, Role.ADMIN)
    membership = Membership.objects.get(user=member(territory))
    with pytest.raises(ValidationError):
        services.membership_set_role(actor=admin, membership=membership, role="mayor")


def test_territory_update_refused_to_moderator(territory):
    moderator = member(territory, Role.MODERATOR)
    with pytest.raises(PermissionDenied):
        services.territory_update(territory=territory, actor=moderator, data={"name": "X"})


def test_territory_update_refuses_fields_outside_the_form(territory):
    admin = member(territory, Role.ADMIN)
    with pytest.raises(ValidationError) as error:
        services.territory_update(territory=territory, actor=admin, data={"slug": "paris"})
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("slug", ["api", "admin", "accounts", "static", "healthz", "me"])
def test_reserved_slugs_are_refused(slug):
    with pytest.raises(ValidationError) as error:
        services.territory_create(slug=slug, name="Collision")
    assert "slug" in error.value.message_dict
    assert not Territory.objects.filter(slug=slug).exists()


def test_unknown_language_is_refused():
    with pytest.raises(ValidationError) as error:
        services.territory_create(slug="bruxelles", name="Bruxelles", languages=["fr", "xx"])
    assert "languages" in error.value.message_dict


def test_territory_theme_cannot_shadow_a_network_theme(territory):
    from ensemble.testing.factories import ThemeFactory

    ThemeFactory(slug="climat", name="Climat")
    admin = member(territory, Role.ADMIN)
    with pytest.raises(ValidationError):
        services.theme_create(actor=admin, territory=territory, name="Climat", slug="climat")
