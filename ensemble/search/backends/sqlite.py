"""SQLite: an FTS5 table `search_fts` (migration 0002) keyed by the entry's id.

The tokenizer removes accents (`unicode61 remove_diacritics 2`); every term
is a quoted prefix (`"jardin"*`), a final plural s/x dropped, so "jardins"
finds "jardin" and "ecole" finds "École". Ranked by bm25 (title 10, summary 4,
body 1). No stemming beyond plurals: that is PostgreSQL's job. A fourth
column holds the entry's territories (`scope`, "@1 @4", weight 0): the words
are matched in the text columns only and a territory's search adds
`scope : "@<id>"`, so the full-text index itself keeps the territory's matches.
"""

from django.db import connection

from ..models import SearchEntry

TABLE = "search_fts"
BATCH = 500
RANK = f"bm25({TABLE}, 10.0, 4.0, 1.0, 0.0)"
TEXT_COLUMNS = "{title summary body}"
_ENTRIES = SearchEntry._meta.db_table
_COPY = f"INSERT INTO {TABLE} (rowid, title, summary, body, scope) SELECT id, title, summary, body, scope FROM {_ENTRIES}"  # noqa: E501, S608


def _batches(ids):
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def index(entry_ids) -> None:
    with connection.cursor() as cursor:
        for batch in _batches(entry_ids):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", batch)  # noqa: S608
            cursor.execute(f"{_COPY} WHERE id IN ({marks})", batch)


def unindex(entry_ids) -> None:
    with connection.cursor() as cursor:
        for batch in _batches(entry_ids):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({marks})", batch)  # noqa: S608


def rebuild() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        cursor.execute(_COPY)


def _term(term: str) -> str:
    if len(term) > 3 and term[-1] in "sx":
        term = term[:-1]
    return '"' + term.replace('"', '""') + '"*'


def match_expression(terms: list[str], *, any_term: bool = False, scope=None) -> str:
    """Quoted prefixes joined by FTS5's implicit AND (or by OR) in the text columns, and
    the territory `scope` when given; nothing else is an operator."""
    words = (" OR " if any_term else " ").join(_term(term) for term in terms)
    match = f"{TEXT_COLUMNS} : ({words})"
    return match if scope is None else f'{match} AND scope : "@{int(scope)}"'


def ranked_ids(
    queryset, terms: list[str], offset: int, limit: int, *, any_term: bool = False, scope=None
) -> tuple[int, list[int]]:
    match = match_expression(terms, any_term=any_term, scope=scope)
    scope_sql, scope_params = queryset.values("pk").query.sql_with_params()
    # `+rowid`: the full-text match drives, the scope filters its rows (not one match per row).
    where = f"{TABLE} MATCH %s AND +rowid IN ({scope_sql})"
    params = [match, *scope_params]
    # The count rides on the ranked page (`count(*) OVER ()`): the matches are read once.
    matches = f"SELECT rowid AS id, {RANK} AS rank FROM {TABLE} WHERE {where}"  # noqa: S608
    ranked = f"SELECT id, count(*) OVER () FROM ({matches}) ORDER BY rank, id"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"{ranked} LIMIT %s OFFSET %s", [*params, limit, offset])
        rows = cursor.fetchall()
        if not rows and offset:  # a page past the last: the count alone
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {where}", params)  # noqa: S608
            return cursor.fetchone()[0], []
    return (rows[0][1] if rows else 0), [row[0] for row in rows]
