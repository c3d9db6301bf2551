"""Themes are computed outside the request, by a task; new contributions ask again,
debounced (one computation at most every `DEBOUNCE` per consultation)."""

from django_tasks import task


@task()
def themes_compute(*, consultation_id: int) -> int:
    from ensemble.consultations.models import Consultation

    from .services import themes_compute_now

    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    return len(themes_compute_now(consultation=consultation))
