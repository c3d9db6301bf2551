"""Who may do what with questionnaires and quick polls: the table.

The object is the questionnaire. Whether it is open (the consultation's
questionnaire phase, the poll's dates) is a state checked by the services
(`Conflict`, 409).
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.consultations.predicates import is_agent_of_territory
from ensemble.consultations.rules import can_take_part, can_view
from ensemble.questionnaires.predicates import (
    is_agent_of_poll_territory,
    is_member_of_poll_territory,
    is_poll,
)
from ensemble.territories.predicates import is_territory_agent

rules.add_perm("questionnaires.view_questionnaire", is_poll | can_view)
rules.add_perm(
    "questionnaires.respond",
    (is_poll & has_verified_email & is_member_of_poll_territory) | (~is_poll & can_take_part),
)
# Build the questions, export the responses (without personal data).
rules.add_perm(
    "questionnaires.manage_questionnaire",
    (is_poll & is_agent_of_poll_territory) | (~is_poll & is_agent_of_territory),
)
# object: the territory (a new quick poll)
rules.add_perm("questionnaires.add_poll", is_territory_agent)
