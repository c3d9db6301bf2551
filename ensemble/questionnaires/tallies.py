"""The stored counts of a questionnaire's results (`Tally`): moved with each response, recounted
on demand.

`count_in` runs in the transaction that saves, changes or withdraws a response,
**under the questionnaire row's lock** (`lock`): the responses of one
questionnaire are counted one after the other, so concurrent submissions give
exactly the counts of a recount. The lock is taken after the person's own lock
(`services._lock_person`), in that order everywhere, so no two requests wait for
each other in opposite orders; `recount` takes the questionnaire's lock alone.

The counts come from the `Answer` rows (a response's items): one line per
option chosen (`row`, `choice`), and the question's own line (people who
answered it; the sum, lowest and highest of its numbers). Free texts are never
counted (they have no choice).
"""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import Count, Max, Min, Sum
from django.db.models.functions import Coalesce

from ensemble.questionnaires.models import Answer, Questionnaire, Tally

QUESTION_LINE = ("", "")


def lock(questionnaire_pk) -> None:
    """Serialise the counting of one questionnaire's responses (inside a transaction)."""
    list(
        Questionnaire.objects.select_for_update(no_key=True)
        .filter(pk=questionnaire_pk)
        .values_list("pk")
    )


def items_of(response) -> list[dict]:
    """The counted part of a response's stored answers (before they are replaced)."""
    return list(response.answers.values("question_id", "row", "choice", "rank", "number"))


def _changes(added: list[dict], removed: list[dict]) -> dict:
    """{(question id, row, choice): [count, rank sum, number sum or None]} moved by the
    answers; the number sum is None on the lines of questions without numbers."""
    changes = defaultdict(lambda: [0, 0, None])
    for sign, items in ((1, added), (-1, removed)):
        answered = set()
        for item in items:
            question = item["question_id"]
            answered.add(question)
            if item.get("number") is not None:
                line = changes[(question, *QUESTION_LINE)]
                line[2] = (line[2] or 0) + sign * Decimal(item["number"])
            if item.get("choice"):
                change = changes[(question, item.get("row", ""), item["choice"])]
                change[0] += sign
                change[1] += sign * (item.get("rank") or 0)
        for question in answered:
            changes[(question, *QUESTION_LINE)][0] += sign
    return changes


def count_in(*, added: Iterable[dict] = (), removed: Iterable[dict] = ()) -> None:
    """Move the tallies by one response's answers: `added` (the items saved) and `removed`
    (those they replace, or a withdrawn response's). The caller holds `lock` and has
    already written the `Answer` rows (the lowest and highest number are found again from
    them when a number goes)."""
    added, removed = list(added), list(removed)
    changes = _changes(added, removed)
    if not changes:
        return
    stored = {
        (t.question_id, t.row, t.choice): t
        for t in Tally.objects.filter(question_id__in={key[0] for key in changes})
        if (t.question_id, t.row, t.choice) in changes
    }
    new = []
    for key, (count, ranks, numbers) in changes.items():
        tally = stored.get(key)
        if tally is None:
            tally = Tally(question_id=key[0], row=key[1], choice=key[2])
            new.append(tally)
        tally.count += count
        tally.rank_sum += ranks
        if numbers is not None:
            tally.number_sum = (tally.number_sum or 0) + numbers if tally.count else None
    _bounds([*stored.values(), *new], added, removed)
    Tally.objects.bulk_update(stored.values(), ["count", "rank_sum", "number_sum", "low", "high"])
    Tally.objects.bulk_create(new)


def _bounds(tallies: list[Tally], added: list[dict], removed: list[dict]) -> None:
    """The lowest and highest number of each question: widened by an added number, found
    again from the answers (an indexed look-up) when a number goes."""
    lines = {t.question_id: t for t in tallies if t.is_question_line}
    gone = {item["question_id"] for item in removed if item.get("number") is not None}
    for item in added:
        number, line = item.get("number"), lines.get(item["question_id"])
        if number is not None and line is not None and line.question_id not in gone:
            line.low = number if line.low is None else min(line.low, number)
            line.high = number if line.high is None else max(line.high, number)
    for question in gone & set(lines):
        bounds = Answer.objects.filter(question_id=question, number__isnull=False).aggregate(
            low=Min("number"), high=Max("number")
        )
        lines[question].low, lines[question].high = bounds["low"], bounds["high"]


def recount(*, questionnaire_pk: int, models=django_apps) -> int:
    """Count the questionnaire's tallies and responses again from its rows (a repair; the
    data migration passes the models of its state). Returns the tally lines stored."""
    questionnaires = models.get_model("questionnaires", "Questionnaire").objects
    tallies = models.get_model("questionnaires", "Tally").objects
    answers = models.get_model("questionnaires", "Answer").objects.filter(
        question__questionnaire_id=questionnaire_pk
    )
    with transaction.atomic():
        questionnaire = questionnaires.select_for_update().get(pk=questionnaire_pk)
        tallies.filter(question__questionnaire_id=questionnaire_pk).delete()
        lines = [
            tallies.model(question_id=row.pop("question_id"), **row)
            for row in answers.exclude(choice="")
            .values("question_id", "row", "choice")
            .annotate(count=Count("pk"), rank_sum=Coalesce(Sum("rank"), 0))
            .order_by()
        ]
        lines += [
            tallies.model(question_id=row.pop("question_id"), **row)
            for row in answers.values("question_id")
            .annotate(
                count=Count("response_id", distinct=True),
                number_sum=Sum("number"),
                low=Min("number"),
                high=Max("number"),
            )
            .order_by()
        ]
        tallies.bulk_create(lines, batch_size=1000)
        questionnaire.responses_count = questionnaire.responses.count()
        questionnaire.save(update_fields=["responses_count"])
    return len(lines)
