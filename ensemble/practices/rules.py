"""Who may do what with practice sheets (the object is the practice, or the territory to add one).

Agents and admins of a territory write the sheets of what runs there; a draft
is seen by its authors only; once published, the whole network reads it.
"""

import rules

from ensemble.practices.predicates import is_author, is_draft, is_published
from ensemble.territories.predicates import is_authenticated, is_network_admin, is_territory_agent

rules.add_perm("practices.view_practice", is_published | is_author | is_network_admin)
rules.add_perm("practices.add_practice", is_territory_agent)
rules.add_perm("practices.change_practice", is_author | is_network_admin)
rules.add_perm("practices.publish_practice", is_draft & (is_author | is_network_admin))
rules.add_perm("practices.bookmark_practice", is_authenticated & is_published)
