"""Consultation lines in the territory feed and in "my feed": privacy first."""

import pytest
from django.contrib.auth.models import AnonymousUser

from ensemble.activity import selectors
from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.models import Contribution, Support
from ensemble.events.models import Event
from ensemble.territories.models import Territory
from ensemble.testing.factories import UserFactory, member

from .makers import consultation_story

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def verbs(lines):
    return sorted(line.verb for line in lines)


ALL_VERBS = sorted(
    [
        Verb.CONSULTATION_PUBLISHED,
        Verb.WORKSHOP_ANNOUNCED,
        Verb.CONTRIBUTION_ANSWERED,
        Verb.RESULT_PROGRESSED,
    ]
)


def everybody(territory, agent):
    """Who might read the feed: nobody, a member, an agent, a stranger."""
    return [AnonymousUser(), member(territory), agent, UserFactory()]


# --- refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"visibility": Consultation.Visibility.AGENTS},
        {"status": Consultation.Status.DRAFT},
    ],
    ids=["internal", "draft"],
)
def test_lines_of_a_consultation_that_is_not_public_never_show(territory, agent, change):
    """Even lines recorded by a path that skipped the services (admin, import)."""
    consultation, _contribution, _lines = consultation_story(territory, agent=agent)
    Consultation.objects.filter(pk=consultation.pk).update(**change)
    for viewer in everybody(territory, agent):
        assert not selectors.territory_activities(territory=territory, viewer=viewer).exists()
    assert not selectors.my_activities(user=agent).exists()


def test_recorded_by_hand_for_an_internal_consultation_never_shows(territory, agent):
    internal = ConsultationFactory(territory=territory, visibility="agents")
    activity_record(territory=territory, verb=Verb.CONSULTATION_PUBLISHED, consultation=internal)
    assert not selectors.territory_activities(territory=territory, viewer=agent).exists()
    assert not selectors.my_activities(user=agent).exists()


def test_answers_to_a_hidden_contribution_disappear(territory, agent):
    follower = member(territory)
    _consultation, contribution, _lines = consultation_story(
        territory, agent=agent, follower=follower
    )
    Contribution.objects.filter(pk=contribution.pk).update(is_hidden=True, hidden_reason="Spam")
    assert Verb.CONTRIBUTION_ANSWERED not in verbs(
        selectors.territory_activities(territory=territory)
    )
    assert Verb.CONTRIBUTION_ANSWERED not in verbs(selectors.my_activities(user=follower))


def test_a_cancelled_workshop_is_no_longer_announced(territory, agent):
    consultation, _contribution, _lines = consultation_story(territory, agent=agent)
    Event.objects.filter(workshop__consultation=consultation).update(is_cancelled=True)
    assert Verb.WORKSHOP_ANNOUNCED not in verbs(selectors.territory_activities(territory=territory))


def test_another_territory_never_shows(territory, other_territory, agent):
    consultation_story(other_territory, agent=member(other_territory, "agent"))
    assert not selectors.territory_activities(territory=territory).exists()
    # Nor in the feed of a member of this territory only.
    assert not selectors.my_activities(user=member(territory)).exists()


def test_my_feed_leaves_out_what_i_do_not_follow(territory, agent):
    me = member(territory)
    consultation_story(territory, agent=agent)
    # Only the consultation and its workshop: the answer and result are of others' interest.
    assert verbs(selectors.my_activities(user=me)) == sorted(
        [Verb.CONSULTATION_PUBLISHED, Verb.WORKSHOP_ANNOUNCED]
    )
    # A stranger to the territory hears of nothing.
    assert not selectors.my_activities(user=UserFactory()).exists()


def test_my_feed_skips_inactive_territories(territory, agent):
    follower = member(territory)
    consultation_story(territory, agent=agent, follower=follower)
    Territory.objects.filter(pk=territory.pk).update(is_active=False)
    assert not selectors.my_activities(user=follower).exists()


# --- acceptances ------------------------------------------------------------------


def test_the_territory_feed_tells_the_whole_story(territory, agent):
    consultation, _contribution, _lines = consultation_story(territory, agent=agent)
    lines = list(selectors.territory_activities(territory=territory))
    assert verbs(lines) == ALL_VERBS
    assert {line.consultation_id for line in lines} == {consultation.pk}


def test_my_feed_follows_and_supports(territory, other_territory, agent):
    me = member(territory)
    # Followed, in a territory I do not belong to: answer and result, not the opening.
    elsewhere_agent = member(other_territory, "agent")
    _c, followed, _l = consultation_story(other_territory, agent=elsewhere_agent, follower=me)
    # Supported, here.
    _c, supported, _l = consultation_story(territory, agent=agent, title="Ici")
    Support.objects.create(contribution=supported, consultation=supported.consultation, user=me)
    lines = list(selectors.my_activities(user=me))
    elsewhere = [line for line in lines if line.territory_id == other_territory.pk]
    here = [line for line in lines if line.territory_id == territory.pk]
    assert verbs(elsewhere) == sorted([Verb.CONTRIBUTION_ANSWERED, Verb.RESULT_PROGRESSED])
    assert verbs(here) == ALL_VERBS
    assert {line.contribution_id for line in lines if line.contribution_id} == {
        followed.pk,
        supported.pk,
    }
    assert [a.created_at for a in lines] == sorted((a.created_at for a in lines), reverse=True)
