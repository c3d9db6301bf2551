"""Writes on introductions: request, offer help, answer, withdraw, "this helped".

Each step notifies the other side (in the app and by email, through the task
queue); acceptance opens a conversation whose first message is the request's.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.accounts.models import User
from ensemble.accounts.predicates import has_verified_email
from ensemble.actors.models import Organisation, OrganisationMember
from ensemble.core.exceptions import LimitReached
from ensemble.core.limits import limit_guard
from ensemble.messaging.models import Block
from ensemble.messaging.services import conversation_open, message_send
from ensemble.notifications.services import notify
from ensemble.projects.models import Need, Project
from ensemble.projects.predicates import project_role
from ensemble.projects.services import need_fulfil

from .models import MESSAGE_MAX_LENGTH, Introduction
from .predicates import belongs_to_organisation, is_on_need_team, is_recipient

DECLINED_MEMORY = timedelta(days=30)


class IntroductionLimitReached(LimitReached):
    """Too many introductions, or the same one again: 429 on the page and in the API."""

    def __init__(self, message):
        super().__init__({"__all__": [message]})


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def daily_limit(user) -> int:
    new_for = timedelta(days=_setting("ENSEMBLE_NEW_ACCOUNT_DAYS", 7))
    if user.date_joined > timezone.now() - new_for:
        return _setting("ENSEMBLE_INTRODUCTIONS_PER_DAY_NEW", 3)
    return _setting("ENSEMBLE_INTRODUCTIONS_PER_DAY", 20)


def _check_daily_limit(actor) -> None:
    """Requests and "I can help" offers count together, exactly under concurrent requests."""
    limit_guard(
        lock=User.objects.filter(pk=actor.pk),
        used=lambda: Introduction.objects.filter(
            requested_by=actor, created_at__gte=timezone.now() - timedelta(days=1)
        ).count(),
        limit=daily_limit(actor),
        error=IntroductionLimitReached(
            _("You have reached today's limit of introductions. Please try again tomorrow.")
        ),
    )


def _check_not_repeated(existing: "Q", need: Need) -> None:
    recent = Q(status=Introduction.Status.REQUESTED) | Q(
        status=Introduction.Status.DECLINED, answered_at__gte=timezone.now() - DECLINED_MEMORY
    )
    if Introduction.objects.filter(existing, recent, need=need).exists():
        raise IntroductionLimitReached(
            _("You already made this request: wait for the answer (or 30 days after a refusal).")
        )


def _check_need(need: Need) -> None:
    if need.project.status != Project.Status.PUBLISHED:
        raise ValidationError({"need": [_("This project is not published.")]})
    if need.status != Need.Status.OPEN:
        raise ValidationError({"need": [_("This need is no longer open.")]})


def _clean_message(message: str) -> str:
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": [_("Write a message.")]})
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {"message": [_("Your message is too long (%(max)d characters at most).")
                         % {"max": MESSAGE_MAX_LENGTH}]}
        )  # fmt: skip
    return message


def person_is_contactable(user: User) -> bool:
    return user.is_active and user.contactable and user.profile_visibility != User.Visibility.HIDDEN


def _owners(organisation: Organisation) -> list[User]:
    return [
        member.user
        for member in OrganisationMember.objects.filter(
            organisation=organisation, role=OrganisationMember.Role.OWNER
        ).select_related("user")
    ]


def _team(project: Project) -> list[User]:
    return [member.user for member in project.memberships.select_related("user")]


def _list_url() -> str:
    return reverse("introductions:list")


def _lock_need(need: Need) -> Need:
    return Need.objects.select_for_update().select_related("project__territory").get(pk=need.pk)


@transaction.atomic
def introduction_request(
    *, actor, need: Need, to_organisation: Organisation | None = None,
    to_user: User | None = None, message: str,
) -> Introduction:  # fmt: skip
    """A team member asks to be introduced to an organisation or a person."""
    need = _lock_need(need)
    if not actor.has_perm("projects.manage_needs", need.project):
        raise PermissionDenied
    _check_need(need)
    if (to_organisation is None) == (to_user is None):
        raise ValidationError({"to_organisation": [_("Choose one organisation or one person.")]})
    if to_user is not None:
        if not person_is_contactable(to_user):
            raise ValidationError({"to_user": [_("This person cannot be contacted.")]})
        if to_user.pk == actor.pk or project_role(to_user, need.project) is not None:
            raise ValidationError({"to_user": [_("This person is already on the team.")]})
        if Block.objects.filter(blocker=to_user, blocked=actor).exists():
            # Blocking someone stops their requests too, not only their messages.
            raise ValidationError({"to_user": [_("This person cannot be contacted.")]})
        target = Q(to_user=to_user)
    else:
        if not to_organisation.contactable:
            raise ValidationError(
                {"to_organisation": [_("This organisation cannot be contacted.")]}
            )
        if belongs_to_organisation(actor, to_organisation.pk):
            raise ValidationError(
                {"to_organisation": [_("You are a member of this organisation.")]}
            )
        target = Q(to_organisation=to_organisation)
    message = _clean_message(message)
    _check_not_repeated(target & Q(kind=Introduction.Kind.REQUEST), need)
    _check_daily_limit(actor)
    introduction = Introduction(
        kind=Introduction.Kind.REQUEST, need=need, requested_by=actor,
        to_organisation=to_organisation, to_user=to_user, message=message,
    )  # fmt: skip
    introduction.full_clean()
    introduction.save()
    recipients = [to_user] if to_user is not None else _owners(to_organisation)
    params = {
        "person": actor.display_name, "project": need.project.title, "need": need.title,
        "message": message,
    }  # fmt: skip
    for recipient in recipients:
        notify(
            user=recipient, kind="introduction_requested", params=params, url=_list_url(),
            territory=need.project.territory, key=f"introduction:{introduction.pk}:requested",
        )  # fmt: skip
    return introduction


@transaction.atomic
def help_offer(
    *, actor, need: Need, message: str, organisation: Organisation | None = None
) -> Introduction:
    """Someone offers help on an open need ("I can help"); the project team answers."""
    if not has_verified_email(actor):
        raise ValidationError(
            {"message": [_("Confirm your email address before contacting people.")]}
        )
    need = _lock_need(need)
    _check_need(need)
    if project_role(actor, need.project) is not None:
        raise ValidationError({"need": [_("You are on this project's team.")]})
    if organisation is not None and not belongs_to_organisation(actor, organisation.pk):
        raise ValidationError({"organisation": [_("You are not a member of this organisation.")]})
    message = _clean_message(message)
    _check_not_repeated(Q(kind=Introduction.Kind.OFFER, requested_by=actor), need)
    _check_daily_limit(actor)
    introduction = Introduction(
        kind=Introduction.Kind.OFFER, need=need, requested_by=actor,
        from_organisation=organisation, message=message,
    )  # fmt: skip
    introduction.full_clean()
    introduction.save()
    helper = organisation.name if organisation is not None else actor.display_name
    for recipient in _team(need.project):
        notify(
            user=recipient, kind="help_offered", params={"helper": helper, "need": need.title},
            body=message, url=_list_url(), territory=need.project.territory,
            key=f"introduction:{introduction.pk}:offered",
        )  # fmt: skip
    return introduction


def _lock(introduction: Introduction) -> Introduction:
    return (
        Introduction.objects.select_for_update(of=("self",))
        .select_related("need__project__territory", "requested_by", "to_user", "to_organisation")
        .get(pk=introduction.pk)
    )


@transaction.atomic
def introduction_answer(*, actor, introduction: Introduction, accept: bool) -> Introduction:
    """The recipient accepts (a conversation opens) or declines."""
    introduction = _lock(introduction)
    if not actor.has_perm("introductions.answer_introduction", introduction):
        if is_recipient(actor, introduction):
            raise ValidationError({"status": [_("This introduction was already answered.")]})
        raise PermissionDenied
    need = introduction.need
    introduction.answered_by = actor
    introduction.answered_at = timezone.now()
    if accept:
        introduction.status = Introduction.Status.ACCEPTED
        if introduction.kind == Introduction.Kind.REQUEST:
            conversation = conversation_open(
                opened_by=actor, participants=[introduction.requested_by],
                subject=need.title, project=need.project,
                organisation=introduction.to_organisation,
            )  # fmt: skip
        else:
            conversation = conversation_open(
                opened_by=actor, participants=[introduction.requested_by],
                subject=need.title, project=need.project,
                organisation=introduction.from_organisation,
            )  # fmt: skip
        message_send(
            sender=introduction.requested_by, conversation=conversation,
            body=introduction.message,
        )  # fmt: skip
        introduction.conversation = conversation
        url = conversation.get_absolute_url()
    else:
        introduction.status = Introduction.Status.DECLINED
        url = _list_url()
    introduction.save(update_fields=["status", "answered_by", "answered_at", "conversation"])
    notify(
        user=introduction.requested_by, kind="introduction_answered",
        params={"person": actor.display_name, "need": need.title, "accepted": accept},
        url=url, territory=need.project.territory,
        key=f"introduction:{introduction.pk}:answered",
    )  # fmt: skip
    return introduction


@transaction.atomic
def introduction_withdraw(*, actor, introduction: Introduction) -> Introduction:
    introduction = _lock(introduction)
    if not actor.has_perm("introductions.withdraw_introduction", introduction):
        if introduction.requested_by_id == actor.pk:
            raise ValidationError({"status": [_("This introduction was already answered.")]})
        raise PermissionDenied
    introduction.status = Introduction.Status.WITHDRAWN
    introduction.save(update_fields=["status"])
    return introduction


@transaction.atomic
def introduction_mark_helped(*, actor, introduction: Introduction) -> Introduction:
    """The team says "this helped": the need is fulfilled."""
    introduction = _lock(introduction)
    if not actor.has_perm("introductions.mark_helped_introduction", introduction):
        if is_on_need_team(actor, introduction):
            raise ValidationError(
                {"outcome": [_("Only an accepted introduction can have helped.")]}
            )
        raise PermissionDenied
    if introduction.outcome != Introduction.Outcome.HELPED:
        introduction.outcome = Introduction.Outcome.HELPED
        introduction.save(update_fields=["outcome"])
        need_fulfil(actor=actor, need=introduction.need)
    return introduction
