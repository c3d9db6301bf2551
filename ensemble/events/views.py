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

from ensemble.accounts.display import visible_name
from ensemble.accounts.predicates import has_verified_email
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form
from ensemble.events import ical, policies, selectors, services
from ensemble.events.forms import AttendanceForm, CalendarEventForm, EventForm
from ensemble.territories.predicates import is_territory_member
from ensemble.territories.services import membership_join


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
    # An event that another app owns (a workshop) keeps the form of its app.
    if policies.policy_for(event) is None:
        form = CalendarEventForm(
            request.POST or None, instance=copy.copy(event), territory=request.territory,
            user=request.user,
        )  # fmt: skip
    else:
        form = EventForm(
            request.POST or None, instance=copy.copy(event), territory=request.territory
        )
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
    closed_reason = selectors.registration_closed_reason(event)
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
            # Membership is what is missing: offered in place, with the registration.
            "can_join_and_register": (
                has_verified_email(user) and not is_territory_member(user, event.territory)
            ),
            "registration_open": closed_reason == "",
            "closed_reason": "" if closed_reason == "closed" else closed_reason,
            "organiser_name": visible_name(event.organiser, user, territory=event.territory)
            if event.organiser_id
            else "",
            "can_record_attendance": event.has_started()
            and not event.is_cancelled
            and user.has_perm("events.record_attendance", event),
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
        if action == "join_register":
            # "Join this territory" offered in place: membership, then the registration.
            if not is_territory_member(request.user, event.territory):
                membership_join(user=request.user, territory=event.territory)
                messages.success(
                    request, _("Welcome to %(name)s!") % {"name": event.territory.name}
                )
            action = "register"
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


def ics_response(request, events, *, name: str, filename: str) -> HttpResponse:
    """An iCalendar file of `events` (`ical.calendar_ics`), for a calendar application."""
    body = ical.calendar_ics(
        events, name=name, host=request.get_host(), absolute=request.build_absolute_uri
    )
    return ics_body_response(body, filename=filename)


def ics_body_response(body: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, pk: int):
    """The event as an iCalendar file, for the person's calendar."""
    event = event_get_visible(request, pk)
    return ics_response(request, [event], name=event.title, filename=f"event-{event.pk}.ics")


def event_attendance(request, pk: int):
    """Who came, ticked among the people registered (organisers, facilitators, agents)."""
    if response := _login_first(request):
        return response
    event = event_get_visible(request, pk, "events.record_attendance")
    rows = selectors.registrations_named(
        selectors.event_registrations(event).filter(status="registered"),
        event=event, viewer=request.user,
    )  # fmt: skip
    return service_form(
        request,
        AttendanceForm(request.POST or None, registrations=rows),
        lambda data: services.attendance_record(
            actor=request.user, event=event,
            present_user_ids=[int(user_id) for user_id in data["present"]],
        ),
        template="events/event_attendance.html",
        context={"event": event},
        success_message=_("Attendance was recorded."),
        success_url=event.get_absolute_url(),
    )  # fmt: skip
