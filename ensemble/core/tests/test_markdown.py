from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ensemble.core.markdown import render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "[clic](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
    '<iframe src="https://evil.example"></iframe>',
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '<a href="#" onclick="alert(1)">a</a>',
    "<svg onload=alert(1)>",
]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def dangerous_parts(html: str) -> list:
    parser = _Tags()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in {"script", "iframe", "svg", "img", "object", "embed", "style"}:
            found.append(tag)
        found += [name for name in attrs if name.startswith("on")]
        href = (attrs.get("href") or "").strip().lower()
        if href and not href.startswith(("http:", "https:", "mailto:", "tel:", "#", "/")):
            found.append(href)
    return found


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markup_is_neutralised(text):
    assert dangerous_parts(render_markdown(text)) == []


def test_raw_html_is_shown_as_text_not_markup():
    assert "&lt;script&gt;" in render_markdown("<script>alert(1)</script>")


def test_ordinary_markdown_renders():
    html = render_markdown("# Titre\n\n**gras** et [lien](https://example.org)")
    assert "<h2>Titre</h2>" in html
    assert "<strong>gras</strong>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow noopener noreferrer"' in html


@given(st.text(max_size=300))
def test_any_text_renders_without_dangerous_markup(text):
    assert dangerous_parts(render_markdown(text + "<script>x</script>")) == []


def test_excerpt_keeps_the_words_not_the_marks():
    from ensemble.core.markdown import markdown_to_text

    text = "Des **potagers partagés** & [un lien](https://example.org)\n\n- un\n- <b>deux</b>"
    assert markdown_to_text(text) == "Des potagers partagés & un lien un <b>deux</b>"
