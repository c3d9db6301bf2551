from django import template
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from ensemble.core.markdown import markdown_to_text, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3


@register.filter(name="markdown_excerpt")
def markdown_excerpt_filter(text: str, length: int = 220) -> str:
    """Plain words of Markdown text, cut at `length` characters (escaped like any text)."""
    return Truncator(markdown_to_text(text)).chars(int(length))
