"""The welcome steps after sign-up and joining a territory: interests, neighbourhood and
what the person can offer, so that their personal home shows what concerns them."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ensemble.core.views import service_form
from ensemble.territories.models import Neighbourhood, Theme
from ensemble.territories.selectors import territory_list, user_territory_list

from .models import User
from .services import profile_update


class OnboardingForm(forms.Form):
    interests = forms.ModelMultipleChoiceField(
        label=gettext_lazy("What interests you"), queryset=Theme.objects.none(),
        required=False, widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    neighbourhood = forms.ModelChoiceField(
        label=gettext_lazy("Your neighbourhood"), queryset=Neighbourhood.objects.none(),
        required=False,
    )  # fmt: skip
    skills = forms.CharField(
        label=gettext_lazy("What you can offer (optional)"), required=False, max_length=2000,
        help_text=gettext_lazy("Skills, time, a place…, separated by commas."),
    )  # fmt: skip

    def __init__(self, *args, user: User, territory_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = Theme.objects.filter(
            Q(territory__isnull=True) | Q(territory__in=territory_ids)
        ).order_by("position", "name")
        neighbourhoods = Neighbourhood.objects.filter(territory__in=territory_ids)
        self.fields["neighbourhood"].queryset = neighbourhoods.select_related("territory")
        if len(territory_ids) > 1:
            self.fields["neighbourhood"].label_from_instance = lambda n: f"{n} ({n.territory})"
        if not self.is_bound:
            self.initial = {
                "interests": list(user.interests.values_list("pk", flat=True)),
                "neighbourhood": user.neighbourhood_id,
                "skills": ", ".join(user.skills or []),
            }


@transaction.atomic
def onboarding_complete(*, user: User, interests, neighbourhood, skills: str) -> User:
    user = profile_update(
        user=user, data={"neighbourhood": neighbourhood, "skills": skills}, interests=interests
    )
    User.objects.filter(pk=user.pk).update(onboarded_at=timezone.now())
    return user


@login_required
def onboarding(request):
    memberships = list(user_territory_list(user=request.user))
    territory_ids = [m.territory_id for m in memberships]
    person = User.objects.get(pk=request.user.pk)
    form = OnboardingForm(request.POST or None, user=person, territory_ids=territory_ids)

    def save(data):
        return onboarding_complete(
            user=person, interests=data["interests"], neighbourhood=data["neighbourhood"],
            skills=data["skills"],
        )  # fmt: skip

    return service_form(
        request, form, save, template="accounts/onboarding.html",
        context={
            "memberships": memberships,
            "territories": [] if memberships else list(territory_list()[:12]),
        },
        success_message=_("Thank you! Here is what we found for you."),
        success_url="home:personal",
    )  # fmt: skip
