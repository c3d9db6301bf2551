"""Which offers could meet a need, ranked by meaning: the same for every viewer, so that
`selectors.need_candidates` keeps it once per data version and applies the viewer's rules
to it on each read.

`need_ranking`, with a number of queries that does not depend on how many offers there are:

1. **Candidates in SQL**: active offers of a kind that meets the need, of actors who may
   be proposed (contactable, active, not hidden, not the project's team). Place-bound
   kinds (premises, equipment, volunteers: `needtypes`' `place_bound`) come from the
   need's territory and the territories nearby (`NEARBY_KM` between their centres); the
   other kinds from the whole network.
2. **Meaning in numpy** (`ranking.rank`) over the stored vectors (`semantics`, kept in the
   process); a need or an offer the task has not embedded yet is embedded now (bounded).
3. **Conditions and history** on the best `RERANK` offers only: conditions read from the
   texts (`conditions`), introductions that helped; then one entry per actor, its best
   offer, and the relevance gates: nobody is shown who does not fit.

For a place-bound need with nobody nearby, candidates from further away are ranked, and
their place says so.
"""

import time
from dataclasses import dataclass

import numpy as np
from django.db.models import Q

from ensemble.accounts.models import User
from ensemble.actors.models import Offer, Organisation
from ensemble.needtypes.types import need_type, need_types
from ensemble.projects.models import Need, ProjectMember
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


def _texts(ids) -> dict[int, Offer]:
    """The offers' words only (conditions are read from them)."""
    offers = Offer.objects.filter(pk__in=ids).only("pk", "title", "description", "skill")
    return {offer.pk: offer for offer in offers}


def _stats(rows) -> dict:
    return responsiveness.counts_for(
        organisation_ids=[row["organisation_id"] for row in rows if row["organisation_id"]],
        user_ids=[row["user_id"] for row in rows if not row["organisation_id"]],
    )


@dataclass(frozen=True)
class Match:
    """An offer that passes the gates for a need, the same for every viewer: ids and
    figures, no model instance (it is kept between writes)."""

    offer_id: int
    actor: tuple[str, int]  # ("organisation" | "person", pk)
    members_only: bool  # a person who shows their profile to members only: per viewer
    score: float
    meaning: float
    comparison: rules.Comparison
    place: Place
    stats: responsiveness.Stats


def _rerank(
    need, need_conditions, rows, ranked, *, project, distances, place_bound, remote_ok
) -> list[Match]:
    """The best offers after conditions, history and place, best first, only those that
    pass the gates."""
    order = np.argsort(-ranked.score, kind="stable")[:RERANK]
    texts = _texts([rows[i]["pk"] for i in order])
    stats = _stats([rows[i] for i in order])
    results = []
    for i in order:
        row = rows[i]
        offer = texts[row["pk"]]
        comparison = rules.compare(
            need_conditions, rules.extract(offer_text(offer), title=offer.title)
        )
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
        members_only = row["user__profile_visibility"] == User.Visibility.MEMBERS
        results.append(
            Match(row["pk"], key, members_only, score, meaning, comparison, place, actor_stats)
        )
    results.sort(key=lambda match: (-match.score, match.offer_id))
    return results


def _best_per_actor(matches: list[Match]) -> list[Match]:
    seen: set[tuple[str, int]] = set()
    best = []
    for match in matches:
        if match.actor not in seen:
            seen.add(match.actor)
            best.append(match)
    return best


@dataclass(frozen=True)
class NeedRanking:
    territory_id: int  # the project's: where members-only profiles are seen from
    matches: list[Match]  # best first, one per actor (its best offer)


def need_ranking(need: Need) -> NeedRanking:
    """The offers that pass the gates for `need`, best first, one per actor, for every
    viewer alike: no visibility rule here (`selectors.need_candidates` applies them)."""
    project = need.project  # read with the need by the views and the API
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
            place_bound=place_bound, remote_ok=remote_ok,
        )  # fmt: skip

    if place_bound:
        local = [pk for pk, (_n, km) in distances.items() if km is not None and km <= NEARBY_KM]
        local.append(need.territory_id)
        # Nobody nearby fits: further away, and the place says so.
        found = matches(set(local), remote_ok=False) or matches(None, remote_ok=True)
    else:
        found = matches(None, remote_ok=True)
    return NeedRanking(project.territory_id, _best_per_actor(found))
