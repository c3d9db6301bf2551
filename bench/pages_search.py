"""Search pages measured by `make bench`: a common word, the worst case for ranking."""

from urllib.parse import urlencode

from registry import page

COMMON_WORD = "jardin"


@page("territory search")
def _(data) -> str:
    return f"/{data.territory().slug}/recherche/?{urlencode({'q': COMMON_WORD})}"


@page("network search")
def _(data) -> str:
    return f"/recherche/?{urlencode({'q': COMMON_WORD})}"


@page("API search")
def _(data) -> str:
    territory = data.territory().slug
    return f"/api/v1/search?{urlencode({'q': COMMON_WORD, 'territory': territory})}"
