"""Drive Debian's Chromium through Playwright, with an axe-core check on every page.

The fixtures that use these helpers live in the root ``conftest.py``; tests
ask for ``page`` (one French-speaking browser context per test) and call
:func:`assert_accessible` on every page they reach. A page that was visited
but never checked fails the test at teardown, so the check cannot be forgotten.

We never download a browser: Playwright drives the system's Chromium.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_ENV = "ENSEMBLE_REQUIRE_BROWSER"
MISSING_MESSAGE = (
    "BROWSER TESTS SKIPPED: Debian's chromium is not installed (apt-get install chromium)"
)
DEFAULT_LOCALE = "fr-FR"
# Generous for a loaded CI machine, short enough that a broken page fails fast.
TIMEOUT_MS = 10_000
BLOCKING_IMPACTS = frozenset({"serious", "critical"})


def chromium_available() -> bool:
    return CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def browser_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in {"", "0"}


def allow_sync_database_access() -> None:
    """Playwright's sync API keeps an event loop running in the test thread,
    which makes Django refuse ORM calls (factories, assertions) there."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def launch_chromium(playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS)


@dataclass
class PageAudit:
    """Which documents a page loaded, and which of them axe has checked."""

    loaded: list[str] = field(default_factory=list)
    checked_upto: int = 0
    unchecked: list[str] = field(default_factory=list)

    def on_load(self, page: Page) -> None:
        self.loaded.append(page.url)

    def mark_checked(self) -> None:
        # Documents loaded before the current one were left without a check.
        self.unchecked.extend(self.loaded[self.checked_upto : -1])
        self.checked_upto = len(self.loaded)

    def never_checked(self) -> list[str]:
        return self.unchecked + self.loaded[self.checked_upto :]


def new_page(context: BrowserContext) -> Page:
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    audit = PageAudit()
    page.on("load", audit.on_load)
    page.ensemble_audit = audit  # type: ignore[attr-defined]
    return page


def new_context(browser: Browser, *, base_url: str, locale: str = DEFAULT_LOCALE):
    return browser.new_context(base_url=base_url, locale=locale, timezone_id="Europe/Paris")


def log_in(context: BrowserContext, user, *, base_url: str) -> None:
    """Give the browser a session for `user` without going through the form."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": base_url}]
    )


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} serious or critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" — {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page, *, context: str | dict | None = None) -> None:
    """Run axe-core on the current document; fail on serious or critical violations."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_load_state("load")
    results = Axe().run(page, context=context)
    audit = getattr(page, "ensemble_audit", None)
    if audit is not None:
        audit.mark_checked()
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        pytest.fail(format_violations(page.url, blocking), pytrace=False)


def assert_every_page_checked(page: Page) -> None:
    audit = getattr(page, "ensemble_audit", None)
    if audit is None:
        return
    missing = audit.never_checked()
    if missing:
        pytest.fail(
            "These pages were visited without assert_accessible(page): " + ", ".join(missing),
            pytrace=False,
        )


def sign_up(page: Page, *, name: str, email: str, password: str) -> None:
    """Fill and send the sign-up form (the page is checked with axe first)."""
    page.goto("/accounts/signup/")
    assert_accessible(page)
    page.locator("#id_display_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    page.locator("main form button[type=submit]").click()


def confirm_last_email(page: Page) -> None:
    """Open the confirmation link of the last email sent and confirm (axe on both pages)."""
    import re

    from django.core import mail

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(link[link.index("/accounts/") :])
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    assert_accessible(page)
