"""Conditions a need states and an offer sets, read from French text by rules.

Meaning finds offers about the right thing; the errors left are offers that fail a
condition: a room free in the daytime for a need that meets in the evening, a room
reserved for the owner's members, a van for sale when the need wants to borrow one,
lessons when the need wants the work done, a one-off date for a recurring need.
`extract(text)` reads these conditions; `compare(need, offer)` says which are met (✓) and
which fail (✗), each with a sentence for the reasons and a weight for the ranking.

Rules, not a parser: spaCy's French pipeline (`fr_core_news_md`) was considered; these
conditions are fixed phrases ("réservé aux adhérents", "à vendre", "en soirée", "de 9 h à
17 h") that a dozen patterns catch, and a parser would add 40 MB and 50 ms a text without
reading them better. Accents and case do not matter (`text.fold`).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .text import fold

EVENING_HOUR = 18


def _any(patterns: str):
    return re.compile(patterns)


_EVENING = _any(
    r"\bsoir|\bsoiree|\bnocturne|apres le travail|apres (le )?diner|apres (19|20|21) ?h"
)
_DAYTIME = _any(
    r"en journee|heures de bureau|ferme(e)? le soir|\bmatin(ee)?s?\b|\bmatinee|"
    r"pendant la journee|uniquement en semaine"
)
_CLOSED_EVENINGS = re.compile(r"ferme(e)?s? le soir")
_HOUR_RANGE = re.compile(r"\b(\d{1,2}) ?h(?: ?\d{2})?\s*(?:a|-|–)\s*(\d{1,2}) ?h")
_UNTIL = re.compile(r"jusqu'?(?:a|au) (\d{1,2}) ?h")
_MEMBERS_ONLY = _any(
    r"(reserve(e)?s?|exclusivement|uniquement|seulement) (a|aux|pour) (nos |ses |leurs |les )?"
    r"(adherent|membre|licencie|resident|locataire|eleve|salarie)"
)
_SELL = _any(
    r"\bpayant|de l'heure|\ba vendre\b|\bvente\b|\bvendu|\bvendons\b|\bvend\b|"
    r"\bsur devis\b|\ba acheter\b"
)
_RENT = _any(r"\ba louer\b|\blocation\b|\bloue(e|s)?\b|\blouons\b")
_LEND = _any(r"\bpret(e|es|er|ons|erait|eriez)?\b|\bprete|\bemprunt|mise? a disposition|\bdepann")
_GIVE = _any(r"\bdonn(e|es|er|ons|e)\b|\ba donner\b|\bdon(s)?\b|\boffert|\bgratuit")
_BUY = _any(r"\bachet|\bacquerir|\bacquisition|\binvestissement|\bfinancer")
_LESSONS = _any(
    r"\bcours\b|\bj'apprends\b|\bapprend(s)? (aux|a)\b|\benseign|\binitiation\b|\bformation\b|"
    r"\bmonit(eur|rice)"
)
_WANTS_LEARNING = _any(
    r"\bapprendre\b|\bnous apprendre\b|\bformer\b|\bformation\b|\bcours\b|\binitier\b|"
    r"\bs'initier\b|\bdecouvrir\b"
)
_ONE_OFF = _any(
    r"une seule fois|\bponctuel|\bunique\b|\bexceptionnel|une date|pour un week-end|"
    r"une soiree\b|un dimanche\b|un samedi\b|\bune journee\b"
)
_RECURRING = _any(
    r"chaque (semaine|mois|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|annee)|"
    r"tous les (lundis|mardis|mercredis|jeudis|vendredis|samedis|dimanches|mois|ans)|"
    r"\bhebdomadaire|\bpar semaine\b|\bpar mois\b|\bregulier|\bregulierement"
)
_REMOTE = _any(r"\ba distance\b|\ben ligne\b|\bpar telephone\b|\ben visio|\bpartout en france")


@dataclass(frozen=True)
class Conditions:
    evening: bool = False
    daytime_only: bool = False
    members_only: bool = False
    sells: bool = False
    rents: bool = False
    lends_or_gives: bool = False
    buys: bool = False
    lessons: bool = False
    wants_learning: bool = False
    one_off: bool = False
    recurring: bool = False
    remote: bool = False


@dataclass(frozen=True)
class Check:
    ok: bool
    label: str
    weight: float  # added to the standardised score: positive for ✓, negative for ✗


@dataclass
class Comparison:
    checks: list[Check] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return sum(check.weight for check in self.checks)

    @property
    def failed(self) -> bool:
        return any(not check.ok for check in self.checks)


def _hours(text: str) -> tuple[bool, bool]:
    """(has an evening hour, has only daytime hours) from "de 9 h à 17 h", "jusqu'à 23 h"."""
    ends = [int(end) for _start, end in _HOUR_RANGE.findall(text)]
    ends += [int(hour) for hour in _UNTIL.findall(text)]
    starts = [int(start) for start, _end in _HOUR_RANGE.findall(text)]
    evening = any(hour > EVENING_HOUR for hour in ends) or any(
        hour >= EVENING_HOUR for hour in starts
    )
    daytime = bool(ends) and not evening
    return evening, daytime


def extract(text: str, *, title: str | None = None) -> Conditions:
    """The conditions `text` states; lessons are read from `title` when given (an offer
    whose title is "Cours de…" gives lessons; one that mentions them in passing may not)."""
    folded = fold(text).replace("’", "'")
    lessons_text = fold(title).replace("’", "'") if title is not None else folded
    evening_hours, daytime_hours = _hours(folded)
    evening = bool(_EVENING.search(_CLOSED_EVENINGS.sub(" ", folded))) or evening_hours
    sells, rents = bool(_SELL.search(folded)), bool(_RENT.search(folded))
    return Conditions(
        evening=evening,
        daytime_only=(bool(_DAYTIME.search(folded)) or daytime_hours) and not evening,
        members_only=bool(_MEMBERS_ONLY.search(folded)),
        sells=sells,
        rents=rents,
        lends_or_gives=bool(_LEND.search(folded) or _GIVE.search(folded)),
        buys=bool(_BUY.search(folded)),
        lessons=bool(_LESSONS.search(lessons_text)),
        wants_learning=bool(_WANTS_LEARNING.search(folded)),
        one_off=bool(_ONE_OFF.search(folded)),
        recurring=bool(_RECURRING.search(folded)),
        remote=bool(_REMOTE.search(folded)),
    )


MET, MINOR_FAIL, FAIL, HARD_FAIL = 0.3, -0.6, -1.2, -2.0


def compare(need: Conditions, offer: Conditions) -> Comparison:
    """What the offer's conditions say about the need's, in reading order."""
    checks: list[Check] = []
    if need.evening and offer.evening:
        checks.append(Check(True, _("available evenings"), MET))
    elif need.evening and offer.daytime_only:
        checks.append(Check(False, _("available in the daytime only"), FAIL))
    elif need.daytime_only and offer.evening and not offer.daytime_only:
        checks.append(Check(True, _("available evenings"), 0.0))
    if offer.members_only:
        checks.append(Check(False, _("reserved for its members"), HARD_FAIL))
    if (offer.sells or offer.rents) and not offer.lends_or_gives and not need.buys:
        label = _("for sale, not lent") if offer.sells else _("to rent, not lent")
        weight = FAIL if need.lends_or_gives else MINOR_FAIL
        checks.append(Check(False, label, weight))
    elif need.lends_or_gives and offer.lends_or_gives:
        checks.append(Check(True, _("lent or given"), MET))
    if offer.lessons and not need.wants_learning and not need.lessons:
        checks.append(Check(False, _("gives lessons rather than doing it"), FAIL))
    if need.recurring and offer.one_off and not offer.recurring:
        checks.append(Check(False, _("for a one-off date"), MINOR_FAIL))
    elif need.one_off and offer.recurring and not offer.one_off:
        checks.append(Check(False, _("a regular slot rather than a one-off date"), MINOR_FAIL))
    elif need.one_off and offer.one_off:
        checks.append(Check(True, _("for a one-off event"), MET))
    return Comparison(checks)
