"""Who already works on this? For a contribution or a theme: the territory's published
projects, its organisations (with their offers) and the network's published practices
that address it, ranked with reasons.

The ranking is matching's (`matching.ranking.rank`: each model standardised over the
candidates, an absolute gate so that nothing unrelated is listed), the reasons use
matching's quoting (`matching.scoring`); only the pools are chosen here.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from ensemble.actors.models import Offer, Organisation
from ensemble.matching import ranking, scoring
from ensemble.practices.models import Practice
from ensemble.projects.models import Project
from ensemble.semantics import encoders
from ensemble.semantics.services import vectors_ensure

PER_KIND = 5
POOL = 500  # the most recent candidates of each kind that are compared


@dataclass
class Related:
    kind: str  # project, organisation, practice
    id: int
    title: str
    url: str
    score: float
    reasons: list[str] = field(default_factory=list)
    offers: list[dict] = field(default_factory=list)


def _rank(query: np.ndarray, ids: list[int], model) -> list[tuple[int, float]]:
    found = vectors_ensure(model, ids)
    kept = [pk for pk in ids if pk in found]
    if not kept:
        return []
    ranked = ranking.rank(query, np.vstack([found[pk] for pk in kept]), fit=np.ones(len(kept)))
    order = [row for row in np.argsort(-ranked.score) if ranked.kept[row]]
    return [(kept[row], round(float(ranked.score[row]), 3)) for row in order]


def _reason(title: str, about_title: str, about_text: str) -> str:
    return _("« %(title)s » — close in meaning to « %(about)s »") % {
        "title": scoring.quote(title), "about": scoring.closest_passage(about_title, about_text),
    }  # fmt: skip


def related_to(*, query: np.ndarray, territory, viewer, title: str, text: str) -> list[Related]:
    """Projects, organisations and practices close to `query`, best first in each kind."""
    results: list[Related] = []
    projects = list(
        Project.objects.published().filter(territory=territory)
        .order_by("-pk").values_list("pk", flat=True)[:POOL]
    )  # fmt: skip
    ranked = _rank(query, projects, Project)[:PER_KIND]
    found = Project.objects.select_related("territory").in_bulk([pk for pk, _s in ranked])
    for pk, score in ranked:
        project = found[pk]
        results.append(Related("project", pk, project.title, project.get_absolute_url(), score,
                               [_reason(project.title, title, text)]))  # fmt: skip
    offers = list(
        Offer.objects.active().filter(
            territory=territory, organisation__isnull=False, organisation__contactable=True
        ).order_by("-pk").values_list("pk", flat=True)[:POOL]
    )  # fmt: skip
    ranked_offers = _rank(query, offers, Offer)
    offer_rows = Offer.objects.select_related("organisation__territory").in_bulk(
        [pk for pk, _score in ranked_offers]
    )
    grouped: dict[int, list[tuple[Offer, float]]] = {}  # best organisation first
    for pk, score in ranked_offers:
        offer = offer_rows[pk]
        grouped.setdefault(offer.organisation_id, []).append((offer, score))
    for items in list(grouped.values())[:PER_KIND]:
        organisation: Organisation = items[0][0].organisation
        results.append(Related(
            "organisation", organisation.pk, organisation.name, organisation.get_absolute_url(),
            items[0][1],
            [_reason(offer.title, title, text) for offer, _score in items[:2]],
            [{"id": offer.pk, "title": offer.title, "kind": offer.kind} for offer, _s in items],
        ))  # fmt: skip
    practices = list(
        Practice.objects.visible_to(viewer).order_by("-pk").values_list("pk", flat=True)[:POOL]
    )
    ranked = _rank(query, practices, Practice)[:PER_KIND]
    found = Practice.objects.in_bulk([pk for pk, _s in ranked])
    for pk, score in ranked:
        practice = found[pk]
        results.append(Related("practice", pk, practice.title, practice.get_absolute_url(), score,
                               [_reason(practice.title, title, text)]))  # fmt: skip
    return results


def centre(matrix: np.ndarray) -> np.ndarray:
    """The vector of a group of texts: each model's mean direction, as `encode` makes them."""
    left, right = encoders.parts(np.asarray(matrix, dtype=np.float32).mean(axis=0))
    return (np.hstack([left[0], right[0]]) / np.sqrt(2)).astype(np.float32)
