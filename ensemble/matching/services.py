"""Writes of matching: alert subscriptions, and telling subscribers about a new need."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ensemble.actors.models import OrganisationMember
from ensemble.notifications.services import notify
from ensemble.projects.models import Need, Project
from ensemble.territories.models import Territory

from .models import MatchAlert
from .selectors import need_candidates

ALERT_DEPTH = 50
ALERT_RANK = 5
NOTIFICATION_KIND = "matching_new_need"


def alert_set(
    *, actor_user, territory: Territory, mode: str, is_active: bool, organisation=None
) -> MatchAlert:
    """Create or change the alert of `actor_user` (or of an organisation they belong to)."""
    if mode not in MatchAlert.Mode.values:
        raise ValidationError({"mode": [_("Choose when to be told.")]})
    if organisation is not None and not actor_user.has_perm(
        "matching.manage_organisation_alert", organisation
    ):
        raise PermissionDenied
    lookup = {"organisation": organisation} if organisation is not None else {"user": actor_user}
    with transaction.atomic():
        alert, _created = MatchAlert.objects.select_for_update().get_or_create(
            territory=territory, **lookup, defaults={"mode": mode, "is_active": is_active}
        )
        alert.mode, alert.is_active = mode, is_active
        alert.full_clean()
        alert.save()
    return alert


def _recipients(alert: MatchAlert) -> list:
    if alert.user_id:
        return [alert.user]
    members = OrganisationMember.objects.filter(organisation_id=alert.organisation_id)
    return [m.user for m in members.select_related("user").order_by("pk")]


def alerts_for_new_need(*, need: Need) -> int:
    """Notify subscribers of the need's territory who are among its candidates, "very likely"
    or at least `ALERT_RANK` best (the same ranking as the candidates page).

    Returns the number of notifications sent. Team members of the project are skipped.
    """
    need = Need.objects.select_related("project__territory", "territory").get(pk=need.pk)
    if need.status != Need.Status.OPEN or need.project.status != Project.Status.PUBLISHED:
        return 0
    alerts = list(
        MatchAlert.objects.filter(territory_id=need.territory_id, is_active=True).select_related(
            "user", "organisation"
        )
    )
    if not alerts:
        return 0
    team = set(need.project.memberships.values_list("user_id", flat=True))
    candidates = need_candidates(need=need, viewer=None, limit=ALERT_DEPTH, everyone=True)
    fitting = {
        (c.actor_type, c.actor.pk)
        for rank, c in enumerate(candidates)
        if c.level == "very_likely" or rank < ALERT_RANK
    }
    params = {
        "title": need.title,
        "themes": [[t.slug, t.name, t.territory_id is None] for t in need.project.themes.all()],
    }
    sent = 0
    for alert in alerts:
        key = (
            ("organisation", alert.organisation_id)
            if alert.organisation_id
            else ("person", alert.user_id)
        )
        if key not in fitting:
            continue
        for person in _recipients(alert):
            if person.pk in team:
                continue
            notify(
                user=person,
                kind=NOTIFICATION_KIND,
                params=params,
                key=f"need:{need.pk}:matching",
                url=need.project.get_absolute_url(),
                body=need.project.title,
                territory=need.territory,
                email=alert.mode == MatchAlert.Mode.IMMEDIATE,
            )
            sent += 1
    return sent


def need_published(need: Need) -> None:
    """Call after a need is added to a published project, and for each open need at publish.

    The alerts go once the transaction commits (never for a rolled-back write).
    """
    transaction.on_commit(lambda: alerts_for_new_need(need=need))
