"""What the personal home adds to the digests: the same reads, since the last digest."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ensemble.notifications.digests import DigestBlock, DigestItem, DigestSource, sources

from .personal import events_for, interests_of, needs_for, projects_for


def _project_item(project) -> DigestItem:
    themes = ", ".join(theme.label for theme in project.themes.all())
    meta = " · ".join(filter(None, [project.territory.name, themes]))
    return DigestItem(project.title, project.get_absolute_url(), meta, project.territory)


def _need_item(need) -> DigestItem:
    project = need.project
    meta = f"{project.title} · {project.territory.name}"
    return DigestItem(need.title, project.get_absolute_url(), meta, project.territory)


def _event_item(event) -> DigestItem:
    meta = f"{date_format(event.starts_at, 'DATETIME_FORMAT')} · {event.territory.name}"
    return DigestItem(event.title, event.get_absolute_url(), meta, event.territory)


def _collect(user, since) -> list[DigestBlock]:
    """Called in the reader's language: the network's theme names are translated."""
    interests = interests_of(user)
    if not interests.territories:
        return []
    return [
        DigestBlock(
            _("New projects near your interests"),
            [_project_item(p) for p in projects_for(user, interests, since=since)],
        ),
        DigestBlock(
            _("New needs you could meet"),
            [_need_item(n) for n in needs_for(user, interests, since=since)],
        ),
        DigestBlock(
            _("Upcoming events"), [_event_item(e) for e in events_for(user, interests, since=since)]
        ),
    ]


sources.register(DigestSource(key="personal_home", collect=_collect))
