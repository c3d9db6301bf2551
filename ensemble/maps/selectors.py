"""The places of a territory's map: published projects, organisations and upcoming events
with coordinates (the events this viewer may see).

The kinds come from one UNION query with the same columns, so a page of
places costs two queries (count and rows) however many there are.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import CharField, F, QuerySet, Value
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ensemble.actors.models import Organisation
from ensemble.events import policies
from ensemble.events.models import Event
from ensemble.projects.models import Project

PROJECT = "project"
ORGANISATION = "organisation"
EVENT = "event"
KIND_LABELS = {PROJECT: _("Project"), ORGANISATION: _("Organisation"), EVENT: _("Event")}
KINDS = tuple(KIND_LABELS)
COLUMNS = ("place_kind", "place_id", "label", "lat", "lng", "area")
# The most markers one response carries; the map fetches the next pages.
POINTS_PER_PAGE = 1000
LIST_PER_PAGE = 50


@dataclass(frozen=True)
class Place:
    kind: str
    pk: int
    name: str
    latitude: Decimal
    longitude: Decimal
    neighbourhood: str
    url: str

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


def _columns(queryset, kind: str, label: str) -> QuerySet:
    return (
        queryset.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(
            place_kind=Value(kind, output_field=CharField()),
            place_id=F("pk"),
            label=F(label),
            lat=F("latitude"),
            lng=F("longitude"),
            area=F("neighbourhood__name"),
        )
        .order_by()
        .values(*COLUMNS)
    )


def place_rows(*, territory, user=None, kinds=KINDS) -> QuerySet:
    """Rows (dicts) of the territory's places of `kinds`, sorted by name."""
    sources = {
        PROJECT: lambda: _columns(
            Project.objects.published().filter(territory=territory), PROJECT, "title"
        ),
        ORGANISATION: lambda: _columns(
            Organisation.objects.filter(territory=territory), ORGANISATION, "name"
        ),
        EVENT: lambda: _columns(
            Event.objects.upcoming()
            .filter(territory=territory, is_cancelled=False)
            .filter(policies.visible_q(user, territory)),
            EVENT,
            "title",
        ),
    }
    querysets = [sources[kind]() for kind in KINDS if kind in kinds] or [sources[PROJECT]().none()]
    first, *others = querysets
    return first.union(*others, all=True).order_by("label", "place_kind", "place_id")


def _url_maker(viewname: str, territory) -> Callable[[int], str]:
    """Build detail URLs without one reverse() per place."""
    marker = 987654321
    try:
        template = reverse(viewname, kwargs={"territory_slug": territory.slug, "pk": marker})
    except NoReverseMatch:  # the app has no detail page (yet)
        return lambda pk: ""
    before, _sep, after = template.partition(str(marker))
    return lambda pk: f"{before}{pk}{after}"


def places(rows, *, territory) -> list[Place]:
    urls = {
        PROJECT: _url_maker("projects:detail", territory),
        ORGANISATION: _url_maker("actors:detail", territory),
        EVENT: _url_maker("events:detail", territory),
    }
    return [
        Place(
            kind=row["place_kind"],
            pk=row["place_id"],
            name=row["label"],
            latitude=row["lat"],
            longitude=row["lng"],
            neighbourhood=row["area"] or "",
            url=urls[row["place_kind"]](row["place_id"]),
        )
        for row in rows
    ]


def place_page(
    *, territory, user=None, kinds=KINDS, page=None, per_page: int = LIST_PER_PAGE
) -> tuple[Page, list[Place]]:
    """One page of places, and the places themselves."""
    rows = place_rows(territory=territory, user=user, kinds=kinds)
    paged = Paginator(rows, per_page).get_page(page)
    return paged, places(paged.object_list, territory=territory)
