"""A strict Content-Security-Policy on every response (the browser stories run with it on and
fail on anything it blocks: ensemble/testing/browser.py)."""

import pytest

from ensemble.core.middleware import content_security_policy

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/", "/sceaux/", "/accounts/login/", "/api/v1/territories", "/api/docs", "/nowhere/x/"]
)
def test_every_response_has_the_policy(client, territory, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_the_policy_allows_no_inline_script_nor_eval(settings):
    settings.MAP_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    directives = dict(part.split(" ", 1) for part in content_security_policy().split("; "))
    for name in ("script-src", "style-src", "default-src"):
        assert "unsafe-inline" not in directives[name]
        assert "unsafe-eval" not in directives[name]
    assert directives["object-src"] == "'none'"
    assert "tile.openstreetmap.org" in directives["img-src"]


def test_no_template_has_an_inline_script_or_style():
    from pathlib import Path

    import ensemble

    root = Path(ensemble.__file__).parent
    offenders = []
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text()
        for marker in ("<script>", "<style", ' style="', " onclick=", " onload=", " onsubmit="):
            if marker in text:
                offenders.append(f"{template.relative_to(root)}: {marker}")
    assert offenders == []


def test_the_address_search_origin_is_allowed_only_when_configured(settings):
    from ensemble.core.middleware import content_security_policy

    settings.MAP_GEOCODER_URL = ""
    assert "connect-src 'self';" in content_security_policy()
    settings.MAP_GEOCODER_URL = "https://api-adresse.data.gouv.fr/search/?q={query}"
    assert "connect-src 'self' https://api-adresse.data.gouv.fr;" in content_security_policy()
