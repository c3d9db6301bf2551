"""Who may do what with contributions: the table.

The object is the consultation (to contribute) or a contribution. Phases are
states checked by the services (`Conflict`, 409), except commenting (below).
"""

import rules

from ensemble.consultations.predicates import (
    has_verified_email,
    is_agent_of_territory,
    is_moderator_of_territory,
    is_published,
    phase_allows_comments,
)
from ensemble.consultations.rules import can_take_part, can_view
from ensemble.contributions.predicates import (
    is_accepted,
    is_contribution_author,
    is_hidden_contribution,
    is_open_contribution,
)

# object: the consultation
rules.add_perm("contributions.add_contribution", can_take_part)

# object: the contribution
rules.add_perm("contributions.view_contribution", can_view)
# What a hidden contribution said (its text, answers, comments) stays with those
# who moderate; everyone else sees that it was hidden, and why.
rules.add_perm(
    "contributions.read_contribution",
    can_view & (~is_hidden_contribution | is_moderator_of_territory | is_agent_of_territory),
)
rules.add_perm("contributions.support_contribution", can_take_part & is_open_contribution)
# Commenting is the one action checked as a permission *and* a phase: the comments
# app asks only permissions (its API answers 403 when the phase is over).
rules.add_perm(
    "contributions.comment_contribution",
    can_take_part & is_open_contribution & phase_allows_comments,
)
rules.add_perm("contributions.follow_contribution", can_view & has_verified_email)
rules.add_perm("contributions.report_contribution", can_take_part)
rules.add_perm(
    "contributions.moderate_contribution",
    is_published & (is_moderator_of_territory | is_agent_of_territory),
)
rules.add_perm(
    "contributions.make_project",
    is_accepted
    & is_open_contribution
    & can_take_part
    & (is_contribution_author | is_agent_of_territory),
)
# The author edits (the services also require the propose phase and no answer yet).
rules.add_perm(
    "contributions.change_contribution", can_view & is_contribution_author & is_open_contribution
)
