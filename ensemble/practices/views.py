"""Pages of the practice library: the network's library, a sheet, writing one, bookmarks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first, require
from ensemble.core.lists import FilteredList
from ensemble.core.views import service_form
from ensemble.practices import selectors, services
from ensemble.practices.access import practice_get_visible
from ensemble.practices.forms import PracticeFilterForm, PracticeForm
from ensemble.territories.selectors import user_territory_list


class PracticeLibrary(FilteredList):
    form_class = PracticeFilterForm

    def form_kwargs(self) -> dict:
        return {}

    @property
    def audience(self) -> str:
        """Visitors share the library; a person sees their drafts and bookmarks."""
        user = self.request.user
        return f"user:{user.pk}" if user.is_authenticated else ""

    def rows(self, filters: dict):
        return selectors.practice_list(user=self.request.user, filters=filters)


def practice_list(request):
    writable = [
        membership.territory
        for membership in user_territory_list(user=request.user)
        if request.user.has_perm("practices.add_practice", membership.territory)
    ] if request.user.is_authenticated else []  # fmt: skip
    return render(
        request,
        "practices/practice_list.html",
        {"directory": PracticeLibrary(request), "writable_territories": writable},
    )


def practice_detail(request, pk: int):
    practice = practice_get_visible(user=request.user, pk=pk)
    user = request.user
    contribution = practice.contribution
    if contribution is not None and not user.has_perm(
        "contributions.view_contribution", contribution
    ):
        contribution = None  # an internal consultation's words stay inside
    return render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "contribution": contribution,
            "projects": [p for p in practice.projects.all() if p.status == "published"],
            "replications": selectors.replications(practice),
            "replicated_projects": selectors.replicated_projects(practice),
            "is_bookmarked": selectors.is_bookmarked(user=user, practice=practice),
            "can_bookmark": user.has_perm("practices.bookmark_practice", practice),
            "can_change": user.has_perm("practices.change_practice", practice),
            "can_publish": user.has_perm("practices.publish_practice", practice),
        },
    )


def practice_create(request):
    """A new sheet of a practice that runs in this territory (its agents and admins)."""
    if response := login_first(request):
        return response
    territory = request.territory
    require(request.user, "practices.add_practice", territory)
    return service_form(
        request,
        PracticeForm(request.POST or None, territory=territory),
        lambda data: services.practice_create(
            actor=request.user, territory=territory, publish="publish" in request.POST, **data
        ),
        template="practices/practice_form.html",
        context={"practice": None},
        success_message=_("The practice sheet was saved."),
        success_url=lambda practice: practice.get_absolute_url(),
    )


def practice_edit(request, pk: int):
    if response := login_first(request):
        return response
    practice = practice_get_visible(user=request.user, pk=pk, perm="practices.change_practice")
    return service_form(
        request,
        PracticeForm(request.POST or None, instance=practice, territory=practice.territory),
        lambda data: services.practice_update(actor=request.user, practice=practice,
                                              data=dict(data)),
        template="practices/practice_form.html",
        context={"practice": practice},
        success_message=_("The practice sheet was saved."),
        success_url=practice.get_absolute_url(),
    )  # fmt: skip


def _act(request, pk: int, action) -> object:
    if response := login_first(request):
        return response
    practice = practice_get_visible(user=request.user, pk=pk)
    try:
        message = action(practice)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, message)
    return redirect(practice.get_absolute_url())


@require_POST
def practice_publish(request, pk: int):
    def publish(practice):
        services.practice_set_status(actor=request.user, practice=practice, status="published")
        return _("The practice is published for the whole network.")

    return _act(request, pk, publish)


@require_POST
def practice_bookmark(request, pk: int):
    def bookmark(practice):
        if request.POST.get("action") == "remove":
            services.bookmark_remove(user=request.user, practice=practice)
            return _("Bookmark removed.")
        services.bookmark_add(user=request.user, practice=practice)
        return _("Practice bookmarked.")

    return _act(request, pk, bookmark)
