import rules

from ensemble.territories.predicates import is_network_admin

from .predicates import is_self

rules.add_perm("accounts.change_profile", is_self | is_network_admin)
