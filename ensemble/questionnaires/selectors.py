"""Reads of questionnaires: one's response, the results per question, the CSV export.

The results are counted by the database in a constant number of queries,
whatever the number of responses: one for the counts of every option (and
matrix cell, rank, scale value, date), one for the number of people who
answered each question, one for the numbers, one per free-text question
(its latest answers).
"""

import csv
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Min, Sum
from django.utils import timezone

from ensemble.core.kept import kept
from ensemble.questionnaires.models import Answer, Questionnaire, Response

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
    """Each question's figures, counted once per data version (`core.kept`: a response, like
    any write, moves it, so they are never stale): a results page is read far more often than
    a response comes in, and counting 20,000 responses groups some 200,000 answers."""
    return kept("questionnaire-results", [questionnaire.pk], lambda: _counted(questionnaire))


def _counted(questionnaire: Questionnaire) -> list[QuestionResult]:
    questions = list(questionnaire.questions.all())
    answers = Answer.objects.filter(question__questionnaire=questionnaire)
    answered = dict(
        answers.values_list("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
    )
    cells = {}
    for row in (
        answers.exclude(choice="")
        .values("question_id", "row", "choice")
        .annotate(n=Count("pk"), ranks=Sum("rank"))
        .order_by()
    ):
        cells[(row["question_id"], row["row"], row["choice"])] = (row["n"], row["ranks"])
    numbers = {
        row["question_id"]: row
        for row in answers.filter(number__isnull=False)
        .values("question_id")
        .annotate(mean=Avg("number"), low=Min("number"), high=Max("number"), n=Count("pk"))
        .order_by()
    }
    results = []
    for question in questions:
        total = answered.get(question.pk, 0)
        result = QuestionResult(question=question, answered=total)
        if question.kind in TEXT_KINDS:
            result.texts = list(
                answers.filter(question=question)
                .exclude(text="")
                .order_by("-pk")
                .values_list("text", flat=True)[:TEXTS_SHOWN]
            )
        elif question.kind == "matrix":
            for row in question.rows:
                counts = [cells.get((question.pk, row, o), (0, None))[0] for o in question.options]
                row_total = sum(counts)
                bars = [
                    Bar(option, count, _percent(count, row_total))
                    for option, count in zip(question.options, counts, strict=True)
                ]
                result.matrix.append((row, bars))
        elif question.kind == "number":
            result.numbers = numbers.get(question.pk)
        else:
            if question.kind == "scale":
                labels = [str(i) for i in range(1, question.scale_max + 1)]
                result.numbers = numbers.get(question.pk)
            elif question.kind == "date":
                labels = sorted(choice for (pk, _row, choice) in cells if pk == question.pk)
            else:
                labels = question.options
            for label in labels:
                count, ranks = cells.get((question.pk, "", label), (0, None))
                mean_rank = round(ranks / count, 2) if ranks and count else None
                result.bars.append(Bar(label, count, _percent(count, total), mean_rank))
            if question.kind == "ranking":
                result.bars.sort(key=lambda bar: (bar.mean_rank is None, bar.mean_rank or 0))
        results.append(result)
    return results


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
