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
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_html(widget["name"])}"{flatatt(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_html(group_name)}">')
            parts.extend(
                f'\n  <option value="{_html(option["value"])}"'
                f"{' selected' if option['selected'] else ''}>{_html(option['label'])}</option>"
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
