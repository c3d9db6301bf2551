"""The kept parts of the directory and of a project page: never stale after a write, never
another viewer's buttons."""

import pytest
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.projects import services
from ensemble.projects.models import Need
from ensemble.projects.needs import need_create
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import member

from .factories import ProjectFactory, owner_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


def _directory(territory, query: str = "") -> str:
    return reverse("projects:list", kwargs={"territory_slug": territory.slug}) + query


def test_the_directory_shows_a_renamed_project_and_a_new_follower_at_once(territory):
    project = ProjectFactory(territory=territory, title="Jardin partagé")
    follower = member(territory)
    (visitor,) = clients_for(None)
    assert "Jardin partagé" in page_html(visitor, _directory(territory))
    services.project_update(
        actor=owner_of(project), project=project, data={"title": "Jardin des Lilas"}
    )
    services.project_follow(user=follower, project=project)
    html = page_html(visitor, _directory(territory))
    assert "Jardin des Lilas" in html and "Jardin partagé" not in html
    assert "· 1 abonné" in html


def test_the_directory_is_kept_per_query(territory):
    ProjectFactory(territory=territory, title="Jardin en cours", stage="running")
    ProjectFactory(territory=territory, title="Idée de ruche", stage="idea")
    (visitor,) = clients_for(None)
    assert "Idée de ruche" in page_html(visitor, _directory(territory))
    running = page_html(visitor, _directory(territory, "?stage=running"))
    assert "Jardin en cours" in running and "Idée de ruche" not in running
    assert "Idée de ruche" in page_html(visitor, _directory(territory, "?stage=idea"))


def test_a_project_page_shows_new_news_needs_and_followers_at_once(territory):
    project = ProjectFactory(territory=territory)
    owner, follower = owner_of(project), member(territory)
    (visitor,) = clients_for(None)
    url = project.get_absolute_url()
    assert "Premières récoltes" not in page_html(visitor, url)
    services.project_update_post(actor=owner, project=project, title="Premières récoltes", body="…")
    need_create(actor=owner, project=project, kind="volunteers", title="Bras pour bêcher")
    services.project_follow(user=follower, project=project)
    html = page_html(visitor, url)
    assert "Premières récoltes" in html and "Bras pour bêcher" in html
    assert "<dt>Abonnés</dt><dd>1</dd>" in html


def test_need_buttons_are_never_served_to_another_audience(territory):
    project = ProjectFactory(territory=territory)
    need_create(actor=owner_of(project), project=project, kind="volunteers", title="Bras")
    need = Need.objects.get(project=project)
    manager, resident, visitor = clients_for(owner_of(project), member(territory), None)
    url = project.get_absolute_url()
    matches = reverse(
        "matching:need_matches",
        kwargs={"territory_slug": territory.slug, "pk": project.pk, "need_pk": need.pk},
    )
    help_link = f"{reverse('introductions:help')}?need={need.pk}"
    html = page_html(manager, url)
    assert matches in html and help_link not in html
    html = page_html(resident, url)
    assert help_link in html and matches not in html
    html = page_html(visitor, url)
    assert help_link not in html and matches not in html
    assert page_html(manager, url).count(matches) == 1


def test_the_follow_state_and_team_buttons_stay_the_viewers_own(territory):
    project = ProjectFactory(territory=territory)
    follower, other = member(territory), member(territory)
    services.project_follow(user=follower, project=project)
    owner_client, follower_client, other_client, visitor = clients_for(
        owner_of(project), follower, other, None
    )
    url = project.get_absolute_url()
    edit = reverse("projects:edit", kwargs={"territory_slug": territory.slug, "pk": project.pk})
    assert edit in page_html(owner_client, url)
    assert 'value="unfollow"' in page_html(follower_client, url)
    for client in (other_client, visitor):
        html = page_html(client, url)
        assert 'value="unfollow"' not in html and edit not in html


def test_members_only_names_in_the_news_are_never_linked_for_visitors(territory):
    project = ProjectFactory(territory=territory)
    author = member(territory, profile_visibility=User.Visibility.MEMBERS)
    services.project_update_post(
        actor=owner_of(project), project=project, title="Chantier", body="…"
    )
    project.updates.update(author=author)
    profile = reverse("home:profile", kwargs={"pk": author.pk})
    resident, visitor = clients_for(member(territory), None)
    url = project.get_absolute_url()
    assert profile in page_html(resident, url)
    assert profile not in page_html(visitor, url)
    assert profile in page_html(resident, url)
