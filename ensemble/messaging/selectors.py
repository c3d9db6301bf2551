"""Reading conversations and messages (access.py reaches one; lists keep to the person)."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet

from ensemble.accounts.models import User
from ensemble.accounts.selectors import profile_is_visible
from ensemble.actors.models import OrganisationMember
from ensemble.projects.models import Project, ProjectMember

from .models import Block, Conversation, Message, Participant


def _unread(user, prefix: str = "") -> Q:
    """Messages of others, not hidden, newer than the participant's last reading."""
    return (
        Q(**{f"{prefix}is_hidden": False})
        & ~Q(**{f"{prefix}sender": user})
        & (Q(last_read_at__isnull=True) | Q(**{f"{prefix}created_at__gt": F("last_read_at")}))
    )


def conversation_list(*, user, archived: bool = False) -> QuerySet[Participant]:
    """The person's seats in conversations, newest activity first, each with `unread`
    (counted in the same query) and the conversation's participants prefetched."""
    others = Participant.objects.select_related("user").order_by("user__display_name", "pk")
    return (
        Participant.objects.filter(user=user, archived=archived)
        .select_related("conversation__project", "conversation__organisation")
        .prefetch_related(Prefetch("conversation__participants", queryset=others))
        .annotate(
            unread=Count("conversation__messages", filter=_unread(user, "conversation__messages__"))
        )
        .order_by(F("conversation__last_message_at").desc(nulls_last=True), "-pk")
    )


def unread_total(user) -> int:
    """Unread messages across the person's inbox, in one query."""
    return Message.objects.filter(
        Q(conversation__participants__user=user)
        & Q(conversation__participants__archived=False)
        & Q(is_hidden=False)
        & ~Q(sender=user)
        & (
            Q(conversation__participants__last_read_at__isnull=True)
            | Q(created_at__gt=F("conversation__participants__last_read_at"))
        )
    ).count()


def message_list(*, conversation: Conversation) -> QuerySet[Message]:
    return conversation.messages.select_related("sender").order_by("created_at", "pk")


def message_page(*, conversation: Conversation, number=None, per_page: int = 30) -> Page:
    """A page of messages, oldest first; the last (newest) page when none is asked for."""
    paginator = Paginator(message_list(conversation=conversation), per_page)
    return paginator.get_page(number or paginator.num_pages)


def blocked_ids(*, blocker) -> set[int]:
    return set(Block.objects.filter(blocker=blocker).values_list("blocked_id", flat=True))


def person_is_contactable(*, viewer, person: User) -> bool:
    """Not yourself, active, contactable, a profile the viewer may see, no block either way."""
    if person.pk == viewer.pk or not person.is_active or not person.contactable:
        return False
    if person.profile_visibility == User.Visibility.HIDDEN:
        return False
    if not profile_is_visible(viewer=viewer, person=person):
        return False
    return not Block.objects.filter(
        Q(blocker=person, blocked=viewer) | Q(blocker=viewer, blocked=person)
    ).exists()


def organisation_is_contactable(*, viewer, organisation) -> bool:
    """Contactable, with members, and not one of the viewer's own organisations."""
    if not organisation.contactable:
        return False
    member_ids = set(
        OrganisationMember.objects.filter(organisation=organisation).values_list(
            "user_id", flat=True
        )
    )
    return bool(member_ids) and viewer.pk not in member_ids


def project_is_contactable(*, viewer, project: Project) -> bool:
    """A published project with a team that does not include the viewer."""
    if project.status != Project.Status.PUBLISHED:
        return False
    member_ids = set(
        ProjectMember.objects.filter(project=project).values_list("user_id", flat=True)
    )
    return bool(member_ids) and viewer.pk not in member_ids


def message_excerpt(message: Message) -> str:
    return message.body[:200]


def message_moderation_url(message: Message) -> str:
    # Moderators are not participants: they see the reported excerpt, never the conversation.
    return ""


def messages_for_moderation() -> QuerySet[Message]:
    return Message.objects.select_related(
        "conversation__project__territory", "conversation__organisation__territory"
    )
