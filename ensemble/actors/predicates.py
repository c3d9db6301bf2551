"""Who someone is to an organisation or an offer.

Organisation predicates take (user, organisation); offer predicates take
(user, offer). Territory powers come from ensemble.territories.predicates.
"""

import rules

from ensemble.accounts.predicates import has_verified_email
from ensemble.territories.predicates import is_territory_admin, is_territory_member

from .models import Offer, Organisation, OrganisationMember


def organisation_role(user, organisation: Organisation) -> str | None:
    """The person's role in the organisation, memoised on the user for the request."""
    if organisation is None or not getattr(user, "is_authenticated", False):
        return None
    memo = user.__dict__.setdefault("_organisation_roles", {})
    if organisation.pk not in memo:
        memo[organisation.pk] = (
            OrganisationMember.objects.filter(organisation=organisation, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return memo[organisation.pk]


def organisation_roles_forget(user) -> None:
    user.__dict__.pop("_organisation_roles", None)


@rules.predicate
def is_organisation_owner(user, organisation) -> bool:
    return organisation_role(user, organisation) == OrganisationMember.Role.OWNER


@rules.predicate
def is_organisation_member(user, organisation) -> bool:
    """Owners are members too."""
    return organisation_role(user, organisation) is not None


@rules.predicate
def is_admin_of_organisation_territory(user, organisation) -> bool:
    """An admin of the territory where it is registered (network admins included)."""
    return organisation is not None and is_territory_admin(user, organisation.territory)


@rules.predicate
def is_offer_author(user, offer) -> bool:
    """A person's own offer, in a territory where they are still a member."""
    return (
        isinstance(offer, Offer)
        and offer.user_id is not None
        and getattr(user, "pk", None) == offer.user_id
        and is_territory_member(user, offer.territory)
    )


@rules.predicate
def is_offering_organisation_member(user, offer) -> bool:
    return (
        isinstance(offer, Offer)
        and offer.organisation_id is not None
        and is_organisation_member(user, offer.organisation)
    )


#: An organisation's contact email and phone are for the members of its territory whose
#: address is confirmed: joining a territory takes one click, confirming an address
#: takes a real mailbox (docs/admin.md, "What members only protects").
sees_contact_details = has_verified_email & is_territory_member
