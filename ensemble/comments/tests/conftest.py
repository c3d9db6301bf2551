"""Shared fixtures for comment and moderation tests: a published project to comment on."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ensemble.projects.models import Project
from ensemble.territories.roles import Role
from ensemble.testing.factories import member


def make_project(territory, **fields) -> Project:
    fields.setdefault("status", Project.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now())
    return Project.objects.create(
        territory=territory, title=fields.pop("title", "Jardin partagé des Blagis"),
        summary="Un jardin pour tout le quartier.", **fields,
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _project_page_url(monkeypatch):
    """The projects app may not route its detail page yet while this app is built."""
    try:
        reverse("projects:detail", kwargs={"territory_slug": "x", "pk": 1})
    except NoReverseMatch:
        monkeypatch.setattr(
            Project, "get_absolute_url", lambda self: f"/{self.territory.slug}/projets/{self.pk}/"
        )


@pytest.fixture
def project(territory):
    return make_project(territory)


@pytest.fixture
def resident(territory):
    return member(territory, Role.MEMBER)


@pytest.fixture
def neighbour(territory):
    return member(territory, Role.MEMBER)


@pytest.fixture
def moderator(territory):
    return member(territory, Role.MODERATOR)


@pytest.fixture
def other_moderator(other_territory):
    return member(other_territory, Role.MODERATOR)
