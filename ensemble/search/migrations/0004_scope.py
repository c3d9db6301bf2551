"""The territories of each entry (`scope`), inside the full-text index.

Fills `scope` with the territory holding the entry and, for people, the
territories they are members of (partner organisations get theirs at the next
`manage.py search_reindex`, or when they are saved), then rebuilds the index:
PostgreSQL adds the `@<id>` lexemes to `search_vector`; SQLite recreates the
FTS5 table with a `scope` column.
"""

from django.db import migrations, models

FILL = {
    "postgresql": """
        UPDATE search_searchentry AS e SET scope = trim(both ' ' from
            coalesce('@' || e.territory_id, '') || ' ' || coalesce((
                SELECT string_agg('@' || m.territory_id, ' ' ORDER BY m.territory_id)
                FROM territories_membership m
                WHERE e.kind = 'person' AND m.user_id = e.object_id
                  AND m.territory_id IS DISTINCT FROM e.territory_id), ''))
    """,
    "sqlite": """
        UPDATE search_searchentry SET scope = trim(
            coalesce('@' || territory_id, '') || ' ' || coalesce((
                SELECT group_concat('@' || m.territory_id, ' ')
                FROM territories_membership m
                WHERE search_searchentry.kind = 'person'
                  AND m.user_id = search_searchentry.object_id
                  AND m.territory_id IS NOT search_searchentry.territory_id), ''), ' ')
    """,
}
SCOPE_VECTOR = "coalesce(array_to_tsvector(string_to_array(nullif(scope, ''), ' ')), ''::tsvector)"
VECTOR = (
    "setweight(to_tsvector('french_unaccent', coalesce(title, '')), 'A')"
    " || setweight(to_tsvector('french_unaccent', coalesce(summary, '')), 'B')"
    " || setweight(to_tsvector('french_unaccent', coalesce(body, '')), 'C')"
)
FORWARD = {
    "postgresql": [f"UPDATE search_searchentry SET search_vector = {VECTOR} || {SCOPE_VECTOR}"],
    "sqlite": [
        "DROP TABLE IF EXISTS search_fts",
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title, summary, body, scope, tokenize = 'unicode61 remove_diacritics 2')",
        "INSERT INTO search_fts (rowid, title, summary, body, scope)"
        " SELECT id, title, summary, body, scope FROM search_searchentry",
    ],
}
BACKWARD = {
    "postgresql": [f"UPDATE search_searchentry SET search_vector = {VECTOR}"],
    "sqlite": [
        "DROP TABLE IF EXISTS search_fts",
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title, summary, body, tokenize = 'unicode61 remove_diacritics 2')",
        "INSERT INTO search_fts (rowid, title, summary, body)"
        " SELECT id, title, summary, body FROM search_searchentry",
    ],
}


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in FILL:
        schema_editor.execute(FILL[vendor])
    for statement in FORWARD.get(vendor, []):
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    for statement in BACKWARD.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_alter_searchentry_kind"),
        ("territories", "0003_templates_retirement_invitations"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="scope",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="territories"
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
