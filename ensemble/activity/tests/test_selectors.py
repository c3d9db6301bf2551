import pytest

from ensemble.activity import selectors
from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.projects.models import Project, ProjectFollow
from ensemble.territories.models import Territory
from ensemble.testing.factories import member

from .makers import make_organisation, make_project, project_story

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


def feed_projects(activities):
    return {a.project_id for a in activities if a.project_id}


def test_territory_feed_is_newest_first(territory):
    author = member(territory)
    old = make_project(territory, owner=author, title="Ancien")
    new = make_project(territory, owner=author, title="Récent")
    project_story(old, author, minutes_ago=60)
    project_story(new, author, minutes_ago=1)
    lines = list(selectors.territory_activities(territory=territory))
    assert [a.project_id for a in lines] == [new.pk] * 3 + [old.pk] * 3
    assert [a.verb for a in lines[:3]] == [
        Verb.PROJECT_UPDATE,
        Verb.NEED_ADDED,
        Verb.PROJECT_PUBLISHED,
    ]


@pytest.mark.parametrize("status", [Project.Status.DRAFT, Project.Status.ARCHIVED])
def test_lines_of_unpublished_projects_never_appear(territory, status):
    author = member(territory)
    hidden = make_project(territory, owner=author, status=status)
    project_story(hidden, author)
    assert not selectors.territory_activities(territory=territory, viewer=author).exists()
    # Not even in the feed of the team that carries it.
    assert not selectors.my_activities(user=author).exists()


def test_another_territory_never_appears(territory, other_territory):
    elsewhere = make_project(other_territory)
    project_story(elsewhere)
    here = make_project(territory)
    project_story(here)
    assert feed_projects(selectors.territory_activities(territory=territory)) == {here.pk}


def test_organisation_lines_are_public(territory):
    organisation = make_organisation(territory)
    activity_record(territory=territory, verb=Verb.ORGANISATION_CREATED, organisation=organisation)
    [line] = selectors.territory_activities(territory=territory)
    assert line.organisation == organisation


def test_my_feed_holds_only_what_i_follow_or_work_on(territory, other_territory):
    me = member(territory)
    followed = make_project(other_territory, title="Suivi")
    ProjectFollow.objects.create(project=followed, user=me)
    mine = make_project(territory, owner=me, title="Le mien")
    stranger = make_project(territory, title="Inconnu")
    my_organisation = make_organisation(territory, owner=me)
    other_organisation = make_organisation(territory, name="Autre")
    for project in (followed, mine, stranger):
        project_story(project)
    for organisation in (my_organisation, other_organisation):
        activity_record(
            territory=territory, verb=Verb.ORGANISATION_CREATED, organisation=organisation
        )

    lines = list(selectors.my_activities(user=me))
    assert feed_projects(lines) == {followed.pk, mine.pk}
    assert {a.organisation_id for a in lines if a.organisation_id} == {my_organisation.pk}
    assert [a.created_at for a in lines] == sorted((a.created_at for a in lines), reverse=True)


def test_my_feed_is_empty_for_a_newcomer_and_anonymous(territory):
    from django.contrib.auth.models import AnonymousUser

    project_story(make_project(territory))
    assert list(selectors.my_activities(user=member(territory))) == []
    assert list(selectors.my_activities(user=AnonymousUser())) == []


def test_my_feed_skips_inactive_territories(territory, other_territory):
    me = member(territory)
    project = make_project(other_territory)
    ProjectFollow.objects.create(project=project, user=me)
    project_story(project)
    Territory.objects.filter(pk=other_territory.pk).update(is_active=False)
    assert list(selectors.my_activities(user=me)) == []


def test_feed_pages(territory):
    for index in range(25):
        project_story(make_project(territory, title=f"Projet {index}"))
    page = selectors.territory_feed(territory=territory, page="2")
    assert page.number == 2 and len(page.object_list) == 20
    assert selectors.territory_feed(territory=territory, page="nope").number == 1
