"""The profile's API tokens page: list, create (the key is shown once), revoke.

Creating a token here needs only the web session, which already passed the second
factor at login: this is how an account with two-factor authentication gets a token
without sending its code to the API.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import tokens


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What is this token for?"), max_length=60, required=False,
        help_text=gettext_lazy("For example “my city's dashboard”."),
    )  # fmt: skip


@login_required
def token_list(request):
    form = TokenForm(request.POST or None)
    key = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            key = tokens.api_token_create(user=request.user, name=form.cleaned_data["name"])
            form = TokenForm()
        else:
            status = 400
    context = {
        "form": form, "new_key": key, "tokens": tokens.api_token_list(user=request.user),
    }  # fmt: skip
    response = render(request, "accounts/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk: int):
    if tokens.api_token_revoke_by_id(user=request.user, pk=pk):
        messages.success(request, _("The token was revoked."))
    return redirect("accounts:tokens")
