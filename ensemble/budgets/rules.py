"""Who may do what with a participatory budget: the table.

The object is the consultation or its budget. Whether the vote is open is a
state (the active phase, the vote not closed), checked by the services with a
`Conflict` (409): "not now" rather than "not you".
"""

import rules

from ensemble.budgets.predicates import is_eligible_resident
from ensemble.consultations.predicates import is_agent_of_territory
from ensemble.consultations.rules import can_take_part, can_view
from ensemble.territories.predicates import is_territory_agent

rules.add_perm("budgets.view_budget", can_view)
# Members with a confirmed email address; only verified residents when the territory says so.
rules.add_perm("budgets.vote", can_take_part & is_eligible_resident)
# Envelopes, projects, paper ballots, closing the vote, publishing the results.
rules.add_perm("budgets.manage_budget", is_agent_of_territory)
# object: the territory
rules.add_perm("budgets.verify_residents", is_territory_agent)
