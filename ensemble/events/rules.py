"""Who may do what with events: the table (the object is the event, or the territory to add one).

Whether the event is past or cancelled, whether registration has opened, and
whether the app that owns it takes registrations now (a consultation's phase),
are states checked by the services (`Conflict`, 409).
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.events.predicates import (
    is_agent_of_event_territory,
    is_facilitator,
    is_member_of_event_territory,
    is_organiser,
    may_view_event,
)
from ensemble.territories.predicates import is_territory_agent, is_territory_member

rules.add_perm("events.view_event", may_view_event)
# Verified members put meetings, know-how sessions and project events on the calendar
# (the object is the territory); network events are the agents' (`events.services`).
rules.add_perm("events.add_event", has_verified_email & is_territory_member)
rules.add_perm("events.add_network_event", is_territory_agent)
rules.add_perm("events.change_event", is_agent_of_event_territory | is_organiser)
rules.add_perm(
    "events.register", may_view_event & has_verified_email & is_member_of_event_territory
)
# The list of registered people and who came: organisers, facilitators and agents.
rules.add_perm(
    "events.view_registrations", is_facilitator | is_organiser | is_agent_of_event_territory
)
rules.add_perm(
    "events.record_attendance", is_facilitator | is_organiser | is_agent_of_event_territory
)
