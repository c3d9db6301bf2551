"""The ranking of a need's candidates is kept between writes (`selectors.need_candidates`):
a write is seen on the next read, and what one viewer may see never reaches another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.core import versions
from ensemble.matching import selectors
from ensemble.matching.selectors import need_candidates
from ensemble.projects.models import ProjectMember
from ensemble.semantics.services import embeddings_refresh_now
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import TerritoryFactory, member

from . import helpers
from .test_selectors import STORE

pytestmark = pytest.mark.usefixtures("fragments")


@pytest.fixture
def rankings(monkeypatch):
    """How many times the ranking itself ran (not read back from what was kept)."""
    calls = []
    original = selectors.need_ranking

    def counted(need):
        calls.append(need.pk)
        return original(need)

    monkeypatch.setattr(selectors, "need_ranking", counted)
    return calls


@pytest.fixture
def store(world):
    return helpers.organisation(
        world["territory"], name="Garde-meubles solidaire", neighbourhood=world["moulins"],
        offers=[STORE],
    )  # fmt: skip


@pytest.fixture
def shy(world):
    """A person who shows their profile to members of their territories only."""
    return helpers.person(
        world["territory"], profile_visibility=User.Visibility.MEMBERS, offers=[STORE]
    )


def _actors(need, viewer, **kwargs):
    return {(c.actor_type, c.actor.pk) for c in need_candidates(need=need, viewer=viewer, **kwargs)}


def test_the_ranking_runs_once_between_writes(world, store, rankings):
    first = _actors(world["need"], None)
    assert _actors(world["need"], None) == first == {("organisation", store.pk)}
    assert rankings == [world["need"].pk]


def test_a_new_offer_is_proposed_on_the_next_read(world, store, rankings):
    assert _actors(world["need"], None) == {("organisation", store.pk)}
    newcomer = helpers.organisation(world["territory"], name="Box du quartier", offers=[STORE])
    assert ("organisation", newcomer.pk) in _actors(world["need"], None)
    assert len(rankings) == 2


def test_an_organisation_that_stops_being_contactable_is_gone_on_the_next_read(world, store):
    assert _actors(world["need"], None) == {("organisation", store.pk)}
    Organisation.objects.filter(pk=store.pk).update(contactable=False)
    assert _actors(world["need"], None) == set()


def test_a_person_who_hides_their_profile_is_gone_on_the_next_read(world, shy):
    neighbour = member(world["territory"])
    assert ("person", shy.pk) in _actors(world["need"], neighbour)
    User.objects.filter(pk=shy.pk).update(profile_visibility=User.Visibility.HIDDEN)
    assert ("person", shy.pk) not in _actors(world["need"], neighbour)


def test_a_new_team_member_is_no_longer_proposed(world, shy):
    neighbour = member(world["territory"])
    assert ("person", shy.pk) in _actors(world["need"], neighbour)
    ProjectMember.objects.create(project=world["project"], user=shy)
    assert ("person", shy.pk) not in _actors(world["need"], neighbour)


@pytest.mark.parametrize("seen_first", [True, False])
def test_members_only_profiles_never_reach_a_viewer_who_may_not_see_them(
    world, shy, rankings, seen_first
):
    """Whoever asks first, the kept ranking is the same and each viewer's rule filters it."""
    neighbour = member(world["territory"])
    outsider = member(TerritoryFactory(slug="ailleurs"))
    viewers = [neighbour, outsider, None] if seen_first else [outsider, None, neighbour]
    seen = {viewer: _actors(world["need"], viewer) for viewer in viewers}
    assert len(rankings) == 1  # all three read the same kept ranking
    assert ("person", shy.pk) in seen[neighbour]
    assert ("person", shy.pk) not in seen[outsider]
    assert ("person", shy.pk) not in seen[None]
    assert ("person", shy.pk) in _actors(world["need"], None, everyone=True)


def test_members_only_profiles_never_reach_a_team_member_who_may_not_see_them(world, shy):
    """Two team members on the page and the API: one shares the territory, one does not."""
    owner = world["project"].memberships.get().user
    outsider = member(TerritoryFactory(slug="ailleurs"))
    ProjectMember.objects.create(project=world["project"], user=outsider)
    page = reverse(
        "matching:need_matches",
        kwargs={"territory_slug": "lille", "pk": world["project"].pk, "need_pk": world["need"].pk},
    )
    api = f"/api/v1/needs/{world['need'].pk}/matches"
    owner_client, outsider_client = clients_for(owner, outsider)
    for first, second in ((owner_client, outsider_client), (outsider_client, owner_client)):
        versions.bump()  # the first of the two ranks and keeps, the second reads it back
        for client in (first, second):
            shown = client is owner_client
            assert (shy.display_name in page_html(client, page)) is shown
            matches = client.get(api).json()
            assert (
                ("person", shy.pk) in {(m["actor"]["type"], m["actor"]["id"]) for m in matches}
            ) is shown


def test_a_kept_ranking_reads_the_offers_back_in_a_fixed_number_of_queries(world):
    def grow(n):
        for i in range(n):
            helpers.organisation(world["territory"], name=f"Asso {i}", offers=[STORE])
        helpers.person(
            world["territory"], profile_visibility=User.Visibility.MEMBERS, offers=[STORE]
        )
        embeddings_refresh_now("actors.offer")

    neighbour = member(world["territory"])
    counts = []
    for n in (5, 45):
        grow(n)
        need_candidates(need=world["need"], viewer=neighbour, limit=50)  # ranks and keeps
        neighbour = User.objects.get(pk=neighbour.pk)  # a new request: nothing memoised
        with CaptureQueriesContext(connection) as context:
            assert need_candidates(need=world["need"], viewer=neighbour, limit=50)
        counts.append(len(context.captured_queries))
    # The offers with their actors; for the members-only people, the viewer's confirmed
    # address and territories.
    assert counts == [3, 3]


def test_the_page_and_the_api_read_a_kept_ranking_in_fixed_queries(client, world, rankings):
    owner = world["project"].memberships.get().user
    client.force_login(owner)
    page = reverse(
        "matching:need_matches",
        kwargs={"territory_slug": "lille", "pk": world["project"].pk, "need_pk": world["need"].pk},
    )
    api = f"/api/v1/needs/{world['need'].pk}/matches"
    made = []

    def grow(n):
        while len(made) < n:
            made.append(
                helpers.organisation(world["territory"], name=f"Asso {len(made)}", offers=[STORE])
            )
        embeddings_refresh_now("actors.offer")

    counts = {}
    for n in (5, 50):
        grow(n)
        for url in (page, api):
            client.get(url)  # ranks and keeps
            ranked = len(rankings)
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            assert len(rankings) == ranked  # read back, not ranked again
            counts.setdefault(url, []).append(len(context.captured_queries))
    assert counts[page][0] == counts[page][1], counts
    assert counts[api][0] == counts[api][1], counts
