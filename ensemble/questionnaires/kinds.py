"""Question kinds: how each one is asked, checked, stored and summed up.

One class per kind in a registry (like the phase types): adding a kind is one
class here, never an `if kind == …` chain. A kind turns a raw answer (from the
API's JSON or a page's form) into `Answer` rows, or raises ValidationError;
an empty answer gives no row (the question is not answered).
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ensemble.core.registry import Registry
from ensemble.questionnaires.models import Question

TEXT_LENGTHS = {"short_text": 200, "long_text": 5000}


def empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _error(message) -> ValidationError:
    return ValidationError(message)


class QuestionKind:
    kind: str
    label = ""

    def check_setup(self, question: Question) -> None:
        """Refuse a question this kind cannot ask (no options…)."""

    def answer_rows(self, question: Question, value) -> list[dict]:
        raise NotImplementedError

    def form_fields(self, question: Question) -> dict[str, forms.Field]:
        """The page's fields for `question`, named `q_<pk>` or `q_<pk>__<i>`."""
        raise NotImplementedError

    def raw_from_form(self, question: Question, data: dict):
        return data.get(f"q_{question.pk}")

    def shown_values(self, rows: list[dict]) -> set[str]:
        """What a conditional question compares `show_if_value` with."""
        return {row.get("choice", "") for row in rows} | {row.get("text", "") for row in rows}

    def __str__(self) -> str:
        return str(self.label)


registry: Registry[QuestionKind] = Registry(
    "question kinds", key=lambda kind: kind.kind, label=lambda kind: kind.label
)


def kind_of(question: Question) -> QuestionKind:
    return registry.get(question.kind)


class _Choices(QuestionKind):
    def check_setup(self, question):
        if len(question.options) < 2 or len(set(question.options)) != len(question.options):
            raise _error(_("Give at least two different options."))

    def _option(self, question, value) -> str:
        if not isinstance(value, str) or value not in question.options:
            raise _error(_("Choose one of the options offered."))
        return value


@registry.register
class Single(_Choices):
    kind = "single"
    label = gettext_lazy("Single choice")

    def answer_rows(self, question, value):
        return [{"choice": self._option(question, value)}]

    def form_fields(self, question):
        return {
            f"q_{question.pk}": forms.ChoiceField(
                choices=[(o, o) for o in question.options], widget=forms.RadioSelect
            )
        }


@registry.register
class Multiple(_Choices):
    kind = "multiple"
    label = gettext_lazy("Multiple choice")

    def answer_rows(self, question, value):
        if not isinstance(value, list):
            raise _error(_("Give a list of options."))
        chosen = [self._option(question, v) for v in value]
        if len(set(chosen)) != len(chosen):
            raise _error(_("An option is chosen only once."))
        if question.max_choices and len(chosen) > question.max_choices:
            raise _error(_("Choose %(count)s options at most.") % {"count": question.max_choices})
        return [{"choice": choice} for choice in chosen]

    def form_fields(self, question):
        return {
            f"q_{question.pk}": forms.MultipleChoiceField(
                choices=[(o, o) for o in question.options], widget=forms.CheckboxSelectMultiple
            )
        }


@registry.register
class Ranking(_Choices):
    kind = "ranking"
    label = gettext_lazy("Ranking")

    def answer_rows(self, question, value):
        if not isinstance(value, list):
            raise _error(_("Give the options in your order, the first one first."))
        ranked = [self._option(question, v) for v in value]
        if len(set(ranked)) != len(ranked):
            raise _error(_("Each option takes one rank only."))
        return [{"choice": choice, "rank": rank} for rank, choice in enumerate(ranked, 1)]

    def form_fields(self, question):
        ranks = [("", "—")] + [(str(i), str(i)) for i in range(1, len(question.options) + 1)]
        return {
            f"q_{question.pk}__{i}": forms.ChoiceField(
                label=_("Rank of “%(option)s”") % {"option": option}, choices=ranks
            )
            for i, option in enumerate(question.options)
        }

    def raw_from_form(self, question, data):
        ranks = {}
        for i, option in enumerate(question.options):
            rank = data.get(f"q_{question.pk}__{i}")
            if rank:
                if rank in ranks:
                    raise _error(_("Each rank is given to one option only."))
                ranks[rank] = option
        return [ranks[rank] for rank in sorted(ranks, key=int)]


@registry.register
class Scale(QuestionKind):
    kind = "scale"
    label = gettext_lazy("Scale")

    def answer_rows(self, question, value):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if isinstance(value, bool) or number is None or not 1 <= number <= question.scale_max:
            raise _error(_("Give a whole number from 1 to %(max)s.") % {"max": question.scale_max})
        return [{"choice": str(number), "number": number}]

    def form_fields(self, question):
        values = [(str(i), str(i)) for i in range(1, question.scale_max + 1)]
        return {f"q_{question.pk}": forms.ChoiceField(choices=values, widget=forms.RadioSelect)}


class _Text(QuestionKind):
    def answer_rows(self, question, value):
        if not isinstance(value, str):
            raise _error(_("Give a text."))
        value = value.strip()
        if len(value) > TEXT_LENGTHS[self.kind]:
            raise _error(_("%(max)s characters at most.") % {"max": TEXT_LENGTHS[self.kind]})
        return [{"text": value}] if value else []


@registry.register
class ShortText(_Text):
    kind = "short_text"
    label = gettext_lazy("Short text")

    def form_fields(self, question):
        return {f"q_{question.pk}": forms.CharField(max_length=TEXT_LENGTHS[self.kind])}


@registry.register
class LongText(_Text):
    kind = "long_text"
    label = gettext_lazy("Long text")

    def form_fields(self, question):
        field = forms.CharField(
            max_length=TEXT_LENGTHS[self.kind], widget=forms.Textarea(attrs={"rows": 4})
        )
        return {f"q_{question.pk}": field}


@registry.register
class Number(QuestionKind):
    kind = "number"
    label = gettext_lazy("Number")

    def answer_rows(self, question, value):
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            raise _error(_("Give a number.")) from None
        if isinstance(value, bool) or not number.is_finite() or abs(number) >= 10**12:
            raise _error(_("Give a number."))
        return [{"number": number.quantize(Decimal("0.01"))}]

    def form_fields(self, question):
        return {f"q_{question.pk}": forms.DecimalField(max_digits=14, decimal_places=2)}

    def shown_values(self, rows):
        return {str(row["number"].normalize()) for row in rows}


class DateInput(forms.DateInput):
    input_type = "date"


@registry.register
class Date(QuestionKind):
    kind = "date"
    label = gettext_lazy("Date")

    def answer_rows(self, question, value):
        if isinstance(value, datetime.date):
            day = value
        else:
            try:
                day = datetime.date.fromisoformat(str(value))
            except ValueError:
                raise _error(_("Give a date as YYYY-MM-DD.")) from None
        return [{"date": day, "choice": day.isoformat()}]

    def form_fields(self, question):
        return {f"q_{question.pk}": forms.DateField(widget=DateInput)}


@registry.register
class Matrix(QuestionKind):
    """Rows each answered with one of the options (the columns)."""

    kind = "matrix"
    label = gettext_lazy("Matrix")

    def check_setup(self, question):
        if len(question.options) < 2 or not question.rows:
            raise _error(_("Give at least one row and two columns."))

    def answer_rows(self, question, value):
        if not isinstance(value, dict):
            raise _error(_("Give one option for each row."))
        rows = []
        for row, choice in value.items():
            if row not in question.rows or choice not in question.options:
                raise _error(_("Choose one of the options offered for each row."))
            rows.append({"row": row, "choice": choice})
        if question.required and rows and len(rows) != len(question.rows):
            raise _error(_("Answer every row."))
        return rows

    def form_fields(self, question):
        return {
            f"q_{question.pk}__{i}": forms.ChoiceField(
                label=row, choices=[(o, o) for o in question.options], widget=forms.RadioSelect
            )
            for i, row in enumerate(question.rows)
        }

    def raw_from_form(self, question, data):
        return {
            row: data[f"q_{question.pk}__{i}"]
            for i, row in enumerate(question.rows)
            if data.get(f"q_{question.pk}__{i}")
        }

    def shown_values(self, rows):
        return {f"{row['row']}: {row['choice']}" for row in rows}
