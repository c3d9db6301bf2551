from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ensemble.core.pagination import paginate

from . import selectors, services, unsubscribe
from .forms import PreferencesForm
from .models import Notification


@login_required
def notification_list(request):
    prefs = selectors.preferences(user=request.user)
    form = PreferencesForm(request.POST or None, initial_prefs=prefs)
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=request.user, channel_by_kind=form.channel_by_kind())
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:list")
    unread_only = request.GET.get("unread") == "1"
    notifications = selectors.notification_list(user=request.user, unread_only=unread_only)
    page = paginate(request, notifications.select_related("territory"))
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page,
            "days": selectors.by_day(page.object_list),
            "form": form,
            "unread_only": unread_only,
            "unread_count": selectors.unread_count(user=request.user),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def notification_read(request, pk: int):
    try:
        notification = selectors.notification_get(user=request.user, pk=pk)
    except Notification.DoesNotExist:
        raise Http404 from None
    services.notification_mark_read(actor=request.user, notification=notification)
    target = request.POST.get("next") or ""
    if request.POST.get("open") and notification.url:
        target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    count = services.mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


# A mail client's one-click unsubscribe (RFC 8058) posts without a session or a CSRF
# token: the signed link is the authority, and it can only stop emails.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token: str):
    found = unsubscribe.read(token)
    person = get_user_model().objects.filter(pk=found[0], is_active=True).first() if found else None
    if person is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    topic = found[1]
    done = request.method == "POST"
    if done:
        services.unsubscribe_apply(user=person, topic=topic)
    return render(
        request,
        "notifications/unsubscribe.html",
        {"done": done, "topic_label": unsubscribe.label(topic), "email": person.email},
    )
