from django.utils import translation

from ensemble.introductions.models import Introduction
from ensemble.matching import responsiveness
from ensemble.matching.selectors import need_candidates
from ensemble.testing.factories import UserFactory

from . import helpers
from .test_selectors import STORE


def _requests(world, organisation, statuses, helped=0):
    asker = UserFactory()
    for i, status in enumerate(statuses):
        Introduction.objects.create(
            need=world["need"], requested_by=asker, to_organisation=organisation,
            message="Bonjour", status=status,
            outcome=Introduction.Outcome.HELPED if i < helped else Introduction.Outcome.NONE,
        )  # fmt: skip


def test_answered_requests_and_help_given_are_reasons_and_raise_the_score(world):
    t = world["territory"]
    responsive = helpers.organisation(t, name="Réactive", offers=[STORE])
    silent = helpers.organisation(t, name="Silencieuse", offers=[STORE])
    S = Introduction.Status
    _requests(world, responsive, [S.ACCEPTED] * 3 + [S.DECLINED, S.REQUESTED, S.WITHDRAWN], 1)
    _requests(world, silent, [S.REQUESTED] * 5)
    with translation.override("en"):
        candidates = need_candidates(need=world["need"], viewer=None)
    by_org = {c.organisation: c for c in candidates}
    assert "answered 4 of 5 requests" in by_org[responsive].reasons
    assert "already helped 1 project" in by_org[responsive].reasons
    assert by_org[responsive].score > by_org[silent].score
    assert not any("answered" in r for r in by_org[silent].reasons)
    with translation.override("fr"):
        reasons = need_candidates(need=world["need"], viewer=None)[0].reasons
    assert "a répondu à 4 demandes sur 5" in reasons


def test_figures_of_people_and_organisations_in_one_query(world, django_assert_num_queries):
    t = world["territory"]
    centre = helpers.organisation(t, name="Centre", offers=[STORE])
    other = helpers.organisation(t, name="Autre", offers=[STORE])
    helper = UserFactory()
    asker = UserFactory()
    S, Outcome = Introduction.Status, Introduction.Outcome
    for status, outcome in (
        (S.ACCEPTED, Outcome.HELPED),
        (S.WITHDRAWN, Outcome.NONE),
        (S.DECLINED, Outcome.NONE),
    ):
        Introduction.objects.create(
            need=world["need"], requested_by=asker, to_user=helper, message="Bonjour",
            status=status, outcome=outcome,
        )  # fmt: skip
    # "I can help": in the person's own name (theirs), on behalf of an organisation (its).
    for organisation in (None, centre):
        Introduction.objects.create(
            kind=Introduction.Kind.OFFER, need=world["need"], requested_by=helper,
            from_organisation=organisation, message="Je peux aider", outcome=Outcome.HELPED,
        )  # fmt: skip
    Introduction.objects.create(
        need=world["need"], requested_by=asker, to_organisation=other, message="Bonjour"
    )
    with django_assert_num_queries(1):
        figures = responsiveness.counts_for(
            organisation_ids=[centre.pk, other.pk], user_ids=[helper.pk, asker.pk]
        )
    assert figures == {
        ("person", helper.pk): responsiveness.Stats(received=2, answered=2, helped=2),
        ("organisation", centre.pk): responsiveness.Stats(received=0, answered=0, helped=1),
        ("organisation", other.pk): responsiveness.Stats(received=1, answered=0, helped=0),
    }
    assert responsiveness.counts_for(organisation_ids=[], user_ids=[]) == {}
