"""Markdown written by people, rendered to sanitised HTML.

markdown-it-py renders (raw HTML disabled), nh3 (ammonia) keeps only a safe
subset of tags, attributes and URL schemes, whatever the renderer let through.
"""

import html

import nh3
from markdown_it import MarkdownIt

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def render_markdown(text: str) -> str:
    """Return safe HTML for Markdown text; headings start at h2 (h1 is the page's)."""
    if not text:
        return ""
    html = _renderer.render(text)
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return sanitise_html(html)


def markdown_to_text(text: str) -> str:
    """The words of Markdown text without its marks, on one line (for excerpts)."""
    if not text:
        return ""
    plain = nh3.clean(_renderer.render(text), tags=set())
    return " ".join(html.unescape(plain).split())
