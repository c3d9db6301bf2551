"""`{% person_link %}`: a name links to the profile only when the viewer may see it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from ensemble.accounts.models import User
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.django_db


def render(person, viewer) -> str:
    request = RequestFactory().get("/")
    request.user = viewer
    template = Template("{% load people %}{% person_link person %}")
    return template.render(Context({"person": person, "request": request}))


def test_links_follow_the_profile_visibility():
    lille, lyon = TerritoryFactory(slug="lille"), TerritoryFactory(slug="lyon")
    public = member(lille, display_name="Inès", profile_visibility=User.Visibility.PUBLIC)
    members = member(lille, display_name="Paul <b>", profile_visibility=User.Visibility.MEMBERS)
    hidden = member(lille, display_name="Noé", profile_visibility=User.Visibility.HIDDEN)
    neighbour, stranger = member(lille), member(lyon)

    assert render(public, AnonymousUser()) == f'<a href="/people/{public.pk}/">Inès</a>'
    assert render(members, neighbour) == f'<a href="/people/{members.pk}/">Paul &lt;b&gt;</a>'
    assert render(members, stranger) == "Paul &lt;b&gt;"
    assert render(members, AnonymousUser()) == "Paul &lt;b&gt;"
    assert render(hidden, neighbour) == "Noé"
    assert render(hidden, hidden) == f'<a href="/people/{hidden.pk}/">Noé</a>'
