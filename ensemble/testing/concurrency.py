"""Marks of the tests that need real concurrent connections (PostgreSQL, READ COMMITTED):
SQLite serialises writes, so they are skipped there."""

import pytest
from django.db import connection

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real concurrent connections: run with DATABASE_URL=postgres://…",
)

#: `pytestmark` of a module of such tests: committed transactions, PostgreSQL only.
CONCURRENT = [pytest.mark.django_db(transaction=True), needs_postgres]
