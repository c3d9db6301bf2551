"""Who may do what with organisations and offers.

The object is an organisation, except for the `add_*` permissions (the
territory) and `view_offer`, `change_offer` (the offer).
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.territories.predicates import is_territory_member

from .predicates import (
    is_admin_of_organisation_territory,
    is_offer_author,
    is_offering_organisation_member,
    is_organisation_member,
    is_organisation_owner,
)

# permission                               who
rules.add_perm("actors.view_organisation", rules.always_allow)
rules.add_perm("actors.view_offer", rules.always_allow)  # the object is the offer
rules.add_perm("actors.add_organisation", has_verified_email & is_territory_member)
rules.add_perm("actors.change_organisation", is_organisation_owner)
rules.add_perm("actors.manage_organisation_members", is_organisation_owner)
rules.add_perm("actors.manage_organisation_offers", is_organisation_member)
rules.add_perm("actors.leave_organisation", is_organisation_member)
rules.add_perm("actors.verify_organisation", is_admin_of_organisation_territory)
rules.add_perm(
    "actors.delete_organisation", is_organisation_owner | is_admin_of_organisation_territory
)
rules.add_perm("actors.add_person_offer", has_verified_email & is_territory_member)
rules.add_perm("actors.change_offer", is_offering_organisation_member | is_offer_author)
