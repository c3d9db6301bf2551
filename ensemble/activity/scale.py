"""Scale data of this app (see ensemble/core/scale.py).

The feed is derived from what the earlier generators created, read back from
the database: one line per published (or archived) project, its news
updates and needs (and fulfilled needs), organisation and replication, dated like its object. No
random choice is made, so the same data gives the same feed; lines that
already exist (recorded by a service) are not duplicated.
"""

from ensemble.actors.models import Organisation
from ensemble.core.scale import batched
from ensemble.projects.models import Need, Project, ProjectUpdate

from .models import Activity

Verb = Activity.Verb


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


def _key(line: Activity) -> tuple:
    return (line.verb, line.project_id, line.need_id, line.update_id, line.organisation_id)


def generate(context) -> None:
    territories = context.data.get("territories")
    territory_ids = [t.pk for t in territories] if territories else None
    existing = set(
        Activity.objects.values_list(
            "verb", "project_id", "need_id", "update_id", "organisation_id"
        )
    )
    created = 0
    fresh = (line for line in _lines(territory_ids) if _key(line) not in existing)
    for chunk in batched(fresh, context.batch_size):
        Activity.objects.bulk_create(chunk)
        created += len(chunk)
    context.step(f"{created:,} activity lines")
