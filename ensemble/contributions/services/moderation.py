"""Moderation of contributions: hide with a public reason, merge duplicates.

A hidden or merged contribution stays in the database and at its address (a
placeholder with the public reason, or "merged into …"), leaves the
consultation's counters and the search; a hidden one's answers leave the public
decision journal (`Answer.is_public`, set under the contribution's row lock by the
answers app, a `hooks.moderation_followers` entry).
Merging keeps people: the duplicate's
authors become co-authors of the contribution it is merged into and its
followers follow that one. Supports are never moved silently: they stay on
the duplicate, and its supporters and followers are invited to support the
contribution it was merged into.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ensemble.audit.services import record
from ensemble.consultations.models import Consultation
from ensemble.contributions.hooks import moderation_followers
from ensemble.contributions.models import Contribution, ContributionFollow
from ensemble.contributions.tasks import contribution_merged_notify
from ensemble.core.exceptions import Conflict
from ensemble.search.indexing import index_object, unindex_object

MODERATE_PERM = "contributions.moderate_contribution"
REASON_MAX_LENGTH = Contribution._meta.get_field("hidden_reason").max_length


def _clean_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Give the public reason for this decision.")]})
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": [_("At most %(max)d characters.") % {"max": REASON_MAX_LENGTH}]}
        )
    return reason


def _locked(*contributions: Contribution) -> dict[int, Contribution]:
    """Fresh rows, locked in the order of their ids (no deadlock between two merges)."""
    pks = sorted({contribution.pk for contribution in contributions})
    rows = Contribution.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    return {row.pk: row for row in rows}


def _leave_counters(contribution: Contribution) -> None:
    """The consultation no longer counts an open contribution (before it is hidden/merged)."""
    Consultation.objects.filter(pk=contribution.consultation_id).update(
        contributions_count=F("contributions_count") - 1,
        answered_count=F("answered_count") - (1 if contribution.answer_state else 0),
    )


def _is_open(contribution: Contribution) -> bool:
    return not contribution.is_hidden and contribution.merged_into_id is None


@transaction.atomic
def contribution_hide(
    *, actor, contribution: Contribution | None = None, reason: str, target=None
) -> Contribution:
    """Hide a contribution with a public reason (the territory's moderators and agents).

    `target` is the name the moderation queue uses when a report is upheld.
    Hiding twice changes nothing.
    """
    contribution = contribution or target
    if not actor.has_perm(MODERATE_PERM, contribution):
        raise PermissionDenied
    reason = _clean_reason(reason)
    row = _locked(contribution)[contribution.pk]
    if row.is_hidden:
        return row
    if _is_open(row):
        _leave_counters(row)
    Contribution.objects.filter(pk=row.pk).update(is_hidden=True, hidden_reason=reason)
    for follower in moderation_followers:
        follower.hidden(row.pk)
    contribution.is_hidden, contribution.hidden_reason = True, reason
    unindex_object(contribution)
    record(
        actor=actor, action="contribution.hide", territory=row.territory, target=row, reason=reason
    )
    return contribution


@transaction.atomic
def contribution_unhide(*, actor, contribution: Contribution) -> Contribution:
    """Show a hidden contribution again (a moderation mistake).

    It comes back in the consultation's counters (unless it is merged: a merged
    one was not counted when it was hidden) and in the search, as the locked row
    says. Unhiding one that is not hidden changes nothing.
    """
    if not actor.has_perm(MODERATE_PERM, contribution):
        raise PermissionDenied
    row = _locked(contribution)[contribution.pk]
    if not row.is_hidden:
        return contribution
    Contribution.objects.filter(pk=row.pk).update(is_hidden=False, hidden_reason="")
    for follower in moderation_followers:
        follower.shown(row.pk)
    if row.merged_into_id is None:
        Consultation.objects.filter(pk=row.consultation_id).update(
            contributions_count=F("contributions_count") + 1,
            answered_count=F("answered_count") + (1 if row.answer_state else 0),
        )
    row.is_hidden, row.hidden_reason = False, ""
    contribution.is_hidden, contribution.hidden_reason = False, ""
    record(actor=actor, action="contribution.unhide", territory=row.territory, target=row)
    # The fresh row, not the caller's copy: a merge since it was read leaves it unsearchable.
    index_object(row)
    return contribution


def _check_merge(source: Contribution, target: Contribution) -> None:
    if source.pk == target.pk:
        raise ValidationError({"target": _("A contribution cannot be merged into itself.")})
    if source.consultation_id != target.consultation_id:
        raise ValidationError({"target": _("Choose a contribution of the same consultation.")})
    if target.merged_into_id is not None or target.is_hidden:
        raise ValidationError(
            {"target": _("This contribution is itself merged or hidden: choose an open one.")}
        )
    if source.merged_into_id is not None:
        raise Conflict(_("This contribution is already merged into another one."))
    if source.is_hidden:
        raise Conflict(_("A hidden contribution cannot be merged."))


def _move_people(source: Contribution, target: Contribution) -> None:
    """Authors become co-authors of the target; followers follow it too (counter kept)."""
    authors = {source.author_id, *source.coauthors.values_list("pk", flat=True)}
    authors -= {None, target.author_id}
    authors -= set(target.coauthors.values_list("pk", flat=True))
    if authors:
        target.coauthors.add(*authors)
    already = ContributionFollow.objects.filter(contribution=target).values("user_id")
    newcomers = list(
        ContributionFollow.objects.filter(contribution=source)
        .exclude(user_id__in=already)
        .values_list("user_id", flat=True)
    )
    if newcomers:
        ContributionFollow.objects.bulk_create(
            [ContributionFollow(contribution=target, user_id=pk) for pk in newcomers],
            ignore_conflicts=True,
        )
        # ignore_conflicts does not say what it skipped (a concurrent follow): count the rows.
        Contribution.objects.filter(pk=target.pk).update(
            followers_count=ContributionFollow.objects.filter(contribution=target).count()
        )


@transaction.atomic
def contribution_merge(
    *, actor, source: Contribution, target: Contribution, reason: str
) -> Contribution:
    """Merge the duplicate `source` into `target`; returns the source, now merged."""
    if not (actor.has_perm(MODERATE_PERM, source) and actor.has_perm(MODERATE_PERM, target)):
        raise PermissionDenied
    reason = _clean_reason(reason)
    rows = _locked(source, target)
    locked_source, locked_target = rows[source.pk], rows.get(target.pk)
    _check_merge(locked_source, locked_target)
    _leave_counters(locked_source)
    Contribution.objects.filter(pk=source.pk).update(merged_into=target, hidden_reason=reason)
    source.merged_into, source.hidden_reason = target, reason
    _move_people(locked_source, locked_target)
    record(
        actor=actor,
        action="contribution.merge",
        territory=source.territory,
        target=source,
        reason=reason,
        after={"merged_into": target.pk},
    )
    unindex_object(source)
    index_object(target)
    source_id, actor_id = source.pk, actor.pk
    transaction.on_commit(
        lambda: contribution_merged_notify.enqueue(source_id=source_id, actor_id=actor_id)
    )
    return source
