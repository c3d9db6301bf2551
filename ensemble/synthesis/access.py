"""Access to themes: the only way views and the API reach them."""

from django.http import Http404

from ensemble.consultations.access import consultation_get_visible
from ensemble.core.access import require

from .models import Theme


def synthesis_consultation(*, user, pk: int, manage: bool = False):
    """The consultation whose themes `user` may read (published ones) or manage.

    A consultation `user` may not see is a 404; one whose synthesis is not published,
    for someone who is not its agent, is a 404 too (drafts do not exist for them)."""
    consultation = consultation_get_visible(user=user, pk=pk)
    if manage:
        require(user, "synthesis.manage_themes", consultation)
    elif not user.has_perm("synthesis.view_synthesis", consultation):
        raise Http404
    return consultation


def theme_get_manageable(*, user, pk: int) -> Theme:
    """A theme `user` may edit (404 if they may not see its consultation, 403 if not agent)."""
    try:
        theme = Theme.objects.select_related("consultation__territory").filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        theme = None
    if theme is None or not user.has_perm("consultations.view_consultation", theme.consultation):
        raise Http404
    require(user, "synthesis.manage_themes", theme.consultation)
    return theme


def theme_get_visible(*, user, pk: int) -> Theme:
    """A theme `user` may read: any theme for the consultation's agents, a published one
    for whoever reads the published synthesis; anything else is a 404."""
    theme = Theme.objects.select_related("consultation__territory").filter(pk=pk).first()
    if theme is None:
        raise Http404
    consultation = theme.consultation
    if user.has_perm("synthesis.manage_themes", consultation) and user.has_perm(
        "consultations.view_consultation", consultation
    ):
        return theme
    if theme.status != Theme.Status.PUBLISHED or not user.has_perm(
        "synthesis.view_synthesis", consultation
    ):
        raise Http404
    return theme
