from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ensemble.answers.models import Answer
from ensemble.contributions.models import AnswerState

# One line per state, shown under its radio button.
STATE_DESCRIPTIONS = {
    AnswerState.UNDER_STUDY: _("The administration is still studying it; say what and until when."),
    AnswerState.ACCEPTED: _("It will be done; say how and when."),
    AnswerState.PARTIALLY_ACCEPTED: _(
        "Part of it will be done; say which part and why not the rest."
    ),
    AnswerState.REJECTED: _("It will not be done; give the reasons."),
    AnswerState.ALREADY_DONE: _("It exists or is under way already; say where."),
    AnswerState.MERGED: _("It is answered together with a similar contribution; name it."),
}


class StateRadioSelect(forms.RadioSelect):
    option_template_name = "answers/_answer_state_option.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["description"] = STATE_DESCRIPTIONS.get(value, "")
        if option["description"] and option["attrs"].get("id"):
            option["description_id"] = f"{option['attrs']['id']}_description"
            option["attrs"]["aria-describedby"] = option["description_id"]
        return option


class AnswerForm(forms.ModelForm):
    state = forms.ChoiceField(
        label=_("Answer"), choices=AnswerState.choices, widget=StateRadioSelect
    )

    class Meta:
        model = Answer
        fields = ["state", "explanation", "decided_by", "cost", "timeline"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"timeline": _("For example: work in spring 2027.")}

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        minimum = consultation.explanation_min_length
        explanation = self.fields["explanation"]
        explanation.required = True
        explanation.strip = True
        # The browser hints at the minimum; the service enforces it (one place defines the rule).
        explanation.widget.attrs["minlength"] = minimum
        explanation.help_text = ngettext(
            "Mandatory and public, at least %(minimum)d character. Markdown: **bold**, "
            "*italics*, lists, [links](https://…).",
            "Mandatory and public, at least %(minimum)d characters. Markdown: **bold**, "
            "*italics*, lists, [links](https://…).",
            minimum,
        ) % {"minimum": minimum}


class JournalFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Answer"), required=False,
        choices=[("", _("Every answer")), *AnswerState.choices],
    )  # fmt: skip
