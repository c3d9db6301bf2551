from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate

from . import selectors, services
from .forms import MessageForm, MessageReportForm, NewConversationForm


@login_required
def inbox(request, archived: bool = False):
    page = paginate(request, selectors.conversation_list(user=request.user, archived=archived))
    return render(request, "messaging/inbox.html", {"page": page, "archived": archived})


def _conversation_page(request, conversation, form, *, status=200):
    page = selectors.message_page(conversation=conversation, number=request.GET.get("page"))
    others = [
        seat.user for seat in conversation.participants.all() if seat.user_id != request.user.pk
    ]
    blocked = selectors.blocked_ids(blocker=request.user)
    for person in others:
        person.is_blocked = person.pk in blocked
    return render(
        request, "messaging/conversation.html",
        {"conversation": conversation, "page": page, "form": form, "others": others},
        status=status,
    )  # fmt: skip


@login_required
def conversation_detail(request, pk: int):
    conversation = selectors.conversation_get(user=request.user, pk=pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.message_send(
                    sender=request.user, conversation=conversation, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                return redirect(f"{conversation.get_absolute_url()}#reply")
        return _conversation_page(request, conversation, form, status=400)
    services.conversation_mark_read(user=request.user, conversation=conversation)
    return _conversation_page(request, conversation, form)


@require_POST
@login_required
def conversation_archive(request, pk: int):
    conversation = selectors.conversation_get(user=request.user, pk=pk)
    archived = request.POST.get("archived", "1") == "1"
    services.conversation_archive(user=request.user, conversation=conversation, archived=archived)
    messages.success(
        request, _("The conversation is archived.") if archived else _("The conversation is back.")
    )
    return redirect("messaging:inbox")


def _recipient(request):
    """The person (?to=) or organisation (?organisation=) written to, or 404."""
    to, organisation = request.GET.get("to", ""), request.GET.get("organisation", "")
    if to.isdigit():
        return get_object_or_404(User, pk=int(to)), None
    if organisation.isdigit():
        return None, get_object_or_404(
            Organisation.objects.select_related("territory"), pk=int(organisation)
        )
    raise Http404("No recipient")


@login_required
def conversation_new(request):
    person, organisation = _recipient(request)
    if person is not None:
        reachable = selectors.person_is_contactable(viewer=request.user, person=person)
    else:
        reachable = selectors.organisation_is_contactable(
            viewer=request.user, organisation=organisation
        )
    context = {"person": person, "organisation": organisation, "reachable": reachable}
    if not reachable:
        return render(request, "messaging/conversation_new.html", context, status=403)
    form = NewConversationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                conversation = services.conversation_start(
                    opened_by=request.user, to_user=person, to_organisation=organisation,
                    subject=form.cleaned_data["subject"], body=form.cleaned_data["body"],
                )  # fmt: skip
            except ValidationError as error:
                form_add_service_errors(form, error)
            except services.ConversationLimitReached as error:
                form.add_error(None, str(error))
                status = 429
            else:
                messages.success(request, _("Your message was sent."))
                return redirect(conversation)
    context["form"] = form
    return render(request, "messaging/conversation_new.html", context, status=status)


@login_required
def message_report(request, pk: int):
    message = selectors.message_get(user=request.user, pk=pk)
    if not request.user.has_perm("messaging.report_message", message):
        raise PermissionDenied
    form = MessageReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_report(reporter=request.user, message=message, **form.cleaned_data)
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: the moderators will review this message."))
            return redirect(message.conversation)
    return render(
        request, "messaging/message_report.html", {"form": form, "message": message},
        status=400 if form.errors else 200,
    )  # fmt: skip


def _person_and_back(request, pk: int):
    person = get_object_or_404(User, pk=pk, is_active=True)
    back = request.POST.get("next", "")
    if not back.startswith("/me/messages/"):
        back = "/me/messages/"
    return person, back


@require_POST
@login_required
def person_block(request, pk: int):
    person, back = _person_and_back(request, pk)
    try:
        services.person_block(blocker=request.user, blocked=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You blocked %(name)s: they can no longer write to you.")
            % {"name": person.display_name},
        )
    return redirect(back)


@require_POST
@login_required
def person_unblock(request, pk: int):
    person, back = _person_and_back(request, pk)
    services.person_unblock(blocker=request.user, blocked=person)
    messages.success(request, _("You unblocked %(name)s.") % {"name": person.display_name})
    return redirect(back)
