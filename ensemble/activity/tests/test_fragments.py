"""The territory feed's kept page: never stale after a write, never another audience's names."""

import pytest
from django.test import Client
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.activity.services import activity_record
from ensemble.testing.factories import member

from .makers import Verb, make_project

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


def _feed(territory, client, query="") -> str:
    url = reverse("activity:feed", kwargs={"territory_slug": territory.slug}) + query
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") :]


def _line(territory, title, visibility=User.Visibility.PUBLIC, name="Camille Dupont"):
    author = member(territory, profile_visibility=visibility, display_name=name)
    project = make_project(territory, owner=author, title=title)
    activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=author, project=project)


def test_a_new_line_shows_at_once(territory):
    _line(territory, "Jardin des Lilas")
    visitor = Client()
    assert "Jardin des Lilas" in _feed(territory, visitor)
    _line(territory, "Atelier vélo")
    assert "Atelier vélo" in _feed(territory, visitor)


def test_members_only_names_are_kept_apart(territory):
    _line(territory, "Repair café", User.Visibility.MEMBERS, "Dominique Vasseur")
    resident, visitor = Client(), Client()
    resident.force_login(member(territory))
    assert "Dominique Vasseur" in _feed(territory, resident)
    assert "Dominique Vasseur" not in _feed(territory, visitor)


def test_the_links_of_a_kept_page_are_the_visitors_own(territory, settings):
    for index in range(25):
        _line(territory, f"Projet {index}", name=f"Personne {index}")
    visitor = Client()
    assert "marker=abc" in _feed(territory, visitor, "?marker=abc")
    assert "marker=abc" not in _feed(territory, visitor)
