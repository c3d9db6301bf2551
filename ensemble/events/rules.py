"""Who may do what with events: the table (the object is the event).

Whether the event is past or cancelled, and whether the app that owns it takes
registrations now (a consultation's phase), are states checked by the services
(`Conflict`, 409).
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.events.predicates import (
    is_agent_of_event_territory,
    is_facilitator,
    is_member_of_event_territory,
    may_view_event,
)

rules.add_perm("events.view_event", may_view_event)
rules.add_perm("events.change_event", is_agent_of_event_territory)
rules.add_perm(
    "events.register", may_view_event & has_verified_email & is_member_of_event_territory
)
# The list of registered people: facilitators and the territory's agents.
rules.add_perm("events.view_registrations", is_facilitator | is_agent_of_event_territory)
