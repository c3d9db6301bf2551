"""Writes of the practice library: a sheet, its publication, bookmarks.

Agents and admins of the territory where the practice runs write it; its
authors change it. Drafts are published once and never go back to draft.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.validation import full_clean
from ensemble.practices.models import Bookmark, Practice
from ensemble.search.indexing import index_object

FIELDS = frozenset({
    "title", "summary", "problem", "solution", "results", "cost", "cost_range",
    "territory_size", "partners", "contact", "replicable", "replication_notes",
})  # fmt: skip


def _check_links(actor, practice: Practice, *, themes, projects, contribution, replicated_from):
    themes, projects = list(themes), list(projects)
    if any(theme.territory_id not in (None, practice.territory_id) for theme in themes):
        raise ValidationError({"themes": _("Unknown theme in this territory.")})
    for project in projects:
        if project.territory_id != practice.territory_id or not actor.has_perm(
            "projects.view_project", project
        ):
            raise ValidationError({"projects": _("Unknown project in this territory.")})
    if contribution is not None and (
        contribution.territory_id != practice.territory_id
        or not actor.has_perm("contributions.view_contribution", contribution)
    ):
        raise ValidationError({"contribution": _("Unknown contribution in this territory.")})
    if replicated_from is not None and (
        replicated_from.status != Practice.Status.PUBLISHED or replicated_from.pk == practice.pk
    ):
        raise ValidationError({"replicated_from": _("Unknown published practice.")})
    return themes, projects


@transaction.atomic
def practice_create(
    *, actor, territory, title: str, problem: str, solution: str, themes: Iterable = (),
    projects: Iterable = (), contribution=None, replicated_from=None, publish: bool = False,
    **data,
) -> Practice:  # fmt: skip
    """A practice sheet of `territory` (its agents and admins), a draft unless `publish`."""
    require(actor, "practices.add_practice", territory)
    unknown = set(data) - FIELDS
    if unknown:
        raise ValidationError({field: _("Unknown field.") for field in unknown})
    practice = Practice(
        territory=territory, title=title, problem=problem, solution=solution,
        contribution=contribution, replicated_from=replicated_from, **data,
    )  # fmt: skip
    if publish:
        practice.status, practice.published_at = Practice.Status.PUBLISHED, timezone.now()
    full_clean(practice)
    themes, projects = _check_links(
        actor, practice, themes=themes, projects=projects, contribution=contribution,
        replicated_from=replicated_from,
    )  # fmt: skip
    practice.save()
    practice.authors.add(actor)
    practice.themes.set(themes)
    practice.projects.set(projects)
    index_object(practice)
    return practice


@transaction.atomic
def practice_update(*, actor, practice: Practice, data: dict) -> Practice:
    """Change the fields of `data` (its authors)."""
    require(actor, "practices.change_practice", practice)
    links = {name: data.pop(name) for name in ("themes", "projects") if name in data}
    for name in ("contribution", "replicated_from"):
        if name in data:
            setattr(practice, name, data.pop(name))
    for field, value in data.items():
        if field not in FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(practice, field, value)
    full_clean(practice)
    themes, projects = _check_links(
        actor, practice,
        themes=links.get("themes", practice.themes.all()),
        projects=links.get("projects", practice.projects.all()),
        contribution=practice.contribution, replicated_from=practice.replicated_from,
    )  # fmt: skip
    practice.save()
    if "themes" in links:
        practice.themes.set(themes)
    if "projects" in links:
        practice.projects.set(projects)
    index_object(practice)
    return practice


@transaction.atomic
def practice_set_status(*, actor, practice: Practice, status: str) -> Practice:
    """Publish a draft for the whole network; a published practice never becomes a draft."""
    require(actor, "practices.change_practice", practice)
    if status == practice.status:
        return practice
    if status != Practice.Status.PUBLISHED:
        raise Conflict(_("A published practice cannot become a draft again."), code="published")
    practice.status, practice.published_at = status, timezone.now()
    practice.save(update_fields=["status", "published_at", "updated_at"])
    index_object(practice)
    return practice


@transaction.atomic
def bookmark_add(*, user, practice: Practice) -> Bookmark:
    """Bookmark a published practice (idempotent)."""
    require(user, "practices.bookmark_practice", practice)
    existing = Bookmark.objects.filter(user=user, practice=practice).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            bookmark = Bookmark.objects.create(user=user, practice=practice)
    except IntegrityError:  # the same person, twice at once
        return Bookmark.objects.get(user=user, practice=practice)
    Practice.objects.filter(pk=practice.pk).update(bookmarks_count=F("bookmarks_count") + 1)
    return bookmark


@transaction.atomic
def bookmark_remove(*, user, practice: Practice) -> None:
    deleted, _by_model = Bookmark.objects.filter(user=user, practice=practice).delete()
    if deleted:
        Practice.objects.filter(pk=practice.pk).update(bookmarks_count=F("bookmarks_count") - 1)
