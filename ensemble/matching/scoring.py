"""How well an actor's offer could meet a need: one score, with plain-language reasons.

`score(need, offer)` combines weighted signals, each worth 0..1, and returns
the weighted mean (0..1) with a reason for every signal that speaks for the
actor. Same facts in, same score and reasons out (no randomness, no clock).

Signal (weight) — how it is worth 0..1:

- kind (40): the offer's kind meets the need's kind — 1 for the same kind,
  else the need type's `partly_met_by` affinity in the registry
  (`ensemble.needtypes`, e.g. an expertise offer meets a skills
  need at 0.6). Strongest signal: with 0 the offer is not a candidate.
- text (20): cosine similarity between the need's title+description+skill
  and the offer's title+description+skill, on French stems (accents, case
  and plural/derived forms do not matter; see `ensemble.matching.text`).
- skill (12): the need names a skill (or, failing that, its title) and the
  offer's skill or the person's profile skills share a stem with it.
- distance (12): same neighbourhood 1; else, when both have coordinates,
  1 − km/10 (0 beyond 10 km); else same territory 0.3.
- themes (8): share of the project's themes the actor works on
  (organisation themes, person interests; matched by slug across territories).
- territory (8): the offer stands in the need's territory 1; elsewhere in
  the network 0 (the rest of the network comes after, never excluded).
- responsiveness (5): share of introduction requests answered; 0.5 (neutral)
  until the actor has been asked at least once.
- past introductions (5): introductions that helped, 1 from three on.
- verified (5): the organisation was verified by the territory's team.

Reasons read like "offers “Salle de 80 m²” · in the same neighbourhood ·
works on food and solidarity · answered 4 of 5 requests"; they are
translated in the active language when `score` runs.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.needtypes.types import need_type

from . import text as french

WEIGHTS = {
    "kind": 40.0,
    "text": 20.0,
    "skill": 12.0,
    "distance": 12.0,
    "themes": 8.0,
    "territory": 8.0,
    "responsiveness": 5.0,
    "introductions": 5.0,
    "verified": 5.0,
}
TOTAL_WEIGHT = sum(WEIGHTS.values())
NEUTRAL_RESPONSIVENESS = 0.5
DISTANCE_HORIZON_KM = 10.0
SAME_TERRITORY_DISTANCE = 0.3
TEXT_REASON_THRESHOLD = 0.15
HELPED_FULL = 3


@dataclass
class NeedFacts:
    kind: str
    title: str
    description: str = ""
    skill: str = ""
    territory_id: int | None = None
    neighbourhood_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    themes: dict[str, str] = field(default_factory=dict)  # slug → name

    def __post_init__(self):
        self.stems = french.stems(f"{self.title} {self.description} {self.skill}")
        self.skill_stems = set(french.stems(self.skill or self.title))


@dataclass
class OfferFacts:
    kind: str
    title: str
    description: str = ""
    skill: str = ""
    person_skills: list[str] = field(default_factory=list)
    territory_id: int | None = None
    territory_name: str = ""
    neighbourhood_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    themes: dict[str, str] = field(default_factory=dict)  # slug → name
    is_organisation: bool = True
    verified: bool = False
    requests_answered: int = 0
    requests_received: int = 0
    introductions_helped: int = 0

    def __post_init__(self):
        self.stems = french.stems(f"{self.title} {self.description} {self.skill}")
        skills = [self.skill, *self.person_skills]
        self.skill_stems = set(french.stems(" ".join(s for s in skills if s)))


@dataclass
class Match:
    score: float
    reasons: list[str]
    signals: dict[str, float]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _kind(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    fit = need_type(need.kind).offer_fit(offer.kind)
    if fit >= 1:
        return fit, _("offers “%(title)s”") % {"title": offer.title}
    if fit > 0:
        return fit, _("could help with “%(title)s”") % {"title": offer.title}
    return 0.0, None


def _text(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    value = french.cosine(need.stems, offer.stems)
    if value < TEXT_REASON_THRESHOLD or not explain:
        return value, None
    shared = french.shared_words(f"{need.title} {need.description}", Counter(offer.stems))
    if not shared:
        return value, None
    return value, _("mentions %(words)s") % {"words": get_text_list(shared, _("and"))}


def _skill(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if not need.skill_stems or not offer.skill_stems:
        return 0.0, None
    common = need.skill_stems & offer.skill_stems
    if not common:
        return 0.0, None
    value = len(common) / len(need.skill_stems)
    label = need.skill or offer.skill or next(iter(offer.person_skills), "")
    if not label:
        return value, None
    return value, _("knows %(skill)s") % {"skill": label.lower()}


def _distance(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if need.neighbourhood_id and need.neighbourhood_id == offer.neighbourhood_id:
        return 1.0, _("in the same neighbourhood")
    coordinates = (need.latitude, need.longitude, offer.latitude, offer.longitude)
    if all(value is not None for value in coordinates):
        km = haversine_km(*(float(value) for value in coordinates))
        value = max(0.0, 1.0 - km / DISTANCE_HORIZON_KM)
        if value > 0:
            return value, _("%(km)s km away") % {"km": f"{km:.1f}"}
        return 0.0, None
    if need.territory_id and need.territory_id == offer.territory_id:
        return SAME_TERRITORY_DISTANCE, None
    return 0.0, None


def _themes(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if not need.themes or not offer.themes:
        return 0.0, None
    common = sorted(slug for slug in need.themes if slug in offer.themes)
    if not common:
        return 0.0, None
    names = [need.themes[slug].lower() for slug in common]
    reason = _("works on %(themes)s") % {"themes": get_text_list(names, _("and"))}
    return len(common) / len(need.themes), reason


def _territory(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if need.territory_id and need.territory_id == offer.territory_id:
        return 1.0, None
    if offer.territory_name:
        return 0.0, _("acts in %(territory)s") % {"territory": offer.territory_name}
    return 0.0, None


def _responsiveness(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if offer.requests_received <= 0:
        return NEUTRAL_RESPONSIVENESS, None
    value = min(1.0, offer.requests_answered / offer.requests_received)
    reason = ngettext(
        "answered %(answered)d of %(received)d request",
        "answered %(answered)d of %(received)d requests",
        offer.requests_received,
    ) % {"answered": offer.requests_answered, "received": offer.requests_received}
    return value, reason


def _introductions(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if offer.introductions_helped <= 0:
        return 0.0, None
    reason = ngettext(
        "already helped %(count)d project",
        "already helped %(count)d projects",
        offer.introductions_helped,
    ) % {"count": offer.introductions_helped}
    return min(1.0, offer.introductions_helped / HELPED_FULL), reason


def _verified(need: NeedFacts, offer: OfferFacts, explain: bool) -> tuple[float, str | None]:
    if offer.is_organisation and offer.verified:
        return 1.0, _("verified organisation")
    return 0.0, None


# Order of the reasons as they are read: what, where, why, how reliable.
SIGNALS = (
    ("kind", _kind),
    ("distance", _distance),
    ("territory", _territory),
    ("themes", _themes),
    ("skill", _skill),
    ("text", _text),
    ("verified", _verified),
    ("responsiveness", _responsiveness),
    ("introductions", _introductions),
)


def score(need: NeedFacts, offer: OfferFacts, *, explain: bool = True) -> Match:
    """The weighted mean of the signals (0..1), rounded for a stable order, and reasons.

    `explain=False` skips the reasons (ranking many offers; explain the few shown)."""
    signals: dict[str, float] = {}
    reasons: list[str] = []
    for name, signal in SIGNALS:
        value, reason = signal(need, offer, explain)
        signals[name] = value
        if explain and reason and (value > 0 or name == "territory"):
            reasons.append(reason)
    if signals["kind"] <= 0:
        return Match(score=0.0, reasons=[], signals=signals)
    total = sum(WEIGHTS[name] * value for name, value in signals.items())
    return Match(score=round(total / TOTAL_WEIGHT, 4), reasons=reasons, signals=signals)
