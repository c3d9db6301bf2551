"""Permission matrix: who sees a need's candidates and an organisation's opportunities."""

import pytest

from ensemble.actors.tests.helpers import org_member, organisation, owner_of
from ensemble.introductions.tests.helpers import open_need, team_owner
from ensemble.projects.tests.factories import team_member
from ensemble.testing import rules

pytestmark = pytest.mark.django_db

# The object is the need: its project's team and the territory's agents and admins.
NEED_PEOPLE = rules.people(
    team_owner=lambda cast: team_owner(cast.obj),
    team_member=lambda cast: team_member(cast.obj.project),
)
NEED = {
    "matching.view_need_matches": {
        "team owner", "team member", "agent", "territory admin", "network admin",
    },
}  # fmt: skip

# The object is the organisation: its members, owners included.
ORGANISATION_PEOPLE = rules.people(
    organisation_owner=lambda cast: owner_of(cast.obj),
    organisation_member=lambda cast: org_member(cast.obj),
)
ORGANISATION = {
    perm: {"organisation owner", "organisation member", "network admin"}
    for perm in ("matching.view_organisation_opportunities", "matching.manage_organisation_alert")
}


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(NEED, NEED_PEOPLE))
def test_need_matches(territory, other_territory, perm, state, who, allowed):
    need = open_need(territory)
    user = NEED_PEOPLE[who](rules.Cast(territory, other_territory, need))
    rules.assert_perm(user, perm, need, allowed)


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(ORGANISATION, ORGANISATION_PEOPLE))
def test_organisation_opportunities_and_alerts(territory, other_territory, state, who, expected):
    org = organisation(territory)
    user = ORGANISATION_PEOPLE[who](rules.Cast(territory, other_territory, org))
    rules.assert_perms(user, org, expected)


def test_the_team_of_one_need_sees_nothing_of_another_projects_need(territory):
    need, other = open_need(territory), open_need(territory)
    rules.assert_perm(team_owner(need), "matching.view_need_matches", other, False)
