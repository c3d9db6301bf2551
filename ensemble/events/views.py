"""Event pages: an event, its change and cancellation, registration, its iCalendar file.

Agents of the territory change or cancel an event; facilitators see who
registered. What an event belongs to (a consultation's workshops) adds its
link back and its own pages through `policies`.
"""

import copy

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.core.text import clean, one_line
from ensemble.events import policies, selectors, services
from ensemble.events.forms import EventForm


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def event_get_visible(request, pk: int, perm: str | None = None):
    """The event of this territory if the person may see it (404), and do `perm` (403)."""
    event = selectors.event_get(pk=pk, territory=request.territory)
    if event is None or not request.user.has_perm("events.view_event", event):
        raise Http404
    if perm and not request.user.has_perm(perm, event):
        raise PermissionDenied
    return event


def event_edit(request, pk: int):
    """Change an event (agents of the territory): the creation form, filled in."""
    if response := _login_first(request):
        return response
    event = event_get_visible(request, pk, "events.change_event")
    if event.is_cancelled:
        messages.error(request, _("This event has been cancelled."))
        return redirect(event.get_absolute_url())
    # The form fills a copy: the page keeps showing the event as saved while the form has errors.
    form = EventForm(request.POST or None, instance=copy.copy(event), territory=request.territory)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(actor=request.user, event=event, data=form.service_data())
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The event was changed."))
            return redirect(event.get_absolute_url())
    return render(
        request, "events/event_form.html",
        {"form": form, "event": event, "parent": policies.parent(event)},
        status=400 if form.errors else 200,
    )  # fmt: skip


def event_cancel(request, pk: int):
    """Confirm, then cancel an event that has not started; everyone registered is told."""
    if response := _login_first(request):
        return response
    event = event_get_visible(request, pk, "events.change_event")
    if request.method == "POST":
        try:
            services.event_cancel(actor=request.user, event=event)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("The event was cancelled; the people registered were told.")
            )
        return redirect(event.get_absolute_url())
    return render(
        request,
        "events/event_cancel.html",
        {
            "event": event,
            "has_started": event.has_started(),
        },
    )


def _registrations_page(request, event):
    """The page of registrations with the names the viewer may see; None for everyone else."""
    if not request.user.has_perm("events.view_registrations", event):
        return None, None
    page = paginate(request, selectors.event_registrations(event))
    rows = selectors.registrations_named(page.object_list, event=event, viewer=request.user)
    return page, rows


def event_detail(request, pk: int):
    event = event_get_visible(request, pk)
    user = request.user
    registration = selectors.registration_get(user=user, event=event)
    registrations_page, registrations = _registrations_page(request, event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "parent": policies.parent(event),
            "actions": policies.actions(user, event),
            "registration": registration,
            "waitlist_position": selectors.waitlist_position(registration),
            "can_register": user.has_perm("events.register", event),
            "registration_open": selectors.event_registration_open(event),
            "is_past": event.is_past(),
            "places_left": event.places_left,
            "can_change": user.has_perm("events.change_event", event),
            "has_started": event.has_started(),
            "registrations": registrations,
            "registrations_page": registrations_page,
            "facilitators": list(event.facilitators.all()),
        },
    )


@require_POST
def event_register(request, pk: int):
    if response := _login_first(request):
        return response
    event = event_get_visible(request, pk)
    action = request.POST.get("action")
    try:
        if action == "cancel":
            services.registration_cancel(user=request.user, event=event)
            messages.success(request, _("Your registration was cancelled."))
        elif action == "register":
            registration = services.registration_create(user=request.user, event=event)
            if registration.status == registration.Status.REGISTERED:
                messages.success(request, _("You are registered."))
            else:
                messages.success(
                    request,
                    _("The event is full: you are on the waiting list. We will tell you if a "
                      "place frees up."),
                )  # fmt: skip
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(event.get_absolute_url())


def event_ics(request, pk: int):
    """The event as an iCalendar file, for the person's calendar."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    event = event_get_visible(request, pk)
    calendar = Calendar()
    calendar.add("prodid", "-//Ensemble//events//FR")
    calendar.add("version", "2.0")
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@{request.get_host()}")
    entry.add("dtstamp", event.updated_at)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", one_line(event.title))
    if event.description:
        entry.add("description", clean(event.description))
    if event.address:
        entry.add("location", one_line(event.address))
    entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    calendar.add_component(entry)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response
