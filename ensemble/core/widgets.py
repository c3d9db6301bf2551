"""Form widgets shared by the apps."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


def _html(value) -> str:
    """`conditional_escape` without Django's lazy-string wrapper (17 µs a call)."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


class LongSelect(forms.Select):
    """A select for long lists (hundreds of agents or consultations), written in Python.

    Django renders a select through one template per option, about 60 µs each:
    the 580 agents of a city cost more than the rest of its workbench. The markup
    is the same as Django's (the attributes of the select, `selected` on the chosen
    options, optgroups); options carry no other attribute, as in a plain select.
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        chosen = set(self.format_value(value))  # emptied once a single select has its choice
        parts = [f'<select name="{_html(name)}"{flatatt(attrs)}>']
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                parts.append(f'\n  <optgroup label="{_html(group_value)}">')
                parts.extend(self._options(group_label, chosen))
                parts.append("\n  </optgroup>")
            else:
                parts.extend(self._options([(group_value, group_label)], chosen))
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped

    def _options(self, options, chosen: set[str]):
        # As Django's `optgroups`: a single select marks its first match only.
        for option_value, label in options:
            text = "" if option_value is None else str(option_value)
            selected = text in chosen
            if selected and not self.allow_multiple_selected:
                chosen.clear()  # shared by every group
            yield (
                f'\n  <option value="{_html(text)}"{" selected" if selected else ""}>'
                f"{_html(label)}</option>"
            )
