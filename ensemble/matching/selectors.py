"""Who could meet a need, and which needs an actor could meet, ranked by meaning.

`need_candidates` reads the need's ranking (`need_ranking`: candidates in SQL, meaning
in numpy, conditions and history, the relevance gates), the same for every viewer and
kept once per data version (`core.kept`: any write moves it, never stale). On each read,
the viewer's rules apply to it: members-only profiles are proposed only to viewers who may
see them. Then the reasons for the candidates shown (`scoring`), and a level (very likely,
possible).
"""

import math
from dataclasses import dataclass, field

from ensemble.accounts.display import may_see_person, prime_visible_names
from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.core.kept import kept
from ensemble.projects.models import Need

from . import conditions as rules
from . import ranking, scoring
from .need_ranking import Match, need_ranking


@dataclass
class Candidate:
    """An actor who could meet a need: exactly one of `organisation` and `user`."""

    score: float
    reasons: list[str]
    offer: Offer
    organisation: Organisation | None = None
    user: User | None = None
    level: str = "possible"
    conditions: list[rules.Check] = field(default_factory=list)

    @property
    def actor(self):
        return self.organisation or self.user

    @property
    def actor_type(self) -> str:
        return "organisation" if self.organisation else "person"

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation else self.user.display_name

    @property
    def verified(self) -> bool:
        return bool(self.organisation and self.organisation.is_verified)

    @property
    def url(self) -> str:
        return self.actor.get_absolute_url()

    @property
    def level_label(self) -> str:
        return scoring.level_label(self.level)


def _logistic(value: float) -> float:
    return round(1 / (1 + math.exp(-(value - 1.0))), 4)


def _window(matches: list[Match], wanted: int) -> list[Match]:
    """The first matches that hold `wanted` candidates for any viewer: only members-only
    people may be left out for a viewer, so the window ends after `wanted` others."""
    sure = 0
    for end, match in enumerate(matches, 1):
        sure += not match.members_only
        if sure >= wanted:
            return matches[:end]
    return matches


def _load_offers(ids) -> dict[int, Offer]:
    offers = Offer.objects.filter(pk__in=ids).select_related("organisation__territory", "user")
    return {offer.pk: offer for offer in offers}


def _visible(matches, offers, viewer, territory_id, everyone: bool):
    """(match, offer) for the offers the viewer may be proposed: members-only profiles
    only to who may see them (`everyone`: no viewer, the alerts)."""
    people = [offers[m.offer_id].user for m in matches if m.members_only and m.offer_id in offers]
    if people and not everyone:
        prime_visible_names(people, viewer, territory=territory_id)
    for match in matches:
        offer = offers.get(match.offer_id)
        if offer is None:  # gone since: the next read ranks again (any write moves the version)
            continue
        members_only = offer.user_id and offer.user.profile_visibility == User.Visibility.MEMBERS
        if (
            members_only
            and not everyone
            and (viewer is None or not may_see_person(offer.user, viewer, territory=territory_id))
        ):
            continue
        yield match, offer


def need_candidates(
    *, need: Need, viewer, limit: int = 10, offset: int = 0, everyone: bool = False
) -> list[Candidate]:
    """Actors who could meet `need`, best first (one entry per actor, its best offer).

    Never proposes the project's own team, people who opted out of contact, hidden
    profiles, members-only profiles the viewer may not see (`everyone`: no viewer, the
    alerts that tell the candidates themselves), inactive accounts,
    organisations that opted out, nor anyone who does not fit (an empty list says so).
    The ranking is kept for every viewer alike; only the offers of the page are read back.
    """
    ranked = kept("need-ranking", [need.pk], lambda: need_ranking(need))
    window = _window(ranked.matches, offset + limit)
    offers = _load_offers([match.offer_id for match in window])
    visible = list(_visible(window, offers, viewer, ranked.territory_id, everyone))
    return [_candidate(need, match, offer) for match, offer in visible[offset : offset + limit]]


def _candidate(need, match: Match, offer: Offer) -> Candidate:
    comparison = match.comparison
    level = ranking.level(match.score, match.meaning)
    if comparison.failed:
        level = "possible"
    reasons = [scoring.what_reason(offer.title, need.title, need.description)]
    if kind := scoring.kind_reason(need.kind, offer.kind):
        reasons.append(kind)
    if where := scoring.place_reason(match.place):
        reasons.append(where)
    reasons += scoring.condition_reasons(comparison)
    verified = bool(offer.organisation_id and offer.organisation.is_verified)
    reasons += scoring.history_reasons(match.stats, verified=verified)
    return Candidate(
        score=_logistic(match.score), reasons=reasons, offer=offer,
        organisation=offer.organisation if offer.organisation_id else None,
        user=None if offer.organisation_id else offer.user, level=level,
        conditions=comparison.checks,
    )  # fmt: skip


# Opportunities (the other direction) live in their own module, same scoring.
from .opportunities import Opportunity, actor_opportunities  # noqa: E402, F401
