"""Managing offers: an organisation's (its members) and a person's own ("mes offres")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first, require
from ensemble.core.views import service_form

from . import selectors, services
from .access import offer_get_visible, organisation_get_visible
from .forms import OfferForm


def _offer_fields(data: dict) -> dict:
    return {name: data[name] for name in OfferForm.Meta.fields}


def _offers_page(request, *, offers, create, context: dict):
    """The list of offers with a form to add one; `create(**fields)` calls the service."""
    return service_form(
        request,
        OfferForm(request.POST or None),
        lambda data: create(**_offer_fields(data)),
        template="actors/offers.html",
        context={"offers": offers, **context},
        success_message=_("Your offer was added."),
        success_url=request.path,
    )


def _offer_edit_page(request, *, offer, back: str, context: dict):
    return service_form(
        request,
        OfferForm(request.POST or None, instance=offer),
        lambda data: services.offer_update(
            actor=request.user, offer=offer, data=_offer_fields(data)
        ),
        template="actors/offer_form.html",
        context={"offer": offer, "back": back, **context},
        success_message=_("Your offer was saved."),
        success_url=back,
    )


def _deactivate(request, offer, back: str):
    services.offer_deactivate(actor=request.user, offer=offer)
    messages.success(request, _("The offer was withdrawn."))
    return redirect(back)


# --- An organisation's offers -------------------------------------------------


def _organisation_offers_url(request, pk: int) -> str:
    return reverse("actors:offers", kwargs={"territory_slug": request.territory.slug, "pk": pk})


def organisation_offers(request, pk: int):
    if response := login_first(request):
        return response
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory,
        perm="actors.manage_organisation_offers",
    )  # fmt: skip
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


def organisation_offer_edit(request, pk: int, offer_pk: int):
    if response := login_first(request):
        return response
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory,
        perm="actors.manage_organisation_offers",
    )  # fmt: skip
    offer = offer_get_visible(user=request.user, pk=offer_pk, organisation=organisation)
    return _offer_edit_page(
        request, offer=offer, back=_organisation_offers_url(request, pk),
        context={"organisation": organisation},
    )  # fmt: skip


@require_POST
@login_required
def organisation_offer_deactivate(request, pk: int, offer_pk: int):
    organisation = organisation_get_visible(
        user=request.user, pk=pk, territory=request.territory,
        perm="actors.manage_organisation_offers",
    )  # fmt: skip
    offer = offer_get_visible(user=request.user, pk=offer_pk, organisation=organisation)
    return _deactivate(request, offer, _organisation_offers_url(request, pk))


# --- A person's own offers ----------------------------------------------------


def _my_offers_url(request) -> str:
    return reverse("actors:my_offers", kwargs={"territory_slug": request.territory.slug})


@login_required
def my_offers(request):
    territory = request.territory
    can_add = request.user.has_perm("actors.add_person_offer", territory)
    if request.method == "POST":
        require(request.user, "actors.add_person_offer", territory)
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
    offer = offer_get_visible(
        user=request.user, pk=offer_pk, territory=request.territory, mine=True
    )
    return _offer_edit_page(
        request, offer=offer, back=_my_offers_url(request), context={"organisation": None}
    )


@require_POST
@login_required
def my_offer_deactivate(request, offer_pk: int):
    offer = offer_get_visible(
        user=request.user, pk=offer_pk, territory=request.territory, mine=True
    )
    return _deactivate(request, offer, _my_offers_url(request))
