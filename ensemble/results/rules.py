"""Who may manage the results of a consultation: the agents of its territory."""

import rules

from ensemble.consultations.predicates import is_agent_of_territory

# object: the consultation
rules.add_perm("results.manage_results", is_agent_of_territory)
