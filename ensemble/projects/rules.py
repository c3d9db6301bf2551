"""Who may do what with a project (the object is the project, or the territory to create in).

An archived project stays readable by everyone and writable by nobody.
"""

import rules

from ensemble.territories.predicates import is_authenticated

from .predicates import (
    has_verified_email,
    is_archived,
    is_draft,
    is_member_of_project_territory,
    is_moderator_of_project_territory,
    is_network_admin,
    is_project_owner,
    is_published,
    is_replicable,
    is_team_member,
    is_territory_member,
    was_published,
)

is_open = ~is_archived
is_visible = is_published | (is_archived & was_published) | is_team_member | is_network_admin
# Working on a project needs a place in its team *and* in its territory: someone
# who left the territory keeps their name on the team but loses the pen.
is_active_team_member = is_team_member & is_member_of_project_territory
is_active_owner = is_project_owner & is_member_of_project_territory

# object: the territory where the project would be created
rules.add_perm("projects.add_project", has_verified_email & is_territory_member)

# object: the project
rules.add_perm("projects.view_project", is_visible)
rules.add_perm("projects.change_project", is_open & is_active_team_member)
rules.add_perm("projects.manage_needs", is_open & is_active_team_member)
rules.add_perm("projects.post_update", is_open & is_active_team_member)
rules.add_perm("projects.manage_team", is_open & is_active_owner)
rules.add_perm("projects.manage_partners", is_open & is_active_owner)
rules.add_perm("projects.transfer_ownership", is_open & is_active_owner)
rules.add_perm("projects.publish_project", is_draft & is_active_owner)
rules.add_perm(
    "projects.archive_project",
    is_open & (is_active_owner | is_moderator_of_project_territory),
)
# Archiving can be undone by the same people: the project comes back as it was.
rules.add_perm(
    "projects.restore_project",
    is_archived & (is_active_owner | is_moderator_of_project_territory),
)
rules.add_perm("projects.leave_project", is_team_member)
rules.add_perm("projects.follow_project", is_authenticated & is_published)
rules.add_perm(
    "projects.comment_project",
    is_published & has_verified_email & is_member_of_project_territory,
)
# The target territory is checked by the service with "projects.add_project".
rules.add_perm("projects.replicate_project", is_published & is_replicable & has_verified_email)
