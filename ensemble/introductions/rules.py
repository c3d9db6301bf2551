"""Who may do what with an introduction (the object is the introduction)."""

import rules

from .predicates import is_accepted, is_on_need_team, is_pending, is_recipient, is_requester

rules.add_perm("introductions.view_introduction", is_requester | is_recipient | is_on_need_team)
rules.add_perm("introductions.answer_introduction", is_recipient & is_pending)
rules.add_perm("introductions.withdraw_introduction", is_requester & is_pending)
# "This helped": the project team, once the introduction was accepted.
rules.add_perm("introductions.mark_helped_introduction", is_on_need_team & is_accepted)
