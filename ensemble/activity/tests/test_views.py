import pytest
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.projects.models import Project, ProjectFollow
from ensemble.testing.factories import member

from .makers import make_organisation, make_project, project_story

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


def feed_url(territory):
    return reverse("activity:feed", kwargs={"territory_slug": territory.slug})


def test_territory_feed_page(client, territory):
    author = member(territory, display_name="Camille Martin", profile_visibility="public")
    project = make_project(territory, owner=author, title="Repair café")
    project_story(project, author)
    response = client.get(feed_url(territory))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ol class="activity-list">' in html
    assert "<time datetime=" in html
    assert "Camille Martin" in html
    assert "Repair café" in html
    assert "Deux bénévoles le samedi" in html and "Première récolte" in html


def test_drafts_and_other_territories_stay_out_of_the_page(client, territory, other_territory):
    project_story(make_project(territory, title="Brouillon secret", status=Project.Status.DRAFT))
    project_story(make_project(other_territory, title="Ailleurs"))
    html = client.get(feed_url(territory)).content.decode()
    assert "Brouillon secret" not in html
    assert "Ailleurs" not in html
    assert "Deux bénévoles" not in html


def test_hidden_profiles_are_not_named(client, territory):
    shy = member(territory, display_name="Dominique Discrète", profile_visibility="hidden")
    project_story(make_project(territory, owner=shy), shy)
    html = client.get(feed_url(territory)).content.decode()
    assert "Dominique Discrète" not in html


def test_markup_in_titles_is_escaped(client, territory):
    project_story(make_project(territory, title="<script>alert(1)</script>"))
    html = client.get(feed_url(territory)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_atom_feed(client, territory):
    project_story(make_project(territory, title="Épicerie solidaire"))
    project_story(make_project(territory, title="Brouillon", status=Project.Status.DRAFT))
    response = client.get(reverse("activity:atom", kwargs={"territory_slug": territory.slug}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Épicerie solidaire" in body
    assert "Brouillon" not in body


def test_my_feed_requires_login(client):
    response = client.get(reverse("my_feed"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_my_feed_page(client, territory, other_territory):
    me = member(territory)
    followed = make_project(other_territory, title="Coopérative d'énergie")
    ProjectFollow.objects.create(project=followed, user=me)
    project_story(followed)
    project_story(make_project(territory, title="Pas pour moi"))
    organisation = make_organisation(territory, owner=me, name="Mon association")
    activity_record(territory=territory, verb=Verb.ORGANISATION_CREATED, organisation=organisation)
    client.force_login(me)
    html = client.get(reverse("my_feed")).content.decode()
    assert "Coopérative d&#x27;énergie" in html
    assert "Mon association" in html
    assert "Pas pour moi" not in html
    assert other_territory.name in html  # lines say where they happened


def test_territory_home_shows_the_latest_lines(client, territory):
    for index in range(7):
        project_story(
            make_project(territory, title=f"Projet numéro {index}"), minutes_ago=10 - index
        )
    html = client.get(territory.get_absolute_url()).content.decode()
    assert "Projet numéro 6" in html
    assert html.count('class="activity-list__item') == 5
    assert feed_url(territory) in html


def test_members_only_profiles_are_named_to_members_only(client, territory, other_territory):
    author = member(territory, display_name="Sacha Membre", profile_visibility="members")
    project_story(make_project(territory, owner=author), author)
    assert "Sacha Membre" not in client.get(feed_url(territory)).content.decode()
    client.force_login(member(other_territory))
    assert "Sacha Membre" not in client.get(feed_url(territory)).content.decode()
    client.force_login(member(territory))
    assert "Sacha Membre" in client.get(feed_url(territory)).content.decode()


def test_actor_deleted_keeps_the_line(client, territory):
    author = member(territory, display_name="Parti Ailleurs")
    project_story(make_project(territory, owner=author), author)
    User.objects.filter(pk=author.pk).delete()
    response = client.get(feed_url(territory))
    assert response.status_code == 200
    assert "Parti Ailleurs" not in response.content.decode()
