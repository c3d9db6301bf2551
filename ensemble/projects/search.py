"""How projects are found by the search (registered from `registrations.py`)."""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from ensemble.search.documents import (
    SUMMARY_LENGTH,
    Document,
    SearchProvider,
    join_text,
    reverse_or_empty,
)

from .models import Need, Project


class ProjectProvider(SearchProvider):
    """Published projects, with the text of their open needs."""

    kind = "project"
    label = _("Project")
    model = Project
    position = 10

    def queryset(self) -> QuerySet[Project]:
        return (
            Project.objects.published()
            .select_related("neighbourhood")
            .prefetch_related(
                "themes",
                Prefetch("needs", queryset=Need.objects.open()),
            )
            .order_by("pk")
        )

    def document(self, project: Project) -> Document | None:
        if project.status != Project.Status.PUBLISHED:
            return None
        needs = [
            join_text(need.title, need.skill)
            for need in project.needs.all()
            if need.status == Need.Status.OPEN
        ]
        return Document(
            kind=self.kind,
            object_id=project.pk,
            territory_id=project.territory_id,
            title=project.title,
            summary=project.summary[:SUMMARY_LENGTH],
            body=join_text(
                project.description,
                project.address,
                project.neighbourhood.name if project.neighbourhood else "",
                *(theme.name for theme in project.themes.all()),
                *needs,
            ),
        )

    def url(self, entry) -> str:
        return reverse_or_empty(
            "projects:detail", territory_slug=entry.territory.slug, pk=entry.object_id
        )
