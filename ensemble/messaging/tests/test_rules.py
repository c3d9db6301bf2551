"""Permission matrix on a private message and its conversation: who × (visible, reported,
hidden)."""

import pytest

from ensemble.messaging import services
from ensemble.messaging.models import Message, Participant
from ensemble.testing import rules
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db

VISIBLE, REPORTED, HIDDEN = "visible", "reported", "hidden"
MODERATORS = {"moderator", "territory admin", "network admin"}


def _unverified_participant(cast):
    user = member(cast.territory, verified=False)
    Participant.objects.create(conversation=cast.obj.conversation, user=user)
    return user


PEOPLE = rules.people(
    sender=lambda cast: cast.extra["sender"],
    recipient=lambda cast: cast.extra["recipient"],
    unverified_participant=_unverified_participant,
)
PARTICIPANTS = {"sender", "recipient", "unverified participant", "network admin"}
MATRIX = {
    # Only the people in the conversation read a message, whatever moderation did with it
    # (a network admin holds every permission; the access module still lists only their
    # own conversations).
    "messaging.view_message": {VISIBLE: PARTICIPANTS, REPORTED: PARTICIPANTS, HIDDEN: PARTICIPANTS},
    # A participant reports what they received, while it is visible.
    "messaging.report_message": {
        VISIBLE: {"recipient", "network admin"},
        REPORTED: {"recipient", "network admin"},
        HIDDEN: {"network admin"},
    },
    # Moderators reach a private message only through a report made in their territory.
    "messaging.hide_message": {
        VISIBLE: {"network admin"},
        REPORTED: MODERATORS,
        HIDDEN: MODERATORS,
    },
}


def _message(territory, state):
    sender = member(territory, display_name="Alice")
    recipient = member(territory, display_name="Bob")
    conversation = services.conversation_open(
        opened_by=sender, participants=[recipient], subject="Salle"
    )
    message = services.message_send(sender=sender, conversation=conversation, body="Bonjour")
    if state in (REPORTED, HIDDEN):
        services.message_report(reporter=recipient, message=message, reason="abuse")
    if state == HIDDEN:
        Message.objects.filter(pk=message.pk).update(is_hidden=True)
    message = Message.objects.get(pk=message.pk)
    return message, {"sender": sender, "recipient": recipient}


@pytest.mark.parametrize(rules.PERSON_CASE, rules.person_cases(MATRIX, PEOPLE))
def test_matrix(territory, other_territory, state, who, expected):
    message, extra = _message(territory, state)
    user = PEOPLE[who](rules.Cast(territory, other_territory, message, extra))
    rules.assert_perms(user, message, expected)


def test_a_report_in_another_territory_gives_its_moderators_nothing_here(
    territory, other_territory
):
    message, _people = _message(territory, VISIBLE)
    # The recipient's first territory is the other one: the report goes there.
    reporter = member(other_territory)
    Participant.objects.create(conversation=message.conversation, user=reporter)
    services.message_report(reporter=reporter, message=message, reason="spam")
    rules.assert_perm(member(other_territory, "moderator"), "messaging.hide_message", message, True)
    rules.assert_perm(member(territory, "moderator"), "messaging.hide_message", message, False)


CONVERSATION = {"messaging.view_conversation": {VISIBLE: PARTICIPANTS}}


@pytest.mark.parametrize(rules.CASE, rules.matrix_cases(CONVERSATION, PEOPLE))
def test_conversation_matrix(territory, other_territory, perm, state, who, allowed):
    message, extra = _message(territory, state)
    cast = rules.Cast(territory, other_territory, message, extra)
    rules.assert_perm(PEOPLE[who](cast), perm, message.conversation, allowed)
