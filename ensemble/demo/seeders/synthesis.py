"""Themes of the demo consultations, computed once their texts have vectors.

Not in `SEEDERS` (they run in one transaction, before `embed`): `seed_demo` calls
`seed_themes` after the vectors are computed. Idempotent: a consultation whose themes
were computed is left as the agents may have edited it."""

from ensemble.consultations.models import Consultation
from ensemble.synthesis.models import Synthesis
from ensemble.synthesis.services import themes_compute_now

MINIMUM = 6  # fewer contributions make no useful synthesis


def seed_themes() -> int:
    done = 0
    computed = Synthesis.objects.filter(computed_at__isnull=False).values("consultation_id")
    consultations = Consultation.objects.filter(
        status=Consultation.Status.PUBLISHED, visibility=Consultation.Visibility.PUBLIC
    ).exclude(pk__in=computed)
    for consultation in consultations:
        if consultation.contributions.open().count() >= MINIMUM:
            themes_compute_now(consultation=consultation)
            done += 1
    return done
