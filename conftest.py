import warnings

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _isolated_cache():
    """Rate limits and memoised lookups must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


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

_BROWSER_SKIPPED = pytest.StashKey[int]()
_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Skip browser tests loudly when Chromium is missing, or refuse to run if required."""
    from ensemble.testing import browser

    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items or browser.chromium_available():
        return
    if browser.browser_required():
        raise pytest.UsageError(
            f"{browser.REQUIRE_ENV} is set but {browser.CHROMIUM_PATH} is missing "
            "(apt-get install chromium)."
        )
    warnings.warn(pytest.PytestWarning(browser.MISSING_MESSAGE), stacklevel=1)
    config.stash[_BROWSER_SKIPPED] = len(browser_items)
    skip = pytest.mark.skip(reason=browser.MISSING_MESSAGE)
    for item in browser_items:
        item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = config.stash.get(_BROWSER_SKIPPED, 0)
    if skipped:
        from ensemble.testing import browser

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
