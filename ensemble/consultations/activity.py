"""Lines about consultations in the activity feeds: their verbs, recorded only while
the consultation is public. How the lines read, which may show and what a person
follows is `ensemble.results.feed` (it reads every consultation app's models).
"""

from django.utils import timezone

from ensemble.activity.models import Activity

CONSULTATION_PUBLISHED = "consultation_published"
CONTRIBUTION_ANSWERED = "contribution_answered"
RESULT_PROGRESSED = "result_progressed"
WORKSHOP_ANNOUNCED = "workshop_announced"
# What a person hears of the consultations of the territories they belong to.
TERRITORY_CONSULTATION_VERBS = (CONSULTATION_PUBLISHED, WORKSHOP_ANNOUNCED)


# --- Recording ------------------------------------------------------------------


def consultation_is_public(consultation) -> bool:
    """Whether lines about `consultation` may reach the feeds: published and not internal."""
    return consultation.is_public


def consultation_activity_record(
    *, consultation, verb: str, actor=None, **objects
) -> Activity | None:
    """Record a line about `consultation` (or one of its answers, results, workshops).

    Privacy first: nothing is recorded for a draft or an internal consultation,
    so that no feed, export or future reader can leak it. Returns None then.
    """
    if not consultation_is_public(consultation):
        return None
    at = objects.pop("at", None)
    return Activity.objects.create(
        territory_id=consultation.territory_id, verb=verb, actor=actor,
        consultation=consultation, created_at=at or timezone.now(), **objects,
    )  # fmt: skip


def consultation_activities_delete(*, consultation) -> int:
    """Forget every line about `consultation` (it became internal); returns how many."""
    deleted, _by_model = Activity.objects.filter(consultation=consultation).delete()
    return deleted
