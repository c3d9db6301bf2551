from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ensemble.messaging import selectors, services
from ensemble.messaging.models import Conversation, Message, Participant
from ensemble.notifications.models import Notification


def test_open_reuses_the_conversation_between_the_same_people(alice, bob, conversation):
    again = services.conversation_open(opened_by=bob, participants=[alice])
    assert again.pk == conversation.pk
    assert Conversation.objects.count() == 1


def test_open_about_another_object_is_another_conversation(alice, bob, conversation, organisation):
    other = services.conversation_open(
        opened_by=alice, participants=[bob], organisation=organisation
    )
    assert other.pk != conversation.pk
    # The organisation's members take part.
    assert set(other.participants.values_list("user__display_name", flat=True)) == {
        "Alice", "Bob", "Olga",
    }  # fmt: skip


def test_open_alone_is_refused(alice):
    with pytest.raises(ValidationError) as error:
        services.conversation_open(opened_by=alice, participants=[alice])
    assert "participants" in error.value.message_dict


def test_nobody_who_blocked_the_opener_can_be_added(alice, bob):
    services.person_block(blocker=bob, blocked=alice)
    with pytest.raises(ValidationError) as error:
        services.conversation_open(opened_by=alice, participants=[bob])
    assert "participants" in error.value.message_dict


def test_a_non_participant_cannot_post(conversation, stranger):
    with pytest.raises(PermissionDenied):
        services.message_send(sender=stranger, conversation=conversation, body="Coucou")


def test_a_blocked_person_cannot_write(alice, bob, conversation):
    services.person_block(blocker=bob, blocked=alice)
    with pytest.raises(ValidationError, match="blocked"):
        services.message_send(sender=alice, conversation=conversation, body="Encore moi")
    # The one who blocked cannot write either, until they unblock.
    with pytest.raises(ValidationError, match="unblock"):
        services.message_send(sender=bob, conversation=conversation, body="Hello")
    services.person_unblock(blocker=bob, blocked=alice)
    services.message_send(sender=alice, conversation=conversation, body="Merci")


def test_blocking_yourself_is_refused(alice):
    with pytest.raises(ValidationError):
        services.person_block(blocker=alice, blocked=alice)


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_empty_or_too_long_body_names_the_field(alice, conversation, body):
    with pytest.raises(ValidationError) as error:
        services.message_send(sender=alice, conversation=conversation, body=body)
    assert "body" in error.value.message_dict


def test_send_keeps_counters_and_notifies_the_others(alice, bob, conversation):
    conversation.refresh_from_db()
    assert conversation.messages_count == Message.objects.filter(conversation=conversation).count()
    assert conversation.last_message_at == Message.objects.get().created_at
    assert Notification.objects.filter(user=bob, kind="message").count() == 1
    assert not Notification.objects.filter(user=alice).exists()


def test_unread_counts(alice, bob, conversation):
    services.message_send(sender=alice, conversation=conversation, body="Deuxième")
    assert selectors.unread_total(bob) == 2
    assert selectors.unread_total(alice) == 0
    assert selectors.conversation_list(user=bob).get().unread == 2
    services.conversation_mark_read(user=bob, conversation=conversation)
    assert selectors.unread_total(bob) == 0
    services.message_send(sender=alice, conversation=conversation, body="Troisième")
    assert selectors.conversation_list(user=bob).get().unread == 1
    assert selectors.unread_total(bob) == 1


def test_emails_are_throttled_per_conversation_and_recipient(
    alice, bob, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.ENSEMBLE_MESSAGE_EMAIL_THROTTLE_MINUTES = 15
    conversation = services.conversation_open(opened_by=alice, participants=[bob])
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(sender=alice, conversation=conversation, body="Un")
        services.message_send(sender=alice, conversation=conversation, body="Deux")
    assert [mail.to for mail in mailoutbox] == [[bob.email]]
    assert Notification.objects.filter(user=bob).count() == 2  # in-app: every message
    # Past the window, the next message is emailed again.
    Participant.objects.filter(user=bob).update(
        last_emailed_at=timezone.now() - timedelta(minutes=16)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(sender=alice, conversation=conversation, body="Trois")
    assert len(mailoutbox) == 2


def test_new_accounts_are_limited_per_day(alice, territory, settings):
    from ensemble.testing.factories import member

    settings.ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAILY_CONVERSATIONS = 2
    people = [member(territory) for _ in range(3)]
    for person in people[:2]:
        services.conversation_start(opened_by=alice, to_user=person, subject="", body="Bonjour")
    with pytest.raises(services.ConversationLimitReached):
        services.conversation_start(opened_by=alice, to_user=people[2], subject="", body="Bonjour")
    # Writing again to someone already met is not a new conversation.
    services.conversation_start(opened_by=alice, to_user=people[0], subject="", body="Re")


def test_old_accounts_are_not_limited(territory, settings):
    from ensemble.testing.factories import member

    from .conftest import old_account

    settings.ENSEMBLE_MESSAGE_NEW_ACCOUNT_DAILY_CONVERSATIONS = 1
    veteran = old_account()
    for _ in range(3):
        services.conversation_start(
            opened_by=veteran, to_user=member(territory, profile_visibility="public"), body="Hi",
            subject="",
        )  # fmt: skip
    # Three new conversations in a day, over a limit of one: none was refused.
    assert Participant.objects.filter(user=veteran).count() == 3


def test_start_refuses_people_who_cannot_be_contacted(alice, bob, territory):
    from ensemble.testing.factories import member

    refused = [
        alice,
        member(territory, contactable=False),
        member(territory, profile_visibility="hidden"),
        member(territory, is_active=False),
    ]
    services.person_block(blocker=bob, blocked=alice)
    refused.append(bob)
    for person in refused:
        with pytest.raises(ValidationError) as error:
            services.conversation_start(opened_by=alice, to_user=person, subject="", body="Hi")
        assert "to_user" in error.value.message_dict
    assert not Conversation.objects.exists()


def test_start_refuses_an_organisation_that_cannot_be_contacted(alice, organisation):
    organisation.contactable = False
    organisation.save()
    with pytest.raises(ValidationError) as error:
        services.conversation_start(
            opened_by=alice, to_organisation=organisation, subject="", body="Hi"
        )
    assert "to_organisation" in error.value.message_dict


def test_report_goes_to_the_reporters_territory_and_hiding_works(
    alice, bob, conversation, territory
):
    from ensemble.moderation.services import report_resolve
    from ensemble.territories.roles import Role
    from ensemble.testing.factories import member

    message = Message.objects.get()
    with pytest.raises(PermissionDenied):  # one's own message
        services.message_report(reporter=alice, message=message, reason="spam")
    report = services.message_report(reporter=bob, message=message, reason="abuse")
    assert report.territory == territory
    moderator = member(territory, Role.MODERATOR)
    report_resolve(actor=moderator, report=report, upheld=True, reason="Insultes")
    message.refresh_from_db()
    assert message.is_hidden and message.hidden_reason == "Insultes"


def test_a_stranger_cannot_report_or_hide(conversation, stranger, territory):
    message = Message.objects.get()
    with pytest.raises(PermissionDenied):
        services.message_report(reporter=stranger, message=message, reason="spam")
    with pytest.raises(PermissionDenied):
        services.message_hide(actor=stranger, target=message, reason="Non")


def test_an_unverified_address_cannot_start_a_conversation(territory, bob):
    from ensemble.testing.factories import member

    newcomer = member(territory, verified=False)
    with pytest.raises(ValidationError) as error:
        services.conversation_start(
            opened_by=newcomer, subject="Bonjour", body="Bonjour", to_user=bob
        )
    assert "body" in error.value.message_dict
    assert not Conversation.objects.filter(participants__user=newcomer).exists()
