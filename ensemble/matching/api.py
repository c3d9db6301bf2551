"""Matches for a need and opportunities for an organisation (see /work/shared/API.md).

Reasons come in the request's language (Accept-Language or the language cookie).
"""

from ninja import Router, Schema

from ensemble.actors.access import organisation_get_visible
from ensemble.core.access import require
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import responses
from ensemble.projects.access import need_get_visible

from . import selectors

router = Router(tags=["matching"])


class ActorOut(Schema):
    type: str
    id: int
    name: str
    url: str
    verified: bool


class MatchOut(Schema):
    actor: ActorOut
    score: float
    level: str  # "very_likely" or "possible"
    reasons: list[str]


class NeedRefOut(Schema):
    id: int
    kind: str
    title: str
    status: str


class ProjectRefOut(Schema):
    id: int
    title: str
    territory: str
    url: str


class OpportunityOut(Schema):
    need: NeedRefOut
    project: ProjectRefOut
    score: float
    level: str
    reasons: list[str]


@router.get("/needs/{int:need_id}/matches", response=responses(list[MatchOut]), auth=authenticated)
def need_matches(request, need_id: int, limit: int = 10, offset: int = 0):
    """Candidates who could meet the need: its project's team and the territory's agents."""
    need = need_get_visible(user=request.user, pk=need_id)
    require(request.user, "matching.view_need_matches", need)
    return [
        {
            "actor": {
                "type": c.actor_type,
                "id": c.actor.pk,
                "name": c.name,
                "url": request.build_absolute_uri(c.url),
                "verified": c.verified,
            },
            "score": c.score,
            "level": c.level,
            "reasons": c.reasons,
        }
        for c in selectors.need_candidates(
            need=need, viewer=request.user, limit=min(max(limit, 1), 50), offset=max(offset, 0)
        )
    ]


@router.get(
    "/organisations/{int:organisation_id}/opportunities",
    response=responses(list[OpportunityOut]),
    auth=authenticated,
)
def organisation_opportunities(request, organisation_id: int, limit: int = 20, offset: int = 0):
    """Open needs the organisation's offers could meet: its members only."""
    organisation = organisation_get_visible(
        user=request.user, pk=organisation_id, perm="matching.view_organisation_opportunities"
    )
    return [
        {
            "need": {
                "id": o.need.pk,
                "kind": o.need.kind,
                "title": o.need.title,
                "status": o.need.status,
            },
            "project": {
                "id": o.project.pk,
                "title": o.project.title,
                "territory": o.project.territory.slug,
                "url": request.build_absolute_uri(o.project.get_absolute_url()),
            },
            "score": o.score,
            "level": o.level,
            "reasons": o.reasons,
        }
        for o in selectors.actor_opportunities(
            organisation=organisation,
            viewer=request.user,
            limit=min(max(limit, 1), 50),
            offset=max(offset, 0),
        )
    ]
