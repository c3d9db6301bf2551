import warnings

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache


def _clear_cache():
    """Empty this run's cache. On Redis, `cache.clear()` empties the whole database, the
    keys of the other pytest-xdist workers included: delete only our own prefix instead."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        cache.clear()
        return
    client = backend._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{backend.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate limits and memoised lookups must not leak from one test into the next."""
    _clear_cache()
    yield
    _clear_cache()


@pytest.fixture
def fragments(db, settings, tmp_path):
    """Kept parts of pages on (`{% fragment %}`, `core.kept`), with a data version of the
    test's own; the network's row exists first (created on first use, that write would
    move the version in the middle of a test)."""
    from ensemble.territories.selectors import network_get

    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.DATA_VERSION_FILE = str(tmp_path / "data-version")
    network_get()


@pytest.fixture
def territory(db):
    from ensemble.testing.factories import TerritoryFactory

    return TerritoryFactory(name="Sceaux", slug="sceaux")


@pytest.fixture
def other_territory(db):
    from ensemble.testing.factories import TerritoryFactory

    return TerritoryFactory(name="Lyon", slug="lyon")


@pytest.fixture
def api_client(client):
    """Django's test client with JSON helpers for the API."""
    return client


# --- Browser tests (pytest -m browser) -------------------------------------
# Helpers live in ensemble/testing/browser.py; see its docstring.

_CALL_FAILED = pytest.StashKey[bool]()


def _refuse_without_required_chromium():
    from ensemble.testing import browser

    if browser.browser_required() and not browser.chromium_available():
        raise pytest.UsageError(
            f"{browser.REQUIRE_ENV} is set but {browser.CHROMIUM_PATH} is missing "
            "(apt-get install chromium)."
        )


def pytest_sessionstart(session):
    # Under pytest-xdist this runs in the main process, before any worker collects: the
    # refusal reads as a usage error instead of a worker's internal error.
    if getattr(session.config, "workerinput", None) is None:
        _refuse_without_required_chromium()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Skip browser tests loudly when Chromium is missing, or refuse to run if required."""
    from ensemble.testing import browser

    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items or browser.chromium_available():
        return
    _refuse_without_required_chromium()
    warnings.warn(pytest.PytestWarning(browser.MISSING_MESSAGE), stacklevel=1)
    skip = pytest.mark.skip(reason=browser.MISSING_MESSAGE)
    for item in browser_items:
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    from ensemble.testing import browser

    # Counted from the reports: under pytest-xdist the workers collect, not this process.
    skipped = sum(
        1
        for report in terminalreporter.stats.get("skipped", [])
        if browser.MISSING_MESSAGE in str(report.longrepr)
    )
    if skipped:
        terminalreporter.write_sep(
            "!", f"{browser.MISSING_MESSAGE} — {skipped} test(s)", red=True, bold=True
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole run; each test gets its own context."""
    from playwright.sync_api import sync_playwright

    from ensemble.testing import browser

    browser.allow_sync_database_access()
    with sync_playwright() as playwright:
        instance = browser.launch_chromium(playwright)
        yield instance
        instance.close()


@pytest.fixture
def browser_context(chromium, live_server):
    """A fresh browser context per test, speaking French like most of our users."""
    from ensemble.testing import browser

    context = browser.new_context(chromium, base_url=live_server.url)
    yield context
    context.close()


@pytest.fixture
def page(request, browser_context):
    """A page whose every loaded document must pass `assert_accessible`."""
    from ensemble.testing import browser

    page = browser.new_page(browser_context)
    yield page
    if not request.node.stash.get(_CALL_FAILED, False):  # one failure is enough to read
        browser.assert_every_page_checked(page)


@pytest.fixture
def log_in(browser_context, live_server):
    """`log_in(user)` gives the browser a session without going through the form."""
    from ensemble.testing import browser

    def _log_in(user):
        browser.log_in(browser_context, user, base_url=live_server.url)

    return _log_in
