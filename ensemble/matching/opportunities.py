"""Which open needs an actor could meet: the other direction of `selectors.need_candidates`,
by the same scoring (the needs are the pool)."""

from dataclasses import dataclass

import numpy as np
from django.db.models import Q
from django.utils.translation import gettext as _

from ensemble.actors.models import Offer
from ensemble.needtypes.types import need_type
from ensemble.projects.models import Need, Project, ProjectMember
from ensemble.semantics.selectors import vectors_cached
from ensemble.semantics.services import vectors_ensure

from . import conditions as rules
from . import ranking, scoring
from .need_ranking import (
    NEARBY_KM,
    RERANK,
    _contactable_offers,
    _organisation_matrix,
    need_kinds_for,
    territory_distances,
)
from .selectors import _logistic
from .texts import need_text, offer_text


@dataclass
class Opportunity:
    """An open need the actor could meet, through its best `offer`."""

    need: Need
    score: float
    reasons: list[str]
    offer: Offer
    level: str = "possible"

    @property
    def project(self) -> Project:
        return self.need.project

    @property
    def level_label(self) -> str:
        return scoring.level_label(self.level)


def actor_opportunities(
    *, organisation=None, user=None, viewer, limit: int = 20, offset: int = 0
) -> list[Opportunity]:
    """Open needs of published projects that the organisation's (or person's) offers could
    meet, by the same scoring as `need_candidates` (the needs are the pool).

    Skips projects the person (or, for an organisation, the viewer) is in the team of;
    place-bound needs only where the offer stands and nearby.
    """
    if (organisation is None) == (user is None):
        raise ValueError("Give exactly one of organisation and user.")
    offers = list(
        _contactable_offers()
        .filter(Q(organisation=organisation) if organisation is not None else Q(user=user))
        .select_related("organisation__territory", "user", "territory")
        .order_by("pk")
    )
    if not offers:
        return []
    member = user if user is not None else viewer
    team = ProjectMember.objects.filter(user_id=getattr(member, "pk", None)).values("project_id")
    needs = list(
        Need.objects.open()
        .filter(
            project__status=Project.Status.PUBLISHED,
            territory__is_active=True,
            kind__in=need_kinds_for({offer.kind for offer in offers}),
        )
        .exclude(project_id__in=team)
        .select_related("project__territory", "territory")
        .order_by("-created_at", "pk")[:2000]
    )
    if not needs:
        return []
    need_found = vectors_ensure(
        Need, [n.pk for n in needs], found=vectors_cached(Need, [n.pk for n in needs])
    )
    needs = [n for n in needs if n.pk in need_found]
    need_matrix = np.vstack([need_found[n.pk] for n in needs]) if needs else None
    offer_found = vectors_ensure(Offer, [o.pk for o in offers])
    first = offers[0]
    speaks = first.organisation_id and first.organisation.summary
    org_vector = _organisation_matrix([first.organisation_id if speaks else None])[0]
    territories = {offer.territory_id: territory_distances(offer.territory_id) for offer in offers}
    best: dict[int, tuple] = {}
    for offer in offers:
        if offer.pk not in offer_found or need_matrix is None:
            continue
        fit = np.array([need_type(n.kind).offer_fit(offer.kind) for n in needs])
        ranked = ranking.rank_needs(
            offer_found[offer.pk], need_matrix, fit=fit,
            organisation=org_vector if offer.organisation_id else None,
        )  # fmt: skip
        offer_conditions = rules.extract(offer_text(offer), title=offer.title)
        distances = territories[offer.territory_id]
        for i in np.argsort(-ranked.score, kind="stable")[:RERANK]:
            need = needs[i]
            if fit[i] <= 0:
                continue
            place_bound = bool(getattr(need_type(need.kind), "place_bound", False))
            km = distances.get(need.territory_id, ("", None))[1]
            local = need.territory_id == offer.territory_id or (km is not None and km <= NEARBY_KM)
            if place_bound and not local:
                continue
            comparison = rules.compare(rules.extract(need_text(need)), offer_conditions)
            score = float(ranked.score[i]) + comparison.weight
            meaning = float(ranked.meaning[i])
            if not ranking.passes(score, meaning, float(fit[i])):
                continue
            if need.pk not in best or score > best[need.pk][0]:
                best[need.pk] = (score, meaning, offer, comparison, local, km)
    ordered = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
    by_pk = {n.pk: n for n in needs}
    results = []
    for need_pk, (score, meaning, offer, comparison, local, _km) in ordered[
        offset : offset + limit
    ]:
        need = by_pk[need_pk]
        level = "possible" if comparison.failed else ranking.level(score, meaning)
        reasons = [
            _("your offer « %(offer)s » — close in meaning to « %(need)s »")
            % {
                "offer": scoring.quote(offer.title),
                "need": scoring.closest_passage(need.title, need.description),
            }
        ]
        if not local:
            reasons.append(
                _("in %(territory)s — you can help remotely") % {"territory": need.territory.name}
            )
        reasons += scoring.condition_reasons(comparison)
        results.append(
            Opportunity(
                need=need, score=_logistic(score), reasons=reasons, offer=offer, level=level
            )
        )
    return results
