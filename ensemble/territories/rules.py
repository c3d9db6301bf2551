"""Who may do what with a territory (the object is the territory)."""

import rules

from .predicates import (
    is_authenticated,
    is_network_admin,
    is_territory_admin,
    is_territory_member,
    is_territory_moderator,
    may_publish_resources,
)

rules.add_perm("territories.view_territory", rules.always_allow)
rules.add_perm("territories.join_territory", is_authenticated & ~is_territory_member)
rules.add_perm("territories.leave_territory", is_territory_member)
rules.add_perm("territories.change_territory", is_territory_admin)
rules.add_perm("territories.manage_members", is_territory_admin)
rules.add_perm("territories.view_members", is_territory_moderator)
rules.add_perm("territories.create_territory", is_network_admin)
rules.add_perm("territories.view_audit_log", is_territory_admin)
rules.add_perm("territories.publish_resources", may_publish_resources)
