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
from .forms import HelpOfferForm, IntroductionForm


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


@login_required
def introduction_list(request):
    box = "sent" if request.GET.get("box") == "sent" else "received"
    page = paginate(request, selectors.introduction_list(user=request.user, box=box))
    return render(request, "introductions/introduction_list.html", {"page": page, "box": box})


def _service_form(request, form, call, template: str, context: dict):
    """Run a service from a valid form; a limit gives 429 with its message on the page."""
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            call(form.cleaned_data)
        except services.IntroductionLimitReached as error:
            form_add_service_errors(form, error)
            status = 429
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            return redirect("introductions:list")
    if form.errors and status == 200:
        status = 400
    return render(request, template, {"form": form, **context}, status=status)


@login_required
def introduction_request(request):
    need = selectors.need_for_introduction(pk=_int(request.GET.get("need")))
    if not request.user.has_perm("projects.manage_needs", need.project):
        raise PermissionDenied
    if request.GET.get("organisation"):
        target = get_object_or_404(Organisation, pk=_int(request.GET["organisation"]))
        kwargs = {"to_organisation": target}
    else:
        target = get_object_or_404(User, pk=_int(request.GET.get("user")), is_active=True)
        kwargs = {"to_user": target}
    form = IntroductionForm(request.POST or None)

    def call(data):
        services.introduction_request(
            actor=request.user, need=need, message=data["message"], **kwargs
        )
        messages.success(request, _("Your request was sent. You will be told of the answer."))

    return _service_form(
        request, form, call, "introductions/introduction_request.html",
        {"need": need, "target": target},
    )  # fmt: skip


@login_required
def help_offer(request):
    need = selectors.need_for_introduction(pk=_int(request.GET.get("need")))
    form = HelpOfferForm(request.POST or None, user=request.user)

    def call(data):
        services.help_offer(
            actor=request.user, need=need, message=data["message"],
            organisation=data.get("organisation"),
        )  # fmt: skip
        messages.success(request, _("Thank you! The project team was told of your offer."))

    return _service_form(request, form, call, "introductions/help_offer.html", {"need": need})


def _act(request, pk: int, call, success: str):
    introduction = selectors.introduction_get(user=request.user, pk=pk)
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
