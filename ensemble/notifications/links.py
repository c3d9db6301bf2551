"""Absolute links for emails, built from the configured site address, never from a guess.

Emails are written by a worker, outside any request: the address comes from
`settings.SITE_URL` (`make run PORT=8101` sets it to that port), or from the
territory's own domain when it has one (the territory is served at its root there).
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def base_url(territory=None) -> str:
    if territory is not None and territory.custom_domain:
        scheme = urlsplit(site_url()).scheme or "https"
        return f"{scheme}://{territory.custom_domain}"
    return site_url()


def absolute(url: str, territory=None) -> str:
    """`/sceaux/projets/3/` → `https://participer.sceaux.fr/projets/3/` (or the site's)."""
    if not url or url.startswith(("http://", "https://")):
        return url
    if not url.startswith("/"):
        url = f"/{url}"
    if territory is not None and territory.custom_domain:
        prefix = f"/{territory.slug}"
        if url == prefix or url.startswith(f"{prefix}/"):
            url = url[len(prefix) :] or "/"
    return f"{base_url(territory)}{url}"
