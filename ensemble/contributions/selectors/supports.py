"""Reads on supports: which contributions a person supports, how many supports they have left."""

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ensemble.consultations.models import Consultation
from ensemble.consultations.phases import Feature
from ensemble.consultations.predicates import has_verified_email, is_member_of_territory
from ensemble.contributions.models import Contribution, Support


def supported_ids(*, user, contribution_ids: Iterable[int]) -> set[int]:
    """The ids among `contribution_ids` that `user` supports (one query; empty for anonymous)."""
    contribution_ids = list(contribution_ids)
    if not getattr(user, "is_authenticated", False) or not contribution_ids:
        return set()
    return set(
        Support.objects.filter(user=user, contribution_id__in=contribution_ids).values_list(
            "contribution_id", flat=True
        )
    )


def counted_supports(*, user, consultation: Consultation):
    """The supports that count towards the per-person limit.

    Supports left on a hidden or merged contribution stay (they are never moved
    silently) but no longer count: their owner can support the merged one.
    """
    return Support.objects.filter(
        consultation=consultation,
        user=user,
        contribution__is_hidden=False,
        contribution__merged_into__isnull=True,
    )


def supports_used(*, user, consultation: Consultation) -> int:
    """How many open contributions of the consultation `user` supports (one query)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return counted_supports(user=user, consultation=consultation).count()


def supports_remaining(*, user, consultation: Consultation) -> int | None:
    """How many more contributions `user` may support; None when there is no limit.

    Anonymous visitors get None too: they cannot support, the partial tells them why.
    No query when the consultation has no limit.
    """
    limit = consultation.supports_per_person
    if limit is None or not getattr(user, "is_authenticated", False):
        return None
    return max(0, limit - supports_used(user=user, consultation=consultation))


class SupportBlock(enum.StrEnum):
    """Why a person cannot support (or withdraw) now; the partial explains each one."""

    LOGIN = "login"
    VERIFY = "verify"  # the email address is not verified
    JOIN = "join"  # not a member of the territory
    HIDDEN = "hidden"
    MERGED = "merged"
    CLOSED = "closed"  # the active phase does not allow supporting
    LIMIT = "limit"  # every support of the person is used
    FORBIDDEN = "forbidden"


@dataclass(frozen=True)
class SupportStatus:
    supported: bool
    count: int
    limit: int | None
    remaining: int | None
    block: SupportBlock | None  # None: the button works

    @property
    def can_act(self) -> bool:
        return self.block is None


def support_status(
    *, user, contribution: Contribution, supported: bool, remaining: int | None = None,
    allows: bool | None = None,
) -> SupportStatus:  # fmt: skip
    """What the support button of `contribution` shows to `user`.

    `remaining` and `allows` (the phase allows supporting) may be given by a
    caller that computed them once for a whole list; otherwise they are read.
    """
    consultation = contribution.consultation
    limit = consultation.supports_per_person
    if remaining is None and limit is not None:
        remaining = supports_remaining(user=user, consultation=consultation)
    if allows is None:
        allows = consultation.allows(Feature.SUPPORT)
    block = _block(user, contribution, supported=supported, remaining=remaining, allows=allows)
    return SupportStatus(
        supported=supported,
        count=contribution.supports_count,
        limit=limit,
        remaining=remaining,
        block=block,
    )


def _block(user, contribution, *, supported, remaining, allows) -> SupportBlock | None:
    if not getattr(user, "is_authenticated", False):
        return SupportBlock.LOGIN
    if contribution.is_hidden:
        return SupportBlock.HIDDEN
    if contribution.merged_into_id is not None:
        return SupportBlock.MERGED
    if not has_verified_email(user):
        return SupportBlock.VERIFY
    if not is_member_of_territory(user, contribution):
        return SupportBlock.JOIN
    if not allows:
        return SupportBlock.CLOSED
    if not user.has_perm("contributions.support_contribution", contribution):
        return SupportBlock.FORBIDDEN
    if not supported and remaining is not None and remaining <= 0:
        return SupportBlock.LIMIT
    return None
