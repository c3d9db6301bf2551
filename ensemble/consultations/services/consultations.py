"""Writes of consultations and their phases.

Only the territory's agents and admins (and network admins) create and change
consultations. Phases never overlap and are kept numbered in date order, so
that "the order of the phases" and "their dates" are one thing: reordering a
phase swaps its time slot with its neighbour's.
"""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.activity.models import Activity
from ensemble.consultations import phases as phase_registry
from ensemble.consultations.activity import (
    consultation_activities_delete,
    consultation_activity_record,
)
from ensemble.consultations.followers import publicity_changed
from ensemble.consultations.models import CharterVersion, Consultation, Phase
from ensemble.core.access import require
from ensemble.core.validation import full_clean
from ensemble.territories.models import Neighbourhood, Territory, Theme
from ensemble.territories.validation import check_neighbourhoods, check_themes

EDITABLE_FIELDS = frozenset({
    "title", "question", "description", "themes", "neighbourhoods", "visibility",
    "supports_per_person", "explanation_min_length",
})  # fmt: skip
PHASE_FIELDS = frozenset({"kind", "title", "description", "starts_at", "ends_at"})


def _check_supports_per_person(consultation: Consultation) -> None:
    if consultation.supports_per_person is not None and consultation.supports_per_person < 1:
        raise ValidationError({"supports_per_person": _("At least 1, or empty for no limit.")})


def _lay_out_blueprint(consultation: Consultation, blueprint: str, start: datetime) -> None:
    """The blueprint's phases one after the other, the first one from `start`."""
    steps = phase_registry.BLUEPRINTS.get(blueprint)
    if steps is None:
        raise ValidationError({"blueprint": _("Unknown blueprint.")})
    phases = []
    for position, step in enumerate(steps):
        ends_at = None if step.duration is None else start + step.duration
        phases.append(
            Phase(
                consultation=consultation,
                kind=step.kind,
                position=position,
                starts_at=start,
                ends_at=ends_at,
            )
        )
        if ends_at is None:
            break  # an open-ended phase is the last one
        start = ends_at
    Phase.objects.bulk_create(phases)
    consultation.__dict__.pop("ordered_phases", None)


def _charter_version_create(
    *, consultation: Consultation, author, version: int, body: str, changes: str,
    answer_within_days, body_field: str = "body",
) -> CharterVersion:  # fmt: skip
    charter = CharterVersion(
        consultation=consultation, version=version, body=(body or "").strip(),
        changes=(changes or "").strip(), answer_within_days=answer_within_days, author=author,
    )  # fmt: skip
    try:
        full_clean(charter, exclude=["consultation"])
    except ValidationError as error:
        raise ValidationError(
            {body_field if field == "body" else field: messages
             for field, messages in error.message_dict.items()}
        ) from None  # fmt: skip
    charter.save()
    consultation.charter_version = version
    consultation.answer_within_days = answer_within_days
    Consultation.objects.filter(pk=consultation.pk).update(
        charter_version=version, answer_within_days=answer_within_days, updated_at=timezone.now()
    )
    return charter


@transaction.atomic
def consultation_create(
    *, author, territory: Territory, title: str, question: str, description: str = "",
    themes: Iterable[Theme] = (), neighbourhoods: Iterable[Neighbourhood] = (),
    visibility: str = Consultation.Visibility.PUBLIC, status: str = Consultation.Status.DRAFT,
    blueprint: str | None = "co-creation", charter_body: str, answer_within_days: int = 60,
    supports_per_person: int | None = None, explanation_min_length: int = 50,
) -> Consultation:  # fmt: skip
    """A new consultation with charter v1 and, from a blueprint, its phases starting now."""
    require(author, "consultations.add_consultation", territory)
    themes = check_themes(territory, themes)
    neighbourhoods = check_neighbourhoods(territory, neighbourhoods)
    if status not in Consultation.Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    if blueprint and blueprint not in phase_registry.BLUEPRINTS:
        raise ValidationError({"blueprint": _("Unknown blueprint.")})
    now = timezone.now()
    consultation = Consultation(
        territory=territory, title=(title or "").strip(), question=(question or "").strip(),
        description=description or "", visibility=visibility, status=status,
        published_at=now if status == Consultation.Status.PUBLISHED else None,
        created_by=author, supports_per_person=supports_per_person,
        explanation_min_length=explanation_min_length, answer_within_days=answer_within_days,
        charter_version=1,
    )  # fmt: skip
    errors = {}
    for check in (
        lambda: full_clean(consultation),
        lambda: _check_supports_per_person(consultation),
    ):
        try:
            check()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    # Check the charter before saving anything, so that every error shows at once.
    try:
        full_clean(
            CharterVersion(version=1, body=(charter_body or "").strip(),
                           answer_within_days=answer_within_days, author=author),
            exclude=["consultation"],
        )  # fmt: skip
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault("charter_body" if field == "body" else field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    consultation.save()
    consultation.themes.set(themes)
    consultation.neighbourhoods.set(neighbourhoods)
    _charter_version_create(
        consultation=consultation, author=author, version=1, body=charter_body, changes="",
        answer_within_days=answer_within_days, body_field="charter_body",
    )  # fmt: skip
    if blueprint:
        _lay_out_blueprint(consultation, blueprint, now)
    _feed_follow(consultation, actor=author, was_findable=False)
    return consultation


@transaction.atomic
def consultation_update(*, actor, consultation: Consultation, data: dict) -> Consultation:
    """Change the editable fields named in `data` (themes and neighbourhoods: iterables)."""
    require(actor, "consultations.change_consultation", consultation)
    was_findable = consultation.is_public
    themes = neighbourhoods = None
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "themes":
            themes = check_themes(consultation.territory, value or ())
        elif field == "neighbourhoods":
            neighbourhoods = check_neighbourhoods(consultation.territory, value or ())
        else:
            setattr(consultation, field, value)
    _check_supports_per_person(consultation)
    full_clean(consultation, exclude=["created_by"])  # its author may have left (SET_NULL)
    consultation.save()
    publicity_changed(consultation, was_public=was_findable)
    _feed_follow(consultation, actor=actor, was_findable=was_findable)
    if themes is not None:
        consultation.themes.set(themes)
    if neighbourhoods is not None:
        consultation.neighbourhoods.set(neighbourhoods)
    return consultation


def _feed_follow(consultation: Consultation, *, actor, was_findable: bool) -> None:
    """The activity feeds announce a consultation when residents may see it, and forget
    every line about it (answers, results, workshops) when it becomes internal."""
    findable = consultation.is_public
    if was_findable and not findable:
        consultation_activities_delete(consultation=consultation)
    elif findable and not was_findable:
        consultation_activity_record(
            consultation=consultation, verb=Activity.Verb.CONSULTATION_PUBLISHED, actor=actor
        )


@transaction.atomic
def consultation_publish(*, actor, consultation: Consultation) -> Consultation:
    """Publish a draft (idempotent: a published consultation keeps its date)."""
    require(actor, "consultations.change_consultation", consultation)
    if consultation.status == Consultation.Status.PUBLISHED:
        return consultation
    consultation.status = Consultation.Status.PUBLISHED
    consultation.published_at = consultation.published_at or timezone.now()
    consultation.save(update_fields=["status", "published_at", "updated_at"])
    publicity_changed(consultation, was_public=False)
    _feed_follow(consultation, actor=actor, was_findable=False)
    return consultation


# --- Phases ----------------------------------------------------------------------


def _ordered(consultation: Consultation) -> list[Phase]:
    return list(
        Phase.objects.select_for_update()
        .filter(consultation=consultation)
        .order_by("starts_at", "position", "pk")
    )


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    """Whether [a_start, a_end) and [b_start, b_end) meet; an end of None is open."""
    return (b_end is None or a_start < b_end) and (a_end is None or b_start < a_end)


def _check_phase(phase: Phase, others: Iterable[Phase]) -> None:
    full_clean(phase, exclude=["consultation", "position"])
    if phase.ends_at is not None and phase.ends_at <= phase.starts_at:
        raise ValidationError({"ends_at": _("The end must come after the start.")})
    for other in others:
        if other.pk != phase.pk and _overlaps(
            phase.starts_at, phase.ends_at, other.starts_at, other.ends_at
        ):
            raise ValidationError(
                {"starts_at": _("These dates overlap the phase “%(title)s”.")
                 % {"title": other.display_title}}
            )  # fmt: skip


def _renumber(consultation: Consultation) -> None:
    """Number the phases in date order: position and dates never disagree."""
    phases = list(Phase.objects.filter(consultation=consultation).order_by("starts_at", "pk"))
    changed = []
    for position, phase in enumerate(phases):
        if phase.position != position:
            phase.position = position
            changed.append(phase)
    Phase.objects.bulk_update(changed, ["position"])
    consultation.__dict__.pop("ordered_phases", None)


def _lock(consultation: Consultation) -> None:
    # One phase change at a time per consultation: the overlap check stays true.
    Consultation.objects.select_for_update().filter(pk=consultation.pk).first()


@transaction.atomic
def phase_add(
    *, actor, consultation: Consultation, kind: str, starts_at: datetime,
    ends_at: datetime | None = None, title: str = "", description: str = "",
) -> Phase:  # fmt: skip
    require(actor, "consultations.change_consultation", consultation)
    _lock(consultation)
    phase = Phase(
        consultation=consultation, kind=kind, title=(title or "").strip(),
        description=description or "", starts_at=starts_at, ends_at=ends_at,
    )  # fmt: skip
    _check_phase(phase, _ordered(consultation))
    phase.save()
    _renumber(consultation)
    phase.refresh_from_db(fields=["position"])
    return phase


@transaction.atomic
def phase_update(*, actor, phase: Phase, data: dict) -> Phase:
    """Change the kind, title, description or dates named in `data`."""
    consultation = phase.consultation
    require(actor, "consultations.change_consultation", consultation)
    _lock(consultation)
    for field, value in data.items():
        if field not in PHASE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(phase, field, value.strip() if field == "title" else value)
    _check_phase(phase, _ordered(consultation))
    phase.save()
    _renumber(consultation)
    phase.refresh_from_db(fields=["position"])
    return phase


@transaction.atomic
def phase_delete(*, actor, phase: Phase) -> None:
    consultation = phase.consultation
    require(actor, "consultations.change_consultation", consultation)
    _lock(consultation)
    phase.delete()
    _renumber(consultation)


@transaction.atomic
def phase_move(*, actor, phase: Phase, direction: str) -> Phase:
    """Swap the phase with the one before ("up") or after ("down") it, time slots included.

    The two phases keep their durations and the gap between them; an open-ended
    phase stays last. Moving the first phase up (or the last down) changes nothing.
    """
    consultation = phase.consultation
    require(actor, "consultations.change_consultation", consultation)
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("A phase can only move up or down.")})
    _lock(consultation)
    phases = _ordered(consultation)
    index = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
    neighbour = index - 1 if direction == "up" else index + 1
    if not 0 <= neighbour < len(phases):
        return phase
    first, second = sorted((phases[index], phases[neighbour]), key=lambda p: p.starts_at)
    if second.ends_at is None or first.ends_at is None:
        raise ValidationError({"ends_at": _("An open-ended phase stays the last one.")})
    gap = second.starts_at - first.ends_at
    first_duration = first.ends_at - first.starts_at
    second_duration = second.ends_at - second.starts_at
    start = first.starts_at
    second.starts_at, second.ends_at = start, start + second_duration
    first.starts_at = second.ends_at + gap
    first.ends_at = first.starts_at + first_duration
    Phase.objects.bulk_update([first, second], ["starts_at", "ends_at"])
    _renumber(consultation)
    phase.refresh_from_db()
    return phase
