"""Reads of results: the tree of a consultation's results, one result with its timeline.

The consultation comes from `access.consultation_get_visible`: these selectors
do not check visibility again. Each list runs a number of queries that depends
on the depth of the tree (a few levels), never on the number of results.
"""

from django.db.models import Prefetch, QuerySet

from ensemble.consultations.models import Consultation
from ensemble.contributions.models import ACCEPTED_STATES, Contribution
from ensemble.projects.models import Project
from ensemble.results.models import Result, ResultUpdate


def result_list(*, consultation: Consultation, status: str | None = None) -> QuerySet[Result]:
    """The top-level results of the consultation, in order; `status` filters them."""
    results = Result.objects.filter(consultation=consultation, parent=None)
    if status:
        results = results.filter(status=status)
    return results.order_by("position", "pk")


def result_tree(results, *, consultation: Consultation) -> list[Result]:
    """`results` with their descendants attached as `.tree_children`, one query per level."""
    results = list(results)
    level = results
    while level:
        by_parent: dict[int, list[Result]] = {result.pk: [] for result in level}
        for result in level:
            result.tree_children = by_parent[result.pk]
            result.consultation = consultation
            result.territory = consultation.territory  # for get_absolute_url
        parents = [result.pk for result in level if result.children_count]
        if not parents:
            break
        level = list(Result.objects.filter(parent_id__in=parents).order_by("position", "pk"))
        for child in level:
            by_parent[child.parent_id].append(child)
    return results


def result_api_list(*, consultation: Consultation, status: str | None = None) -> QuerySet[Result]:
    """Every result of the consultation (any level) with what the API shows of each."""
    results = (
        Result.objects.filter(consultation=consultation).select_related("territory")
    ).prefetch_related(
        Prefetch(
            "children", queryset=Result.objects.order_by("position", "pk").only("pk", "parent")
        ),
        Prefetch(
            "contributions",
            queryset=Contribution.objects.only("pk", "title", "consultation", "is_hidden"),
        ),
        Prefetch("projects", queryset=Project.objects.only("pk", "title", "status")),
    )
    if status:
        results = results.filter(status=status)
    return results.order_by("parent_id", "position", "pk")


def result_get(*, consultation: Consultation, pk: int, full: bool = False) -> Result | None:
    """A result of this consultation, or None; `full` adds children, links and timeline."""
    results = Result.objects.filter(consultation=consultation, pk=pk).select_related(
        "territory", "parent__territory"
    )
    if full:
        results = results.prefetch_related(
            Prefetch(
                "children",
                queryset=Result.objects.select_related("territory").order_by("position", "pk"),
            ),
            Prefetch(
                "contributions",
                queryset=Contribution.objects.select_related("territory").order_by("pk"),
            ),
            Prefetch(
                "projects",
                queryset=Project.objects.select_related("territory").order_by("title", "pk"),
            ),
            Prefetch(
                "updates",
                queryset=ResultUpdate.objects.select_related("author").order_by(
                    "-created_at", "-pk"
                ),
            ),
        )
    result = results.first()
    if result is not None:
        result.consultation = consultation
    return result


def result_parent_choices(*, consultation: Consultation, exclude: Result | None = None):
    """Results that may hold another one (any result of the consultation but `exclude`)."""
    results = Result.objects.filter(consultation=consultation).order_by("parent_id", "position")
    if exclude is not None:
        results = results.exclude(pk=exclude.pk)
    return results.only("pk", "title", "parent_id")


def result_contribution_choices(*, consultation: Consultation) -> QuerySet[Contribution]:
    """The accepted or partially accepted contributions of the consultation."""
    return (
        Contribution.objects.filter(consultation=consultation, answer_state__in=ACCEPTED_STATES)
        .order_by("title", "pk")
        .only("pk", "title", "consultation_id", "answer_state")
    )


def result_project_choices(*, consultation: Consultation) -> QuerySet[Project]:
    """The published projects of the consultation's territory."""
    return (
        Project.objects.filter(
            territory_id=consultation.territory_id, status=Project.Status.PUBLISHED
        )
        .order_by("title", "pk")
        .only("pk", "title", "territory_id", "status")
    )
