"""Reads of questionnaires: one's response, the results per question, the CSV export.

The results are read from the stored counts (`Tally`, see `tallies`) in a
constant number of queries, whatever the number of responses: one for the
counts of every option (and matrix cell, rank, scale value, date, and each
question's people and numbers), one per free-text question (its latest
answers).
"""

import csv
from dataclasses import dataclass, field

from django.utils import timezone

from ensemble.questionnaires.models import Answer, Questionnaire, Response, Tally

TEXT_KINDS = ("short_text", "long_text")
TEXTS_SHOWN = 50


@dataclass
class Bar:
    label: str
    count: int
    percent: float
    mean_rank: float | None = None


@dataclass
class QuestionResult:
    question: object
    answered: int
    bars: list[Bar] = field(default_factory=list)
    matrix: list[tuple[str, list[Bar]]] = field(default_factory=list)
    numbers: dict | None = None
    texts: list[str] = field(default_factory=list)


def home_poll(*, territory, now=None) -> Questionnaire | None:
    """The newest open quick poll of the territory (shown on its home page), or None."""
    now = now or timezone.now()
    return (
        Questionnaire.objects.filter(
            territory=territory, consultation__isnull=True, opens_at__lte=now
        )
        .exclude(closes_at__lte=now)
        .order_by("-opens_at", "-pk")
        .select_related("territory")
        .prefetch_related("questions")
        .first()
    )


def response_get(*, user, questionnaire: Questionnaire) -> Response | None:
    """One's own response (never for an anonymous questionnaire: it names nobody)."""
    if questionnaire.is_anonymous or not getattr(user, "is_authenticated", False):
        return None
    return (
        Response.objects.filter(questionnaire=questionnaire, user=user)
        .prefetch_related("answers")
        .first()
    )


def has_answered(*, user, questionnaire: Questionnaire) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if questionnaire.is_anonymous:
        return questionnaire.respondents.filter(user=user).exists()
    return questionnaire.responses.filter(user=user).exists()


def _percent(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def question_results(*, questionnaire: Questionnaire) -> list[QuestionResult]:
    """Each question's figures, read from the stored counts (`Tally`, moved with every
    response, so never stale): one query for the counts, one per free-text question for
    its latest texts, whatever the number of responses. The questions are the
    questionnaire's (prefetched by `access`)."""
    questions = list(questionnaire.questions.all())
    cells, lines = {}, {}
    for tally in Tally.objects.filter(question__questionnaire=questionnaire):
        if tally.is_question_line:
            lines[tally.question_id] = tally
        elif tally.count:  # a date nobody gives any more is no bar
            cells[(tally.question_id, tally.row, tally.choice)] = tally
    return [_result(question, lines.get(question.pk), cells) for question in questions]


def _numbers(line: Tally | None) -> dict | None:
    if line is None or line.number_sum is None or not line.count:
        return None
    return {"mean": line.number_sum / line.count, "low": line.low, "high": line.high}


def _result(question, line: Tally | None, cells: dict) -> QuestionResult:
    total = line.count if line else 0
    result = QuestionResult(question=question, answered=total)
    if question.kind in TEXT_KINDS:
        result.texts = list(
            Answer.objects.filter(question=question)
            .exclude(text="")
            .order_by("-pk")
            .values_list("text", flat=True)[:TEXTS_SHOWN]
        )
    elif question.kind == "matrix":
        for row in question.rows:
            counts = [_count(cells, question, row, option) for option in question.options]
            row_total = sum(counts)
            bars = [
                Bar(option, count, _percent(count, row_total))
                for option, count in zip(question.options, counts, strict=True)
            ]
            result.matrix.append((row, bars))
    elif question.kind == "number":
        result.numbers = _numbers(line)
    else:
        if question.kind == "scale":
            labels = [str(i) for i in range(1, question.scale_max + 1)]
            result.numbers = _numbers(line)
        elif question.kind == "date":
            labels = sorted(choice for (pk, _row, choice) in cells if pk == question.pk)
        else:
            labels = question.options
        for label in labels:
            cell = cells.get((question.pk, "", label))
            count = cell.count if cell else 0
            mean_rank = (
                round(cell.rank_sum / count, 2) if cell and cell.rank_sum and count else None
            )
            result.bars.append(Bar(label, count, _percent(count, total), mean_rank))
        if question.kind == "ranking":
            result.bars.sort(key=lambda bar: (bar.mean_rank is None, bar.mean_rank or 0))
    return result


def _count(cells: dict, question, row: str, option: str) -> int:
    cell = cells.get((question.pk, row, option))
    return cell.count if cell else 0


def _cell(question, items: list) -> str:
    if question.kind == "ranking":
        return " > ".join(a.choice for a in sorted(items, key=lambda a: a.rank or 0))
    if question.kind == "matrix":
        return "; ".join(f"{a.row}: {a.choice}" for a in items)
    if question.kind == "number":
        return "; ".join(str(a.number) for a in items)
    return "; ".join(a.text or a.choice for a in items)


def export_csv(*, questionnaire: Questionnaire, out) -> None:
    """One line per response, one column per question; no name, no email, no date."""
    questions = list(questionnaire.questions.all())
    writer = csv.writer(out)
    writer.writerow([q.text for q in questions])
    responses = Response.objects.filter(questionnaire=questionnaire).order_by("pk")
    batch_size = 1000
    last = None
    while True:
        page = responses if last is None else responses.filter(pk__gt=last)
        page = list(page.prefetch_related("answers")[:batch_size])
        if not page:
            break
        for response in page:
            by_question = {}
            for answer in response.answers.all():
                by_question.setdefault(answer.question_id, []).append(answer)
            writer.writerow([_cell(q, by_question.get(q.pk, [])) for q in questions])
        last = page[-1].pk
