"""`{% fragment %}` renders once per data version and language, never keeps a CSRF token."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation

from ensemble.core import versions
from ensemble.core.pagecache import PLACEHOLDER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]

TEMPLATE = Template(
    '{% load ensemble_cache %}{% fragment "t" key %}{{ value }}'
    '<input name="csrfmiddlewaretoken" value="{{ token }}">{% endfragment %}'
)


def _render(value, key=1, token="secret-of-someone"):
    request = RequestFactory().get("/")
    return TEMPLATE.render(
        Context({"value": value, "key": key, "token": token, "request": request})
    )


def test_a_fragment_is_rendered_once_per_version():
    assert "first" in _render("first")
    assert "first" in _render("second")
    versions.bump()
    assert "second" in _render("second")


def test_the_values_given_and_the_language_are_part_of_the_key():
    _render("one", key=1)
    assert "two" in _render("two", key=2)
    with translation.override("en"):
        assert "english" in _render("english", key=1)
    with translation.override("fr"):
        assert "one" in _render("french", key=1)


def test_another_visitors_csrf_token_is_never_served():
    _render("x", token="secret-of-someone")
    html = _render("x", token="mine")
    assert "secret-of-someone" not in html
    assert PLACEHOLDER not in html
    assert 'name="csrfmiddlewaretoken" value="' in html


def test_fragments_can_be_turned_off(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    _render("first")
    assert "second" in _render("second")


def test_a_fragment_needs_a_quoted_name():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        Template("{% load ensemble_cache %}{% fragment name %}x{% endfragment %}")
