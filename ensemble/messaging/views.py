from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form
from ensemble.projects.access import project_get_visible

from . import selectors, services
from .access import conversation_get_visible, message_get_visible
from .forms import MessageForm, MessageReportForm, NewConversationForm


@login_required
def inbox(request, archived: bool = False):
    page = paginate(request, selectors.conversation_list(user=request.user, archived=archived))
    return render(request, "messaging/inbox.html", {"page": page, "archived": archived})


def _conversation_context(request, conversation) -> dict:
    page = selectors.message_page(conversation=conversation, number=request.GET.get("page"))
    others = [
        seat.user for seat in conversation.participants.all() if seat.user_id != request.user.pk
    ]
    blocked = selectors.blocked_ids(blocker=request.user)
    for person in others:
        person.is_blocked = person.pk in blocked
    return {"conversation": conversation, "page": page, "others": others}


@login_required
def conversation_detail(request, pk: int):
    conversation = conversation_get_visible(user=request.user, pk=pk)
    if request.method != "POST":
        services.conversation_mark_read(user=request.user, conversation=conversation)
    return service_form(
        request, MessageForm(request.POST or None),
        lambda data: services.message_send(
            sender=request.user, conversation=conversation, body=data["body"]
        ),
        template="messaging/conversation.html",
        context=_conversation_context(request, conversation),
        success_url=f"{conversation.get_absolute_url()}#reply",
    )  # fmt: skip


@require_POST
@login_required
def conversation_archive(request, pk: int):
    conversation = conversation_get_visible(user=request.user, pk=pk)
    archived = request.POST.get("archived", "1") == "1"
    services.conversation_archive(user=request.user, conversation=conversation, archived=archived)
    messages.success(
        request, _("The conversation is archived.") if archived else _("The conversation is back.")
    )
    return redirect("messaging:inbox")


def _recipient(request):
    """The person (?to=), organisation (?organisation=) or project team (?project=) written
    to, or 404 (a project the person may not see does not exist for them)."""
    to, organisation = request.GET.get("to", ""), request.GET.get("organisation", "")
    project = request.GET.get("project", "")
    if to.isdigit():
        return get_object_or_404(User, pk=int(to)), None, None
    if organisation.isdigit():
        return None, get_object_or_404(
            Organisation.objects.select_related("territory"), pk=int(organisation)
        ), None  # fmt: skip
    if project.isdigit():
        return None, None, project_get_visible(user=request.user, pk=int(project))
    raise Http404("No recipient")


@login_required
def conversation_new(request):
    person, organisation, project = _recipient(request)
    if person is not None:
        reachable = selectors.person_is_contactable(viewer=request.user, person=person)
    elif project is not None:
        reachable = selectors.project_is_contactable(viewer=request.user, project=project)
    else:
        reachable = selectors.organisation_is_contactable(
            viewer=request.user, organisation=organisation
        )
    context = {
        "person": person, "organisation": organisation, "project": project,
        "reachable": reachable,
    }  # fmt: skip
    if not reachable:
        return render(request, "messaging/conversation_new.html", context, status=403)
    return service_form(
        request, NewConversationForm(request.POST or None),
        lambda data: services.conversation_start(
            opened_by=request.user, to_user=person, to_organisation=organisation,
            to_project=project, subject=data["subject"], body=data["body"],
        ),
        template="messaging/conversation_new.html", context=context,
        success_message=_("Your message was sent."),
        success_url=lambda conversation: conversation.get_absolute_url(),
    )  # fmt: skip


@login_required
def message_report(request, pk: int):
    message = message_get_visible(user=request.user, pk=pk, perm="messaging.report_message")
    return service_form(
        request, MessageReportForm(request.POST or None),
        lambda data: services.message_report(reporter=request.user, message=message, **data),
        template="messaging/message_report.html", context={"message": message},
        success_message=_("Thank you: the moderators will review this message."),
        success_url=message.conversation.get_absolute_url(),
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
