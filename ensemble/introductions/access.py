"""Access to introductions: the only way views and the API reach one.

An introduction exists only for the people it concerns (who asked, who must
answer, the need's team): anyone else gets Http404. With `perm`, one of them who
may not do that (answer a request they made…) gets PermissionDenied. `territory`,
when given, keeps the introductions about needs of that territory's projects.
"""

from django.db.models import QuerySet

from ensemble.core.access import get_visible

from .models import Introduction

VIEW_INTRODUCTION = "introductions.view_introduction"


def with_relations(introductions: QuerySet[Introduction]) -> QuerySet[Introduction]:
    """What a page or the API shows of an introduction, loaded in the same query."""
    return introductions.select_related(
        "need__project__territory", "requested_by", "to_user", "to_organisation",
        "from_organisation", "conversation",
    )  # fmt: skip


def introduction_get_visible(*, user, pk, territory=None, perm: str | None = None) -> Introduction:
    introductions = with_relations(Introduction.objects.all())
    if territory is not None:
        introductions = introductions.filter(need__project__territory=territory)
    return get_visible(introductions, user=user, pk=pk, view_perm=VIEW_INTRODUCTION, perm=perm)
