"""Links found in a page: to check that what looks like a link is one, and leads somewhere."""

import html
import re

_HREF = re.compile(r'href="([^"]*)"')


def links_to(response, path: str) -> list[str]:
    """The page's links to `path` with a query string (filtered lists), in page order."""
    content = response.content.decode()
    return [href for href in map(html.unescape, _HREF.findall(content))
            if href.startswith(f"{path}?")]  # fmt: skip
