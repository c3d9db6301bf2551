"""Searchable objects made with the ORM and indexed explicitly (not through services)."""

import itertools

import pytest

from ensemble.actors.models import Organisation
from ensemble.projects.models import Project
from ensemble.search.indexing import index_object
from ensemble.territories.services import membership_join
from ensemble.testing.factories import UserFactory

_counter = itertools.count()


def make_project(territory, title, *, summary="", description="", status="published", **fields):
    project = Project.objects.create(
        territory=territory, title=title, summary=summary or f"Résumé {next(_counter)}",
        description=description, status=status, **fields,
    )  # fmt: skip
    index_object(project)
    return project


def make_organisation(territory, name, *, summary="", description="", **fields):
    organisation = Organisation.objects.create(
        territory=territory, name=name, kind=Organisation.Kind.ASSOCIATION, summary=summary,
        description=description, **fields,
    )  # fmt: skip
    index_object(organisation)
    return organisation


def make_person(display_name, *, visibility="public", territories=(), bio="", **fields):
    person = UserFactory(
        display_name=display_name, profile_visibility=visibility, bio=bio, **fields
    )
    for territory in territories:
        membership_join(user=person, territory=territory)
    index_object(person)
    return person


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def client():
    """Pages in English, the source language the tests read."""
    from django.test import Client

    return Client(HTTP_ACCEPT_LANGUAGE="en")
