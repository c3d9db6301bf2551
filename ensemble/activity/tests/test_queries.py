import pytest
from django.urls import reverse

from ensemble.accounts.services import api_token_create
from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.projects.models import ProjectFollow
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries

from .makers import consultation_line, make_need, make_organisation, make_project, make_update

pytestmark = pytest.mark.django_db
Verb = Activity.Verb
CONSULTATION_VERBS = {
    Verb.CONSULTATION_PUBLISHED, Verb.CONTRIBUTION_ANSWERED, Verb.RESULT_PROGRESSED,
    Verb.WORKSHOP_ANNOUNCED,
}  # fmt: skip
# The smaller feed already holds a line of every verb: what grows is their number.
SMALL = len(Verb)


def lines_up_to(territory, *, follower=None):
    """Grow the feed to n lines, of every kind, each with its own objects and actor
    (`follower` follows every project and contribution, and belongs to the territory)."""

    def grow(n):
        verbs = list(Verb)
        for index in range(Activity.objects.filter(territory=territory).count(), n):
            actor = member(territory, profile_visibility=["public", "members"][index % 2])
            verb = verbs[index % len(verbs)]
            if verb in CONSULTATION_VERBS:
                consultation_line(territory, verb, actor=actor, follower=follower, index=index)
                continue
            if verb == Verb.ORGANISATION_CREATED:
                organisation = make_organisation(territory, owner=follower, name=f"Asso {index}")
                activity_record(
                    territory=territory, verb=verb, actor=actor, organisation=organisation
                )
                continue
            project = make_project(territory, owner=actor, title=f"Projet {index}")
            if follower is not None:
                ProjectFollow.objects.create(project=project, user=follower)
            activity_record(
                territory=territory, verb=verb, actor=actor, project=project,
                need=make_need(project) if verb in (Verb.NEED_ADDED, Verb.NEED_FULFILLED) else None,
                update=make_update(project, actor) if verb == Verb.PROJECT_UPDATE else None,
            )  # fmt: skip

    return grow


def test_territory_feed_page(client, territory):
    client.force_login(member(territory))
    url = reverse("activity:feed", kwargs={"territory_slug": territory.slug})
    assert_flat_queries(client, url, lines_up_to(territory), small=SMALL)


def test_territory_feed_anonymous(client, territory):
    url = reverse("activity:feed", kwargs={"territory_slug": territory.slug})
    assert_flat_queries(client, url, lines_up_to(territory), small=SMALL)


def test_territory_atom_feed(client, territory):
    url = reverse("activity:atom", kwargs={"territory_slug": territory.slug})
    assert_flat_queries(client, url, lines_up_to(territory), small=SMALL)


def test_territory_home_with_activity(client, territory):
    # The home shows the 5 newest lines: a multiple of the verbs keeps the same kinds on top.
    client.force_login(member(territory))
    assert_flat_queries(
        client, territory.get_absolute_url(), lines_up_to(territory), small=SMALL, large=SMALL * 5
    )


def test_my_feed_page(client, territory):
    me = member(territory)
    client.force_login(me)
    assert_flat_queries(
        client, reverse("my_feed"), lines_up_to(territory, follower=me), small=SMALL
    )


def test_api_territory_activity(client, territory):
    url = f"/api/v1/territories/{territory.slug}/activity?page_size=100"
    assert_flat_queries(client, url, lines_up_to(territory), small=SMALL)


def test_api_my_feed(client, territory):
    me = member(territory)
    token = api_token_create(user=me)
    assert_flat_queries(
        client,
        "/api/v1/me/feed?page_size=100",
        lines_up_to(territory, follower=me),
        small=SMALL,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
