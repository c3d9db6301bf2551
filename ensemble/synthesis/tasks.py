"""Themes are computed outside the request, by a task; new contributions ask again,
debounced (see `services.themes_request`)."""

from django_tasks import task

from ensemble.consultations.models import Consultation


@task()
def themes_compute(*, consultation_id: int) -> int:
    from .services import themes_compute_now  # services enqueue this task

    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None:
        return 0
    return len(themes_compute_now(consultation=consultation))
