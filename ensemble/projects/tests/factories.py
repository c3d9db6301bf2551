"""Factories for projects; needs, follows and news go through the services (counters)."""

import factory
from django.utils import timezone

from ensemble.projects.models import Project, ProjectMember
from ensemble.testing.factories import TerritoryFactory, member


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published project with an owner (`owner=user` to choose them)."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    territory = factory.SubFactory(TerritoryFactory)
    title = factory.Sequence(lambda n: f"Projet {n}")
    summary = "Un projet pour le quartier."
    description = "Nous **agissons** ensemble."
    status = Project.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def owner(obj, create, extracted, **kwargs):
        if create:
            # Carriers are members of the project's territory, as in real life.
            user = extracted or member(obj.territory)
            ProjectMember.objects.create(project=obj, user=user, role=ProjectMember.Role.OWNER)
            Project.objects.filter(pk=obj.pk).update(created_by=user)
            obj.created_by = user


def draft_project(**kwargs) -> Project:
    return ProjectFactory(status=Project.Status.DRAFT, published_at=None, **kwargs)


def archived_project(**kwargs) -> Project:
    return ProjectFactory(status=Project.Status.ARCHIVED, **kwargs)


def team_member(project: Project, role: str = ProjectMember.Role.MEMBER, user=None):
    user = user or member(project.territory)
    ProjectMember.objects.create(project=project, user=user, role=role)
    return user


def owner_of(project: Project):
    return ProjectMember.objects.get(project=project, role=ProjectMember.Role.OWNER).user
