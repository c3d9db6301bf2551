"""Small makers of projects, needs, updates and organisations for this app's tests.

The projects and actors apps are written alongside; these create rows
directly so the feed and the map can be tested on their own.
"""

from datetime import timedelta

from django.utils import timezone

from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.actors.models import Organisation, OrganisationMember
from ensemble.projects.models import Need, Project, ProjectMember, ProjectUpdate

Verb = Activity.Verb


def make_project(territory, *, status=Project.Status.PUBLISHED, owner=None, **fields):
    fields.setdefault("title", "Jardin partagé des Blagis")
    fields.setdefault("summary", "Un jardin ouvert à tous.")
    project = Project.objects.create(
        territory=territory,
        status=status,
        created_by=owner,
        published_at=timezone.now() if status == Project.Status.PUBLISHED else None,
        **fields,
    )
    if owner is not None:
        ProjectMember.objects.create(project=project, user=owner, role=ProjectMember.Role.OWNER)
    return project


def make_organisation(territory, *, owner=None, **fields):
    fields.setdefault("name", "Les Amis du Quartier")
    fields.setdefault("kind", Organisation.Kind.ASSOCIATION)
    organisation = Organisation.objects.create(territory=territory, created_by=owner, **fields)
    if owner is not None:
        OrganisationMember.objects.create(
            organisation=organisation, user=owner, role=OrganisationMember.Role.OWNER
        )
    return organisation


def make_need(project, **fields):
    fields.setdefault("kind", "volunteers")
    fields.setdefault("title", "Deux bénévoles le samedi")
    return Need.objects.create(project=project, territory=project.territory, **fields)


def make_update(project, author=None, **fields):
    fields.setdefault("title", "Première récolte")
    fields.setdefault("body", "Les tomates sont là.")
    return ProjectUpdate.objects.create(project=project, author=author, **fields)


def project_story(project, actor=None, *, minutes_ago=0):
    """Lines for a project: published, a need, an update (newest last)."""
    at = timezone.now() - timedelta(minutes=minutes_ago)
    need = make_need(project)
    update = make_update(project, actor)
    territory = project.territory
    return [
        activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=actor,
                        project=project, at=at - timedelta(seconds=3)),
        activity_record(territory=territory, verb=Verb.NEED_ADDED, actor=actor, project=project,
                        need=need, at=at - timedelta(seconds=2)),
        activity_record(territory=territory, verb=Verb.PROJECT_UPDATE, actor=actor,
                        project=project, update=update, at=at - timedelta(seconds=1)),
    ]  # fmt: skip
