"""The one way into the audit log: `record(...)`, called by the services that act."""

from django.db import models

from .models import AuditEntry

LABEL_MAX_LENGTH = AuditEntry._meta.get_field("target_label").max_length


def _target_type(target: models.Model) -> str:
    return f"{target._meta.app_label}.{target._meta.model_name}"


def record(
    *, actor, action: str, territory=None, target: models.Model | None = None,
    label: str | None = None, person=None, reason: str = "", before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:  # fmt: skip
    """Write one audit entry, in the caller's transaction (it is undone with the action).

    `label` names the target when `str(target)` would show a person's details.
    """
    entry = AuditEntry(
        territory=territory,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=_target_type(target) if target is not None else "",
        target_id=target.pk if target is not None else None,
        target_label=(str(target) if label is None and target is not None else label or "")[
            :LABEL_MAX_LENGTH
        ],
        person=person,
        reason=(reason or "")[:2000],
        before=before,
        after=after,
    )
    entry.save()
    return entry
