"""Writes on projects: lifecycle, news, follows, partners, images, links, replication.

Team and invitations live in `team.py`, needs in `needs.py`; both are
re-exported here so that callers have one entry point. Every write checks
its permission, validates with full_clean, runs in a transaction and keeps
the stored counters true with F().
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.actors.models import Organisation
from ensemble.core.access import require
from ensemble.core.validation import full_clean
from ensemble.search.indexing import index_object
from ensemble.territories.models import Neighbourhood, Territory, Theme
from ensemble.territories.validation import check_neighbourhood, check_themes

from .hooks import need_published
from .images import project_image_process
from .models import (
    Need,
    Project,
    ProjectFollow,
    ProjectImage,
    ProjectLink,
    ProjectMember,
    ProjectUpdate,
)
from .needs import (  # noqa: F401
    need_create,
    need_edit,
    need_fulfil,
    need_reopen,
    need_status_change,
    need_update,
)
from .predicates import project_role_forget
from .team import (  # noqa: F401
    project_invitation_accept,
    project_leave,
    project_member_invite,
    project_member_remove,
    project_transfer_ownership,
)

MAX_IMAGES = 12
MAX_LINKS = 20
EDITABLE_FIELDS = frozenset({
    "title", "summary", "description", "stage", "themes", "neighbourhood", "address",
    "latitude", "longitude", "is_replicable",
})  # fmt: skip


def _publish(project: Project, actor) -> None:
    project.status = Project.Status.PUBLISHED
    project.published_at = project.published_at or timezone.now()
    project.save(update_fields=["status", "published_at", "updated_at"])
    activity_record(
        territory=project.territory, verb=Activity.Verb.PROJECT_PUBLISHED, actor=actor,
        project=project, at=project.published_at,
    )  # fmt: skip
    for need in project.needs.open():
        need_published(need)  # match alerts, sent once the transaction commits


@transaction.atomic
def project_create(
    *, actor, territory: Territory, title: str, summary: str, description: str = "",
    stage: str = Project.Stage.IDEA, themes: Iterable[Theme] = (),
    neighbourhood: Neighbourhood | None = None, address: str = "", latitude=None,
    longitude=None, is_replicable: bool = False, publish: bool = False,
    origin_contribution=None,
) -> Project:  # fmt: skip
    """A new project carried by `actor` (its first owner), a draft unless `publish`.

    `origin_contribution`: the consultation contribution it is born from, which
    `actor` must be allowed to turn into a project (`participation.make_project`).
    """
    require(actor, "projects.add_project", territory)
    if origin_contribution is not None:
        if origin_contribution.territory_id != territory.pk:
            raise ValidationError(
                {"origin_contribution": _("This contribution is not one of this territory's.")}
            )
        require(actor, "contributions.make_project", origin_contribution)
    themes = check_themes(territory, themes)
    check_neighbourhood(territory, neighbourhood)
    project = Project(
        territory=territory, title=title, summary=summary, description=description,
        stage=stage, neighbourhood=neighbourhood, address=address, latitude=latitude,
        longitude=longitude, is_replicable=is_replicable, created_by=actor,
        origin_contribution=origin_contribution,
    )  # fmt: skip
    full_clean(project)
    project.save()
    project.themes.set(themes)
    ProjectMember.objects.create(project=project, user=actor, role=ProjectMember.Role.OWNER)
    project_role_forget(actor)
    if publish:
        _publish(project, actor)
    index_object(project)
    return project


@transaction.atomic
def project_update(*, actor, project: Project, data: dict) -> Project:
    require(actor, "projects.change_project", project)
    themes = None
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "themes":
            themes = check_themes(project.territory, value)
        else:
            setattr(project, field, value)
    check_neighbourhood(project.territory, project.neighbourhood)
    full_clean(project)
    project.save()
    if themes is not None:
        project.themes.set(themes)
    index_object(project)
    return project


@transaction.atomic
def project_publish(*, actor, project: Project) -> Project:
    require(actor, "projects.publish_project", project)
    _publish(project, actor)
    index_object(project)
    return project


@transaction.atomic
def project_archive(*, actor, project: Project) -> Project:
    require(actor, "projects.archive_project", project)
    project.status = Project.Status.ARCHIVED
    project.save(update_fields=["status", "updated_at"])
    index_object(project)
    return project


@transaction.atomic
def project_restore(*, actor, project: Project) -> Project:
    """Undo an archiving: published again if it had been published, else a draft."""
    require(actor, "projects.restore_project", project)
    project.status = (
        Project.Status.PUBLISHED if project.published_at is not None else Project.Status.DRAFT
    )
    project.save(update_fields=["status", "updated_at"])
    index_object(project)
    return project


@transaction.atomic
def project_status_change(*, actor, project: Project, status: str) -> Project:
    """Move a project to `status`, the one rule for pages and the API.

    Asking for the status it already has changes nothing (and so needs no right);
    a draft is published by its owner; an open project is archived by its owner
    or a moderator, who may restore it to what it was; nothing else goes back to draft.
    """
    if status == project.status:
        return project
    if project.status == Project.Status.ARCHIVED:
        return _restore_to(actor=actor, project=project, status=status)
    if status == Project.Status.PUBLISHED:
        return project_publish(actor=actor, project=project)
    if status == Project.Status.ARCHIVED:
        return project_archive(actor=actor, project=project)
    raise ValidationError({"status": _("A published project cannot become a draft.")})


def _restore_to(*, actor, project: Project, status: str) -> Project:
    project = project_restore(actor=actor, project=project)
    if project.status != status:
        raise ValidationError(
            {"status": _("An archived project is restored to what it was: %(status)s.")
             % {"status": project.get_status_display()}}
        )  # fmt: skip
    return project


@transaction.atomic
def project_edit(*, actor, project: Project, data: dict, status: str | None = None) -> Project:
    """Change a project's fields and then its status, all or nothing (page and API)."""
    if data:
        project = project_update(actor=actor, project=project, data=data)
    if status is not None:
        project = project_status_change(actor=actor, project=project, status=status)
    return project


@transaction.atomic
def project_update_post(*, actor, project: Project, title: str, body: str) -> ProjectUpdate:
    """News from the team, shown on the project and in its followers' feeds."""
    require(actor, "projects.post_update", project)
    update = ProjectUpdate(project=project, author=actor, title=title, body=body)
    full_clean(update)
    update.save()
    Project.objects.filter(pk=project.pk).update(updates_count=F("updates_count") + 1)
    if project.status == Project.Status.PUBLISHED:
        activity_record(
            territory=project.territory, verb=Activity.Verb.PROJECT_UPDATE, actor=actor,
            project=project, update=update, at=update.created_at,
        )  # fmt: skip
    return update


@transaction.atomic
def project_follow(*, user, project: Project) -> ProjectFollow:
    """Follow a published project (idempotent: following twice counts once)."""
    require(user, "projects.follow_project", project)
    follow = ProjectFollow.objects.filter(project=project, user=user).first()
    if follow is not None:
        return follow
    try:
        with transaction.atomic():
            follow = ProjectFollow.objects.create(project=project, user=user)
    except IntegrityError:  # followed meanwhile by a concurrent request
        return ProjectFollow.objects.get(project=project, user=user)
    Project.objects.filter(pk=project.pk).update(followers_count=F("followers_count") + 1)
    return follow


@transaction.atomic
def project_unfollow(*, user, project: Project) -> None:
    """Stop following (idempotent); refused to nobody, even on an archived project."""
    deleted, _rows = ProjectFollow.objects.filter(project=project, user=user).delete()
    if deleted:
        Project.objects.filter(pk=project.pk).update(followers_count=F("followers_count") - 1)


def _organisation_acts_in(organisation: Organisation, territory: Territory) -> bool:
    return (
        organisation.territory_id == territory.pk
        or organisation.other_territories.filter(pk=territory.pk).exists()
    )


@transaction.atomic
def project_partner_add(*, actor, project: Project, organisation: Organisation) -> None:
    require(actor, "projects.manage_partners", project)
    if not _organisation_acts_in(organisation, project.territory):
        raise ValidationError(
            {"organisation": _("This organisation does not act in this territory.")}
        )
    if project.partners.filter(pk=organisation.pk).exists():
        return
    project.partners.add(organisation)
    Organisation.objects.filter(pk=organisation.pk).update(projects_count=F("projects_count") + 1)
    index_object(project)


@transaction.atomic
def project_partner_remove(*, actor, project: Project, organisation: Organisation) -> None:
    require(actor, "projects.manage_partners", project)
    if not project.partners.filter(pk=organisation.pk).exists():
        return
    project.partners.remove(organisation)
    Organisation.objects.filter(pk=organisation.pk).update(projects_count=F("projects_count") - 1)
    index_object(project)


@transaction.atomic
def project_image_add(*, actor, project: Project, image, alt_text: str) -> ProjectImage:
    require(actor, "projects.change_project", project)
    if not (alt_text or "").strip():
        raise ValidationError({"alt_text": _("Describe what the image shows.")})
    count = project.images.count()
    if count >= MAX_IMAGES:
        raise ValidationError(
            {"image": _("A project has %(max)s images at most.") % {"max": MAX_IMAGES}}
        )
    picture = ProjectImage(project=project, alt_text=alt_text.strip(), position=count)
    processed = project_image_process(image)
    picture.image.save(processed.name, processed, save=False)
    full_clean(picture)
    picture.save()
    return picture


@transaction.atomic
def project_image_remove(*, actor, image: ProjectImage) -> None:
    require(actor, "projects.change_project", image.project)
    image.image.delete(save=False)
    image.delete()


@transaction.atomic
def project_link_add(*, actor, project: Project, url: str, title: str) -> ProjectLink:
    require(actor, "projects.change_project", project)
    count = project.links.count()
    if count >= MAX_LINKS:
        raise ValidationError(
            {"url": _("A project has %(max)s links at most.") % {"max": MAX_LINKS}}
        )
    link = ProjectLink(project=project, url=url, title=title, position=count)
    full_clean(link)
    link.save()
    return link


@transaction.atomic
def project_link_remove(*, actor, link: ProjectLink) -> None:
    require(actor, "projects.change_project", link.project)
    link.delete()


@transaction.atomic
def project_replicate(*, actor, source: Project, territory: Territory) -> Project:
    """Copy `source` into `territory` as a new draft carried by `actor`, crediting its source."""
    require(actor, "projects.replicate_project", source)
    if territory.pk == source.territory_id:
        raise ValidationError({"territory": _("Choose another territory than the project's.")})
    if not actor.has_perm("projects.add_project", territory):
        raise ValidationError(
            {"territory": _("You can only replicate a project in a territory you are a member of.")}
        )
    themes = [t for t in source.themes.all() if t.territory_id is None]
    copy = project_create(
        actor=actor, territory=territory, title=source.title, summary=source.summary,
        description=source.description, stage=Project.Stage.IDEA, themes=themes,
        is_replicable=source.is_replicable,
    )  # fmt: skip
    copy.replicated_from = source
    copy.save(update_fields=["replicated_from", "updated_at"])
    needs = [
        Need(
            project=copy,
            territory=territory,
            kind=need.kind,
            title=need.title,
            description=need.description,
            skill=need.skill,
            quantity=need.quantity,
            amount=need.amount,
        )
        for need in source.needs.all()
    ]
    Need.objects.bulk_create(needs)
    Project.objects.filter(pk=copy.pk).update(open_needs_count=len(needs))
    copy.open_needs_count = len(needs)
    Project.objects.filter(pk=source.pk).update(replications_count=F("replications_count") + 1)
    activity_record(
        territory=source.territory, verb=Activity.Verb.PROJECT_REPLICATED, actor=actor,
        project=source,
    )  # fmt: skip
    index_object(copy)
    return copy
