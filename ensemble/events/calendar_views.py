"""The territory's calendar: list and month views with filters, a new event, the iCalendar
feed, and a person's registrations."""

import calendar
from collections import defaultdict
from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from ensemble.core.access import login_first, require
from ensemble.core.kept import kept
from ensemble.core.lists import FilteredList
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form
from ensemble.events import ical, selectors, services
from ensemble.events.forms import CalendarEventForm, CalendarFilterForm
from ensemble.events.models import Event
from ensemble.events.views import ics_body_response
from ensemble.territories.predicates import is_territory_agent
from ensemble.territories.selectors import neighbourhood_list, theme_list


def _filter_form(request) -> CalendarFilterForm:
    territory = request.territory
    return CalendarFilterForm(
        request.GET or None,
        themes=list(theme_list(territory=territory)),
        neighbourhoods=list(neighbourhood_list(territory=territory)),
    )


def calendar_audience(request) -> str:
    """Who sees the same calendar: agents also see the workshops of internal consultations
    (the workshops' policy, `visible_q`); everybody else sees the public events."""
    return "agents" if is_territory_agent(request.user, request.territory) else ""


class Calendar(FilteredList):
    form_class = CalendarFilterForm

    def form_kwargs(self) -> dict:
        return {
            "themes": list(theme_list(territory=self.territory)),
            "neighbourhoods": list(neighbourhood_list(territory=self.territory)),
        }

    @property
    def audience(self) -> str:
        return calendar_audience(self.request)

    def rows(self, filters: dict):
        return selectors.calendar_events(self.territory, user=self.request.user, filters=filters)


def calendar_list(request):
    """The events to come (or of the dates chosen), a page at a time; the filters and the
    page are kept per territory, query and audience."""
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/calendar_list.html",
        {
            "directory": Calendar(request),
            "query": query.urlencode(),
            "can_create": request.user.has_perm("events.add_event", request.territory),
        },
    )


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _events_by_day(events, *, first_shown: date, last_shown: date) -> dict[date, list]:
    """Each event on every shown day it runs (its local dates computed once)."""
    by_day: dict[date, list] = defaultdict(list)
    for event in events:
        day = max(timezone.localtime(event.starts_at).date(), first_shown)
        last = min(timezone.localtime(event.ends_at).date(), last_shown)
        while day <= last:
            by_day[day].append(event)
            day += timedelta(days=1)
    return by_day


def _shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class CalendarMonth:
    """A month's filters and table of weeks, each read only when the page renders them (kept
    per territory, month, query, audience and day: today is marked)."""

    def __init__(self, request, year: int, month: int):
        self.request, self.year, self.month = request, year, month
        self.first, self.last = _month_bounds(year, month)

    @property
    def key(self) -> str:
        today = timezone.localdate().isoformat()
        return (
            f"{calendar_audience(self.request)}:{self.first}:{today}?{self.request.GET.urlencode()}"
        )

    @cached_property
    def form(self) -> CalendarFilterForm:
        return _filter_form(self.request)

    @cached_property
    def events(self) -> list:
        filters = {**self.form.filters(), "start": self.first, "end": self.last}
        territory, user = self.request.territory, self.request.user
        return list(selectors.calendar_events(territory, user=user, filters=filters))

    @cached_property
    def weeks(self) -> list:
        grid = calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)
        by_day = _events_by_day(self.events, first_shown=grid[0][0], last_shown=grid[-1][-1])
        return [
            [{"date": day, "in_month": day.month == self.month, "events": by_day.get(day, [])}
             for day in week]
            for week in grid
        ]  # fmt: skip


def calendar_month(request, year: int | None = None, month: int | None = None):
    """A month as a table of weeks; each day lists the events that run that day."""
    if year is None:
        today = timezone.localdate()
        year, month = today.year, today.month
    shown = CalendarMonth(request, year, month)
    previous, following = _shift(year, month, -1), _shift(year, month, 1)
    slug = request.territory.slug
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/calendar_month.html",
        {
            "month": shown, "month_start": shown.first, "query": query.urlencode(),
            "can_create": request.user.has_perm("events.add_event", request.territory),
            "today": timezone.localdate(),
            "previous_url": reverse("events:month", args=[slug, *previous]),
            "next_url": reverse("events:month", args=[slug, *following]),
        },
    )  # fmt: skip


def event_create(request):
    """A person puts an event on the calendar (verified members of the territory)."""
    if response := login_first(request):
        return response
    territory = request.territory
    require(request.user, "events.add_event", territory)
    initial = {"kind": request.GET.get("kind", Event.Kind.SKILL_SHARING)}
    return service_form(
        request,
        CalendarEventForm(
            request.POST or None, territory=territory, user=request.user, initial=initial
        ),
        lambda data: services.event_organise(
            actor=request.user, territory=territory, **_form_data(data)
        ),
        template="events/event_form.html",
        context={"event": None},
        success_message=_("Your event is on the calendar."),
        success_url=lambda event: event.get_absolute_url(),
    )


def _form_data(data: dict) -> dict:
    data = dict(data)
    data["facilitators"] = data.pop("facilitator_emails", None) or []
    data["themes"] = list(data.get("themes") or [])
    return data


def calendar_ics(request):
    """The territory's calendar to subscribe to; `?kind=` and `?theme=` narrow it. Calendar
    applications poll it: the feed is kept per data version, query and audience."""
    territory = request.territory
    filters = {key: request.GET[key] for key in ("kind", "theme") if request.GET.get(key)}

    def feed() -> bytes:
        events = selectors.calendar_events(territory, user=request.user, filters=filters)
        return ical.calendar_ics(
            events[: ical.FEED_SIZE], name=territory.name, host=request.get_host(),
            absolute=request.build_absolute_uri,
        )  # fmt: skip

    # Its links are absolute: the scheme and host are part of what it depends on.
    vary_on = [territory.pk, request.scheme, request.get_host(), calendar_audience(request)]
    body = kept("calendar-ics", vary_on + sorted(filters.items()), feed)
    return ics_body_response(body, filename=f"{territory.slug}-events.ics")


def my_registrations(request):
    """The events I registered or wait for: upcoming first, then the past ones."""
    if response := login_first(request):
        return response
    upcoming = list(selectors.my_registrations(user=request.user))
    past = paginate(request, selectors.my_registrations(user=request.user, past=True))
    return render(request, "events/my_registrations.html", {"upcoming": upcoming, "page": past})
