"""Who may do what with a consultation and its workshops: the table.

The object is the territory (to create), the consultation, or a workshop's
event. Whether the *active phase* allows an action is not a permission but a
state: the services check `consultation.allows(Feature.…)` and refuse with a
`Conflict` (409), so a person learns "not now" rather than "not you".
`can_view` and `can_take_part` are the building blocks of the rules of the
contributions, answers and results apps.
"""

import rules

from ensemble.consultations.predicates import (
    has_verified_email,
    is_agent_of_territory,
    is_member_of_territory,
    is_public,
    is_published,
    is_workshop_of_published_consultation,
)
from ensemble.events.predicates import is_agent_of_event_territory, is_facilitator
from ensemble.territories.predicates import is_territory_agent

# Agents see every consultation of their territory (drafts and internal ones);
# everyone else sees the published public ones. An internal consultation is a
# 404 for anybody else, in every territory.
can_view = is_agent_of_territory | (is_published & is_public)
# Taking part: a verified member of the territory (an agent, for internal ones).
can_take_part = can_view & is_published & has_verified_email & is_member_of_territory

# object: the territory
rules.add_perm("consultations.add_consultation", is_territory_agent)

# object: the consultation
rules.add_perm("consultations.view_consultation", can_view)
rules.add_perm("consultations.change_consultation", is_agent_of_territory)
rules.add_perm("consultations.add_workshop", is_agent_of_territory)

# object: the event of a workshop. Record what happened at it: people present,
# the groups' contributions.
rules.add_perm(
    "consultations.record_workshop",
    is_workshop_of_published_consultation & (is_facilitator | is_agent_of_event_territory),
)
