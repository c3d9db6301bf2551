"""The answer form of a questionnaire, built from its questions by their kinds."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ensemble.questionnaires.kinds import kind_of
from ensemble.questionnaires.models import Question


class ResponseForm(forms.Form):
    """Every field optional here: what is required (and shown) is decided by the service."""

    def __init__(self, *args, questionnaire, response=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questionnaire.questions.all())
        by_pk = {q.pk: q for q in self.questions}
        self.groups = []
        for question in self.questions:
            names = []
            for name, field in kind_of(question).form_fields(question).items():
                field.required = False
                if not field.label:
                    field.label = question.text
                if question.help_text and name == f"q_{question.pk}":
                    field.help_text = question.help_text
                self.fields[name] = field
                names.append(name)
            condition = by_pk.get(question.show_if_id)
            self.groups.append({"question": question, "names": names, "condition": condition})
        if response is not None:
            self.initial.update(_initial(self.questions, response))

    def grouped(self):
        """The questions with their bound fields, for the template."""
        return [
            {**group, "fields": [self[name] for name in group["names"]]} for group in self.groups
        ]

    def answers(self) -> dict:
        """{question pk: raw answer} for the service."""
        return {q.pk: kind_of(q).raw_from_form(q, self.cleaned_data) for q in self.questions}


def _initial(questions: list[Question], response) -> dict:
    items = {}
    for answer in response.answers.all():
        items.setdefault(answer.question_id, []).append(answer)
    initial = {}
    for question in questions:
        answers = items.get(question.pk, [])
        if not answers:
            continue
        name = f"q_{question.pk}"
        if question.kind == "multiple":
            initial[name] = [a.choice for a in answers]
        elif question.kind == "ranking":
            for a in answers:
                initial[f"{name}__{question.options.index(a.choice)}"] = str(a.rank)
        elif question.kind == "matrix":
            for a in answers:
                initial[f"{name}__{question.rows.index(a.row)}"] = a.choice
        elif question.kind == "number":
            initial[name] = answers[0].number
        elif question.kind == "date":
            initial[name] = answers[0].date
        else:
            initial[name] = answers[0].text or answers[0].choice
    return initial


class QuestionForm(forms.ModelForm):
    """An agent adds a question; options and rows one per line."""

    options_text = forms.CharField(
        label=_("Options (one per line)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    rows_text = forms.CharField(
        label=_("Rows of a matrix (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "text",
            "help_text",
            "required",
            "max_choices",
            "scale_max",
            "show_if",
            "show_if_value",
        ]

    def __init__(self, *args, questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["show_if"].queryset = questionnaire.questions.all()

    def as_question_data(self) -> dict:
        data = {
            k: v for k, v in self.cleaned_data.items() if k not in ("options_text", "rows_text")
        }
        data["options"] = [
            line.strip() for line in self.cleaned_data["options_text"].splitlines() if line.strip()
        ]
        data["rows"] = [
            line.strip() for line in self.cleaned_data["rows_text"].splitlines() if line.strip()
        ]
        return data


class QuestionnaireForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    introduction = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_anonymous = forms.BooleanField(
        label=_("Anonymous: no link between a response and its person is stored"), required=False
    )
