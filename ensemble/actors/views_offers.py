"""Managing offers: an organisation's (its members) and a person's own ("mes offres")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.forms import form_add_service_errors

from . import selectors, services
from .forms import OfferForm
from .views import _login_redirects, _organisation, _require


def _offer_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in OfferForm.Meta.fields}


def _offers_page(request, *, offers, create, context: dict):
    """The list of offers with a form to add one; `create(**fields)` calls the service."""
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            create(**_offer_fields(form))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your offer was added."))
            return redirect(request.path)
    return render(
        request,
        "actors/offers.html",
        {"form": form, "offers": offers, **context},
        status=400 if form.errors else 200,
    )


def _offer_edit_page(request, *, offer, back: str, context: dict):
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_update(actor=request.user, offer=offer, data=_offer_fields(form))
        except ValidationError as error:
            form_add_service_errors(form, error)
        else:
            messages.success(request, _("Your offer was saved."))
            return redirect(back)
    return render(
        request,
        "actors/offer_form.html",
        {"form": form, "offer": offer, "back": back, **context},
        status=400 if form.errors else 200,
    )


def _deactivate(request, offer, back: str):
    services.offer_deactivate(actor=request.user, offer=offer)
    messages.success(request, _("The offer was withdrawn."))
    return redirect(back)


# --- An organisation's offers -------------------------------------------------


def _organisation_offers_url(request, pk: int) -> str:
    return reverse("actors:offers", kwargs={"territory_slug": request.territory.slug, "pk": pk})


@_login_redirects
def organisation_offers(request, pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.manage_organisation_offers", organisation)
    return _offers_page(
        request,
        offers=selectors.offer_list_for_organisation(
            organisation=organisation, include_inactive=True
        ),
        create=lambda **fields: services.offer_create(
            actor=request.user, organisation=organisation, **fields
        ),
        context={"organisation": organisation},
    )


@_login_redirects
def organisation_offer_edit(request, pk: int, offer_pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.manage_organisation_offers", organisation)
    offer = selectors.offer_get_for_organisation(organisation=organisation, pk=offer_pk)
    return _offer_edit_page(
        request, offer=offer, back=_organisation_offers_url(request, pk),
        context={"organisation": organisation},
    )  # fmt: skip


@require_POST
@_login_redirects
def organisation_offer_deactivate(request, pk: int, offer_pk: int):
    organisation = _organisation(request, pk)
    _require(request, "actors.manage_organisation_offers", organisation)
    offer = selectors.offer_get_for_organisation(organisation=organisation, pk=offer_pk)
    return _deactivate(request, offer, _organisation_offers_url(request, pk))


# --- A person's own offers ----------------------------------------------------


def _my_offers_url(request) -> str:
    return reverse("actors:my_offers", kwargs={"territory_slug": request.territory.slug})


@login_required
@_login_redirects
def my_offers(request):
    territory = request.territory
    can_add = request.user.has_perm("actors.add_person_offer", territory)
    if request.method == "POST":
        _require(request, "actors.add_person_offer", territory)
    return _offers_page(
        request,
        offers=selectors.offer_list_for_person(
            user=request.user, territory=territory, include_inactive=True
        ),
        create=lambda **fields: services.offer_create(
            actor=request.user, territory=territory, **fields
        ),
        context={"organisation": None, "can_add": can_add},
    )


@login_required
def my_offer_edit(request, offer_pk: int):
    offer = selectors.offer_get_for_person(
        user=request.user, territory=request.territory, pk=offer_pk
    )
    return _offer_edit_page(
        request, offer=offer, back=_my_offers_url(request), context={"organisation": None}
    )


@require_POST
@login_required
def my_offer_deactivate(request, offer_pk: int):
    offer = selectors.offer_get_for_person(
        user=request.user, territory=request.territory, pk=offer_pk
    )
    return _deactivate(request, offer, _my_offers_url(request))
