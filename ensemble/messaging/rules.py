"""Who may do what with a message (the object is the message)."""

import rules

from ensemble.accounts.predicates import has_verified_email

from .predicates import (
    is_message_participant,
    is_message_sender,
    is_message_visible,
    moderates_a_report_on_message,
)

rules.add_perm(
    "messaging.report_message",
    has_verified_email & is_message_visible & ~is_message_sender & is_message_participant,
)
rules.add_perm("messaging.hide_message", moderates_a_report_on_message)
