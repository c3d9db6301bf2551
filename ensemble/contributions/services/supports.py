"""Writes on supports: one per person and contribution, an optional limit per consultation.

Counters (`Contribution.supports_count`, `Consultation.supports_count`) always
equal the rows, even under concurrent requests. Each write runs in one
transaction that first locks the person's row (`select_for_update`): the
requests of one person are serialised, so the "already supported?" check and
the per-person limit see every support that person committed before, and the
unique constraint stays a last guard. Different people do not wait for each
other on that lock; the counters are updated with F() in the database.
Locks are always taken in the same order (person, contribution, participant,
consultation), so there is no deadlock. On SQLite, IMMEDIATE transactions
serialise writers. A first support makes the person a participant of the
consultation (`participants.participant_add`); withdrawing it does not undo that.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.consultations.models import Consultation
from ensemble.consultations.phases import Feature
from ensemble.consultations.services.participants import participant_add
from ensemble.contributions.models import Contribution, Support
from ensemble.contributions.selectors.supports import counted_supports
from ensemble.core.exceptions import Conflict

SUPPORT_PERM = "contributions.support_contribution"


def _check(user, contribution: Contribution) -> None:
    if not user.has_perm(SUPPORT_PERM, contribution):
        raise PermissionDenied(_("You may not support this contribution."))
    if not contribution.consultation.allows(Feature.SUPPORT):
        raise Conflict(_("The current phase of the consultation does not allow supporting."))


def _lock_person(user) -> None:
    """Serialise the support writes of one person (no-op on SQLite, whose writers queue).

    `FOR NO KEY UPDATE`, not `FOR UPDATE`: the foreign keys to the person (a
    comment's author, a participant), checked at commit with `FOR KEY SHARE`,
    do not wait for it. With `FOR UPDATE`, a person commenting on a
    contribution while supporting it deadlocked: the comment held the
    contribution's row and waited at commit for the person's row, the support
    held the person's row and waited for the contribution's.
    """
    list(
        get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk")
    )


def _count(contribution: Contribution, delta: int, *, user=None) -> None:
    """Move the counters; with `user` (a new support), count them among the participants,
    between the contribution's row and the consultation's (the lock order)."""
    Contribution.objects.filter(pk=contribution.pk).update(
        supports_count=F("supports_count") + delta
    )
    if user is not None:
        participant_add(consultation=contribution.consultation_id, user=user)
    Consultation.objects.filter(pk=contribution.consultation_id).update(
        supports_count=F("supports_count") + delta
    )


def support_add(*, user, contribution: Contribution) -> Support:
    """Support a contribution; idempotent: supporting twice returns the existing support.

    PermissionDenied when the person may not take part; Conflict (409) when the
    phase does not allow supporting or the person has used all their supports.
    """
    return support_ensure(user=user, contribution=contribution)[0]


def support_ensure(*, user, contribution: Contribution) -> tuple[Support, bool]:
    """`support_add` that also tells whether the support was created now (True) or existed."""
    _check(user, contribution)
    consultation = contribution.consultation
    with transaction.atomic():
        _lock_person(user)
        existing = Support.objects.filter(contribution=contribution, user=user).first()
        if existing is not None:
            return existing, False
        limit = consultation.supports_per_person
        if limit is not None:
            used = counted_supports(user=user, consultation=consultation).count()
            if used >= limit:
                raise Conflict(
                    ngettext(
                        "You have already used your %(count)d support in this consultation; "
                        "withdraw it to support another contribution.",
                        "You have already used your %(count)d supports in this consultation; "
                        "withdraw one to support another contribution.",
                        limit,
                    )
                    % {"count": limit},
                    code="support_limit",
                )
        try:
            with transaction.atomic():  # a savepoint: the unique constraint is the last guard
                support = Support.objects.create(
                    contribution=contribution, consultation=consultation, user=user
                )
        except IntegrityError:
            return Support.objects.get(contribution=contribution, user=user), False
        _count(contribution, +1, user=user)
    contribution.refresh_from_db(fields=["supports_count"])
    return support, True


def support_remove(*, user, contribution: Contribution) -> bool:
    """Withdraw one's support while the phase allows supporting; False if there was none."""
    _check(user, contribution)
    with transaction.atomic():
        _lock_person(user)
        deleted, _rows = Support.objects.filter(contribution=contribution, user=user).delete()
        if deleted:
            _count(contribution, -1)
    if deleted:
        contribution.refresh_from_db(fields=["supports_count"])
    return bool(deleted)
