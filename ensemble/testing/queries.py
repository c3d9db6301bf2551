"""Query-count assertions: a page must run as many queries for 5 items as for 50."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ensemble.core import versions


def count_queries(client, url: str, **extra) -> int:
    """The queries of a render from scratch: the data version moves first, so no part of
    the page comes from the fragment cache (core.templatetags.ensemble_cache)."""
    versions.bump()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def assert_flat_queries(client, url: str, grow, *, small: int = 5, large: int = 50, **extra):
    """Call `grow(n)` to bring the data to n items, and compare the query counts."""
    grow(small)
    count_queries(client, url, **extra)  # warm per-process caches (network, content types)
    at_small = count_queries(client, url, **extra)
    grow(large)
    at_large = count_queries(client, url, **extra)
    assert at_small == at_large, f"{url}: {at_small} queries at {small}, {at_large} at {large}"
    return at_large
