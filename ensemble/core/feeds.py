"""Atom feeds that stay valid XML whatever a title holds.

XML 1.0 cannot carry most control characters: one in a title made Django's feed
writer fail, taking the whole feed down for everyone. Every feed of the platform
uses `AtomFeed`, which passes its texts through `ensemble.core.text`.
"""

from django.utils.feedgenerator import Atom1Feed

from ensemble.core.text import clean, one_line

_ONE_LINE = {"title", "subtitle", "author_name", "categories"}


def _safe(name: str, value):
    if isinstance(value, str):
        return one_line(value) if name in _ONE_LINE else clean(value)
    if name == "categories" and value:
        return [one_line(str(category)) for category in value]
    return value


class AtomFeed(Atom1Feed):
    def __init__(self, title, link, description, **kwargs):
        kwargs = {name: _safe(name, value) for name, value in kwargs.items()}
        super().__init__(_safe("title", title), link, _safe("description", description), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        kwargs = {name: _safe(name, value) for name, value in kwargs.items()}
        super().add_item(_safe("title", title), link, _safe("description", description), **kwargs)
