"""Writes of the charter: the public, versioned rules of a consultation.

A version is never edited: publishing a change is a new version with a note of
what changed, shown in the public changelog. The consultation keeps the number
and the answer promise of the version in force; every contribution records it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ensemble.consultations.models import CharterVersion, Consultation
from ensemble.consultations.services.consultations import _charter_version_create
from ensemble.core.access import require


@transaction.atomic
def charter_publish(
    *, author, consultation: Consultation, body: str, changes: str, answer_within_days: int
) -> CharterVersion:
    """A new version of the charter (version + 1), in force from now."""
    require(author, "consultations.change_consultation", consultation)
    # Lock the consultation: two agents publishing at once get versions n+1 and n+2.
    Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    latest = CharterVersion.objects.filter(consultation=consultation).aggregate(
        latest=Max("version")
    )["latest"]
    if latest and not (changes or "").strip():
        raise ValidationError({"changes": _("Say what changed: the public changelog shows it.")})
    return _charter_version_create(
        consultation=consultation, author=author, version=(latest or 0) + 1, body=body,
        changes=changes, answer_within_days=answer_within_days,
    )  # fmt: skip
