"""Reads of contributions: the list of a consultation, a contribution's page, similar ones.

Lists run a fixed number of queries whatever their length: counters are
stored, relations are joined or prefetched. Each sort of the list of open
contributions follows its own partial index (`Contribution.Meta.indexes`), and
the unfiltered list is not counted: `contributions_count` is its length.
"""

from typing import NamedTuple

from django.db.models import Prefetch, QuerySet
from django.utils.functional import cached_property

from ensemble.accounts.display import names_audience, visible_name
from ensemble.accounts.models import User
from ensemble.consultations.models import Consultation
from ensemble.contributions.hooks import page_parts, similar_finders
from ensemble.contributions.models import AnswerState, Contribution, ContributionFollow
from ensemble.contributions.selectors.indicators import overdue_q
from ensemble.core.pagination import with_known_count
from ensemble.projects.models import Project
from ensemble.search import selectors as search_selectors
from ensemble.search.models import SearchEntry
from ensemble.territories.models import Theme

# Each served by a partial index on the open contributions (models.Contribution).
SORTS = {
    "supports": ("-supports_count", "-id"),
    "newest": ("-created_at", "-id"),
    "comments": ("-comments_count", "-id"),
    # Unanswered first, then by state; the oldest first within each (who waits longest).
    "answer": ("answer_state", "created_at", "id"),
}
DEFAULT_SORT = "supports"
UNANSWERED, OVERDUE = "unanswered", "overdue"
# Who may moderate a contribution may also read what moderation hid, and list it.
MODERATE_PERM = "contributions.moderate_contribution"
ANSWER_FILTERS = [UNANSWERED, OVERDUE, *AnswerState.values]
SIMILAR_LIMIT = 5


def _themes_prefetch() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def open_contributions(consultation: Consultation) -> QuerySet[Contribution]:
    """Neither hidden nor merged: what the consultation counts and lists."""
    return Contribution.objects.open().filter(consultation=consultation)


def hidden_contributions(consultation: Consultation) -> QuerySet[Contribution]:
    """Hidden by moderation (merged or not): what only moderators and agents may list."""
    return Contribution.objects.filter(consultation=consultation, is_hidden=True)


def may_read_hidden(*, user, consultation: Consultation | int) -> bool:
    """Whether `user` may read and list the hidden contributions of the consultation.

    Memoised on the user for the request, by consultation: serialising a list of
    hidden contributions asks once (two queries at most), whatever its length.
    """
    if not getattr(user, "is_authenticated", False):
        return False
    pk = consultation if isinstance(consultation, int) else consultation.pk
    memo = user.__dict__.setdefault("_reads_hidden_contributions", {})
    if pk not in memo:
        if isinstance(consultation, int):
            consultation = (
                Consultation.objects.select_related("territory").filter(pk=consultation).first()
            )
        memo[pk] = consultation is not None and user.has_perm(MODERATE_PERM, consultation)
    return memo[pk]


def contribution_list(
    *, consultation: Consultation, filters: dict | None = None, sort: str = DEFAULT_SORT
) -> QuerySet[Contribution]:
    """Open contributions of the consultation. Filters (all optional): kind, theme (slug),
    neighbourhood (slug), answer ("unanswered", "overdue" or an answer state), and
    hidden (True: the hidden ones instead; the caller checks `may_read_hidden`)."""
    filters = filters or {}
    if filters.get("hidden"):
        contributions = hidden_contributions(consultation)
    else:
        contributions = open_contributions(consultation)
    if kind := filters.get("kind"):
        contributions = contributions.filter(kind=kind)
    if theme := filters.get("theme"):
        contributions = contributions.filter(themes__slug=theme)
    if neighbourhood := filters.get("neighbourhood"):
        contributions = contributions.filter(neighbourhood__slug=neighbourhood)
    answer = filters.get("answer")
    if answer == UNANSWERED:
        contributions = contributions.filter(answer_state="")
    elif answer == OVERDUE:
        contributions = contributions.filter(overdue_q(consultation))
    elif answer in AnswerState.values:
        contributions = contributions.filter(answer_state=answer)
    contributions = (
        contributions.select_related("territory", "neighbourhood", "answer", "workshop")
        .prefetch_related(_themes_prefetch())
        .order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))
    )
    if not any(filters.values()):
        # Every open contribution: the stored counter is the paginators' count (no COUNT(*)).
        contributions = with_known_count(contributions, consultation.contributions_count)
    return contributions


def attach_consultation(contributions, consultation: Consultation) -> list[Contribution]:
    """Give each contribution the consultation already in hand (with its prefetched phases),
    so that `contribution.consultation.allows(…)` and the rules cost no query."""
    contributions = list(contributions)
    for contribution in contributions:
        contribution.consultation = consultation
    return contributions


def is_following(*, user, contribution: Contribution) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return ContributionFollow.objects.filter(contribution=contribution, user=user).exists()


class Author(NamedTuple):
    """An author as the viewer may see them: `name` is "" for a resident who stays anonymous
    (the page links `person` to their profile with `{% person_link %}` when it may be seen)."""

    person: User
    name: str


class PageParts(dict):
    """What the apps above contributions add to its page (`hooks.page_parts`: its answers,
    the results it feeds), each computed when the page first reads it; [] when no app
    registered the part."""

    def __init__(self, contribution: Contribution):
        super().__init__()
        self.contribution = contribution

    def __missing__(self, key: str) -> list:
        part = page_parts.find(key)
        self[key] = value = part.compute(self.contribution) if part is not None else []
        return value


class ContributionPage:
    """What a contribution's page shows besides the contribution itself, each part read
    only when the page renders it: the parts every viewer of an audience shares sit in
    `{% fragment %}`s of the page, which run none of their queries when they are kept."""

    def __init__(self, *, viewer, contribution: Contribution):
        self.viewer, self.contribution = viewer, contribution
        self.parts = PageParts(contribution)  # answers, results

    @cached_property
    def names_audience(self) -> str:
        """Who sees the same authors' names (the key of the part that names them)."""
        return names_audience(self.viewer, self.contribution.territory)

    @cached_property
    def authors(self) -> list[Author]:
        contribution = self.contribution
        # Two indexed reads: one query with an OR across the coauthors' join reads every user.
        people = [contribution.author, *contribution.coauthors.order_by("pk")]
        return [
            Author(person, visible_name(person, self.viewer, territory=contribution.territory))
            for person in people
            if person is not None
        ]

    @cached_property
    def themes(self) -> list[Theme]:
        return list(self.contribution.themes.all())

    @cached_property
    def merged_from(self) -> list[Contribution]:
        return list(
            self.contribution.merged_from.filter(is_hidden=False)
            .order_by("pk")
            .only("pk", "title", "consultation_id", "territory_id")
        )

    @cached_property
    def projects(self) -> list[Project]:
        return list(
            Project.objects.filter(
                origin_contribution=self.contribution, status=Project.Status.PUBLISHED
            ).select_related("territory")
        )

    @cached_property
    def is_following(self) -> bool:
        return is_following(user=self.viewer, contribution=self.contribution)


def contribution_page(*, viewer, contribution: Contribution) -> ContributionPage:
    """Everything around a contribution, each part in a fixed number of queries."""
    return ContributionPage(viewer=viewer, contribution=contribution)


def merge_targets(*, contribution: Contribution) -> QuerySet[Contribution]:
    """The contributions a duplicate can be merged into: open ones of its consultation."""
    return (
        open_contributions(contribution.consultation)
        .exclude(pk=contribution.pk)
        .order_by("title", "pk")
        .only("pk", "title")
    )


def contribution_similar(
    *, consultation: Consultation, title: str, exclude: int | None = None,
    limit: int = SIMILAR_LIMIT,
) -> list[Contribution]:  # fmt: skip
    """Open contributions of the consultation that resemble `title`, best first.

    First those the `similar_finders` find (by meaning), then those whose words resemble
    it, through the search index, which holds only the contributions of public
    consultations: an internal consultation gets no suggestion.
    """
    if consultation.visibility != Consultation.Visibility.PUBLIC:
        return []
    ids: list[int] = []
    for finder in similar_finders:
        ids.extend(pk for pk in finder.find(consultation, title, exclude, limit) if pk not in ids)
    candidates = open_contributions(consultation)
    if exclude:
        candidates = candidates.exclude(pk=exclude)
    if len(ids) < limit:
        entries = search_selectors.similar(
            text=title, kind=SearchEntry.Kind.CONTRIBUTION,
            object_ids=candidates.values("pk"), limit=limit,
        )  # fmt: skip
        ids.extend(entry.object_id for entry in entries if entry.object_id not in ids)
    if not ids:
        return []
    found = Contribution.objects.select_related("territory").in_bulk(ids[:limit])
    return [found[pk] for pk in ids[:limit] if pk in found]


def top_contribution_list(*, consultation: Consultation, limit: int = 5) -> list[Contribution]:
    """The most supported open contributions (index consultation, -supports_count, -id)."""
    contributions = (
        Contribution.objects.open()
        .filter(consultation=consultation)
        .order_by("-supports_count", "-id")
        .only(
            "pk", "title", "kind", "supports_count", "comments_count", "answer_state",
            "consultation_id", "territory_id",
        )[:limit]
    )  # fmt: skip
    contributions = list(contributions)
    for contribution in contributions:  # get_absolute_url reads the territory's slug
        contribution.territory = consultation.territory
    return contributions


def contribution_project_list(*, contribution: Contribution, user) -> list[Project]:
    """The projects born from a contribution that `user` may see (for the contribution page)."""
    projects = Project.objects.filter(origin_contribution=contribution).select_related("territory")
    return [project for project in projects if user.has_perm("projects.view_project", project)]
