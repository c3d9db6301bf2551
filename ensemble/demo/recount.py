"""Stored counters computed from the rows, for data written without the services.

The demo consultations (`seeders/consultations.py`) and the scale data
(`bench/scale/participation.py`) insert their rows with the models, dated in
the past; the services, which keep the counters as they go, are not used.
`recount` then makes every counter equal its rows, in one UPDATE per table
(correlated subqueries, portable to SQLite and PostgreSQL). Idempotent.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from ensemble.answers.models import Answer
from ensemble.comments.models import Comment
from ensemble.consultations.models import Consultation, Participant
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.events.models import Event, Registration
from ensemble.results.models import Result


def _count_of(queryset, field: str):
    return Coalesce(
        Subquery(
            queryset.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n")
        ),
        Value(0),
    )


def _fill_participants(consultation_ids: list[int]) -> None:
    """Insert the missing Participant rows of these consultations in one statement.

    `INSERT … SELECT` over a `UNION ALL` of the people who took part online
    (authors of their own contributions, not a workshop's; supporters;
    commenters), one row per (consultation, person) with the date they first
    took part; rows already there are kept (`NOT EXISTS`). Same SQL on SQLite
    and PostgreSQL.
    """
    if not consultation_ids:
        return
    q = connection.ops.quote_name

    def table(model) -> str:
        return q(model._meta.db_table)

    def col(model, name: str) -> str:
        return q(model._meta.get_field(name).column)

    ids = ", ".join(["%s"] * len(consultation_ids))
    sql = f"""
        INSERT INTO {table(Participant)}
            ({col(Participant, "consultation")}, {col(Participant, "user")},
             {col(Participant, "created_at")})
        SELECT people.consultation_id, people.user_id, MIN(people.created_at)
        FROM (
            SELECT c.{col(Contribution, "consultation")} AS consultation_id,
                   c.{col(Contribution, "author")} AS user_id,
                   c.{col(Contribution, "created_at")} AS created_at
            FROM {table(Contribution)} c
            WHERE c.{col(Contribution, "consultation")} IN ({ids})
              AND c.{col(Contribution, "workshop")} IS NULL
              AND c.{col(Contribution, "author")} IS NOT NULL
            UNION ALL
            SELECT s.{col(Support, "consultation")}, s.{col(Support, "user")},
                   s.{col(Support, "created_at")}
            FROM {table(Support)} s
            WHERE s.{col(Support, "consultation")} IN ({ids})
            UNION ALL
            SELECT c.{col(Contribution, "consultation")}, m.{col(Comment, "author")},
                   m.{col(Comment, "created_at")}
            FROM {table(Comment)} m
            JOIN {table(Contribution)} c
              ON c.{col(Contribution, "id")} = m.{col(Comment, "object_id")}
            WHERE m.{col(Comment, "content_type")} = %s
              AND m.{col(Comment, "author")} IS NOT NULL
              AND c.{col(Contribution, "consultation")} IN ({ids})
        ) people
        WHERE NOT EXISTS (
            SELECT 1 FROM {table(Participant)} p
            WHERE p.{col(Participant, "consultation")} = people.consultation_id
              AND p.{col(Participant, "user")} = people.user_id
        )
        GROUP BY people.consultation_id, people.user_id
    """  # noqa: S608 - names come from the models, values are parameters
    content_type = ContentType.objects.get_for_model(Contribution)
    params = [*consultation_ids, *consultation_ids, content_type.pk, *consultation_ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def recount(consultation_ids) -> None:
    """Make every stored counter of these consultations equal its rows.

    One UPDATE per table with correlated subqueries: the current answer (the
    newest version), `first_answered_at`, the supports, followers and visible
    comments of each contribution; whether each answer is public (its
    contribution is not hidden); the people who took part online
    (`_fill_participants`); the consultation's open contributions (neither
    hidden nor merged), answered ones, supports, results and participants;
    each result's children; each workshop's registrations and waiting list.
    """
    consultation_ids = list(consultation_ids)
    contributions = Contribution.objects.filter(consultation_id__in=consultation_ids)
    answers = Answer.objects.filter(consultation_id__in=consultation_ids)
    answers.filter(is_public=False, contribution__is_hidden=False).update(is_public=True)
    answers.filter(is_public=True, contribution__is_hidden=True).update(is_public=False)
    _fill_participants(consultation_ids)
    newest = Answer.objects.filter(contribution=OuterRef("pk")).order_by("-version")
    oldest = Answer.objects.filter(contribution=OuterRef("pk")).order_by("version")
    content_type = ContentType.objects.get_for_model(Contribution)
    visible_comments = Comment.objects.filter(
        content_type=content_type, is_deleted=False, is_hidden=False
    )
    contributions.update(
        answer_id=Subquery(newest.values("pk")[:1]),
        answer_state=Coalesce(Subquery(newest.values("state")[:1]), Value("")),
        first_answered_at=Subquery(oldest.values("created_at")[:1]),
    )
    contributions.update(
        supports_count=_count_of(Support.objects.all(), "contribution"),
        followers_count=_count_of(ContributionFollow.objects.all(), "contribution"),
        comments_count=_count_of(visible_comments, "object_id"),
    )
    open_contributions = Contribution.objects.filter(is_hidden=False, merged_into__isnull=True)
    Consultation.objects.filter(pk__in=consultation_ids).update(
        contributions_count=_count_of(open_contributions, "consultation"),
        answered_count=_count_of(open_contributions.exclude(answer_state=""), "consultation"),
        supports_count=_count_of(Support.objects.all(), "consultation"),
        results_count=_count_of(Result.objects.all(), "consultation"),
        participants_count=_count_of(Participant.objects.all(), "consultation"),
    )
    Result.objects.filter(consultation_id__in=consultation_ids).update(
        children_count=_count_of(Result.objects.all(), "parent")
    )
    registrations = Registration.objects.all()
    Event.objects.filter(workshop__consultation_id__in=consultation_ids).update(
        registered_count=_count_of(
            registrations.filter(status=Registration.Status.REGISTERED), "event"
        ),
        waitlist_count=_count_of(
            registrations.filter(status=Registration.Status.WAITLISTED), "event"
        ),
    )
