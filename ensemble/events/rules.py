"""Who may do what with events: the table.

The object is the consultation (to create a workshop in it), or the event.
Whether the consultation's phase allows registering, and whether the event is
past or cancelled, are states checked by the services (`Conflict`, 409).
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.participation.predicates import is_agent_of_territory

from .predicates import (
    has_published_consultation,
    has_visible_consultation,
    is_agent_of_event_territory,
    is_facilitator,
    is_member_of_event_territory,
)

# object: the consultation
rules.add_perm("events.add_workshop", is_agent_of_territory)

# object: the event
rules.add_perm("events.view_event", has_visible_consultation)
rules.add_perm("events.change_event", is_agent_of_event_territory)
rules.add_perm(
    "events.register",
    has_visible_consultation & has_verified_email & is_member_of_event_territory,
)
# Record what happened at a workshop: people present, the groups' contributions.
rules.add_perm(
    "events.record_workshop",
    has_published_consultation & (is_facilitator | is_agent_of_event_territory),
)
# The list of registered people: facilitators and the territory's agents.
rules.add_perm("events.view_registrations", is_facilitator | is_agent_of_event_territory)
