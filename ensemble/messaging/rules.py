"""Who may do what with a conversation or a message (the object is named on each line)."""

import rules

from ensemble.accounts.predicates import has_verified_email

from .predicates import (
    is_conversation_participant,
    is_message_participant,
    is_message_sender,
    is_message_visible,
    moderates_a_report_on_message,
)

# The object is the conversation: only its participants see it.
rules.add_perm("messaging.view_conversation", is_conversation_participant)
# The object is the message from here on.
rules.add_perm("messaging.view_message", is_message_participant)
rules.add_perm(
    "messaging.report_message",
    has_verified_email & is_message_visible & ~is_message_sender & is_message_participant,
)
rules.add_perm("messaging.hide_message", moderates_a_report_on_message)
