"""Who could meet a need, and which needs an actor could meet, ranked by meaning.

`need_candidates` in four steps, with a number of queries that does not depend on how
many offers there are:

1. **Candidates in SQL**: active offers of a kind that meets the need, of actors who may
   be proposed (contactable, active, not hidden, not the project's team). Place-bound
   kinds (premises, equipment, volunteers: `needtypes`' `place_bound`) come from the
   need's territory and the territories nearby (`NEARBY_KM` between their centres); the
   other kinds from the whole network.
2. **Meaning in numpy** (`ranking.rank`) over the stored vectors (`semantics`); a need or
   an offer the task has not embedded yet is embedded now (bounded).
3. **Conditions and history** on the best `RERANK` offers only: conditions read from the
   texts (`conditions`), introductions that helped; then one entry per actor, its best
   offer, and the relevance gates: nobody is shown who does not fit.
4. **Reasons** for the candidates shown (`scoring`), and a level (very likely, possible).

For a place-bound need with nobody nearby, candidates from further away are shown, and
their reason says so. Members-only profiles are proposed only to viewers who may see them.
"""

import math
import time
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Q

from ensemble.accounts.display import may_see_person, prime_visible_names
from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.core.kept import kept
from ensemble.needtypes.types import need_type, need_types
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.semantics import encoders
from ensemble.semantics.selectors import vectors, vectors_cached
from ensemble.semantics.services import vector_current, vectors_ensure
from ensemble.territories.models import Territory

from . import conditions as rules
from . import ranking, responsiveness, scoring
from .texts import need_text, offer_text

NEARBY_KM = 15.0
FAR_MAX_KM = 100.0  # a room or a van further than this helps nobody, even as a last resort
RERANK = 60  # offers whose conditions and history are read
HUB_POOL = 200  # recent needs against which an offer's hubness is measured
HUB_TTL = 600.0
HUB_CACHE_SIZE = 200_000
HELPED_BONUS, HELPED_BONUS_MAX = 0.15, 0.45
LOCAL_BONUS = 0.25  # a candidate of the need's territory, for kinds that may come from afar
NEIGHBOURHOOD_BONUS = 0.15


@dataclass
class Place:
    """Where the candidate stands, seen from the need."""

    territory_name: str
    same_territory: bool = False
    local: bool = False  # same territory or nearby
    same_neighbourhood: bool = False
    km: float | None = None
    place_bound: bool = False


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


def offer_kinds_for(need_kind: str) -> list[str]:
    """Offer kinds that meet a need of `need_kind`, fully or partly (from the registry)."""
    return sorted(t.kind for t in need_types() if need_type(need_kind).offer_fit(t.kind) > 0)


def need_kinds_for(offer_kinds) -> list[str]:
    offer_kinds = set(offer_kinds)
    return sorted(
        t.kind for t in need_types() if any(t.offer_fit(kind) > 0 for kind in offer_kinds)
    )


def _centre(territory) -> tuple[float, float] | None:
    if territory.map_latitude is None or territory.map_longitude is None:
        return None
    return float(territory.map_latitude), float(territory.map_longitude)


def territory_distances(territory_id: int) -> dict[int, tuple[str, float | None]]:
    """Every active territory: its name and the distance between centres (None if unknown)."""
    rows = list(Territory.objects.active().only("pk", "name", "map_latitude", "map_longitude"))
    origin = next((t for t in rows if t.pk == territory_id), None)
    here = _centre(origin) if origin else None
    result = {}
    for territory in rows:
        there = _centre(territory)
        km = haversine(here, there) if here and there else None
        result[territory.pk] = (territory.name, 0.0 if territory.pk == territory_id else km)
    return result


def haversine(a, b) -> float:
    return scoring.haversine_km(a[0], a[1], b[0], b[1])


def _contactable_offers():
    """Active offers of actors who may be proposed: contactable, visible, active."""
    people = Q(
        user__isnull=False,
        user__is_active=True,
        user__contactable=True,
    ) & ~Q(user__profile_visibility=User.Visibility.HIDDEN)
    organisations = Q(organisation__isnull=False, organisation__contactable=True)
    return Offer.objects.active().filter(territory__is_active=True).filter(people | organisations)


def _key(offer_org_id, offer_user_id) -> tuple[str, int]:
    return ("organisation", offer_org_id) if offer_org_id else ("person", offer_user_id)


def _organisation_matrix(org_ids: list) -> np.ndarray:
    """Rows of the organisations' vectors (zeros for people and for unknown texts)."""
    wanted = sorted({pk for pk in org_ids if pk})
    found = vectors_cached(Organisation, wanted) if wanted else {}
    found = vectors_ensure(Organisation, wanted, found=found) if wanted else {}
    zero = np.zeros(encoders.DIM, dtype=np.float32)
    if not org_ids:
        return np.zeros((0, encoders.DIM), dtype=np.float32)
    return np.vstack([found.get(pk, zero) if pk else zero for pk in org_ids])


def _hub_needs(kind: str, exclude: int | None) -> np.ndarray:
    ids = list(
        Need.objects.open()
        .filter(kind=kind)
        .exclude(pk=exclude)
        .order_by("-pk")
        .values_list("pk", flat=True)[:HUB_POOL]
    )
    found = vectors(Need, ids)
    if not found:
        return np.zeros((0, encoders.DIM), dtype=np.float32)
    return np.vstack(list(found.values()))


def _place(row, *, need, project, distances, place_bound: bool) -> Place:
    name, km = distances.get(row["territory_id"], ("", None))
    same_territory = row["territory_id"] == need.territory_id
    local = same_territory or (km is not None and km <= NEARBY_KM)
    hood = row["organisation__neighbourhood_id"] or row["user__neighbourhood_id"]
    place = Place(
        territory_name=name, same_territory=same_territory, local=local,
        same_neighbourhood=bool(hood and hood == project.neighbourhood_id),
        km=km if not same_territory else None, place_bound=place_bound,
    )  # fmt: skip
    lat, lon = row["organisation__latitude"], row["organisation__longitude"]
    if same_territory and None not in (lat, lon, project.latitude, project.longitude):
        place.km = scoring.haversine_km(
            float(project.latitude), float(project.longitude), float(lat), float(lon)
        )
    return place


_ROW_FIELDS = (
    "pk", "kind", "organisation_id", "user_id", "territory_id", "user__profile_visibility",
    "organisation__neighbourhood_id", "user__neighbourhood_id", "organisation__latitude",
    "organisation__longitude", "organisation__summary",
)  # fmt: skip


def _rows(need: Need, *, territory_ids, team) -> list[dict]:
    offers = _contactable_offers().filter(kind__in=offer_kinds_for(need.kind))
    offers = offers.exclude(user__in=team)
    if territory_ids is not None:
        offers = offers.filter(territory_id__in=territory_ids)
    return list(offers.order_by("pk").values(*_ROW_FIELDS))


def _offer_vectors(rows) -> np.ndarray:
    ids = [row["pk"] for row in rows]
    found = vectors_ensure(Offer, ids, found=vectors_cached(Offer, ids))
    zero = np.zeros(encoders.DIM, dtype=np.float32)
    if not ids:
        return np.zeros((0, encoders.DIM), dtype=np.float32)
    return np.vstack([found.get(pk, zero) for pk in ids])


_hub_cache: dict[tuple[str, int], tuple[float, float, float]] = {}  # (kind, offer) → hub


def _hubness(kind: str, rows, offers: np.ndarray, hub_needs) -> tuple[np.ndarray, np.ndarray]:
    """Each offer's hubness against the recent needs of `kind`, kept in the process for
    `HUB_TTL` seconds (it moves slowly: it is a mean over the offer's nearest needs)."""
    now = time.monotonic()
    values = np.zeros((2, len(rows)), dtype=np.float32)
    todo = []
    for i, row in enumerate(rows):
        cached = _hub_cache.get((kind, row["pk"]))
        if cached is not None and now - cached[2] < HUB_TTL:
            values[0, i], values[1, i] = cached[0], cached[1]
        else:
            todo.append(i)
    if todo:
        e5, use = ranking.hubness(offers[todo], hub_needs())
        for j, i in enumerate(todo):
            values[0, i], values[1, i] = e5[j], use[j]
            _hub_cache[(kind, rows[i]["pk"])] = (float(e5[j]), float(use[j]), now)
    if len(_hub_cache) > HUB_CACHE_SIZE:
        _hub_cache.clear()
    return values[0], values[1]


def _score_offers(need, need_vector, rows, *, hub_needs) -> ranking.Ranked:
    if not rows:
        return ranking.rank(need_vector, np.zeros((0, encoders.DIM)), fit=np.zeros(0))
    offers = _offer_vectors(rows)
    fit = np.array([need_type(need.kind).offer_fit(row["kind"]) for row in rows])
    # An organisation's own words count when it wrote more than its name.
    orgs = _organisation_matrix(
        [row["organisation_id"] if row["organisation__summary"] else None for row in rows]
    )
    hub = _hubness(need.kind, rows, offers, hub_needs)
    return ranking.rank(need_vector, offers, fit=fit, organisations=orgs, hub=hub)


def _load_offers(ids) -> dict[int, Offer]:
    return {
        offer.pk: offer
        for offer in Offer.objects.filter(pk__in=ids).select_related(
            "organisation__territory", "user", "territory"
        )
    }


def _stats(offers) -> dict:
    return responsiveness.counts_for(
        organisations=[o.organisation for o in offers if o.organisation_id],
        users=[o.user for o in offers if o.user_id],
    )


def _logistic(value: float) -> float:
    return round(1 / (1 + math.exp(-(value - 1.0))), 4)


@dataclass(frozen=True)
class Match:
    """An offer that passes the gates for a need, the same for every viewer: what
    `need_candidates` keeps between writes (ids and figures, no model instance)."""

    offer_id: int
    actor: tuple[str, int]  # ("organisation" | "person", pk): one entry per actor
    user_id: int | None
    score: float
    meaning: float
    comparison: rules.Comparison
    place: Place
    stats: responsiveness.Stats


def _rerank(
    need, need_conditions, rows, ranked, *, project, distances, place_bound, remote_ok, loaded
) -> list[Match]:
    """The best offers after conditions, history and place, best first, only those that
    pass the gates; the offers read go into `loaded`."""
    order = np.argsort(-ranked.score, kind="stable")[:RERANK]
    offers = _load_offers([rows[i]["pk"] for i in order])
    loaded.update(offers)
    stats = _stats(offers.values())
    results = []
    for i in order:
        row = rows[i]
        offer = offers[row["pk"]]
        text = offer_text(offer)
        comparison = rules.compare(need_conditions, rules.extract(text, title=offer.title))
        key = _key(row["organisation_id"], row["user_id"])
        actor_stats = stats.get(key, responsiveness.NO_STATS)
        place = _place(
            row, need=need, project=project, distances=distances, place_bound=place_bound
        )
        bonus = min(HELPED_BONUS_MAX, HELPED_BONUS * actor_stats.helped)
        if not place_bound and place.same_territory:
            bonus += LOCAL_BONUS
        if place.same_neighbourhood:
            bonus += NEIGHBOURHOOD_BONUS
        score = float(ranked.score[i]) + comparison.weight + bonus
        meaning = float(ranked.meaning[i])
        fit = need_type(need.kind).offer_fit(row["kind"])
        if not ranking.passes(score, meaning, fit):
            continue
        if not place.local and (
            not remote_ok or (place_bound and place.km is not None and place.km > FAR_MAX_KM)
        ):
            continue
        results.append(
            Match(row["pk"], key, row["user_id"], score, meaning, comparison, place, actor_stats)
        )
    results.sort(key=lambda match: (-match.score, match.offer_id))
    return results


def _visible(matches, offers, viewer, territory_id, everyone: bool = False):
    """(match, offer) for the offers the viewer may be proposed: members-only profiles
    only to who may see them (`everyone`: no viewer, the alerts)."""
    users = [offers[match.offer_id].user for match in matches if match.user_id]
    prime_visible_names(users, viewer, territory=territory_id)
    for match in matches:
        offer = offers[match.offer_id]
        members_only = offer.user_id and offer.user.profile_visibility == User.Visibility.MEMBERS
        if (
            members_only
            and not everyone
            and (viewer is None or not may_see_person(offer.user, viewer, territory=territory_id))
        ):
            continue
        yield match, offer


def need_matches(need: Need, *, loaded: dict) -> tuple[int, list[Match]]:
    """The project's territory and the offers that pass the gates for `need`, best first,
    for every viewer alike (no visibility rule here); the offers read go into `loaded`."""
    project = Project.objects.get(pk=need.project_id)
    need_vector = vector_current(need)
    team = ProjectMember.objects.filter(project_id=project.pk).values("user_id")
    distances = territory_distances(need.territory_id)
    place_bound = bool(getattr(need_type(need.kind), "place_bound", False))
    need_conditions = rules.extract(need_text(need))

    def hub_needs():  # read only when some offer's hubness is not known yet
        return _hub_needs(need.kind, need.pk)

    def matches(territory_ids, *, remote_ok):
        rows = _rows(need, territory_ids=territory_ids, team=team)
        ranked = _score_offers(need, need_vector, rows, hub_needs=hub_needs)
        return _rerank(
            need, need_conditions, rows, ranked, project=project, distances=distances,
            place_bound=place_bound, remote_ok=remote_ok, loaded=loaded,
        )  # fmt: skip

    if not place_bound:
        return project.territory_id, matches(None, remote_ok=True)
    local = [pk for pk, (_n, km) in distances.items() if km is not None and km <= NEARBY_KM]
    local.append(need.territory_id)
    # Nobody nearby fits: further away, and the reason says so.
    return project.territory_id, (
        matches(set(local), remote_ok=False) or matches(None, remote_ok=True)
    )


def need_candidates(
    *, need: Need, viewer, limit: int = 10, offset: int = 0, everyone: bool = False
) -> list[Candidate]:
    """Actors who could meet `need`, best first (one entry per actor, its best offer).

    Never proposes the project's own team, people who opted out of contact, hidden
    profiles, members-only profiles the viewer may not see (`everyone`: no viewer, the
    alerts that tell the candidates themselves), inactive accounts,
    organisations that opted out, nor anyone who does not fit (an empty list says so).

    The ranking is the same for every viewer: it is kept once per data version (any
    write moves it: never stale) and the viewer's rules are applied to it on each read.
    """
    loaded: dict[int, Offer] = {}  # the offers the ranking read, when it runs now
    territory_id, matches = kept(
        "need-matches", [need.pk], lambda: need_matches(need, loaded=loaded)
    )
    offers = loaded or _load_offers([match.offer_id for match in matches])
    seen: set[tuple[str, int]] = set()
    candidates: list[Candidate] = []
    for match, offer in _visible(matches, offers, viewer, territory_id, everyone):
        if match.actor in seen:
            continue
        seen.add(match.actor)
        candidates.append(_candidate(need, match, offer))
        if len(candidates) >= offset + limit:
            break
    return candidates[offset:]


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
