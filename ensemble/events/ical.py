"""Events as iCalendar (RFC 5545), written with the `icalendar` package.

One function writes every file: a territory's feed that calendar applications
subscribe to, and the file of one event. The package folds long lines and
escapes commas, semicolons and backslashes; what it cannot know is that a
title typed by a person may hold a line break or a control character, which
has no place in a one-line property: those become spaces, and the
description keeps its line breaks only.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from ensemble.core import text as core_text
from ensemble.core.markdown import markdown_to_text

PRODID = "-//Ensemble//Calendar//FR"
# The next events a feed lists: `icalendar` writes ~1 ms an event, and calendar
# applications poll feeds; 200 events to come cover months of a busy territory.
FEED_SIZE = 200
END = b"END:VCALENDAR\r\n"


def one_line(text: str) -> str:
    """A title or place: the input boundary's one line (core.text), spaces collapsed."""
    return " ".join(core_text.one_line(text or "").split())


def multi_line(text: str) -> str:
    """A description: line breaks as LF, no other forbidden character (core.text)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return core_text.clean(text).strip()


def _entry(event, *, host: str, absolute) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", event.updated_at)
    entry.add("last-modified", event.updated_at)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", one_line(event.title))
    description = multi_line(markdown_to_text_keeping_lines(multi_line(event.description)))
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    if description:
        entry.add("description", description)
    if event.address:
        entry.add("location", one_line(event.address))
    elif event.online_url:
        entry.add("location", one_line(event.online_url))
    if event.latitude is not None and event.longitude is not None:
        entry.add("geo", (float(event.latitude), float(event.longitude)))
    entry.add("categories", [one_line(event.get_kind_display())])
    entry.add("url", absolute(event.get_absolute_url()))
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return entry


def markdown_to_text_keeping_lines(text: str) -> str:
    """Markdown as plain text, a paragraph a line (calendars show no Markdown)."""
    return "\n".join(markdown_to_text(line) for line in (text or "").splitlines() if line.strip())


def _entry_key(event, *, host: str, absolute) -> str:
    """What an entry depends on: the event as last saved (its counters, changed by UPDATE
    without `updated_at`, are not in it), the address of its page, the language."""
    return make_template_fragment_key(
        "ics-entry",
        [event.pk, event.updated_at.isoformat(), absolute(event.get_absolute_url()), host,
         get_language()],
    )  # fmt: skip


def _entries(events, *, host: str, absolute) -> list[bytes]:
    """Each event's VEVENT, kept per `_entry_key` (~1 ms an event to write): a feed written
    again after an unrelated write reuses the entries of the events that did not change."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    keys = [_entry_key(event, host=host, absolute=absolute) for event in events]
    kept = cache.get_many(keys) if seconds > 0 else {}
    entries, missing = [], {}
    for event, key in zip(events, keys, strict=True):
        if key not in kept:
            missing[key] = _entry(event, host=host, absolute=absolute).to_ical()
        entries.append(kept.get(key) or missing[key])
    if missing and seconds > 0:
        cache.set_many(missing, seconds)
    return entries


def calendar_ics(events, *, name: str, host: str, absolute) -> bytes:
    """The iCalendar file of `events`; `absolute(path)` makes a full URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", one_line(name))
    head = calendar.to_ical()  # ends with END: the entries go before it
    entries = _entries(list(events), host=host, absolute=absolute)
    return head[: -len(END)] + b"".join(entries) + END
