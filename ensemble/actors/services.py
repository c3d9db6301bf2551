"""Writes on organisations, their members and offers; each keeps the stored counters true."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.audit.services import record
from ensemble.core.access import require
from ensemble.needtypes.types import need_type
from ensemble.search.indexing import index_object, unindex_object
from ensemble.semantics.tasks import embed_on_commit
from ensemble.territories.models import Neighbourhood, Territory, Theme

from .logos import logo_process
from .members import (  # noqa: F401
    organisation_invitation_accept,
    organisation_invitation_decline,
    organisation_member_invite,
    organisation_member_leave,
    organisation_member_remove,
    organisation_member_set_role,
)
from .models import Offer, Organisation, OrganisationMember
from .predicates import organisation_roles_forget

# What organisation_update may change (relations and the logo have their own arguments).
ORGANISATION_FIELDS = frozenset({
    "name", "kind", "summary", "description", "neighbourhood", "address", "latitude",
    "longitude", "website", "contact_email", "phone", "contactable",
})  # fmt: skip
OFFER_FIELDS = frozenset({"kind", "title", "description", "skill", "availability", "is_active"})


def _full_clean(obj) -> None:
    """full_clean, plus the max_length of text fields that Django only checks in forms."""
    errors = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        too_long = value and field.max_length and len(value) > field.max_length
        if field.get_internal_type() == "TextField" and too_long:
            errors[field.name] = [
                _("At most %(max)s characters (it has %(length)s).")
                % {"max": field.max_length, "length": len(value)}
            ]
    try:
        obj.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


# --- Organisations -------------------------------------------------------------


def _check_relations(
    *, territory: Territory, neighbourhood: Neighbourhood | None,
    themes: Iterable[Theme] | None, other_territories: Iterable[Territory] | None,
) -> None:  # fmt: skip
    """The neighbourhood and themes must belong to the territory; partners must be open."""
    errors = {}
    if neighbourhood is not None and neighbourhood.territory_id != territory.pk:
        errors["neighbourhood"] = [_("This neighbourhood is not part of the territory.")]
    if themes is not None and any(t.territory_id not in (None, territory.pk) for t in themes):
        errors["themes"] = [_("Choose themes of the network or of this territory.")]
    if other_territories is not None and any(not t.is_active for t in other_territories):
        errors["other_territories"] = [_("Choose open territories of the network.")]
    if errors:
        raise ValidationError(errors)


def _set_relations(organisation: Organisation, themes, other_territories) -> None:
    if themes is not None:
        organisation.themes.set(themes)
    if other_territories is not None:
        organisation.other_territories.set(
            [t for t in other_territories if t.pk != organisation.territory_id]
        )


@transaction.atomic
def organisation_create(
    *, creator, territory: Territory, name: str, kind: str, summary: str = "",
    description: str = "", neighbourhood: Neighbourhood | None = None, address: str = "",
    latitude=None, longitude=None, website: str = "", contact_email: str = "",
    phone: str = "", contactable: bool = True, themes: Iterable[Theme] = (),
    other_territories: Iterable[Territory] = (), logo=None,
) -> Organisation:  # fmt: skip
    """Register an organisation in `territory`; its creator is its first owner."""
    require(creator, "actors.add_organisation", territory)
    themes, other_territories = list(themes), list(other_territories)
    _check_relations(
        territory=territory, neighbourhood=neighbourhood, themes=themes,
        other_territories=other_territories,
    )  # fmt: skip
    organisation = Organisation(
        territory=territory, name=name, kind=kind, summary=summary, description=description,
        neighbourhood=neighbourhood, address=address, latitude=latitude, longitude=longitude,
        website=website, contact_email=contact_email, phone=phone, contactable=contactable,
        created_by=creator, members_count=1,
    )  # fmt: skip
    if logo is not None:
        organisation.logo.save("logo.webp", logo_process(logo), save=False)
    _full_clean(organisation)
    organisation.save()
    _set_relations(organisation, themes, other_territories)
    OrganisationMember.objects.create(
        organisation=organisation, user=creator, role=OrganisationMember.Role.OWNER
    )
    organisation_roles_forget(creator)
    activity_record(
        territory=territory, verb=Activity.Verb.ORGANISATION_CREATED, actor=creator,
        organisation=organisation,
    )  # fmt: skip
    index_object(organisation)
    embed_on_commit(organisation)
    return organisation


@transaction.atomic
def organisation_update(
    *, actor, organisation: Organisation, data: dict, themes: Iterable[Theme] | None = None,
    other_territories: Iterable[Territory] | None = None,
) -> Organisation:  # fmt: skip
    require(actor, "actors.change_organisation", organisation)
    for field, value in data.items():
        if field not in ORGANISATION_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(organisation, field, value)
    themes = list(themes) if themes is not None else None
    other_territories = list(other_territories) if other_territories is not None else None
    _check_relations(
        territory=organisation.territory, neighbourhood=organisation.neighbourhood,
        themes=themes, other_territories=other_territories,
    )  # fmt: skip
    _full_clean(organisation)
    organisation.save()
    _set_relations(organisation, themes, other_territories)
    index_object(organisation)
    embed_on_commit(organisation)
    return organisation


@transaction.atomic
def organisation_edit(
    *, actor, organisation: Organisation, data: dict, logo=None,
    themes: Iterable[Theme] | None = None, other_territories: Iterable[Territory] | None = None,
) -> Organisation:  # fmt: skip
    """The edit page's save: fields and relations, then the logo, all or nothing.

    `logo`: a new file, False to remove it, None to keep it."""
    organisation_update(
        actor=actor, organisation=organisation, data=data, themes=themes,
        other_territories=other_territories,
    )  # fmt: skip
    if logo or logo is False:
        organisation_logo_set(actor=actor, organisation=organisation, logo=logo or None)
    return organisation


@transaction.atomic
def organisation_logo_set(*, actor, organisation: Organisation, logo) -> Organisation:
    """Replace the logo (or remove it when `logo` is None)."""
    require(actor, "actors.change_organisation", organisation)
    old = organisation.logo.name if organisation.logo else ""
    if logo is None:
        organisation.logo = ""
    else:
        organisation.logo.save("logo.webp", logo_process(logo), save=False)
    organisation.save(update_fields=["logo", "updated_at"])
    if old and old != organisation.logo.name:
        storage, name = organisation.logo.storage, old
        transaction.on_commit(lambda: storage.delete(name))
    return organisation


@transaction.atomic
def organisation_delete(*, actor, organisation: Organisation) -> None:
    require(actor, "actors.delete_organisation", organisation)
    unindex_object(organisation)
    organisation.delete()


@transaction.atomic
def organisation_verify(*, actor, organisation: Organisation) -> Organisation:
    require(actor, "actors.verify_organisation", organisation)
    organisation.is_verified = True
    organisation.verified_at = timezone.now()
    organisation.verified_by = actor
    organisation.save(update_fields=["is_verified", "verified_at", "verified_by", "updated_at"])
    index_object(organisation)
    record(
        actor=actor,
        action="organisation.verify",
        territory=organisation.territory,
        target=organisation,
    )
    return organisation


@transaction.atomic
def organisation_unverify(*, actor, organisation: Organisation) -> Organisation:
    require(actor, "actors.verify_organisation", organisation)
    organisation.is_verified = False
    organisation.verified_at = None
    organisation.verified_by = None
    organisation.save(update_fields=["is_verified", "verified_at", "verified_by", "updated_at"])
    index_object(organisation)
    record(
        actor=actor,
        action="organisation.unverify",
        territory=organisation.territory,
        target=organisation,
    )
    return organisation


def organisation_verification_set(
    *, actor, organisation: Organisation, verified: bool
) -> Organisation:
    """Give or take back the verified badge (the territory's admins decide)."""
    if verified:
        return organisation_verify(actor=actor, organisation=organisation)
    return organisation_unverify(actor=actor, organisation=organisation)


# --- Offers --------------------------------------------------------------------


def _offer_clean(offer: Offer) -> None:
    """The offer's type says whether the kind exists and whether it names a skill."""
    try:
        kind = need_type(offer.kind)
    except LookupError:
        raise ValidationError({"kind": _("Unknown kind of offer.")}) from None
    offer.skill = kind.offer_skill(offer.skill)
    _full_clean(offer)


def _offers_count_add(offer: Offer, delta: int) -> None:
    if offer.organisation_id is not None and delta:
        Organisation.objects.filter(pk=offer.organisation_id).update(
            offers_count=F("offers_count") + delta
        )


@transaction.atomic
def offer_create(
    *, actor, kind: str, title: str, organisation: Organisation | None = None,
    territory: Territory | None = None, description: str = "", skill: str = "",
    availability: str = "",
) -> Offer:  # fmt: skip
    """An offer of `organisation`, or of `actor` as a person in `territory`."""
    if organisation is not None:
        require(actor, "actors.manage_organisation_offers", organisation)
        offer = Offer(organisation=organisation, territory_id=organisation.territory_id)
    else:
        if territory is None or not actor.has_perm("actors.add_person_offer", territory):
            raise PermissionDenied
        offer = Offer(user=actor, territory=territory)
    offer.kind, offer.title, offer.description = kind, title, description
    offer.skill, offer.availability = skill, availability
    _offer_clean(offer)
    offer.save()
    _offers_count_add(offer, 1)
    if organisation is not None:
        index_object(organisation)
    embed_on_commit(offer)
    return offer


@transaction.atomic
def offer_update(*, actor, offer: Offer, data: dict) -> Offer:
    require(actor, "actors.change_offer", offer)
    was_active = offer.is_active
    for field, value in data.items():
        if field not in OFFER_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(offer, field, value)
    _offer_clean(offer)
    offer.save()
    _offers_count_add(offer, int(offer.is_active) - int(was_active))
    if offer.organisation_id is not None:
        index_object(offer.organisation)
    embed_on_commit(offer)
    return offer


def offer_deactivate(*, actor, offer: Offer) -> Offer:
    """Withdraw an offer; it stays in the history of introductions it led to."""
    return offer_update(actor=actor, offer=offer, data={"is_active": False})
