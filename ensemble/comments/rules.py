"""Who may do what with a comment (the object is the comment).

Posting a new comment is the target's rule (`<app>.comment_<model>`), checked
on the target by the services; replying is the same rule, on a live comment.
"""

import rules

from ensemble.accounts.predicates import has_verified_email

from .predicates import (
    has_reported_comment,
    is_comment_author,
    is_comment_deleted,
    is_comment_live,
    is_network_member,
    may_comment_target,
    may_view_comment_target,
    moderates_comment_territory,
)

rules.add_perm("comments.view_comment", may_view_comment_target)
rules.add_perm("comments.reply_comment", is_comment_live & may_comment_target)
rules.add_perm("comments.change_comment", is_comment_author & is_comment_live)
rules.add_perm(
    "comments.delete_comment",
    ~is_comment_deleted & (is_comment_author | moderates_comment_territory),
)
rules.add_perm(
    "comments.report_comment",
    is_comment_live
    & has_verified_email
    & is_network_member
    & ~is_comment_author
    & ~has_reported_comment
    & may_view_comment_target,
)
rules.add_perm("comments.hide_comment", ~is_comment_deleted & moderates_comment_territory)
