from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.decorators import territory_permission_required
from ensemble.core.pagination import paginate
from ensemble.core.views import service_form
from ensemble.territories.selectors import user_territory_list

from . import selectors, services
from .forms import ConsentForm, NewsletterForm

MANAGE = "newsletters.manage_newsletters"


def _get(request, pk: int):
    newsletter = selectors.newsletter_get(territory=request.territory, pk=pk)
    if newsletter is None:
        raise Http404
    return newsletter


@territory_permission_required(MANAGE)
def newsletter_list(request):
    territory = request.territory
    form = NewsletterForm(request.POST or None)
    return service_form(
        request, form,
        lambda data: services.newsletter_save(
            actor=request.user, territory=territory, subject=data["subject"], body=data["body"]
        ),
        template="newsletters/newsletter_list.html",
        context={
            "page": paginate(request, selectors.newsletter_list(territory=territory)),
            "readers": len(selectors.recipient_ids(territory=territory)),
        },
        success_message=_("Draft saved: check the preview, send a test to yourself, then send."),
        success_url=lambda newsletter: newsletter.get_absolute_url(),
    )  # fmt: skip


@territory_permission_required(MANAGE)
def newsletter_edit(request, pk: int):
    newsletter = _get(request, pk)
    form = NewsletterForm(request.POST or None, instance=newsletter)
    return service_form(
        request, form,
        lambda data: services.newsletter_save(
            actor=request.user, territory=request.territory, subject=data["subject"],
            body=data["body"], newsletter=_get(request, pk),
        ),
        template="newsletters/newsletter_edit.html",
        context={
            "newsletter": newsletter,
            "readers": len(selectors.recipient_ids(territory=request.territory)),
        },
        success_message=_("Draft saved."),
        success_url=lambda saved: saved.get_absolute_url(),
    )  # fmt: skip


def _act(request, pk: int, call, success):
    """Run `call(newsletter)`; its refusal or `success(newsletter)` becomes the message."""
    newsletter = _get(request, pk)
    try:
        call(newsletter)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success(newsletter))
    return redirect(newsletter.get_absolute_url())


@require_POST
@territory_permission_required(MANAGE)
def newsletter_test(request, pk: int):
    return _act(
        request, pk,
        lambda newsletter: services.newsletter_test_send(actor=request.user, newsletter=newsletter),
        lambda _newsletter: _("A test was sent to %(email)s.") % {"email": request.user.email},
    )  # fmt: skip


@require_POST
@territory_permission_required(MANAGE)
def newsletter_send(request, pk: int):
    return _act(
        request, pk,
        lambda newsletter: services.newsletter_send(actor=request.user, newsletter=newsletter),
        lambda newsletter: _("The newsletter is on its way to %(count)s people.")
        % {"count": newsletter.recipients_count},
    )  # fmt: skip


@login_required
def my_newsletters(request):
    """The newsletters a member asked for, one checkbox per territory (default: none)."""
    territories = [m.territory for m in user_territory_list(user=request.user)]
    consented = selectors.consented_territory_ids(user=request.user)
    data = request.POST if request.method == "POST" else None  # all unticked: an empty POST
    form = ConsentForm(data, territories=territories, consented=consented)
    if request.method == "POST" and form.is_valid():
        for territory, consent in form.choices():
            services.consent_set(user=request.user, territory=territory, consent=consent)
        messages.success(request, _("Your newsletter choices were saved."))
        return redirect(reverse("my_newsletters"))
    return render(request, "newsletters/my_newsletters.html", {"form": form})
