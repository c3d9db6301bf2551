"""PostgreSQL: a stored, weighted tsvector (GIN index) in French without accents.

`french_unaccent` (created by migration 0002) removes accents then stems in
French, so "ecole" finds "école" and "jardins partagés" finds "jardin partagé".
Weights: title A, summary B, body C; ranked by ts_rank.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F

from ..models import SearchEntry

CONFIG = "french_unaccent"


def _vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )


def index(entry_ids) -> None:
    SearchEntry.objects.filter(pk__in=list(entry_ids)).update(search_vector=_vector())


def unindex(entry_ids) -> None:
    """The vector lives in the row: deleting the row is enough."""


def rebuild() -> None:
    SearchEntry.objects.update(search_vector=_vector())


def tsquery(terms: list[str], *, any_term: bool = False) -> str:
    # Terms are letters and digits only: no tsquery operator can slip in.
    return (" | " if any_term else " & ").join(f"{term}:*" for term in terms)


def search(queryset, terms: list[str], offset: int, limit: int, *, any_term: bool = False):
    query = SearchQuery(tsquery(terms, any_term=any_term), config=CONFIG, search_type="raw")
    matches = queryset.filter(search_vector=query)
    count = matches.count()
    if count <= offset:
        return count, []
    ranked = matches.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "pk")
    return count, list(ranked[offset : offset + limit])
