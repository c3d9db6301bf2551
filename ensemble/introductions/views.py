import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.core.access import require
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form
from ensemble.projects.models import Need

from . import selectors, services
from .access import introduction_get_visible
from .forms import HelpOfferForm, IntroductionForm
from .models import Introduction


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def _allowed_actions(user, introduction: Introduction) -> None:
    """The buttons of an introduction, as its rules say (`rules.has_perm`: what the
    person may do by their place in it, not what an administrator could force).
    "This helped" is offered only while it can still change something."""

    def can(action: str) -> bool:
        return rules.has_perm(f"introductions.{action}_introduction", user, introduction)

    introduction.can_answer = can("answer")
    introduction.can_withdraw = can("withdraw")
    introduction.can_mark_helped = (
        introduction.outcome != Introduction.Outcome.HELPED
        and introduction.need.status == Need.Status.OPEN
        and can("mark_helped")
    )


def _sent_box(_introduction=None) -> str:
    """Where a request or an offer lands once sent: the box that shows it."""
    return f"{reverse('introductions:list')}?box=sent"


@login_required
def introduction_list(request):
    box = "sent" if request.GET.get("box") == "sent" else "received"
    page = paginate(request, selectors.introduction_list(user=request.user, box=box))
    for introduction in page.object_list:
        _allowed_actions(request.user, introduction)
    return render(request, "introductions/introduction_list.html", {"page": page, "box": box})


@login_required
def introduction_request(request):
    need = selectors.need_for_introduction(pk=_int(request.GET.get("need")))
    require(request.user, "projects.manage_needs", need.project)
    if request.GET.get("organisation"):
        target = get_object_or_404(Organisation, pk=_int(request.GET["organisation"]))
        kwargs = {"to_organisation": target}
    else:
        target = get_object_or_404(User, pk=_int(request.GET.get("user")), is_active=True)
        kwargs = {"to_user": target}
    return service_form(
        request, IntroductionForm(request.POST or None),
        lambda data: services.introduction_request(
            actor=request.user, need=need, message=data["message"], **kwargs
        ),
        template="introductions/introduction_request.html",
        context={"need": need, "target": target},
        success_message=_("Your request was sent. You will be told of the answer."),
        success_url=_sent_box,
    )  # fmt: skip


@login_required
def help_offer(request):
    need = selectors.need_for_introduction(pk=_int(request.GET.get("need")))
    return service_form(
        request, HelpOfferForm(request.POST or None, user=request.user),
        lambda data: services.help_offer(
            actor=request.user, need=need, message=data["message"],
            organisation=data.get("organisation"),
        ),
        template="introductions/help_offer.html", context={"need": need},
        success_message=_("Thank you! The project team was told of your offer."),
        success_url=_sent_box,
    )  # fmt: skip


def _act(request, pk: int, call, success: str):
    introduction = introduction_get_visible(user=request.user, pk=pk)
    try:
        call(introduction)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("introductions:list")


@login_required
@require_POST
def introduction_answer(request, pk: int):
    accept = request.POST.get("accept") == "1"
    return _act(
        request, pk,
        lambda i: services.introduction_answer(actor=request.user, introduction=i, accept=accept),
        _("Accepted: a conversation is open.") if accept else _("Declined."),
    )  # fmt: skip


@login_required
@require_POST
def introduction_withdraw(request, pk: int):
    return _act(
        request, pk,
        lambda i: services.introduction_withdraw(actor=request.user, introduction=i),
        _("Your request was withdrawn."),
    )  # fmt: skip


@login_required
@require_POST
def introduction_helped(request, pk: int):
    return _act(
        request, pk,
        lambda i: services.introduction_mark_helped(actor=request.user, introduction=i),
        _("Thank you! The need is marked as fulfilled."),
    )  # fmt: skip
