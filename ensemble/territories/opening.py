"""Opening a territory from a template in one step, and closing it for visitors.

A template lends its setup, never its content: the territories app copies the
template's own themes, neighbourhoods and consultation defaults; higher apps
(the territory's pages…) add what they own through `template_parts`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ensemble.audit.services import record
from ensemble.core.registry import Registry

from .invitations import invitation_send
from .models import Neighbourhood, Territory, TerritoryInvitation, Theme
from .roles import Role
from .services import territory_create

OPEN_PERM = "territories.create_territory"


@dataclass(frozen=True)
class TemplatePart:
    """What a new territory receives from its template; `copy(source=, target=)`."""

    key: str
    label: str
    copy: Callable[..., None]


template_parts: Registry[TemplatePart] = Registry("territory template parts")

# The consultation defaults a territory passes on (what a new consultation starts from).
TEMPLATE_SETTINGS = (
    "charter_template", "answer_within_days", "consultation_blueprint",
    "resource_publisher_roles", "accent_colour",
)  # fmt: skip


def _copy_setup(*, source: Territory, target: Territory) -> None:
    for field in TEMPLATE_SETTINGS:
        setattr(target, field, getattr(source, field))
    target.save(update_fields=[*TEMPLATE_SETTINGS, "updated_at"])
    Theme.objects.bulk_create(
        Theme(territory=target, name=theme.name, slug=theme.slug, position=theme.position)
        for theme in Theme.objects.filter(territory=source).in_use()
    )
    Neighbourhood.objects.bulk_create(
        Neighbourhood(territory=target, name=n.name, slug=n.slug, position=n.position)
        for n in Neighbourhood.objects.filter(territory=source).in_use()
    )


template_parts.register(
    TemplatePart(key="setup", label="themes, neighbourhoods, consultation defaults",
                 copy=_copy_setup)
)  # fmt: skip


def template_list():
    return Territory.objects.filter(is_template=True).order_by("name")


@transaction.atomic
def territory_open(
    *, actor, name: str, slug: str, template: Territory | str, first_admin_email: str,
    country: str = "FR", languages: list[str] | None = None, custom_domain: str | None = None,
    base_url: str = "",
) -> tuple[Territory, TerritoryInvitation]:  # fmt: skip
    """A new territory set up like `template`, its first admin invited by email.

    Network admins only. `template` is a territory marked as a template (or its slug).
    """
    if not actor.has_perm(OPEN_PERM):
        raise PermissionDenied
    if isinstance(template, str):
        template = template_list().filter(slug=template).first()
        if template is None:
            raise ValidationError({"template": _("No template has this address.")})
    elif not template.is_template:
        raise ValidationError({"template": _("This territory is not a template.")})
    territory = territory_create(
        slug=slug, name=name, country=country, languages=languages,
        custom_domain=custom_domain, description="",
    )  # fmt: skip
    for part in template_parts:
        part.copy(source=template, target=territory)
    invitation = invitation_send(
        actor=actor, territory=territory, email=first_admin_email, role=Role.ADMIN,
        base_url=base_url,
    )  # fmt: skip
    record(actor=actor, action="territory.open", territory=territory, target=territory,
           after={"template": template.slug, "first_admin_invitation": invitation.pk})  # fmt: skip
    return territory, invitation


@transaction.atomic
def territory_set_active(
    *, actor, territory: Territory, active: bool, reason: str = ""
) -> Territory:
    """Deactivate (it no longer exists for visitors) or reactivate a territory."""
    if not actor.has_perm(OPEN_PERM):
        raise PermissionDenied
    if territory.is_active == active:
        return territory
    territory.is_active = active
    territory.save(update_fields=["is_active", "updated_at"])
    record(actor=actor, action="territory.reactivate" if active else "territory.deactivate",
           territory=territory, target=territory, reason=reason,
           before={"is_active": not active}, after={"is_active": active})  # fmt: skip
    return territory
