"""Who holds which power in a territory; a network admin holds them all.

Each predicate takes (user, territory). Objects of other apps reach their
territory through their own predicates.
"""

import rules

from .roles import role_grants
from .selectors import membership_get


@rules.predicate
def is_network_admin(user) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active)


def _has_power(power: str):
    @rules.predicate(name=f"has_territory_power_{power}")
    def predicate(user, territory) -> bool:
        if territory is None or not getattr(user, "is_authenticated", False):
            return False
        if is_network_admin(user):
            return True
        membership = membership_get(user=user, territory=territory)
        return membership is not None and role_grants(membership.role, power)

    return predicate


is_territory_member = _has_power("member")
is_territory_agent = _has_power("agent")
is_territory_moderator = _has_power("moderate")
is_territory_admin = _has_power("administer")


@rules.predicate
def is_authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def may_publish_resources(user, territory) -> bool:
    """The territory's setting says which roles publish resources (network admins always)."""
    if territory is None or not getattr(user, "is_authenticated", False):
        return False
    if is_network_admin(user):
        return True
    membership = membership_get(user=user, territory=territory)
    return membership is not None and membership.role in territory.resource_publisher_roles
