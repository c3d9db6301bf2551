from django.utils import translation

from ensemble.introductions.models import Introduction
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
