"""Page weight (issue 17): the CSS, JavaScript and icons a page loads stay under 100 KB
once gzip-compressed, and every one of them comes from this site."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
SPRITE = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', re.S)


def _static_path(url: str) -> str | None:
    prefix = static("")
    if not url.startswith(prefix):
        return None
    return finders.find(url[len(prefix) :].split("?", 1)[0])


@pytest.mark.parametrize("path", ["/", "/sceaux/", "/sceaux/projets/", "/sceaux/carte/"])
def test_the_assets_of_a_page_weigh_less_than_100_kb_compressed(client, territory, path):
    html = client.get(path).content.decode()
    urls = ASSET.findall(html)
    assert urls, "the page links no stylesheet nor script"
    total = 0
    for url in urls:
        assert url.startswith("/"), f"{url} leaves the site"
        if url.startswith(static("")):
            found = _static_path(url)
            assert found, url
            with open(found, "rb") as asset:
                total += len(gzip.compress(asset.read()))
        else:  # a stylesheet the site serves itself (the territory's accent colour)
            total += len(gzip.compress(client.get(url).content))
    sprite = SPRITE.search(html)
    assert sprite, "the icon sprite is missing"
    total += len(gzip.compress(sprite.group(0).encode()))
    assert total < BUDGET, f"{total} bytes compressed for {path}"


def test_the_icon_names_of_the_template_tag_are_the_sprite_s_symbols():
    from django.template.loader import get_template

    from ensemble.core.templatetags.ensemble_ui import ICONS

    sprite = get_template("components/icons.svg").template.source
    assert set(re.findall(r'<symbol id="i-([a-z-]+)"', sprite)) == ICONS
