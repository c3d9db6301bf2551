"""The ranked page is kept once per data version (`selectors._ranked_page`): never stale
after a write, never served to a viewer whose visibility rules differ, and the exact
words of a title still first however many decoys repeat them elsewhere."""

import pytest

from ensemble.search import selectors
from ensemble.search.selectors import search
from ensemble.territories.services import membership_leave
from ensemble.testing.factories import UserFactory, member

from .conftest import make_person, make_project

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [entry.title for entry in results.items]


def test_the_same_search_between_writes_reads_the_entries_only(
    territory, anonymous, django_assert_num_queries
):
    make_project(territory, "Verger partagé")
    assert titles(search(query="verger", viewer=anonymous, territory=territory)) == [
        "Verger partagé"
    ]
    with django_assert_num_queries(1):
        found = search(query="verger", viewer=anonymous, territory=territory)
    assert (found.count, titles(found)) == (1, ["Verger partagé"])


def test_a_project_indexed_after_a_search_is_found_at_once(territory, anonymous):
    make_project(territory, "Verger des Lilas")
    assert search(query="verger", viewer=anonymous, territory=territory).count == 1
    make_project(territory, "Verger du Moulin")
    found = search(query="verger", viewer=anonymous, territory=territory)
    assert (found.count, sorted(titles(found))) == (2, ["Verger des Lilas", "Verger du Moulin"])


def test_a_person_leaving_is_gone_from_a_search_just_kept(territory, anonymous):
    person = make_person("Sacha Verger", territories=[territory])
    assert titles(search(query="sacha", viewer=anonymous, territory=territory)) == ["Sacha Verger"]
    membership_leave(user=person, territory=territory)
    assert search(query="sacha", viewer=anonymous, territory=territory).count == 0


def test_a_member_ranking_is_never_served_to_another_viewer(territory, other_territory, anonymous):
    make_person("Camille Membres", visibility="members", territories=[territory])
    neighbour, stranger = member(territory), member(other_territory)
    # Every viewer exists before the first search: the data version no longer moves.
    assert titles(search(query="camille", viewer=neighbour, territory=territory)) == [
        "Camille Membres"
    ]
    assert search(query="camille", viewer=anonymous, territory=territory).count == 0
    assert search(query="camille", viewer=stranger, territory=territory).count == 0
    assert search(query="camille", viewer=stranger).count == 0


def test_the_viewer_is_in_the_kept_key():
    assert selectors._viewer_key(UserFactory.build(pk=7)) == "u7"
    assert selectors._viewer_key(UserFactory.build(pk=8)) != "u7"


def test_exact_title_words_come_first_among_many_decoys(territory, anonymous):
    for number in range(30):
        make_project(
            territory, f"Atelier {number}", summary="Jardin, jardins et jardinage partagés",
            description="Jardin jardin jardins jardinier jardinage. " * 5,
        )  # fmt: skip
    make_project(territory, "Autre lieu", summary="Un verger", description="Sans le mot")
    make_project(territory, "Jardin partagé des Lilas")
    first = search(query="jardin partagé", viewer=anonymous, territory=territory, page_size=10)
    assert first.count == 31
    assert titles(first)[0] == "Jardin partagé des Lilas"
    pages = [
        titles(search(query="jardin partagé", viewer=anonymous, territory=territory,
                      page=number, page_size=10))
        for number in (1, 2, 3, 4)
    ]  # fmt: skip
    found = [title for page in pages for title in page]
    assert len(found) == len(set(found)) == 31
    assert "Autre lieu" not in found


def test_another_territory_private_entries_never_appear_in_a_kept_page(
    territory, other_territory, anonymous
):
    make_person("Alix Membres", visibility="members", territories=[other_territory])
    make_project(other_territory, "Alix lyonnais")
    neighbour = member(territory)
    for _ in range(2):  # computed, then kept
        assert search(query="alix", viewer=neighbour, territory=territory).count == 0
        assert search(query="alix", viewer=anonymous, territory=territory).count == 0
