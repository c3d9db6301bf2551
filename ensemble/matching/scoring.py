"""Reasons people can check: what is offered, how close in meaning, where, which conditions.

The ranking itself is in `ranking` (meaning, kind fit, conditions); this module turns a
ranked candidate into sentences, in the active language, that are all true:

* what is offered, quoted, and the need's words it is close to in meaning:
  "offers « Salle polyvalente, soirées » — close in meaning to « un local deux soirs par
  semaine »";
* the kind fit when the kind only partly meets the need;
* where: same neighbourhood, a distance, the same territory, a nearby one, or "acts in
  Lyon — can help remotely" (never a place the actor is not in);
* each condition met (✓) or failed (✗);
* past introductions that helped (requests and "I can help" offers), answered requests,
  verification.
"""

import math
import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.needtypes.types import need_type

from . import conditions as rules

QUOTE_CHARS = 70


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join((text or "").split()).strip().rstrip(".")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?;:])\s+", text or "") if part.strip()]


def closest_passage(need_title: str, need_description: str) -> str:
    """The words of the need to quote: its title, or its first sentence if the title is short."""
    title = (need_title or "").strip()
    if len(title.split()) >= 3 or not need_description:
        return quote(title)
    first = next(iter(_sentences(need_description)), title)
    return quote(first)


def what_reason(offer_title: str, need_title: str, need_description: str) -> str:
    return _("offers « %(offer)s » — close in meaning to « %(need)s »") % {
        "offer": quote(offer_title),
        "need": closest_passage(need_title, need_description),
    }


def kind_reason(need_kind: str, offer_kind: str) -> str | None:
    fit = need_type(need_kind).offer_fit(offer_kind)
    if fit >= 1:
        return None
    return _("offers %(offer_kind)s, which can partly meet a need for %(need_kind)s") % {
        "offer_kind": str(need_type(offer_kind).label).lower(),
        "need_kind": str(need_type(need_kind).label).lower(),
    }


def place_reason(place) -> str | None:
    """`place` is a ranking.Place: where the actor stands from the need."""
    if place.same_neighbourhood:
        return _("in the same neighbourhood")
    if place.same_territory:
        if place.km is not None:
            return _("%(km)s km away") % {"km": f"{place.km:.1f}"}
        return _("in %(territory)s") % {"territory": place.territory_name}
    if place.local:
        if place.km is not None:
            return _("nearby, in %(territory)s, %(km)s km away") % {
                "territory": place.territory_name,
                "km": f"{place.km:.0f}",
            }
        return _("nearby, in %(territory)s") % {"territory": place.territory_name}
    if place.place_bound:
        if place.km is not None:
            return _("nobody nearby offers this: acts in %(territory)s, %(km)s km away") % {
                "territory": place.territory_name,
                "km": f"{place.km:.0f}",
            }
        return _("nobody nearby offers this: acts in %(territory)s") % {
            "territory": place.territory_name
        }
    return _("acts in %(territory)s — can help remotely") % {"territory": place.territory_name}


def condition_reasons(comparison: rules.Comparison) -> list[str]:
    return [f"{check.label} {'✓' if check.ok else '✗'}" for check in comparison.checks]


def history_reasons(stats, *, verified: bool) -> list[str]:
    reasons = []
    if stats.helped > 0:
        reasons.append(
            ngettext(
                "already helped %(count)d project",
                "already helped %(count)d projects",
                stats.helped,
            )
            % {"count": stats.helped}
        )
    if stats.answered > 0:  # "answered 0 of 5" would read as a reason to ask
        reasons.append(
            ngettext(
                "answered %(answered)d of %(received)d request",
                "answered %(answered)d of %(received)d requests",
                stats.received,
            )
            % {"answered": stats.answered, "received": stats.received}
        )
    if verified:
        reasons.append(_("verified organisation"))
    return reasons


def level_label(level: str) -> str:
    return _("very likely") if level == "very_likely" else _("possible")
