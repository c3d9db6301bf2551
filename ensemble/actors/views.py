"""Organisation pages of a territory, and a person's own offers ("mes offres")."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.forms import form_add_service_errors
from ensemble.core.pagination import paginate
from ensemble.territories.predicates import is_territory_member

from . import selectors, services
from .forms import MemberAddForm, OrganisationFilterForm, OrganisationForm


def _require(request, perm: str, obj) -> None:
    """Anonymous people are sent to log in; others without the permission get a 403."""
    if request.user.has_perm(perm, obj):
        return
    if not request.user.is_authenticated:
        raise _LoginRequired
    raise PermissionDenied


class _LoginRequired(Exception):
    pass


def _login_redirects(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _organisation(request, pk: int):
    return selectors.organisation_for_update(pk=pk, territory=request.territory)


# --- Directory and organisation page ------------------------------------------


def directory(request):
    territory = request.territory
    form = OrganisationFilterForm(request.GET or None, territory=territory)
    filters = form.filters() if request.GET else {}
    page = paginate(request, selectors.organisation_list(territory=territory, filters=filters))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "actors/directory.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "filtered": bool(filters.keys() - {"sort"}),
            "can_add": request.user.has_perm("actors.add_organisation", territory),
        },
    )


def detail(request, pk: int):
    territory = request.territory
    organisation = selectors.organisation_get(territory=territory, pk=pk)
    user = request.user
    return render(
        request,
        "actors/detail.html",
        {
            "organisation": organisation,
            "show_contact": is_territory_member(user, territory),
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


@territory_permission_required("actors.add_organisation")
def create(request):
    territory = request.territory
    form = OrganisationForm(request.POST or None, request.FILES or None, territory=territory)
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in services.ORGANISATION_FIELDS
            if name in form.cleaned_data
        }
        try:
            organisation = services.organisation_create(
                creator=request.user, territory=territory, logo=form.cleaned_data["logo"],
                **data, **_relations(form),
            )  # fmt: skip
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your organisation was created."))
            return redirect(organisation.get_absolute_url())
    return render(
        request,
        "actors/organisation_form.html",
        {"form": form, "organisation": None},
        status=400 if form.errors else 200,
    )


@_login_redirects
def edit(request, pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.change_organisation", organisation)
    form = OrganisationForm(
        request.POST or None, request.FILES or None, instance=organisation,
        territory=organisation.territory,
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        fresh = _organisation(request, pk)
        data = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in services.ORGANISATION_FIELDS
        }
        try:
            services.organisation_update(
                actor=request.user, organisation=fresh, data=data, **_relations(form)
            )
            logo = form.cleaned_data["logo"]
            if logo or logo is False:  # a new file, or "clear" ticked
                services.organisation_logo_set(
                    actor=request.user, organisation=fresh, logo=logo or None
                )
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect(fresh.get_absolute_url())
    return render(
        request,
        "actors/organisation_form.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )


@require_POST
@_login_redirects
def verify(request, pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.verify_organisation", organisation)
    if request.POST.get("action") == "unverify":
        services.organisation_unverify(actor=request.user, organisation=organisation)
        messages.success(request, _("The verified badge was removed."))
    else:
        services.organisation_verify(actor=request.user, organisation=organisation)
        messages.success(request, _("The organisation is now verified."))
    return redirect(organisation.get_absolute_url())


# --- Members ------------------------------------------------------------------


@_login_redirects
def members(request, pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.leave_organisation", organisation)
    can_manage = request.user.has_perm("actors.manage_organisation_members", organisation)
    form = MemberAddForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        _require(request, "actors.manage_organisation_members", organisation)
        if form.is_valid():
            try:
                services.organisation_member_add(
                    actor=request.user, organisation=organisation, **form.cleaned_data
                )
            except ValidationError as error:
                form_add_service_errors(form, error)
            else:
                messages.success(request, _("The person was added."))
                return redirect("actors:members", territory_slug=request.territory.slug, pk=pk)
    return render(
        request,
        "actors/members.html",
        {
            "organisation": organisation,
            "memberships": selectors.organisation_member_list(organisation=organisation),
            "form": form,
            "can_manage": can_manage,
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@_login_redirects
def member_remove(request, pk: int, member_pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.manage_organisation_members", organisation)
    membership = selectors.organisation_member_get(organisation=organisation, pk=member_pk)
    try:
        services.organisation_member_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The person was removed."))
    return redirect("actors:members", territory_slug=request.territory.slug, pk=pk)


@require_POST
@_login_redirects
def leave(request, pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.leave_organisation", organisation)
    try:
        services.organisation_member_leave(user=request.user, organisation=organisation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("actors:members", territory_slug=request.territory.slug, pk=pk)
    messages.success(request, _("You have left the organisation."))
    return redirect(organisation.get_absolute_url())
