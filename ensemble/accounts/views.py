from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ensemble.core.forms import form_add_service_errors
from ensemble.territories.selectors import user_territory_list

from . import services
from .forms import ProfileForm
from .models import User


@login_required
def profile_edit(request):
    # A fresh copy: a refused form must not change the person shown in the header.
    person = User.objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in services.PROFILE_FIELDS
        }
        try:
            services.profile_update(
                user=User.objects.get(pk=request.user.pk),
                data=data,
                interests=form.cleaned_data["interests"],
                avatar=form.cleaned_data.get("avatar") or None,
            )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile_edit")
    return render(
        request,
        "accounts/profile_edit.html",
        {"form": form, "memberships": user_territory_list(user=request.user)},
        status=400 if form.errors else 200,
    )
