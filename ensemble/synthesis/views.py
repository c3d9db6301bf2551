"""Pages of the synthesis: the agents' themes page and its actions, the published
synthesis for everyone who sees the consultation, its printable report, and the
contributions similar in meaning to one being typed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ensemble.core.access import login_first
from ensemble.core.views import service_form

from . import selectors, services
from .access import synthesis_consultation
from .forms import ThemeAnswerForm, ThemeEditForm, ThemeMergeForm, ThemeMoveForm
from .models import Theme


def _consultation(request, pk: int, *, manage: bool):
    return synthesis_consultation(user=request.user, pk=pk, manage=manage)


def _theme(consultation, theme_pk: int) -> Theme:
    theme = Theme.objects.filter(consultation=consultation, pk=theme_pk).first()
    if theme is None:
        raise Http404
    theme.consultation = consultation
    return theme


def _themes_url(consultation) -> str:
    return reverse(
        "synthesis:themes",
        kwargs={"territory_slug": consultation.territory.slug, "pk": consultation.pk},
    )


def _context(consultation, *, published_only: bool) -> dict:
    """Themes, their contributions and figures: a fixed number of queries."""
    rows = selectors.theme_rows(consultation, published_only=published_only)
    found = selectors.contributions_by_id(pk for row in rows for pk in row.contribution_ids)
    for row in rows:
        row.contributions = [found[pk] for pk in row.contribution_ids if pk in found]
    return {
        "consultation": consultation, "rows": rows,
        "synthesis": selectors.synthesis_get(consultation),
        "themes": [row.theme for row in rows],
    }  # fmt: skip


def themes(request, pk: int):
    """The agents' themes page: compute, rename, lock, merge, split, move, answer, publish."""
    if login := login_first(request):
        return login
    consultation = _consultation(request, pk, manage=True)
    return render(request, "synthesis/themes.html", _context(consultation, published_only=False))


@require_POST
def themes_compute(request, pk: int):
    consultation = _consultation(request, pk, manage=True)
    if services.themes_compute_on_demand(actor=request.user, consultation=consultation):
        messages.success(request, _("The themes are computed."))
    else:
        messages.success(request, _("The themes are being computed: reload this page in a minute."))
    return redirect(_themes_url(consultation))


@require_POST
def synthesis_publish(request, pk: int):
    consultation = _consultation(request, pk, manage=True)
    publish = request.POST.get("published", "1") == "1"
    try:
        services.synthesis_publish(actor=request.user, consultation=consultation, publish=publish)
    except services.ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The synthesis is published.") if publish else _("The synthesis is withdrawn."),
        )
    return redirect(_themes_url(consultation))


def _theme_action(request, pk, theme_pk, form, call, message):
    consultation = _consultation(request, pk, manage=True)
    theme = _theme(consultation, theme_pk)
    context = _context(consultation, published_only=False)
    return service_form(
        request, form, lambda data: call(theme, data), template="synthesis/themes.html",
        context={**context, "failed_theme": theme}, success_message=message,
        success_url=_themes_url(consultation) + f"#theme-{theme.pk}",
    )  # fmt: skip


@require_POST
def theme_edit(request, pk: int, theme_pk: int):
    return _theme_action(
        request, pk, theme_pk, ThemeEditForm(request.POST),
        lambda theme, data: services.theme_update(actor=request.user, theme=theme, data=data),
        _("The theme is saved."),
    )  # fmt: skip


@require_POST
def theme_merge(request, pk: int, theme_pk: int):
    consultation = _consultation(request, pk, manage=True)
    others = Theme.objects.filter(consultation=consultation).exclude(pk=theme_pk)
    return _theme_action(
        request, pk, theme_pk, ThemeMergeForm(request.POST, themes=others),
        lambda theme, data: services.themes_merge(
            actor=request.user, theme=theme, other_ids=[data["other"]]
        ),
        _("The themes are merged."),
    )  # fmt: skip


@require_POST
def theme_split(request, pk: int, theme_pk: int):
    consultation = _consultation(request, pk, manage=True)
    theme = _theme(consultation, theme_pk)
    try:
        services.theme_split(actor=request.user, theme=theme)
    except services.ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The theme is split in two."))
    return redirect(_themes_url(consultation))


@require_POST
def theme_move(request, pk: int, theme_pk: int):
    return _theme_action(
        request, pk, theme_pk, ThemeMoveForm(request.POST),
        lambda theme, data: services.contribution_move(
            actor=request.user, theme=theme, contribution_id=data["contribution"]
        ),
        _("The contribution is moved."),
    )  # fmt: skip


def theme_answer(request, pk: int, theme_pk: int):
    """Answer every contribution of a theme in one step, each with its own answer."""
    if login := login_first(request):
        return login
    consultation = _consultation(request, pk, manage=True)
    theme = _theme(consultation, theme_pk)
    contributions = [
        c for c in selectors.contributions_by_id(
            theme.memberships.values_list("contribution_id", flat=True)
        ).values() if not c.is_hidden and c.merged_into_id is None
    ]  # fmt: skip
    form = ThemeAnswerForm(request.POST or None, contributions=contributions)
    return service_form(
        request, form,
        lambda data: services.theme_answer(
            author=request.user, theme=theme, state=data["state"],
            explanation=data["explanation"], notes=form.notes(),
        ),
        template="synthesis/theme_answer.html",
        context={"consultation": consultation, "theme": theme, "contributions": contributions},
        success_message=_("Every contribution of the theme is answered."),
        success_url=_themes_url(consultation) + f"#theme-{theme.pk}",
    )  # fmt: skip


def synthesis(request, pk: int):
    """The published synthesis: themes, their contributions and figures."""
    consultation = _consultation(request, pk, manage=False)
    manage = request.user.has_perm("synthesis.manage_themes", consultation)
    context = _context(consultation, published_only=not manage)
    return render(request, "synthesis/synthesis.html", {**context, "manage": manage})


def report(request, pk: int):
    """The printable report for the council: themes, figures, quotes, answers, links."""
    consultation = _consultation(request, pk, manage=False)
    manage = request.user.has_perm("synthesis.manage_themes", consultation)
    context = _context(consultation, published_only=not manage)
    return render(request, "synthesis/report.html", {**context, "manage": manage})
