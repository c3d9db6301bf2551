"""Reads of comments: threads (a fixed number of queries), single comments, excerpts."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Value
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ensemble.accounts.predicates import has_verified_email
from ensemble.core.kept import kept
from ensemble.moderation.models import Report
from ensemble.territories.predicates import is_territory_moderator

from .models import Comment
from .predicates import can_view_target, is_network_member
from .registry import commentable_by_prefix, commentables


def _with_reported(comments: QuerySet, viewer) -> QuerySet:
    """Annotate whether the viewer has an open report on each comment (for the rules)."""
    if not getattr(viewer, "is_authenticated", False):
        return comments.annotate(viewer_has_reported=Value(False))
    reports = Report.objects.open().filter(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=OuterRef("pk"),
        reporter=viewer,
    )
    return comments.annotate(viewer_has_reported=Exists(reports))


def comment_thread(*, target, viewer) -> QuerySet[Comment]:
    """Top-level comments of `target`, oldest first, replies and authors loaded (their
    territory is the target's: give it to them before asking the rules).

    Deleted replies and deleted top-level comments without replies are left out;
    other deleted or hidden comments keep their place, without their text.
    """
    content_type = ContentType.objects.get_for_model(target)
    on_target = {"content_type": content_type, "object_id": target.pk}
    replies = _with_reported(
        Comment.objects.filter(is_deleted=False).select_related("author"), viewer
    ).order_by("created_at", "pk")
    live_replies = Comment.objects.filter(parent=OuterRef("pk"), is_deleted=False)
    top = (
        Comment.objects.filter(parent__isnull=True, **on_target)
        .annotate(has_live_replies=Exists(live_replies))
        .exclude(is_deleted=True, has_live_replies=False)
    )
    return (
        _with_reported(top, viewer)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def thread_participant_ids(target) -> frozenset[int]:
    """Who wrote a comment of the target's thread or has an open report on one: those
    comments show them actions (edit, delete; no report) that they show nobody else.
    One query, kept per data version (`core.kept`) for every viewer of the thread."""

    def participants() -> frozenset[int]:
        on_target = Comment.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        ).order_by()
        reporters = Report.objects.open().filter(
            content_type=ContentType.objects.get_for_model(Comment),
            object_id__in=on_target.values("pk"),
        )
        authors = on_target.exclude(author=None).values_list("author_id", flat=True)
        return frozenset(authors.union(reporters.order_by().values_list("reporter_id")))

    return kept(f"thread-participants:{target._meta.label_lower}", [target.pk], participants)


def thread_actions_audience(*, viewer, target, can_comment: bool) -> str:
    """A key shared by the viewers to whom a thread's comments offer the same actions, from
    what the comment rules (rules.py) read of the viewer: visitors see none; a person who
    wrote or reported a comment of the thread is an audience of one; other people differ
    only by whether they may comment the target, report comments and moderate them."""
    if not getattr(viewer, "is_authenticated", False):
        return "visitor"
    if viewer.pk in thread_participant_ids(target):
        return f"user:{viewer.pk}"
    may_report = has_verified_email(viewer) and is_network_member(viewer)
    moderates = is_territory_moderator(viewer, target.territory)
    return f"member:{int(can_comment)}{int(bool(may_report))}{int(moderates)}"


def thread_authors(comments) -> list:
    """The authors of a page of a thread, replies included (to read their names at once)."""
    return [
        person
        for comment in comments
        for person in (comment.author, *(reply.author for reply in comment.replies.all()))
    ]


def comment_target_get(*, api_prefix: str, object_id: int, viewer):
    """A commentable target the viewer may see, or 404 (unknown kind, missing, private)."""
    try:
        kind = commentable_by_prefix(api_prefix)
    except LookupError:
        raise Http404("No such kind") from None
    target = kind.model._default_manager.select_related("territory").filter(pk=object_id).first()
    if target is None or not can_view_target(viewer, target):
        raise Http404("No such object")
    return target


def comment_get(*, pk: int, viewer, territory=None) -> Comment:
    """A comment whose target the viewer may see (in `territory` when given), or 404."""
    comments = Comment.objects.select_related("author", "territory", "content_type")
    if territory is not None:
        comments = comments.filter(territory=territory)
    comment = comments.filter(pk=pk).first()
    if comment is None or comment.target is None or not can_view_target(viewer, comment.target):
        raise Http404("No such comment")
    return comment


def comment_public_text(comment: Comment) -> str | None:
    """What replaces the text of a deleted or hidden comment (None: show the text)."""
    if comment.is_deleted:
        return _("Comment deleted")
    if comment.is_hidden:
        return _("Hidden by moderation: %(reason)s") % {"reason": comment.hidden_reason}
    return None


def comment_excerpt(comment: Comment) -> str:
    return Truncator(comment.body).chars(200)


def comment_url(comment: Comment) -> str:
    return f"{comment.target.get_absolute_url()}#comment-{comment.pk}"


def comments_for_moderation() -> QuerySet[Comment]:
    """Comments as the moderation queue shows them: author and target loaded in bulk."""
    targets = [kind.model._default_manager.select_related("territory") for kind in commentables()]
    return Comment.objects.select_related("author").prefetch_related(
        GenericPrefetch("target", targets)
    )
