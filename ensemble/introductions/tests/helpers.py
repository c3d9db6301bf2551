"""A project with an open need, its team, and actors to introduce."""

from datetime import timedelta

from django.utils import timezone

from ensemble.actors.tests.helpers import organisation, owner_of
from ensemble.projects import services as project_services
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.testing.factories import UserFactory, member


def old_user(territory=None, **kwargs):
    """A person who joined long ago (no new-account limit), member of `territory` if given."""
    kwargs.setdefault("date_joined", timezone.now() - timedelta(days=60))
    return member(territory, **kwargs) if territory else UserFactory(**kwargs)


def open_need(territory, owner=None, **project_fields):
    owner = owner or old_user(territory)
    project = ProjectFactory(territory=territory, owner=owner, **project_fields)
    return project_services.need_create(
        actor=owner, project=project, kind="premises", title="Une salle pour l'atelier"
    )


def team_owner(need):
    return need.project.memberships.get(role="owner").user


__all__ = ["old_user", "open_need", "organisation", "owner_of", "team_owner"]
