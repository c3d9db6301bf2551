"""Where a person stands towards a practice; each predicate takes (user, practice)."""

import rules

from ensemble.practices.models import Practice


def _practice(obj) -> Practice | None:
    return obj if isinstance(obj, Practice) else None


@rules.predicate
def is_published(user, practice) -> bool:
    practice = _practice(practice)
    return practice is not None and practice.status == Practice.Status.PUBLISHED


@rules.predicate
def is_draft(user, practice) -> bool:
    practice = _practice(practice)
    return practice is not None and practice.status == Practice.Status.DRAFT


@rules.predicate
def is_author(user, practice) -> bool:
    """One of its authors (memoised on the practice: a page asks several times)."""
    practice = _practice(practice)
    if practice is None or practice.pk is None or not getattr(user, "is_authenticated", False):
        return False
    if "_author_ids" not in practice.__dict__:
        practice.__dict__["_author_ids"] = {a.pk for a in practice.authors.all()}
    return user.pk in practice.__dict__["_author_ids"]
