"""Writes on territories and memberships; each keeps the stored counters true."""

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ensemble.audit.services import record
from ensemble.core.images import ImageRules, image_process

from .models import Membership, Neighbourhood, Territory, Theme
from .roles import Role
from .selectors import network_cache_clear


@transaction.atomic
def territory_create(
    *, slug: str, name: str, country: str = "FR", languages: list[str] | None = None,
    description: str = "", kind: str = "", custom_domain: str | None = None,
    map_latitude=None, map_longitude=None, map_zoom: int = 13,
) -> Territory:  # fmt: skip
    territory = Territory(
        slug=slug, name=name, country=country, languages=languages or ["fr"],
        description=description, kind=kind, custom_domain=custom_domain or None,
        map_latitude=map_latitude, map_longitude=map_longitude, map_zoom=map_zoom,
    )  # fmt: skip
    territory.full_clean()
    territory.save()
    network_cache_clear()
    return territory


@transaction.atomic
def territory_update(*, territory: Territory, actor, data: dict) -> Territory:
    if not actor.has_perm("territories.change_territory", territory):
        raise PermissionDenied
    before, after = {}, {}
    for field, value in data.items():
        if field not in SETTINGS_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        before[field] = _audit_value(getattr(territory, field))
        if field == "logo" and value:
            # Re-encoded like every upload: real image, bounded, no metadata.
            territory.logo.save("logo.webp", _logo(value), save=False)
        else:
            setattr(territory, field, value)
        after[field] = _audit_value(getattr(territory, field))
    territory.full_clean()
    territory.save()
    if data:
        record(actor=actor, action="territory.settings", territory=territory, target=territory,
               before=before, after=after)  # fmt: skip
    return territory


# What the territory's admins change in the console (the address, the domain and
# being a template are the network admins', in the Django admin).
SETTINGS_FIELDS = frozenset({
    "name", "kind", "description", "languages", "map_latitude", "map_longitude", "map_zoom",
    "logo", "accent_colour", "resource_publisher_roles", "charter_template",
    "answer_within_days", "consultation_blueprint",
})  # fmt: skip


def _logo(uploaded):
    rules = ImageRules(
        max_bytes=settings.ENSEMBLE_AVATAR_MAX_BYTES,
        max_pixels=settings.ENSEMBLE_AVATAR_MAX_PIXELS,
        max_side=512,
        keep_transparency=True,
    )
    return image_process(uploaded, field="logo", rules=rules)


def _audit_value(value):
    """A JSON-friendly copy of a field's value for the audit log (a file: its name)."""
    if isinstance(value, File):
        return value.name or ""
    return value


def _lock_territory(territory: Territory) -> None:
    Territory.objects.select_for_update().filter(pk=territory.pk).values_list("pk").first()


@transaction.atomic
def membership_join(*, user, territory: Territory, role: str = Role.MEMBER) -> Membership:
    """Join a territory (idempotent); the first join counts once."""
    _lock_territory(territory)
    membership, created = Membership.objects.get_or_create(
        user=user, territory=territory, defaults={"role": role}
    )
    if created:
        Territory.objects.filter(pk=territory.pk).update(members_count=F("members_count") + 1)
        _count_resident(user.pk, territory, 1)
    user.__dict__.pop("_territory_memberships", None)
    return membership


@transaction.atomic
def membership_leave(*, user, territory: Territory) -> None:
    _lock_territory(territory)
    membership = Membership.objects.filter(user=user, territory=territory).first()
    if membership is None:
        return
    if membership.role == Role.ADMIN and not _other_admin_exists(membership):
        raise ValidationError(
            {"role": _("You are the last administrator of this territory; name another first.")}
        )
    membership.delete()
    Territory.objects.filter(pk=territory.pk).update(members_count=F("members_count") - 1)
    _count_resident(user.pk, territory, -1)
    user.__dict__.pop("_territory_memberships", None)


def _lock_person(user_pk: int):
    """The person's row, locked (the neighbourhood they live in cannot change meanwhile):
    their neighbourhood's id."""
    return (
        get_user_model()
        .objects.select_for_update(no_key=True)
        .filter(pk=user_pk)
        .values_list("neighbourhood_id", flat=True)
        .first()
    )


def _count_resident(user_pk: int, territory: Territory, step: int) -> None:
    """A member living in one of the territory's neighbourhoods counts there too."""
    neighbourhood = _lock_person(user_pk)
    if neighbourhood is not None:
        Neighbourhood.objects.filter(pk=neighbourhood, territory=territory).update(
            members_count=F("members_count") + step
        )


def residence_move(*, user, neighbourhood) -> None:
    """Set where the person lives (`neighbourhood`, or None), and move the counts of the
    neighbourhoods left and joined, among the members of their territories. Rows are
    locked person first, then the neighbourhoods in the order of their ids."""
    before = _lock_person(user.pk)
    after = getattr(neighbourhood, "pk", None)
    user.neighbourhood = neighbourhood
    if before == after:
        return
    for pk, step in sorted(((before, -1), (after, 1)), key=lambda move: move[0] or 0):
        if pk is not None:
            Neighbourhood.objects.filter(pk=pk, territory__memberships__user=user.pk).update(
                members_count=F("members_count") + step
            )


def residents_recount(*, territory_pk: int, models=django_apps) -> None:
    """Count the members living in each neighbourhood of the territory again (a repair)."""
    neighbourhoods = models.get_model("territories", "Neighbourhood").objects
    living = (
        models.get_model("territories", "Membership")
        .objects.filter(territory_id=territory_pk, user__neighbourhood=OuterRef("pk"))
        .order_by()
        .values("territory_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    neighbourhoods.filter(territory_id=territory_pk).update(
        members_count=Coalesce(Subquery(living), Value(0))
    )


def _other_admin_exists(membership: Membership) -> bool:
    return (
        Membership.objects.filter(territory=membership.territory_id, role=Role.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def membership_set_role(*, actor, membership: Membership, role: str) -> Membership:
    if not actor.has_perm("territories.manage_members", membership.territory):
        raise PermissionDenied
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    if membership.role == Role.ADMIN and role != Role.ADMIN and not _other_admin_exists(membership):
        raise ValidationError({"role": _("A territory keeps at least one administrator.")})
    before = membership.role
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role", "updated_at"])
    membership.user.__dict__.pop("_territory_memberships", None)
    record(actor=actor, action="membership.role", territory=membership.territory,
           target=membership, label="", person=membership.user,
           before={"role": before}, after={"role": role})  # fmt: skip
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership, reason: str = "") -> None:
    """An admin removes someone from the territory (never the last administrator)."""
    if not actor.has_perm("territories.manage_members", membership.territory):
        raise PermissionDenied
    territory = membership.territory
    _lock_territory(territory)
    if membership.role == Role.ADMIN and not _other_admin_exists(membership):
        raise ValidationError({"role": _("A territory keeps at least one administrator.")})
    record(actor=actor, action="membership.remove", territory=territory, target=membership,
           label="", person=membership.user, reason=reason,
           before={"role": membership.role})  # fmt: skip
    membership.delete()
    Territory.objects.filter(pk=territory.pk).update(members_count=F("members_count") - 1)
    _count_resident(membership.user_id, territory, -1)
    membership.user.__dict__.pop("_territory_memberships", None)


@transaction.atomic
def neighbourhood_create(*, actor, territory: Territory, name: str, slug: str) -> Neighbourhood:
    if not actor.has_perm("territories.change_territory", territory):
        raise PermissionDenied
    position = territory.neighbourhoods.count()
    neighbourhood = Neighbourhood(territory=territory, name=name, slug=slug, position=position)
    neighbourhood.full_clean()
    neighbourhood.save()
    record(actor=actor, action="neighbourhood.add", territory=territory, target=neighbourhood)
    return neighbourhood


@transaction.atomic
def theme_create(*, actor, territory: Territory | None, name: str, slug: str) -> Theme:
    """A theme for one territory (its admins) or for the whole network (network admins)."""
    perm = "territories.change_territory" if territory else "territories.create_territory"
    if not actor.has_perm(perm, territory):
        raise PermissionDenied
    position = Theme.objects.filter(territory=territory).count()
    theme = Theme(territory=territory, name=name, slug=slug, position=position)
    theme.full_clean()
    if territory and Theme.objects.filter(territory__isnull=True, slug=slug).exists():
        raise ValidationError({"slug": _("The network already has a theme with this address.")})
    theme.save()
    record(actor=actor, action="theme.add", territory=territory, target=theme)
    return theme


# Rename, move or retire: what the console changes on a theme or a neighbourhood.
VOCABULARY_FIELDS = ("name", "position", "is_retired")


@transaction.atomic
def vocabulary_change(*, actor, item: Theme | Neighbourhood, data: dict) -> Theme | Neighbourhood:
    """Rename, move or retire (or bring back) a theme or a neighbourhood.

    A retired one leaves the forms and the filters; the content that has it keeps it.
    A territory's admins change the territory's own; the network's themes are the
    network admins'.
    """
    territory = item.territory
    perm = "territories.change_territory" if territory else "territories.create_territory"
    if not actor.has_perm(perm, territory):
        raise PermissionDenied
    before, after = {}, {}
    for field, value in data.items():
        if field not in VOCABULARY_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        before[field], after[field] = getattr(item, field), value
        setattr(item, field, value)
    item.full_clean()
    item.save()
    kind = "theme" if isinstance(item, Theme) else "neighbourhood"
    record(actor=actor, action=f"{kind}.change", territory=territory, target=item,
           before=before, after=after)  # fmt: skip
    return item
