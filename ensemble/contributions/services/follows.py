"""Following a contribution: its answer, its merge and its result reach the person."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F

from ensemble.contributions.models import Contribution, ContributionFollow


@transaction.atomic
def contribution_follow(*, user, contribution: Contribution, check: bool = True) -> bool:
    """Follow (idempotent); True when a follow was created. `check=False` is for the
    services that make someone follow (the author, followers of a merged duplicate)."""
    if check and not user.has_perm("contributions.follow_contribution", contribution):
        raise PermissionDenied
    if ContributionFollow.objects.filter(contribution=contribution, user=user).exists():
        return False
    try:
        with transaction.atomic():
            ContributionFollow.objects.create(contribution=contribution, user=user)
    except IntegrityError:  # followed meanwhile by a concurrent request
        return False
    Contribution.objects.filter(pk=contribution.pk).update(followers_count=F("followers_count") + 1)
    return True


@transaction.atomic
def contribution_unfollow(*, user, contribution: Contribution) -> bool:
    """Stop following (idempotent, refused to nobody); True when a follow was removed."""
    deleted, _rows = ContributionFollow.objects.filter(
        contribution=contribution, user=user
    ).delete()
    if deleted:
        Contribution.objects.filter(pk=contribution.pk).update(
            followers_count=F("followers_count") - 1
        )
    return bool(deleted)
