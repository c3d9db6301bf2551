"""Permission matrix: who may change a person's profile (the object is that person)."""

import pytest

from ensemble.testing import rules
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db

# "member" is another member of the same territory; "territory admin" holds no power over
# someone's profile either: only the person and the network admin.
PEOPLE = rules.people(the_person=lambda cast: cast.obj)
MATRIX = {"accounts.change_profile": {"the person", "network admin"}}


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(MATRIX, PEOPLE))
def test_change_profile(territory, other_territory, perm, state, who, allowed):
    profile = member(territory)
    user = PEOPLE[who](rules.Cast(territory, other_territory, profile))
    rules.assert_perm(user, perm, profile, allowed)
