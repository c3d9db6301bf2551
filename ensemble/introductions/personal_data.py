"""What introductions hold about a person: those they asked for or received. Asked ones stay
for the people they asked (from "deleted participant"); received ones addressed to the
person alone are removed."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Introduction

introductions = PersonalData(
    key="introductions",
    label=_("Introductions you asked for or received"),
    retention=_("as long as the need they are about"),
    on_erasure=_("those you asked for kept, from a deleted participant; those to you removed"),
    export=lambda user: rows(
        Introduction.objects.filter(Q(requested_by=user) | Q(to_user=user)),
        "id",
        "kind",
        "need_id",
        "requested_by_id",
        "to_user_id",
        "to_organisation_id",
        "message",
        "status",
        "outcome",
        "created_at",
        "answered_at",
    ),
    erase=lambda user: Introduction.objects.filter(to_user=user).delete(),
)
