from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from ensemble.core.views import service_form
from ensemble.territories.selectors import user_territory_list

from . import services
from .forms import ProfileForm
from .models import User


@login_required
def profile_edit(request):
    # A fresh copy: a refused form must not change the person shown in the header.
    person = User.objects.get(pk=request.user.pk)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)

    def save(data):
        changed = {
            name: data[name] for name in form.changed_data if name in services.PROFILE_FIELDS
        }
        return services.profile_update(
            user=User.objects.get(pk=request.user.pk), data=changed,
            interests=data["interests"], avatar=data.get("avatar") or None,
        )  # fmt: skip

    return service_form(
        request, form, save, template="accounts/profile_edit.html",
        context={"memberships": user_territory_list(user=request.user)},
        success_message=_("Your profile was saved."), success_url="accounts:profile_edit",
    )  # fmt: skip
