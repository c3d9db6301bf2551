"""Contributions of a workshop's groups, entered by a facilitator on their behalf."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ensemble.consultations.models import workshop_of
from ensemble.contributions.services.contributions import contribution_create
from ensemble.events.models import Event


def workshop_contribution_record(
    *, actor, event: Event, kind: str, title: str, body: str, group_size: int | None
):  # fmt: skip
    """One contribution of a workshop's group, entered by its facilitator on their behalf.

    `contribution_create` checks that the workshop has started and is not cancelled.
    """
    if not actor.has_perm("consultations.record_workshop", event):
        raise PermissionDenied
    if not group_size or group_size < 1:
        raise ValidationError({"group_size": _("Enter how many people were in the group.")})
    return contribution_create(
        author=actor, consultation=workshop_of(event).consultation, kind=kind, title=title,
        body=body, workshop=event, group_size=group_size,
    )  # fmt: skip
