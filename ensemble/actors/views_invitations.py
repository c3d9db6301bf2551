"""A person's invitations to organisations: the list, accepting, declining."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .access import organisation_invitation_get_mine


@login_required
def my_invitations(request):
    invitations = selectors.organisation_invitation_list_mine(user=request.user)
    return render(request, "actors/my_invitations.html", {"invitations": invitations})


def _answer(request, pk: int, *, accept: bool):
    invitation = organisation_invitation_get_mine(user=request.user, pk=pk)
    try:
        if accept:
            services.organisation_invitation_accept(user=request.user, invitation=invitation)
        else:
            services.organisation_invitation_decline(user=request.user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("organisation_invitations")
    if accept:
        messages.success(
            request, _("You have joined %(name)s.") % {"name": invitation.organisation.name}
        )
        return redirect(invitation.organisation.get_absolute_url())
    messages.success(request, _("The invitation was declined."))
    return redirect("organisation_invitations")


@require_POST
@login_required
def invitation_accept(request, pk: int):
    return _answer(request, pk, accept=True)


@require_POST
@login_required
def invitation_decline(request, pk: int):
    return _answer(request, pk, accept=False)
