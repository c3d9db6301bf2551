"""Feed lines derived from the rows, for data written without the services.

The services record an activity line as they go; the demo consultations
(`seeders/consultations.py`) and the scale data (`bench/`) are inserted with
the models, so their lines are derived afterwards from what is in the
database: one line per published (or archived) project, its news updates and
needs (and fulfilled needs), organisation and replication, dated like its
object; and for every public, published consultation: its opening, each
answer version, each result update and each workshop not cancelled (internal
consultations and drafts never reach the feed). No random choice is made, so
the same data gives the same feed; lines that already exist (recorded by a
service) are not duplicated.
"""

from itertools import islice

from ensemble.activity.models import Activity
from ensemble.actors.models import Organisation
from ensemble.answers.models import Answer
from ensemble.consultations.models import Consultation
from ensemble.events.models import Event
from ensemble.projects.models import Need, Project, ProjectUpdate
from ensemble.results.models import ResultUpdate

Verb = Activity.Verb
BATCH_SIZE = 5000


def _batched(items, size: int):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _lines(territory_ids):
    def scoped(queryset, field="territory_id"):
        if territory_ids is None:
            return queryset
        return queryset.filter(**{f"{field}__in": territory_ids})

    projects = scoped(Project.objects.exclude(status=Project.Status.DRAFT)).order_by("pk")
    for pk, territory_id, actor_id, published_at, created_at, source_id in projects.values_list(
        "pk", "territory_id", "created_by_id", "published_at", "created_at", "replicated_from_id"
    ).iterator(chunk_size=5000):
        yield Activity(
            territory_id=territory_id, verb=Verb.PROJECT_PUBLISHED, actor_id=actor_id,
            project_id=pk, created_at=published_at or created_at,
        )  # fmt: skip
        if source_id:
            yield Activity(
                territory_id=territory_id, verb=Verb.PROJECT_REPLICATED, actor_id=actor_id,
                project_id=pk, created_at=created_at,
            )  # fmt: skip

    updates = scoped(
        ProjectUpdate.objects.exclude(project__status=Project.Status.DRAFT), "project__territory_id"
    ).order_by("pk")
    for pk, project_id, territory_id, actor_id, created_at in updates.values_list(
        "pk", "project_id", "project__territory_id", "author_id", "created_at"
    ).iterator(chunk_size=5000):
        yield Activity(
            territory_id=territory_id, verb=Verb.PROJECT_UPDATE, actor_id=actor_id,
            project_id=project_id, update_id=pk, created_at=created_at,
        )  # fmt: skip

    needs = scoped(Need.objects.exclude(project__status=Project.Status.DRAFT)).order_by("pk")
    for pk, project_id, territory_id, actor_id, created_at, fulfilled_at in needs.values_list(
        "pk", "project_id", "territory_id", "project__created_by_id", "created_at", "fulfilled_at"
    ).iterator(chunk_size=5000):
        yield Activity(
            territory_id=territory_id, verb=Verb.NEED_ADDED, actor_id=actor_id,
            project_id=project_id, need_id=pk, created_at=created_at,
        )  # fmt: skip
        if fulfilled_at:
            yield Activity(
                territory_id=territory_id, verb=Verb.NEED_FULFILLED, actor_id=actor_id,
                project_id=project_id, need_id=pk, created_at=fulfilled_at,
            )  # fmt: skip

    organisations = scoped(Organisation.objects.all()).order_by("pk")
    for pk, territory_id, actor_id, created_at in organisations.values_list(
        "pk", "territory_id", "created_by_id", "created_at"
    ).iterator(chunk_size=5000):
        yield Activity(
            territory_id=territory_id, verb=Verb.ORGANISATION_CREATED, actor_id=actor_id,
            organisation_id=pk, created_at=created_at,
        )  # fmt: skip


def _consultation_lines(territory_ids):
    public = {
        "status": Consultation.Status.PUBLISHED,
        "visibility": Consultation.Visibility.PUBLIC,
    }
    if territory_ids is not None:
        public["territory_id__in"] = territory_ids

    def of_public(queryset):
        return queryset.filter(**{f"consultation__{key}": value for key, value in public.items()})

    consultations = Consultation.objects.filter(**public).order_by("pk")
    for pk, territory_id, actor_id, published_at, created_at in consultations.values_list(
        "pk", "territory_id", "created_by_id", "published_at", "created_at"
    ).iterator(chunk_size=5000):
        yield Activity(
            territory_id=territory_id, verb=Verb.CONSULTATION_PUBLISHED, actor_id=actor_id,
            consultation_id=pk, created_at=published_at or created_at,
        )  # fmt: skip

    answers = of_public(Answer.objects.all()).order_by("pk")
    for pk, consultation_id, territory_id, contribution_id, actor_id, created_at in (
        answers.values_list(
            "pk", "consultation_id", "consultation__territory_id", "contribution_id",
            "author_id", "created_at",
        ).iterator(chunk_size=5000)
    ):  # fmt: skip
        yield Activity(
            territory_id=territory_id, verb=Verb.CONTRIBUTION_ANSWERED, actor_id=actor_id,
            consultation_id=consultation_id, contribution_id=contribution_id, answer_id=pk,
            created_at=created_at,
        )  # fmt: skip

    updates = ResultUpdate.objects.filter(
        **{f"result__consultation__{key}": value for key, value in public.items()}
    ).order_by("pk")
    for pk, result_id, consultation_id, territory_id, actor_id, created_at in updates.values_list(
        "pk", "result_id", "result__consultation_id", "result__territory_id", "author_id",
        "created_at",
    ).iterator(chunk_size=5000):  # fmt: skip
        yield Activity(
            territory_id=territory_id, verb=Verb.RESULT_PROGRESSED, actor_id=actor_id,
            consultation_id=consultation_id, result_id=result_id, result_update_id=pk,
            created_at=created_at,
        )  # fmt: skip

    workshops = Event.objects.filter(
        is_cancelled=False,
        **{f"workshop__consultation__{key}": value for key, value in public.items()},
    ).order_by("pk")
    for pk, consultation_id, territory_id, actor_id, created_at in workshops.values_list(
        "pk", "workshop__consultation_id", "territory_id", "created_by_id", "created_at"
    ).iterator(chunk_size=5000):
        yield Activity(
            territory_id=territory_id, verb=Verb.WORKSHOP_ANNOUNCED, actor_id=actor_id,
            consultation_id=consultation_id, event_id=pk, created_at=created_at,
        )  # fmt: skip


KEY_FIELDS = (
    "verb", "project_id", "need_id", "update_id", "organisation_id", "consultation_id",
    "answer_id", "result_update_id", "event_id",
)  # fmt: skip


def _key(line: Activity) -> tuple:
    return tuple(getattr(line, field) for field in KEY_FIELDS)


def consultation_lines_add(territory_ids=None, *, batch_size: int = BATCH_SIZE) -> int:
    """Add the lines of the consultations that have none yet (scale and demo data)."""
    existing = set(Activity.objects.exclude(consultation=None).values_list(*KEY_FIELDS))
    fresh = (line for line in _consultation_lines(territory_ids) if _key(line) not in existing)
    created = 0
    for chunk in _batched(fresh, batch_size):
        Activity.objects.bulk_create(chunk)
        created += len(chunk)
    return created


def lines_add(territory_ids=None, *, batch_size: int = BATCH_SIZE) -> int:
    """Add the lines of the projects, needs, updates and organisations that have none yet."""
    existing = set(Activity.objects.filter(consultation=None).values_list(*KEY_FIELDS))
    fresh = (line for line in _lines(territory_ids) if _key(line) not in existing)
    created = 0
    for chunk in _batched(fresh, batch_size):
        Activity.objects.bulk_create(chunk)
        created += len(chunk)
    return created
