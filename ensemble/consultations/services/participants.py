"""The people who took part online in a consultation, each counted once.

A person takes part online by posting a contribution themselves (not one a
facilitator enters for a workshop's group), supporting one or commenting on
one. The first time, a `Participant` row is inserted and
`Consultation.participants_count` moves by one, in the transaction of the
write that made them take part; withdrawing a support later does not undo it.

Concurrency: the unique constraint (consultation, user) decides. The row is
inserted with `INSERT … ON CONFLICT DO NOTHING RETURNING` (SQLite ≥ 3.35 and
PostgreSQL), so a second concurrent first action of the same person waits for
the first transaction, inserts nothing and does not count; only the insert
that returned a row moves the counter. One query when the person already took
part, two the first time.

Lock order: callers have locked the contribution row (if any) before, and
update the consultation row after; this function inserts the participant
then updates the consultation row, the same order as every other write
(person, contribution, participant, consultation), so there is no deadlock.
"""

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from ensemble.consultations.models import Consultation, Participant


def _insert_sql() -> str:
    table = connection.ops.quote_name(Participant._meta.db_table)
    consultation, user, created_at = (
        connection.ops.quote_name(Participant._meta.get_field(name).column)
        for name in ("consultation", "user", "created_at")
    )
    pk = connection.ops.quote_name(Participant._meta.pk.column)
    # Names come from the model, values are parameters.
    return (
        f"INSERT INTO {table} ({consultation}, {user}, {created_at}) VALUES (%s, %s, %s) "  # noqa: S608
        f"ON CONFLICT ({consultation}, {user}) DO NOTHING RETURNING {pk}"
    )


def participant_add(*, consultation: Consultation | int, user) -> bool:
    """Count `user` among the people who took part online in `consultation`, once.

    Call it inside the transaction of the write that makes them take part.
    True when they take part for the first time (the counter moved), False
    when they had already taken part, or for an anonymous user.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    consultation_id = consultation if isinstance(consultation, int) else consultation.pk
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(
            _insert_sql(),
            [
                consultation_id,
                user.pk,
                connection.ops.adapt_datetimefield_value(timezone.now()),
            ],
        )
        created = cursor.fetchone() is not None
        if created:
            Consultation.objects.filter(pk=consultation_id).update(
                participants_count=F("participants_count") + 1
            )
    return created


def participant_from_comment(comment) -> None:
    """`Commentable.on_created` of contributions: a commenter takes part online."""
    participant_add(consultation=comment.target.consultation_id, user=comment.author)
