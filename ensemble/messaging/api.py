"""Private messages in the API: a conversation of others is a 404, never a 403."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from ensemble.accounts.models import User
from ensemble.actors.models import Organisation
from ensemble.core.api.auth import authenticated
from ensemble.core.api.pagination import PageNumber
from ensemble.core.api.schemas import responses
from ensemble.projects.models import Project

from . import selectors, services
from .access import conversation_get_visible
from .schemas import ConversationIn, ConversationOut, MessageIn, MessageOut

router = Router(tags=["messaging"])


def _with_unread(seat):
    conversation = seat.conversation
    conversation.unread = seat.unread
    return conversation


@router.get("/conversations", response=responses(list[ConversationOut]), auth=authenticated)
@paginate(PageNumber)
def conversation_list(request):
    return _LazyMap(selectors.conversation_list(user=request.user), _with_unread)


class _LazyMap:
    """A queryset whose sliced items are mapped (pagination slices, then we map)."""

    def __init__(self, queryset, function):
        self.queryset, self.function = queryset, function

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        return [self.function(item) for item in self.queryset[index]]


@router.post("/conversations", response=responses(ConversationOut, 201), auth=authenticated)
def conversation_create(request, payload: ConversationIn):
    given = [payload.to_user, payload.to_organisation, payload.to_project]
    if sum(value is not None for value in given) != 1:
        raise ValidationError({"to_user": [_("Give to_user, to_organisation or to_project.")]})
    person = organisation = project = None
    if payload.to_user is not None:
        person = User.objects.filter(pk=payload.to_user).first()
        if person is None:
            raise ValidationError({"to_user": [_("No such person.")]})
    elif payload.to_organisation is not None:
        organisation = Organisation.objects.filter(pk=payload.to_organisation).first()
        if organisation is None:
            raise ValidationError({"to_organisation": [_("No such organisation.")]})
    else:
        project = Project.objects.filter(pk=payload.to_project).first()
        if project is None or not request.user.has_perm("projects.view_project", project):
            raise ValidationError({"to_project": [_("No such project.")]})
    conversation = services.conversation_start(
        opened_by=request.user, to_user=person, to_organisation=organisation,
        to_project=project, subject=payload.subject, body=payload.body,
    )  # fmt: skip
    return Status(201, conversation_get_visible(user=request.user, pk=conversation.pk))


@router.get(
    "/conversations/{int:conversation_id}/messages",
    response=responses(list[MessageOut]), auth=authenticated,
)  # fmt: skip
@paginate(PageNumber)
def message_list(request, conversation_id: int):
    conversation = conversation_get_visible(user=request.user, pk=conversation_id)
    return selectors.message_list(conversation=conversation)


@router.post(
    "/conversations/{int:conversation_id}/messages",
    response=responses(MessageOut, 201), auth=authenticated,
)  # fmt: skip
def message_create(request, conversation_id: int, payload: MessageIn):
    conversation = conversation_get_visible(user=request.user, pk=conversation_id)
    message = services.message_send(
        sender=request.user, conversation=conversation, body=payload.body
    )
    return Status(201, message)


@router.post(
    "/conversations/{int:conversation_id}/read", response=responses(None, 204),
    auth=authenticated,
)  # fmt: skip
def conversation_read(request, conversation_id: int):
    conversation = conversation_get_visible(user=request.user, pk=conversation_id)
    services.conversation_mark_read(user=request.user, conversation=conversation)
    return Status(204, None)


def _person(pk: int) -> User:
    person = User.objects.filter(pk=pk, is_active=True).first()
    if person is None:
        raise Http404("No such person")
    return person


@router.post("/people/{int:person_id}/block", response=responses(None, 204), auth=authenticated)
def person_block(request, person_id: int):
    services.person_block(blocker=request.user, blocked=_person(person_id))
    return Status(204, None)


@router.delete("/people/{int:person_id}/block", response=responses(None, 204), auth=authenticated)
def person_unblock(request, person_id: int):
    services.person_unblock(blocker=request.user, blocked=_person(person_id))
    return Status(204, None)
