"""A territory's search is scoped inside the full-text index (`SearchEntry.scope`): its
own entries, its members, its partner organisations; kept true when people join or
leave, and never reachable by a typed word."""

import pytest

from ensemble.search.models import SearchEntry
from ensemble.search.selectors import search
from ensemble.territories.models import Membership
from ensemble.territories.services import membership_join, membership_leave

from .conftest import make_person, make_project

pytestmark = pytest.mark.django_db


def titles(results):
    return [entry.title for entry in results.items]


def test_a_person_joining_is_found_in_the_territory_and_no_more_after_leaving(
    territory, other_territory, anonymous
):
    person = make_person("Camille Jardinière", territories=[other_territory])
    assert titles(search(query="camille", viewer=anonymous, territory=territory)) == []
    membership_join(user=person, territory=territory)
    assert titles(search(query="camille", viewer=anonymous, territory=territory)) == [
        "Camille Jardinière"
    ]
    entry = SearchEntry.objects.get(kind="person", object_id=person.pk)
    assert entry.scope == " ".join(sorted(f"@{t.pk}" for t in (territory, other_territory)))
    membership_leave(user=person, territory=territory)
    assert titles(search(query="camille", viewer=anonymous, territory=territory)) == []
    assert titles(search(query="camille", viewer=anonymous, territory=other_territory)) == [
        "Camille Jardinière"
    ]


def test_a_membership_deleted_in_bulk_unscopes_the_person(territory, anonymous):
    person = make_person("Dominique Potager", territories=[territory])
    Membership.objects.filter(user=person).delete()
    assert titles(search(query="dominique", viewer=anonymous, territory=territory)) == []


def test_deleting_a_person_leaves_no_entry(territory, anonymous):
    person = make_person("Eden Verger", territories=[territory])
    person.delete()
    assert not SearchEntry.objects.filter(kind="person", object_id=person.pk).exists()


def test_another_territory_entries_stay_out_whatever_the_word(
    territory, other_territory, anonymous
):
    make_project(territory, "Jardin de Sceaux")
    make_project(other_territory, "Jardin lyonnais")
    assert titles(search(query="jardin", viewer=anonymous, territory=territory)) == [
        "Jardin de Sceaux"
    ]
    assert search(query="jardin", viewer=anonymous).count == 2


def test_a_typed_territory_id_finds_nothing(territory, anonymous):
    make_project(territory, "Jardin de Sceaux")
    for word in (str(territory.pk) * 2, f"@{territory.pk}", "scope"):
        assert search(query=word, viewer=anonymous, territory=territory).count == 0
        assert search(query=word, viewer=anonymous).count == 0
