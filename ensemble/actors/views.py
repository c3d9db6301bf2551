"""Organisation pages of a territory, and a person's own offers ("mes offres")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first, require
from ensemble.core.decorators import territory_permission_required
from ensemble.core.lists import FilteredList
from ensemble.core.views import service_form

from . import selectors, services
from .access import organisation_get_visible, organisation_member_get_visible
from .forms import MemberAddForm, OrganisationFilterForm, OrganisationForm
from .predicates import sees_contact_details

# --- Directory and organisation page ------------------------------------------


class OrganisationDirectory(FilteredList):
    form_class = OrganisationFilterForm

    def rows(self, filters: dict):
        return selectors.organisation_list(territory=self.territory, filters=filters)


def directory(request):
    return render(
        request,
        "actors/directory.html",
        {
            "directory": OrganisationDirectory(request),
            "can_add": request.user.has_perm("actors.add_organisation", request.territory),
        },
    )


def detail(request, pk: int):
    """The parts of the page that are the same for everyone are kept in fragments: the
    organisation's relations are read (`details`) only when one of them renders."""
    territory = request.territory
    organisation = organisation_get_visible(user=request.user, pk=pk, territory=territory)
    user = request.user
    return render(
        request,
        "actors/detail.html",
        {
            "organisation": organisation,
            "details": SimpleLazyObject(lambda: selectors.organisation_details_load(organisation)),
            "show_contact": sees_contact_details(user, territory),
            "can_change": user.has_perm("actors.change_organisation", organisation),
            "can_manage_offers": user.has_perm("actors.manage_organisation_offers", organisation),
            "can_verify": user.has_perm("actors.verify_organisation", organisation),
        },
    )


# --- Create and edit ----------------------------------------------------------


def _relations(form) -> dict:
    return {
        "themes": form.cleaned_data["themes"],
        "other_territories": form.cleaned_data["other_territories"],
    }


def _fields(form, names) -> dict:
    return {name: form.cleaned_data[name] for name in names if name in services.ORGANISATION_FIELDS}


@territory_permission_required("actors.add_organisation")
def create(request):
    territory = request.territory
    form = OrganisationForm(request.POST or None, request.FILES or None, territory=territory)
    return service_form(
        request,
        form,
        lambda data: services.organisation_create(
            creator=request.user, territory=territory, logo=data["logo"],
            **_fields(form, data), **_relations(form),
        ),
        template="actors/organisation_form.html",
        context={"organisation": None},
        success_message=_("Your organisation was created."),
        success_url=lambda organisation: organisation.get_absolute_url(),
    )  # fmt: skip


def edit(request, pk: int):
    if response := login_first(request):
        return response
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="actors.change_organisation"
    )
    form = OrganisationForm(
        request.POST or None, request.FILES or None, instance=organisation,
        territory=organisation.territory,
    )  # fmt: skip

    def save(data):
        # A fresh copy to change: validating the form has already changed `organisation`.
        fresh = organisation_get_visible(user=request.user, pk=pk, territory=request.territory)
        return services.organisation_edit(
            actor=request.user, organisation=fresh, data=_fields(form, form.changed_data),
            logo=data["logo"], **_relations(form),
        )  # fmt: skip

    return service_form(
        request,
        form,
        save,
        template="actors/organisation_form.html",
        context={"organisation": organisation},
        success_message=_("The organisation was saved."),
        success_url=lambda fresh: fresh.get_absolute_url(),
    )


@require_POST
@login_required
def verify(request, pk: int):
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="actors.verify_organisation"
    )
    verified = request.POST.get("action") != "unverify"
    services.organisation_verification_set(
        actor=request.user, organisation=organisation, verified=verified
    )
    if verified:
        messages.success(request, _("The organisation is now verified."))
    else:
        messages.success(request, _("The verified badge was removed."))
    return redirect(organisation.get_absolute_url())


# --- Members ------------------------------------------------------------------


def _members_url(request, pk: int) -> str:
    return reverse("actors:members", kwargs={"territory_slug": request.territory.slug, "pk": pk})


def members(request, pk: int):
    if response := login_first(request):
        return response
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="actors.leave_organisation"
    )
    can_manage = request.user.has_perm("actors.manage_organisation_members", organisation)
    if request.method == "POST":
        require(request.user, "actors.manage_organisation_members", organisation)
    context = {
        "organisation": organisation,
        "memberships": selectors.organisation_member_list(organisation=organisation),
        "can_manage": can_manage,
    }
    if not can_manage:
        return render(request, "actors/members.html", {"form": None, **context})
    return service_form(
        request,
        MemberAddForm(request.POST or None),
        lambda data: services.organisation_member_invite(
            actor=request.user, organisation=organisation, **data
        ),
        template="actors/members.html",
        context=context,
        # The same answer whether or not the address has an account.
        success_message=_(
            "If this address belongs to an account, the person was invited: they will "
            "appear here once they accept."
        ),
        success_url=_members_url(request, pk),
    )


@require_POST
@login_required
def member_remove(request, pk: int, member_pk: int):
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory,
        perm="actors.manage_organisation_members",
    )  # fmt: skip
    membership = organisation_member_get_visible(
        user=request.user, pk=member_pk, organisation=organisation
    )
    try:
        services.organisation_member_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The person was removed."))
    return redirect(_members_url(request, pk))


@require_POST
@login_required
def leave(request, pk: int):
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory, perm="actors.leave_organisation"
    )
    try:
        services.organisation_member_leave(user=request.user, organisation=organisation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_members_url(request, pk))
    messages.success(request, _("You have left the organisation."))
    return redirect(organisation.get_absolute_url())
