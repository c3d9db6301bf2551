"""The territory feed's kept page: never stale after a write, never another audience's names."""

import pytest
from django.test import Client
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.activity.services import activity_record
from ensemble.projects.models import ProjectFollow
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


def _followed_line(territory, follower, title):
    author = member(territory, display_name="Camille Dupont")
    project = make_project(territory, owner=author, title=title)
    ProjectFollow.objects.create(project=project, user=follower)
    activity_record(territory=territory, verb=Verb.PROJECT_PUBLISHED, actor=author, project=project)


def _my_feed(client) -> str:
    response = client.get(reverse("my_feed"))
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") :]


def test_my_feed_is_kept_for_each_person_alone(territory):
    alice, bruno = member(territory), member(territory)
    _followed_line(territory, alice, "Jardin des Lilas")
    _followed_line(territory, bruno, "Atelier vélo")
    clients = {person: Client() for person in (alice, bruno)}
    for person, client in clients.items():
        client.force_login(person)
    assert "Jardin des Lilas" in _my_feed(clients[alice])
    bruno_sees = _my_feed(clients[bruno])
    assert "Atelier vélo" in bruno_sees and "Jardin des Lilas" not in bruno_sees
    _followed_line(territory, alice, "Repair café")
    assert "Repair café" in _my_feed(clients[alice])
    assert "Repair café" not in _my_feed(clients[bruno])
