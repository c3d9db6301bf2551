from django import forms
from django.core.exceptions import ValidationError

from .widgets import LongSelect


def form_add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names when it has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class _ListedIterator(forms.models.ModelChoiceIterator):
    """Options as (pk, label) read as plain values: the label is the first `listed` field."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, label, *_rest in self.field.queryset.values_list("pk", *self.field.listed):
            yield (pk, label)


class ListedModelChoiceField(forms.ModelChoiceField):
    """A choice of objects among many (agents, consultations): a `LongSelect` whose options
    are read as values (`listed`: the label's field first), not as objects; the chosen
    object is still read in full to be used.
    """

    iterator = _ListedIterator
    widget = LongSelect

    def __init__(self, *args, listed: tuple[str, ...], **kwargs):
        self.listed = listed
        super().__init__(*args, **kwargs)
