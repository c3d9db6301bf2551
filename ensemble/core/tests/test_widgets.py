"""The long select writes the same options as Django's select, faster."""

import re

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ensemble.accounts.models import User
from ensemble.core.forms import ListedModelChoiceField
from ensemble.core.widgets import LongSelect
from ensemble.testing.factories import UserFactory

CHOICES = [
    ("", "Anyone"),
    ("agent:1", 'Zoé <script>alert("x")</script> & co'),
    ("Groupe", [("department:2", "Voirie"), ("department:3", "Espaces « verts »")]),
    (4, "Quatre"),
]


def options(html: str) -> list[tuple[str, bool, str]]:
    return [
        (value, bool(selected), label)
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
        )
    ]


def attributes(html: str) -> set[str]:
    return set(re.match(r"<select ([^>]*)>", html)[1].split(" "))


@pytest.mark.parametrize("value", ["", "agent:1", "department:3", 4, None])
def test_the_long_select_writes_djangos_options(value):
    attrs = {"id": "id_who", "aria-describedby": "id_who_help", "required": True}
    django = forms.Select(choices=CHOICES).render("who", value, attrs)
    ours = LongSelect(choices=CHOICES).render("who", value, attrs)
    assert options(ours) == options(django)
    assert len(options(ours)) == 5
    assert ours.count("<optgroup") == django.count("<optgroup") == 1
    assert attributes(ours) == attributes(django)


def test_the_long_select_escapes_what_people_type():
    html = LongSelect(choices=CHOICES).render("who", None, {"title": '"><b>'})
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html


@pytest.mark.django_db
def test_the_listed_field_reads_only_the_listed_columns_but_gives_the_whole_person():
    chosen = UserFactory(display_name="Alix")
    UserFactory(display_name="Bérénice")

    class Form(forms.Form):
        agent = ListedModelChoiceField(
            queryset=User.objects.order_by("pk"), listed=("display_name",)
        )

    with CaptureQueriesContext(connection) as listed:
        html = str(Form()["agent"])
    assert f'<option value="{chosen.pk}">' in html
    assert len(listed) == 1
    assert '"email"' not in listed[0]["sql"] and "display_name" in listed[0]["sql"]

    form = Form({"agent": str(chosen.pk)})
    assert form.is_valid()
    assert form.cleaned_data["agent"].get_deferred_fields() == set()
    assert Form({"agent": "0"}).errors["agent"]
