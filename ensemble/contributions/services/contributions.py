"""Writes on contributions: post (online or for a workshop's group), edit, reindex.

Every write checks its permission (`rules`), then the consultation's state
(the active phase, through `consultation.allows`, refused with `Conflict`),
validates with full_clean, runs in a transaction and keeps the stored
counters true with F(). The author follows what they post, and posting
online makes them a participant of the consultation (`participants`).
"""

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.consultations.models import Consultation, workshop_of
from ensemble.consultations.phases import Feature
from ensemble.consultations.services.participants import participant_add
from ensemble.consultations.services.workshops import workshop_check_recordable
from ensemble.contributions.hooks import creation_followers
from ensemble.contributions.images import contribution_image_process
from ensemble.contributions.models import Contribution
from ensemble.contributions.services.follows import contribution_follow
from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.limits import lock_rows
from ensemble.core.validation import full_clean
from ensemble.search.indexing import index_object, unindex_objects
from ensemble.semantics.tasks import embed_on_commit
from ensemble.territories.models import Neighbourhood, Theme
from ensemble.territories.validation import check_neighbourhood, check_themes

EDITABLE_FIELDS = frozenset({
    "kind", "title", "body", "themes", "neighbourhood", "address", "latitude", "longitude",
    "image", "image_alt",
})  # fmt: skip
NULLABLE_FIELDS = frozenset({"neighbourhood", "latitude", "longitude"})
# The same text posted again by the same person within this time is a double submission.
DUPLICATE_WINDOW = timedelta(minutes=10)


class DuplicateContribution(Conflict):
    """The author posted the very same contribution moments ago; `original` is that one."""

    def __init__(self, original: Contribution):
        super().__init__({
            "title": _("You posted this same contribution a few minutes ago: “%(title)s”. "
                       "It is published at %(url)s.")
            % {"title": original.title, "url": original.get_absolute_url()}
        })  # fmt: skip
        self.original = original


def _normalised(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _check_not_posted_twice(*, author, consultation: Consultation, workshop, title, body) -> None:
    """Refuse the exact duplicate of what `author` posted here within DUPLICATE_WINDOW.

    The author's row is locked first (`core.limits`), so two submissions of the same
    form that arrive together are serialised: the second sees the first and is refused.
    """
    lock_rows(get_user_model().objects.filter(pk=author.pk))
    recent = Contribution.objects.filter(
        author=author, consultation=consultation, workshop=workshop,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).select_related("territory")  # fmt: skip
    key = (_normalised(title), _normalised(body))
    for contribution in recent.order_by("created_at", "pk"):
        if (_normalised(contribution.title), _normalised(contribution.body)) == key:
            raise DuplicateContribution(contribution)


def _check_workshop(consultation: Consultation, workshop, group_size) -> None:
    """A group's contribution: a workshop of this consultation, that has started, not cancelled."""
    link = workshop_of(workshop)
    if link is None or link.consultation_id != consultation.pk:
        raise ValidationError({"workshop": _("This workshop is not one of this consultation's.")})
    if group_size is None or group_size < 1:
        raise ValidationError(
            {"group_size": _("Say how many people of the group produced this contribution.")}
        )
    workshop_check_recordable(workshop)


def _set_image(contribution: Contribution, image, image_alt: str) -> None:
    if not (image_alt or "").strip():
        raise ValidationError({"image_alt": _("Describe what the image shows.")})
    processed = contribution_image_process(image)
    contribution.image.save(processed.name, processed, save=False)


@transaction.atomic
def contribution_create(
    *, author, consultation: Consultation, kind: str, title: str, body: str,
    themes: Iterable[Theme] = (), neighbourhood: Neighbourhood | None = None,
    address: str = "", latitude=None, longitude=None, image=None, image_alt: str = "",
    workshop=None, group_size: int | None = None,
) -> Contribution:  # fmt: skip
    """A problem or an idea posted by `author`.

    Without `workshop`: a member taking part online, while the phase allows
    proposing. With `workshop`: its facilitator (or an agent) enters what a
    group produced there, on behalf of `group_size` people, in any phase.
    """
    if workshop is None:
        require(author, "contributions.add_contribution", consultation)
        if not consultation.allows(Feature.PROPOSE):
            raise Conflict(
                _("The current phase of the consultation does not take new contributions.")
            )
        if group_size is not None:
            raise ValidationError(
                {"group_size": _("Only a workshop's contributions are made by a group.")}
            )
    else:
        require(author, "consultations.record_workshop", workshop)
        _check_workshop(consultation, workshop, group_size)
    territory = consultation.territory
    themes = check_themes(territory, themes)
    check_neighbourhood(territory, neighbourhood)
    _check_not_posted_twice(
        author=author, consultation=consultation, workshop=workshop, title=title, body=body
    )
    contribution = Contribution(
        consultation=consultation, territory=territory, kind=kind, title=(title or "").strip(),
        body=body or "", neighbourhood=neighbourhood, address=address or "",
        latitude=latitude, longitude=longitude, image_alt=(image_alt or "").strip(),
        author=author, charter_version=consultation.charter_version, workshop=workshop,
        group_size=group_size,
    )  # fmt: skip
    if image:
        _set_image(contribution, image, image_alt)
    full_clean(contribution)
    contribution.save()
    contribution.themes.set(themes)
    if workshop is None:  # taking part online; a group's contribution is counted in person
        participant_add(consultation=consultation, user=author)
    Consultation.objects.filter(pk=consultation.pk).update(
        contributions_count=F("contributions_count") + 1
    )
    contribution_follow(user=author, contribution=contribution, check=False)
    index_object(contribution)
    embed_on_commit(contribution)
    for follower in creation_followers:
        follower.created(contribution)
    return contribution


def _check_editable(actor, contribution: Contribution) -> None:
    require(actor, "contributions.change_contribution", contribution)
    if contribution.answer_state:
        raise Conflict(_("This contribution has been answered: it can no longer be changed."))
    if contribution.workshop_id is None and not contribution.consultation.allows(Feature.PROPOSE):
        raise Conflict(_("Contributions can be changed only while the consultation collects them."))


@transaction.atomic
def contribution_update(*, actor, contribution: Contribution, data: dict) -> Contribution:
    """The author edits, while contributions are collected and before any answer.

    `data` holds some of EDITABLE_FIELDS; an `image` replaces the current one.
    """
    _check_editable(actor, contribution)
    themes = None
    image = data.get("image")
    for field, value in data.items():
        if field not in EDITABLE_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        if field == "themes":
            themes = check_themes(contribution.territory, value)
        elif field != "image":
            if value is None and field not in NULLABLE_FIELDS:
                value = ""
            setattr(contribution, field, value)
    check_neighbourhood(contribution.territory, contribution.neighbourhood)
    if image:
        _set_image(contribution, image, contribution.image_alt)
    elif contribution.image and not (contribution.image_alt or "").strip():
        raise ValidationError({"image_alt": _("Describe what the image shows.")})
    full_clean(contribution)
    contribution.save()
    if themes is not None:
        contribution.themes.set(themes)
    index_object(contribution)
    embed_on_commit(contribution)
    return contribution


def contributions_unindex(*, consultation: Consultation) -> None:
    """Take every contribution of the consultation out of the search, at once."""
    unindex_objects(
        Contribution, consultation.contributions.values_list("pk", flat=True).iterator()
    )


def contributions_reindex(*, consultation: Consultation) -> None:
    """Keep the search index true after the consultation's status or visibility changed
    (publishing it, making it internal): call it from the consultation's services."""
    for contribution in (
        consultation.contributions.select_related("consultation", "neighbourhood")
        .prefetch_related("themes")
        .iterator(chunk_size=500)
    ):
        index_object(contribution)
