"""conversation_get_visible and message_get_visible: a conversation exists for its participants."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.messaging import services
from ensemble.messaging.access import conversation_get_visible, message_get_visible
from ensemble.testing.factories import TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(conversation):
    return conversation.messages.get()


def test_its_participants_reach_it(conversation, message, alice, bob):
    for user in (alice, bob):
        assert conversation_get_visible(user=user, pk=conversation.pk) == conversation
        assert message_get_visible(user=user, pk=message.pk) == message
    assert message_get_visible(user=bob, pk=message.pk, perm="messaging.report_message")


@pytest.mark.parametrize("pk", [0, "abc", None])
def test_a_missing_or_malformed_pk_is_404(conversation, alice, pk):
    with pytest.raises(Http404):
        conversation_get_visible(user=alice, pk=pk)
    with pytest.raises(Http404):
        message_get_visible(user=alice, pk=pk)


@pytest.mark.parametrize(
    "who", [lambda s: s, lambda s: AnonymousUser(), lambda s: UserFactory(is_superuser=True)]
)
def test_someone_else_s_conversation_is_404(conversation, message, stranger, who):
    """Not even a superuser, whom has_perm grants everything, reads private messages."""
    user = who(stranger)
    with pytest.raises(Http404):
        conversation_get_visible(user=user, pk=conversation.pk)
    with pytest.raises(Http404):
        message_get_visible(user=user, pk=message.pk)


def test_another_territory_is_404(alice, organisation, territory):
    conversation = services.conversation_start(
        opened_by=alice, to_organisation=organisation, subject="Salle", body="Bonjour"
    )
    assert conversation_get_visible(user=alice, pk=conversation.pk, territory=territory)
    with pytest.raises(Http404):
        conversation_get_visible(user=alice, pk=conversation.pk, territory=TerritoryFactory())
    with pytest.raises(Http404):
        message_get_visible(
            user=alice, pk=conversation.messages.get().pk, territory=TerritoryFactory()
        )


def test_visible_but_not_allowed_is_403(message, alice):
    """Alice may read her own message but not report it."""
    with pytest.raises(PermissionDenied):
        message_get_visible(user=alice, pk=message.pk, perm="messaging.report_message")


def test_reaching_a_conversation_costs_two_queries(conversation, alice, django_assert_num_queries):
    with django_assert_num_queries(2):  # the conversation, its participants (for the rule too)
        conversation_get_visible(user=alice, pk=conversation.pk)
