"""Territory roles, defined once.

Each role names the powers it grants; predicates ask for a power, never for a
list of role names, so a new role is one entry here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    AGENT = "agent", _("Public agent")
    MODERATOR = "moderator", _("Moderator")
    ADMIN = "admin", _("Administrator")


# power -> roles that hold it
POWERS: dict[str, frozenset[str]] = {
    "member": frozenset({Role.MEMBER, Role.AGENT, Role.MODERATOR, Role.ADMIN}),
    "agent": frozenset({Role.AGENT, Role.ADMIN}),
    "moderate": frozenset({Role.MODERATOR, Role.ADMIN}),
    "administer": frozenset({Role.ADMIN}),
}


def role_grants(role: str | None, power: str) -> bool:
    return role is not None and role in POWERS[power]
