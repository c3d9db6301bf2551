"""Who may do what with newsletters (the object is the territory)."""

import rules

from ensemble.territories.predicates import is_territory_agent, is_territory_member

# Admins and agents write and send; any member may ask for the letter.
rules.add_perm("newsletters.manage_newsletters", is_territory_agent)
rules.add_perm("newsletters.subscribe", is_territory_member)
