"""Who may do what with a territory's pages (the object is the territory)."""

import rules

from ensemble.territories.predicates import is_territory_admin

rules.add_perm("sitepages.view_page", rules.always_allow)
rules.add_perm("sitepages.publish_page", is_territory_admin)
