"""Who may do what in a consultation: the table.

The object is the territory (to create), the consultation, or a contribution.
Whether the *active phase* allows an action is not a permission but a state:
the services check `consultation.allows(Feature.…)` and refuse with a
`Conflict` (409), so a person learns "not now" rather than "not you".
"""

import rules

from ensemble.territories.predicates import is_territory_agent

from .predicates import (
    has_verified_email,
    is_accepted,
    is_agent_of_territory,
    is_contribution_author,
    is_hidden_contribution,
    is_member_of_territory,
    is_moderator_of_territory,
    is_open_contribution,
    is_public,
    is_published,
    phase_allows_comments,
)

# Agents see every consultation of their territory (drafts and internal ones);
# everyone else sees the published public ones. An internal consultation is a
# 404 for anybody else, in every territory.
can_view = is_agent_of_territory | (is_published & is_public)
# Taking part: a verified member of the territory (an agent, for internal ones).
can_take_part = can_view & is_published & has_verified_email & is_member_of_territory

# object: the territory
rules.add_perm("participation.add_consultation", is_territory_agent)

# object: the consultation
rules.add_perm("participation.view_consultation", can_view)
rules.add_perm("participation.change_consultation", is_agent_of_territory)
rules.add_perm("participation.add_contribution", can_take_part)
rules.add_perm("participation.record_workshop", is_agent_of_territory)
rules.add_perm("participation.manage_results", is_agent_of_territory)

# object: the contribution
rules.add_perm("participation.view_contribution", can_view)
# What a hidden contribution said (its text, answers, comments) stays with those
# who moderate; everyone else sees that it was hidden, and why.
rules.add_perm(
    "participation.read_contribution",
    can_view & (~is_hidden_contribution | is_moderator_of_territory | is_agent_of_territory),
)
rules.add_perm("participation.support_contribution", can_take_part & is_open_contribution)
# Commenting is the one action checked as a permission *and* a phase: the comments
# app asks only permissions (its API answers 403 when the phase is over).
rules.add_perm(
    "participation.comment_contribution",
    can_take_part & is_open_contribution & phase_allows_comments,
)
rules.add_perm("participation.follow_contribution", can_view & has_verified_email)
rules.add_perm("participation.report_contribution", can_take_part)
rules.add_perm("participation.answer_contribution", is_published & is_agent_of_territory)
rules.add_perm(
    "participation.moderate_contribution",
    is_published & (is_moderator_of_territory | is_agent_of_territory),
)
rules.add_perm(
    "participation.make_project",
    is_accepted
    & is_open_contribution
    & can_take_part
    & (is_contribution_author | is_agent_of_territory),
)
# The author edits (the services also require the propose phase and no answer yet).
rules.add_perm(
    "participation.change_contribution", can_view & is_contribution_author & is_open_contribution
)
