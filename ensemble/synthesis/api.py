"""The API of themes: compute, list, edit (rename, lock, merge, split, move), publish,
answer by theme; similar contributions."""

from dataclasses import asdict

from ninja import Router, Status

from ensemble.contributions.access import contribution_get_visible
from ensemble.core.api.auth import authenticated
from ensemble.core.api.schemas import responses

from . import selectors, services
from .access import synthesis_consultation, theme_get_manageable, theme_get_visible
from .schemas import (
    ComputeOut,
    MergeIn,
    MoveIn,
    PublishIn,
    RelatedOut,
    SimilarOut,
    ThemeAnswerIn,
    ThemeAnswerOut,
    ThemeOut,
    ThemePatchIn,
)

router = Router(tags=["synthesis"])


def theme_out(row: selectors.ThemeRow) -> dict:
    theme = row.theme
    return {
        "id": theme.pk, "label": theme.label, "keywords": theme.keywords,
        "contribution_ids": row.contribution_ids, "size": row.size,
        "supports": theme.figures.get("supports", 0), "answered": row.answered,
        "overdue": row.overdue, "locked": theme.locked, "status": theme.status,
        "figures": theme.figures,
    }  # fmt: skip


def _row(theme) -> dict:
    rows = selectors.theme_rows(theme.consultation, published_only=False)
    return theme_out(next(row for row in rows if row.theme.pk == theme.pk))


@router.post(
    "/consultations/{int:consultation_id}/themes/compute",
    response={**responses(ComputeOut), 202: ComputeOut}, auth=authenticated,
    summary="Compute the themes (agents)",
    description="Up to 300 open contributions: computed now (200). More: a task computes "
    "them (202); `GET …/themes` lists them when done. Locked themes are kept.",
)  # fmt: skip
def themes_compute(request, consultation_id: int):
    consultation = synthesis_consultation(user=request.user, pk=consultation_id, manage=True)
    done = services.themes_compute_on_demand(actor=request.user, consultation=consultation)
    count = consultation.synthesis_themes.count()
    return Status(200 if done else 202, {"status": "done" if done else "queued", "themes": count})


@router.get(
    "/consultations/{int:consultation_id}/themes",
    response=responses(list[ThemeOut]),
    summary="Themes of a consultation",
    description="Agents of the territory: every theme. Others: the published synthesis "
    "only (404 before it is published; internal consultations: agents only).",
)
def themes_list(request, consultation_id: int):
    consultation = synthesis_consultation(user=request.user, pk=consultation_id)
    manage = request.user.has_perm("synthesis.manage_themes", consultation)
    return [theme_out(row) for row in selectors.theme_rows(consultation, published_only=not manage)]


@router.patch(
    "/themes/{int:theme_id}",
    response=responses(ThemeOut),
    auth=authenticated,
    summary="Rename or lock a theme (agents)",
)
def theme_patch(request, theme_id: int, payload: ThemePatchIn):
    theme = theme_get_manageable(user=request.user, pk=theme_id)
    services.theme_update(actor=request.user, theme=theme, data=payload.dict(exclude_unset=True))
    return _row(theme)


@router.post(
    "/themes/{int:theme_id}/merge",
    response=responses(ThemeOut),
    auth=authenticated,
    summary="Merge other themes into this one (agents)",
)
def theme_merge(request, theme_id: int, payload: MergeIn):
    theme = theme_get_manageable(user=request.user, pk=theme_id)
    services.themes_merge(actor=request.user, theme=theme, other_ids=payload.themes)
    return _row(theme)


@router.post(
    "/themes/{int:theme_id}/split",
    response=responses(list[ThemeOut]),
    auth=authenticated,
    summary="Split a theme in two by meaning (agents)",
)
def theme_split(request, theme_id: int):
    theme = theme_get_manageable(user=request.user, pk=theme_id)
    both = services.theme_split(actor=request.user, theme=theme)
    return [_row(each) for each in both]


@router.post(
    "/themes/{int:theme_id}/move",
    response=responses(ThemeOut),
    auth=authenticated,
    summary="Move a contribution into this theme (agents)",
)
def theme_move(request, theme_id: int, payload: MoveIn):
    theme = theme_get_manageable(user=request.user, pk=theme_id)
    services.contribution_move(
        actor=request.user, theme=theme, contribution_id=payload.contribution
    )
    return _row(theme)


@router.post(
    "/themes/{int:theme_id}/answer",
    response=responses(ThemeAnswerOut),
    auth=authenticated,
    summary="Answer every contribution of a theme (agents)",
)
def theme_answer(request, theme_id: int, payload: ThemeAnswerIn):
    theme = theme_get_manageable(user=request.user, pk=theme_id)
    count = services.theme_answer(
        author=request.user, theme=theme, state=payload.state, explanation=payload.explanation,
        notes=payload.notes,
    )  # fmt: skip
    return {"answered": count}


@router.post(
    "/consultations/{int:consultation_id}/synthesis/publish",
    response=responses(ComputeOut), auth=authenticated,
    summary="Publish (or withdraw) the synthesis (agents)",
)  # fmt: skip
def synthesis_publish(request, consultation_id: int, payload: PublishIn):
    consultation = synthesis_consultation(user=request.user, pk=consultation_id, manage=True)
    services.synthesis_publish(actor=request.user, consultation=consultation,
                               publish=payload.published)  # fmt: skip
    return {"status": "published" if payload.published else "draft",
            "themes": consultation.synthesis_themes.count()}  # fmt: skip


@router.get(
    "/contributions/{int:contribution_id}/similar",
    response=responses(list[SimilarOut]),
    summary="Contributions close in meaning",
    description="The open contributions of the same consultation nearest in meaning "
    "(cosine of their sentence vectors), best first, with the score.",
)
def contribution_similar(request, contribution_id: int):
    contribution = contribution_get_visible(user=request.user, pk=contribution_id)
    return [
        {"id": c.pk, "title": c.title, "score": score, "url": c.get_absolute_url()}
        for c, score in selectors.similar_contributions(contribution)
    ]


@router.get(
    "/contributions/{int:contribution_id}/related", response=responses(list[RelatedOut]),
    summary="Who already works on this contribution",
    description="The territory's published projects, its organisations (with the offers "
    "that fit) and the network's practices close in meaning, each kind best first, with "
    "reasons (matching's ranking).",
)  # fmt: skip
def contribution_related(request, contribution_id: int):
    contribution = contribution_get_visible(user=request.user, pk=contribution_id)
    return [asdict(item) for item in selectors.related_to_contribution(contribution, request.user)]


@router.get(
    "/themes/{int:theme_id}/related", response=responses(list[RelatedOut]),
    summary="Who already works on this theme",
    description="As for a contribution, for the centre of the theme's contributions. A "
    "draft theme: agents of the territory only.",
)  # fmt: skip
def theme_related(request, theme_id: int):
    theme = theme_get_visible(user=request.user, pk=theme_id)
    return [asdict(item) for item in selectors.related_to_theme(theme, request.user)]
