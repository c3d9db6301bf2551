"""PostgreSQL: a stored, weighted tsvector (GIN index) in French without accents.

`french_unaccent` (created by migration 0002) removes accents then stems in
French, so "ecole" finds "école" and "jardins partagés" finds "jardin partagé".
Weights: title A, summary B, body C; ranked by ts_rank. The count rides on the
ranked page (`count(*) OVER ()`): the matches are read once, not once to count and
once to rank (each match is a heap row of this wide table: the reads are the cost).
The entry's territories (`scope`, "@1 @4") are lexemes of the same vector, taken
verbatim (no parser: no typed word can reach them, a term being letters and digits):
a territory's search is `vector @@ words AND vector @@ '@<id>'`, both answered by the one GIN
index, so only the territory's matches are read.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorCombinable,
    SearchVectorField,
)
from django.db.models import BooleanField, Count, F, Window
from django.db.models.expressions import RawSQL

from ..models import SearchEntry

CONFIG = "french_unaccent"
SCOPE_VECTOR = "coalesce(array_to_tsvector(string_to_array(nullif(scope, ''), ' ')), ''::tsvector)"


class _Scope(SearchVectorCombinable, RawSQL):
    """The `scope` lexemes, to add to the text's vector."""

    def __init__(self):
        super().__init__(SCOPE_VECTOR, [], output_field=SearchVectorField())


def _vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
        + _Scope()
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


def in_scope(territory_id: int) -> RawSQL:
    """Entries whose scope holds the territory: a condition on the GIN index."""
    # The id goes as a parameter; the table name is the model's.
    return RawSQL(  # noqa: S611
        f'"{SearchEntry._meta.db_table}"."search_vector" @@ %s::tsquery',
        [f"'@{int(territory_id)}'"],
        output_field=BooleanField(),
    )


def ranked_ids(
    queryset, terms: list[str], offset: int, limit: int, *, any_term: bool = False, scope=None
) -> tuple[int, list[int]]:
    query = SearchQuery(tsquery(terms, any_term=any_term), config=CONFIG, search_type="raw")
    matches = queryset.filter(search_vector=query)
    if scope is not None:
        matches = matches.filter(in_scope(scope))
    ranked = (
        matches.annotate(rank=SearchRank(F("search_vector"), query), total=Window(Count("*")))
        .order_by("-rank", "pk")
        .values_list("pk", "total")[offset : offset + limit]
    )
    rows = list(ranked)
    if not rows:  # no match, or a page past the last: the count alone tells which
        return (matches.count() if offset else 0), []
    return rows[0][1], [pk for pk, _total in rows]
