"""Who may answer a contribution: the territory's agents, once the consultation is published."""

import rules

from ensemble.consultations.predicates import is_agent_of_territory, is_published

# object: the contribution
rules.add_perm("answers.answer_contribution", is_published & is_agent_of_territory)
