"""Permission matrix: who × introduction status, for a request and for an offer of help."""

import pytest

from ensemble.introductions import services
from ensemble.introductions.models import Introduction
from ensemble.projects.tests.factories import team_member
from ensemble.testing import rules
from ensemble.testing.factories import member

from .helpers import old_user, open_need, organisation, owner_of, team_owner

pytestmark = pytest.mark.django_db

REQUESTED, ACCEPTED = Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED
DECLINED, WITHDRAWN = Introduction.Status.DECLINED, Introduction.Status.WITHDRAWN
HELLO = "Bonjour, auriez-vous une salle le mardi soir ?"


def _org_member(cast):
    from ensemble.actors.tests.helpers import org_member

    return org_member(cast.obj.to_organisation or cast.obj.from_organisation)


def _other_org_member(cast):
    other = organisation(cast.territory, owner=old_user(cast.territory), name="Autre association")
    return owner_of(other)


# A request: the team asks an organisation; its members answer.
REQUEST_PEOPLE = rules.people(
    requester=lambda cast: cast.obj.requested_by,
    team_member=lambda cast: team_member(cast.obj.need.project),
    organisation_member=_org_member,
    member_of_another_organisation=_other_org_member,
)
REQUEST = {
    "introductions.view_introduction": {
        status: {"requester", "team member", "organisation member", "network admin"}
        for status in (REQUESTED, ACCEPTED, DECLINED, WITHDRAWN)
    },
    "introductions.answer_introduction": {
        REQUESTED: {"organisation member", "network admin"},
        ACCEPTED: {"network admin"}, DECLINED: {"network admin"}, WITHDRAWN: {"network admin"},
    },
    "introductions.withdraw_introduction": {
        REQUESTED: {"requester", "network admin"},
        ACCEPTED: {"network admin"}, DECLINED: {"network admin"}, WITHDRAWN: {"network admin"},
    },
    "introductions.mark_helped_introduction": {
        REQUESTED: {"network admin"},
        ACCEPTED: {"requester", "team member", "network admin"},
        DECLINED: {"network admin"}, WITHDRAWN: {"network admin"},
    },
}  # fmt: skip

# An offer of help: someone (for their organisation) offers; the project team answers.
OFFER_PEOPLE = rules.people(
    helper=lambda cast: cast.obj.requested_by,
    helper_organisation_member=_org_member,
    team_owner=lambda cast: team_owner(cast.obj.need),
    team_member=lambda cast: team_member(cast.obj.need.project),
)
OFFER = {
    "introductions.view_introduction": {
        status: {"helper", "team owner", "team member", "network admin"}
        for status in (REQUESTED, ACCEPTED, DECLINED, WITHDRAWN)
    },
    "introductions.answer_introduction": {
        REQUESTED: {"team owner", "team member", "network admin"},
        ACCEPTED: {"network admin"}, DECLINED: {"network admin"}, WITHDRAWN: {"network admin"},
    },
    "introductions.withdraw_introduction": {
        REQUESTED: {"helper", "network admin"},
        ACCEPTED: {"network admin"}, DECLINED: {"network admin"}, WITHDRAWN: {"network admin"},
    },
    "introductions.mark_helped_introduction": {
        REQUESTED: {"network admin"},
        ACCEPTED: {"team owner", "team member", "network admin"},
        DECLINED: {"network admin"}, WITHDRAWN: {"network admin"},
    },
}  # fmt: skip


def _with_status(introduction, status):
    Introduction.objects.filter(pk=introduction.pk).update(status=status)
    introduction.refresh_from_db()
    return introduction


def _request(territory, status):
    need = open_need(territory)
    org = organisation(territory, owner=old_user(territory), name="Maison des associations")
    introduction = services.introduction_request(
        actor=team_owner(need), need=need, to_organisation=org, message=HELLO
    )
    return _with_status(introduction, status)


def _offer(territory, status):
    need = open_need(territory)
    helper = old_user(territory)
    org = organisation(territory, owner=helper, name="Recyclerie")
    introduction = services.help_offer(actor=helper, need=need, message=HELLO, organisation=org)
    return _with_status(introduction, status)


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(REQUEST, REQUEST_PEOPLE))
def test_request_to_an_organisation(territory, other_territory, state, who, expected):
    introduction = _request(territory, state)
    user = REQUEST_PEOPLE[who](rules.Cast(territory, other_territory, introduction))
    rules.assert_perms(user, introduction, expected)


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(OFFER, OFFER_PEOPLE))
def test_offer_of_help(territory, other_territory, state, who, expected):
    introduction = _offer(territory, state)
    user = OFFER_PEOPLE[who](rules.Cast(territory, other_territory, introduction))
    rules.assert_perms(user, introduction, expected)


@pytest.mark.parametrize(
    "who, allowed",
    [("person asked", True), ("requester", False), ("another member", False)],
)
def test_a_request_to_a_person_is_answered_by_that_person(territory, who, allowed):
    need = open_need(territory)
    person = old_user(territory, profile_visibility="public")
    introduction = services.introduction_request(
        actor=team_owner(need), need=need, to_user=person, message=HELLO
    )
    user = {
        "person asked": person,
        "requester": team_owner(need),
        "another member": member(territory),
    }[who]
    rules.assert_perm(user, "introductions.answer_introduction", introduction, allowed)
