"""Where a person stands towards a questionnaire; each predicate takes (user, questionnaire).

A consultation's questionnaire follows the consultation's rules (through
`consultation_of`, which reads `questionnaire.consultation`); a quick poll has
no consultation and follows its territory's.
"""

import rules

from ensemble.questionnaires.models import Questionnaire
from ensemble.territories.predicates import is_territory_agent, is_territory_member


@rules.predicate
def is_poll(user, questionnaire) -> bool:
    return isinstance(questionnaire, Questionnaire) and questionnaire.is_poll


@rules.predicate
def is_member_of_poll_territory(user, questionnaire) -> bool:
    return is_territory_member(user, questionnaire.territory)


@rules.predicate
def is_agent_of_poll_territory(user, questionnaire) -> bool:
    return is_territory_agent(user, questionnaire.territory)
