"""The dashboards: charts drawn on the server with a table of the same figures, JSON and
CSV, and a fixed number of queries whatever the number of members (1,000 or 100,000)."""

import csv
import io

import pytest
from django.db import connection
from django.utils import timezone

from ensemble.accounts.models import User
from ensemble.stats import services
from ensemble.territories.models import Membership, Territory
from ensemble.testing.queries import count_queries

from .world import populate

pytestmark = pytest.mark.django_db

URLS = ["/stats/", "/sceaux/stats/", "/api/v1/stats", "/api/v1/territories/sceaux/stats",
        "/api/v1/stats?format=csv", "/api/v1/territories/sceaux/stats?format=csv"]  # fmt: skip


def _grow_members(territory, total: int) -> None:
    """Bring the territory to `total` members with two INSERT … SELECT over a generated
    series (SQLite and PostgreSQL alike): scale, not behaviour, and seconds, not minutes."""
    have = Membership.objects.filter(territory=territory).count()
    first = User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    now = timezone.now()
    series = "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < %s) "
    # Every column of the user table from the model (fields added later get their default).
    columns, values, params = [], [], []
    for field in User._meta.concrete_fields:
        columns.append(connection.ops.quote_name(field.column))
        if field.primary_key:
            values.append("%s + n")
            params.append(first)
        elif field.name == "email":
            values.append("'m' || (%s + n) || '@scale.example'")
            params.append(first)
        else:
            default = {"password": "!", "display_name": "M", "date_joined": now}.get(
                field.name, field.get_default()
            )
            values.append("%s")
            params.append(field.get_db_prep_save(default, connection))
    with connection.cursor() as cursor:
        cursor.execute(
            f"{series}INSERT INTO {User._meta.db_table} ({', '.join(columns)}) "  # noqa: S608
            f"SELECT {', '.join(values)} FROM seq",
            [total - have, *params],
        )
        cursor.execute(
            series + "INSERT INTO territories_membership (user_id, territory_id, role,"  # noqa: S608
            " created_at, updated_at) SELECT %s + n, %s, 'member', %s, %s FROM seq",
            [total - have, first, territory.pk, now, now],
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('accounts_user', 'id'), "
                "(SELECT MAX(id) FROM accounts_user))"
            )
    Territory.objects.filter(pk=territory.pk).update(members_count=total)


def test_fixed_queries_at_1000_and_100000_members(client, territory):
    populate(territory, size=2)
    counts = {}
    for members in (1_000, 100_000):
        _grow_members(territory, members)
        services.snapshots_compute(months=3)
        for url in URLS:
            count_queries(client, url)  # warm per-process caches
        counts[members] = [count_queries(client, url) for url in URLS]
        body = client.get("/api/v1/territories/sceaux/stats").json()
        assert body["current"]["members"] == members
    assert counts[1_000] == counts[100_000], counts
    assert max(counts[100_000]) <= 6


def test_the_dashboard_draws_charts_with_their_tables(client, territory):
    populate(territory, size=3)
    services.snapshots_compute(months=2)
    html = client.get("/sceaux/stats/").content.decode()
    main = html.split("<main")[-1].split("</main>")[0]  # the header has its icons
    assert main.count("<svg") == 7  # five figures month by month, stages and themes
    assert html.count('role="img"') == 7
    assert html.count("The same figures as a table") + html.count("Les mêmes chiffres") == 7
    assert "https://" not in html.split("<main")[-1].split("</main>")[0].replace(
        "https://www.etalab", ""
    )  # no resource from another site in the page's content


def test_before_the_first_computation(client, territory):
    assert client.get("/sceaux/stats/").status_code == 200
    body = client.get("/api/v1/territories/sceaux/stats").json()
    assert body["current"] == {} and body["months"] == []


def test_csv_has_one_line_per_month_and_figure(client, territory):
    populate(territory, size=2)
    services.snapshots_compute(months=2)
    response = client.get("/api/v1/territories/sceaux/stats?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["month"] for row in rows} == {
        s["month"] for s in client.get("/api/v1/territories/sceaux/stats").json()["months"]
    }
    members = [row for row in rows if row["figure"] == "members"]
    assert len(members) == 2 and members[-1]["value"] == str(
        Membership.objects.filter(territory=territory).count()
    )
    assert any(row["figure"].startswith("projects_by_stage.") for row in rows)


def test_an_unknown_or_inactive_territory_is_a_404(client, territory):
    assert client.get("/api/v1/territories/nowhere/stats").status_code == 404
    Territory.objects.filter(pk=territory.pk).update(is_active=False)
    assert client.get("/api/v1/territories/sceaux/stats").status_code == 404
    assert client.get("/sceaux/stats/").status_code == 404


def test_the_task_keeps_one_row_per_month(territory):
    services.snapshots_compute(months=3)
    services.snapshots_compute(months=3)
    from ensemble.stats.models import Snapshot

    assert Snapshot.objects.filter(territory=territory).count() == 3
    assert Snapshot.objects.filter(territory=None).count() == 3
