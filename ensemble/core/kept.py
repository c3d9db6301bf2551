"""A value computed once per version of the data, as `{% fragment %}` does for a part of a
template: for what is not a template (a feed's bytes).

The key completes `name` and `vary_on` with the data version (every committed write moves it:
never stale) and the language; FRAGMENT_CACHE_SECONDS bounds what changes with time alone, and
0 turns keeping off (every call computes).
"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

from . import versions


def kept(name: str, vary_on: list, compute: Callable[[], object]):
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    key = make_template_fragment_key(
        f"kept:{name}", [versions.current(), get_language() or "", *vary_on]
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value
