from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.pagination import paginate

from . import selectors, services
from .forms import PreferencesForm
from .models import Notification


@login_required
def notification_list(request):
    prefs = selectors.preferences(user=request.user)
    form = PreferencesForm(request.POST or None, initial_prefs=prefs)
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=request.user, email_by_kind=form.email_by_kind())
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:list")
    unread_only = request.GET.get("unread") == "1"
    notifications = selectors.notification_list(user=request.user, unread_only=unread_only)
    page = paginate(request, notifications)
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page,
            "form": form,
            "unread_only": unread_only,
            "unread_count": selectors.unread_count(user=request.user),
        },
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
