"""Writes of themes: compute, edit (rename, lock, merge, split, move), publish, answer.

Every write is authorised here (`synthesis.manage_themes` on the consultation) and
recorded in the audit log. A computation keeps locked themes as they are and regroups
the other open contributions.
"""

from collections import Counter
from datetime import timedelta

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.accounts.models import User
from ensemble.answers.services import answer_create, explanation_check
from ensemble.audit.services import record
from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution
from ensemble.contributions.tasks import contribution_people_ids
from ensemble.core.access import require
from ensemble.notifications.services import notify
from ensemble.semantics.services import vectors_ensure

from . import clustering, labels
from .models import Synthesis, Theme, ThemeMembership
from .tasks import themes_compute

MANAGE = "synthesis.manage_themes"
DEBOUNCE = timedelta(minutes=2)  # automatic computations: at most one per consultation
SYNC_LIMIT = 300  # up to this many contributions, `compute` answers when done


def _open_contributions(consultation: Consultation):
    return Contribution.objects.open().filter(consultation=consultation)


def _vectors(ids: list[int]) -> dict[int, np.ndarray]:
    return vectors_ensure(Contribution, ids, limit=len(ids) or 1)


def synthesis_of(consultation: Consultation) -> Synthesis:
    synthesis, _created = Synthesis.objects.get_or_create(consultation=consultation)
    return synthesis


def themes_request(*, consultation: Consultation, actor=None) -> bool:
    """Ask for a computation by the task (after commit). Automatic requests (no actor)
    are debounced: none while one asked less than `DEBOUNCE` ago has not run."""
    if actor is not None:
        require(actor, MANAGE, consultation)
    synthesis = synthesis_of(consultation)
    now = timezone.now()
    if actor is None and synthesis.is_computing and synthesis.requested_at > now - DEBOUNCE:
        return False
    Synthesis.objects.filter(pk=synthesis.pk).update(requested_at=now)
    consultation_id = consultation.pk
    transaction.on_commit(lambda: themes_compute.enqueue(consultation_id=consultation_id))
    return True


def contribution_arrived(contribution: Contribution) -> None:
    """A new contribution: themes already computed for its consultation are asked again."""
    if Synthesis.objects.filter(
        consultation_id=contribution.consultation_id, computed_at__isnull=False
    ).exists():
        themes_request(consultation=contribution.consultation)


def themes_compute_on_demand(*, actor, consultation: Consultation) -> bool:
    """An agent asks: computed now when small (True), else by the task (False)."""
    require(actor, MANAGE, consultation)
    if _open_contributions(consultation).count() <= SYNC_LIMIT:
        themes_compute_now(consultation=consultation)
        record(actor=actor, action="themes.compute", territory=consultation.territory,
               target=consultation)  # fmt: skip
        return True
    themes_request(consultation=consultation, actor=actor)
    record(actor=actor, action="themes.request", territory=consultation.territory,
           target=consultation)  # fmt: skip
    return False


@transaction.atomic
def themes_compute_now(*, consultation: Consultation) -> list[Theme]:
    """Regroup the open contributions outside locked themes; refresh every theme."""
    synthesis = Synthesis.objects.select_for_update().get(pk=synthesis_of(consultation).pk)
    ids = list(_open_contributions(consultation).order_by("pk").values_list("pk", flat=True))
    # Contributions hidden or merged since leave their themes.
    ThemeMembership.objects.filter(theme__consultation=consultation).exclude(
        contribution_id__in=ids
    ).delete()
    locked = set(
        ThemeMembership.objects.filter(
            theme__consultation=consultation, theme__locked=True
        ).values_list("contribution_id", flat=True)
    )
    consultation.synthesis_themes.unlocked().delete()
    free = [pk for pk in ids if pk not in locked]
    found = _vectors(free)
    free = [pk for pk in free if pk in found]
    published = synthesis.published_at is not None
    start = (
        consultation.synthesis_themes.order_by("-position")
        .values_list("position", flat=True)
        .first()
        or 0
    ) + 1
    if free:
        grouping = clustering.group(np.vstack([found[pk] for pk in free]))
        titles = dict(Contribution.objects.filter(pk__in=free).values_list("pk", "title"))
        for group_id in range(int(grouping.labels.max()) + 1):
            rows = list(np.flatnonzero(grouping.labels == group_id))
            rows.sort(key=lambda row: -float(grouping.scores[row]))
            theme = Theme.objects.create(
                consultation=consultation, label=labels.label_from(titles[free[rows[0]]]),
                position=start + group_id,
                status=Theme.Status.PUBLISHED if published else Theme.Status.DRAFT,
            )  # fmt: skip
            ThemeMembership.objects.bulk_create(
                ThemeMembership(theme=theme, contribution_id=free[row], rank=rank,
                                score=float(grouping.scores[row]))
                for rank, row in enumerate(rows)
            )  # fmt: skip
    themes = list(consultation.synthesis_themes.all())
    _refresh(themes)
    synthesis.computed_at = timezone.now()
    synthesis.save(update_fields=["computed_at", "updated_at"])
    return themes


def _rank(theme: Theme) -> None:
    """Order a theme's contributions again, most representative first."""
    memberships = list(theme.memberships.all())
    if not memberships:
        return
    found = _vectors([m.contribution_id for m in memberships])
    known = [m for m in memberships if m.contribution_id in found]
    if known:
        matrix = np.vstack([found[m.contribution_id] for m in known])
        scores = clustering._scores(clustering.centred(matrix) if len(known) > 1 else matrix,
                                    np.zeros(len(known), dtype=int))  # fmt: skip
        for membership, score in zip(known, scores, strict=True):
            membership.score = float(score)
    memberships.sort(key=lambda m: -m.score)
    for rank, membership in enumerate(memberships):
        membership.rank = rank
    ThemeMembership.objects.bulk_update(memberships, ["rank", "score"])


def _refresh(themes: list[Theme]) -> None:
    """Keywords and figures of these themes, from their contributions (two queries)."""
    if not themes:
        return
    rows = (
        ThemeMembership.objects.filter(theme__in=themes)
        .order_by("theme_id", "rank")
        .values_list(
            "theme_id", "contribution__title", "contribution__body", "contribution__kind",
            "contribution__supports_count", "contribution__workshop_id",
            "contribution__neighbourhood__name",
        )
    )  # fmt: skip
    by_theme: dict[int, list] = {theme.pk: [] for theme in themes}
    for row in rows:
        by_theme[row[0]].append(row[1:])
    words = labels.keywords([[f"{r[0]} {r[1]}" for r in by_theme[t.pk]] for t in themes])
    for theme, keywords in zip(themes, words, strict=True):
        members = by_theme[theme.pk]
        kinds = Counter(r[2] for r in members)
        places = Counter(r[5] for r in members if r[5])
        workshop = sum(1 for r in members if r[4])
        theme.keywords = keywords
        theme.figures = {
            "count": len(members), "supports": sum(r[3] for r in members),
            "problems": kinds.get(Contribution.Kind.PROBLEM, 0),
            "ideas": kinds.get(Contribution.Kind.IDEA, 0),
            "workshop": workshop, "online": len(members) - workshop,
            "neighbourhoods": places.most_common(5),
        }  # fmt: skip
    Theme.objects.bulk_update(themes, ["keywords", "figures"])


def _check(actor, theme: Theme) -> None:
    require(actor, MANAGE, theme.consultation)


@transaction.atomic
def theme_update(*, actor, theme: Theme, data: dict) -> Theme:
    """Rename (`label`) or lock/unlock (`locked`) a theme."""
    _check(actor, theme)
    if "label" in data and data["label"] is not None:
        label = " ".join(str(data["label"]).split())
        if not label:
            raise ValidationError({"label": _("A theme needs a name.")})
        theme.label = label[: labels.LABEL_MAX]
    if "locked" in data and data["locked"] is not None:
        theme.locked = bool(data["locked"])
    theme.save(update_fields=["label", "locked", "updated_at"])
    record(actor=actor, action="theme.update", territory=theme.consultation.territory,
           target=theme.consultation, after={"theme": theme.pk, "label": theme.label,
                                              "locked": theme.locked})  # fmt: skip
    return theme


def _theme_of_consultation(consultation, pk, field: str) -> Theme:
    try:
        theme = Theme.objects.filter(consultation=consultation, pk=int(pk)).first()
    except (TypeError, ValueError):
        theme = None
    if theme is None:
        raise ValidationError({field: _("No theme of this consultation has this number.")})
    return theme


@transaction.atomic
def themes_merge(*, actor, theme: Theme, other_ids: list[int]) -> Theme:
    """Move the contributions of the other themes into `theme` and delete them."""
    _check(actor, theme)
    others = [_theme_of_consultation(theme.consultation, pk, "themes") for pk in other_ids]
    others = [other for other in others if other.pk != theme.pk]
    if not others:
        raise ValidationError({"themes": _("Choose at least one other theme to merge.")})
    ThemeMembership.objects.filter(theme__in=others).update(theme=theme)
    Theme.objects.filter(pk__in=[o.pk for o in others]).delete()
    _rank(theme)
    _refresh([theme])
    record(actor=actor, action="theme.merge", territory=theme.consultation.territory,
           target=theme.consultation, after={"theme": theme.pk,
                                              "merged": [o.pk for o in others]})  # fmt: skip
    return theme


@transaction.atomic
def theme_split(*, actor, theme: Theme) -> list[Theme]:
    """Split a theme in two by meaning; the new one is named by its own best phrase."""
    _check(actor, theme)
    memberships = list(theme.memberships.select_related("contribution"))
    if len(memberships) < 2:
        raise ValidationError({"theme": _("A theme needs two contributions to be split.")})
    found = _vectors([m.contribution_id for m in memberships])
    known = [m for m in memberships if m.contribution_id in found]
    matrix = np.vstack([found[m.contribution_id] for m in known])
    if len(known) < clustering.SMALLEST:
        halves = np.array([0] * ((len(known) + 1) // 2) + [1] * (len(known) // 2))
    else:
        halves = clustering.group(matrix, k_min=2, k_max=2).labels
    moving = [m for m, half in zip(known, halves, strict=True) if half == 1]
    best = max(moving, key=lambda m: m.score)
    new = Theme.objects.create(
        consultation=theme.consultation, label=labels.label_from(best.contribution.title),
        status=theme.status, position=theme.position,
    )  # fmt: skip
    ThemeMembership.objects.filter(pk__in=[m.pk for m in moving]).update(theme=new)
    for each in (theme, new):
        _rank(each)
    _refresh([theme, new])
    record(actor=actor, action="theme.split", territory=theme.consultation.territory,
           target=theme.consultation, after={"theme": theme.pk, "new": new.pk})  # fmt: skip
    return [theme, new]


@transaction.atomic
def contribution_move(*, actor, theme: Theme, contribution_id) -> Theme:
    """Put a contribution of the consultation in `theme` (out of any other)."""
    _check(actor, theme)
    try:
        contribution = (
            _open_contributions(theme.consultation).filter(pk=int(contribution_id)).first()
        )
    except (TypeError, ValueError):
        contribution = None
    if contribution is None:
        raise ValidationError(
            {"contribution": _("No contribution of this consultation has this number.")}
        )
    previous = (
        ThemeMembership.objects.filter(contribution=contribution).select_related("theme").first()
    )
    ThemeMembership.objects.update_or_create(contribution=contribution, defaults={"theme": theme})
    touched = [theme] + ([previous.theme] if previous and previous.theme_id != theme.pk else [])
    for each in touched:
        _rank(each)
    _refresh(touched)
    record(actor=actor, action="theme.move", territory=theme.consultation.territory,
           target=contribution, after={"theme": theme.pk})  # fmt: skip
    return theme


@transaction.atomic
def synthesis_publish(*, actor, consultation: Consultation, publish: bool = True) -> Synthesis:
    """Publish the themes (everyone who sees the consultation reads them), or withdraw them."""
    require(actor, MANAGE, consultation)
    synthesis = synthesis_of(consultation)
    if publish and not consultation.synthesis_themes.exists():
        raise ValidationError({"themes": _("Compute the themes before publishing them.")})
    synthesis.published_at = timezone.now() if publish else None
    synthesis.save(update_fields=["published_at", "updated_at"])
    consultation.synthesis_themes.update(
        status=Theme.Status.PUBLISHED if publish else Theme.Status.DRAFT
    )
    record(actor=actor, action="synthesis.publish" if publish else "synthesis.withdraw",
           territory=consultation.territory, target=consultation)  # fmt: skip
    return synthesis


def theme_answer(
    *, author, theme: Theme, state: str, explanation: str, notes: dict | None = None
) -> int:  # fmt: skip
    """Answer every open contribution of the theme with the theme's explanation (and its
    own note); each gets its own answer row. Each author and follower is told once.

    Refuses a missing or short explanation (the consultation's rule) before any write."""
    _check(author, theme)
    consultation = theme.consultation
    explanation = explanation_check(consultation=consultation, explanation=explanation)
    notes = {int(key): (value or "").strip() for key, value in (notes or {}).items()}
    contributions = list(
        Contribution.objects.open().filter(theme_membership__theme=theme)
        .select_related("consultation", "territory").order_by("theme_membership__rank")
    )  # fmt: skip
    unknown = set(notes) - {c.pk for c in contributions}
    if unknown:
        raise ValidationError({"notes": _("These contributions are not in the theme: %(ids)s")
                               % {"ids": ", ".join(map(str, sorted(unknown)))}})  # fmt: skip
    if not contributions:
        raise ValidationError({"theme": _("This theme has no open contribution to answer.")})
    people: set[int] = set()
    with transaction.atomic():
        for contribution in contributions:
            note = notes.get(contribution.pk)
            text = f"{explanation}\n\n{note}" if note else explanation
            answer_create(author=author, contribution=contribution, state=state,
                          explanation=text, notify=False)  # fmt: skip
            people |= contribution_people_ids(contribution)
        people.discard(author.pk)
        record(actor=author, action="theme.answer", territory=consultation.territory,
               target=consultation, after={"theme": theme.pk, "state": state,
                                           "answers": len(contributions)})  # fmt: skip
        theme_id, label = theme.pk, theme.label
        url = consultation.get_absolute_url()
        if Synthesis.objects.filter(consultation=consultation, published_at__isnull=False).exists():
            url = reverse("synthesis:synthesis", kwargs={
                "territory_slug": consultation.territory.slug, "pk": consultation.pk,
            }) + f"#theme-{theme_id}"  # fmt: skip
        territory = consultation.territory

        def tell():
            for user in User.objects.filter(pk__in=people, is_active=True):
                notify(user=user, kind="theme_answered", params={"title": label},
                       body=explanation, url=url, territory=territory,
                       key=f"theme-answer:{theme_id}:{state}")  # fmt: skip

        transaction.on_commit(tell)
    return len(contributions)
