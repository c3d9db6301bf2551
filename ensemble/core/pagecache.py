"""Pages seen by visitors who are not logged in, rendered once per version of the data.

Most visits are anonymous and read the same pages: the territory home, lists, a project,
a contribution. `AnonymousPageCacheMiddleware` keeps each such HTML page, keyed by the data
version (core.versions: every committed write changes it, so a page is never stale after a
write), the language, the host and the full path, and for at most PAGE_CACHE_SECONDS (what
changes with time alone — an event that starts, a deadline that passes — waits at most that
long, plus the moment one request takes to render it again: meanwhile the others get the
kept copy, so an expiring page is rendered once, not by every visitor at the same time). It
answers a conditional GET whose ETag still matches with 304, without rendering.

Not cached: logged-in people, anything but GET, pages with a flash message, responses that
are not 200 HTML or that set a cookie or a Cache-Control of their own, and the paths of
PAGE_CACHE_EXCLUDED. A cached page's CSRF tokens are replaced on the way out by one valid
for the visitor (and the cookie set), so forms on it keep working.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from . import versions

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
PLACEHOLDER = "\x00csrf\x00"
# A page older than PAGE_CACHE_SECONDS (same data: only time moved) is rendered again by
# one request; the others get the kept copy meanwhile, for at most REFRESH_SECONDS.
REFRESH_SECONDS = 10
KEPT_FRESH_TIMES = 4


def strip_csrf(html: str) -> str:
    """The HTML with its forms' CSRF tokens replaced by a placeholder: kept for anyone."""
    return CSRF_INPUT.sub(rf"\g<1>{PLACEHOLDER}\g<2>", html)


def restore_csrf(html: str, request) -> str:
    """The placeholders of `strip_csrf` replaced by a token valid for this visitor."""
    if PLACEHOLDER in html:
        if request is None:
            raise ValueError("a cached form needs the request to get its CSRF token")
        html = html.replace(PLACEHOLDER, get_token(request))
    return html


def _cacheable_request(request) -> bool:
    if request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED)):
        return False
    if getattr(request, "user", None) is None or request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and len(messages))


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not getattr(getattr(request, "session", None), "modified", False)
    )


def _key(request) -> str:
    raw = "|".join(
        (versions.current(), get_language() or "", request.get_host(), request.get_full_path())
    )
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _finish(request, response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"  # browsers revalidate with the ETag
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = cache.get(f"page:{key}")
        if cached is not None and not self._kept(key, cached):
            cached = None
        if cached is None:
            response = self.get_response(request)
            if not _cacheable_response(request, response):
                return response
            cached = (strip_csrf(response.content.decode()), response["Content-Type"], time.time())
            # Kept longer than it is fresh: the copy served while one request renders anew.
            cache.set(f"page:{key}", cached, settings.PAGE_CACHE_SECONDS * KEPT_FRESH_TIMES)
            cache.delete(f"page-refresh:{key}")
        html, content_type, rendered_at = cached
        etag = f'W/"{key}-{int(rendered_at)}"'
        if etag in request.headers.get("If-None-Match", ""):
            return _finish(request, HttpResponseNotModified(), etag)
        return _finish(
            request, HttpResponse(restore_csrf(html, request), content_type=content_type), etag
        )

    @staticmethod
    def _kept(key: str, cached) -> bool:
        """Whether to serve the kept page: fresh, or older than PAGE_CACHE_SECONDS while
        another request is already rendering it anew (one render, not one per visitor)."""
        if time.time() - cached[2] < settings.PAGE_CACHE_SECONDS:
            return True
        return not cache.add(f"page-refresh:{key}", 1, REFRESH_SECONDS)
