"""Who may use the workbench: the territory's public agents and admins (network admins too).

Moderators and members may not: private notes and drafts are the agents' only.
"""

import rules

from ensemble.territories.predicates import is_territory_admin, is_territory_agent

from .predicates import is_agent_of_contribution_territory

# object: the territory
rules.add_perm("workbench.view_queue", is_territory_agent)
rules.add_perm("workbench.manage_departments", is_territory_admin)
# object: the contribution
rules.add_perm("workbench.view_private", is_agent_of_contribution_territory)
rules.add_perm("workbench.assign", is_agent_of_contribution_territory)
rules.add_perm("workbench.add_note", is_agent_of_contribution_territory)
rules.add_perm("workbench.prepare_answer", is_agent_of_contribution_territory)
