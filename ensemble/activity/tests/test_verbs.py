"""Verbs are registered by their apps and say how their lines read and where they lead."""

import pytest

from ensemble.activity.models import Activity
from ensemble.activity.services import activity_record
from ensemble.activity.verbs import ActivityVerb, line_sentence, line_url, register, registry
from ensemble.testing.factories import member

from .makers import make_project

pytestmark = pytest.mark.django_db


def test_the_old_names_of_the_verbs_still_name_the_registered_ones():
    assert Activity.Verb.NEED_ADDED == "need_added"
    assert Activity.Verb.WORKSHOP_ANNOUNCED == "workshop_announced"
    assert list(Activity.Verb) == registry.keys() and len(Activity.Verb) == len(registry)
    with pytest.raises(AttributeError):
        Activity.Verb.NOT_A_VERB  # noqa: B018


def test_a_registered_verb_writes_its_own_sentence_and_url(territory):
    register(ActivityVerb(
        "project_cheered", "cheered", sentence=lambda activity, viewer=None: "Hooray!",
        url=lambda activity: "/somewhere/",
    ))  # fmt: skip
    try:
        line = activity_record(territory=territory, verb="project_cheered")
        assert line_sentence(line) == "Hooray!"
        assert line_url(line) == "/somewhere/"
        assert line.get_verb_display() == "cheered"
    finally:
        registry.unregister("project_cheered")


def test_a_line_of_a_verb_no_app_registers_reads_the_default_way(territory):
    author = member(territory, display_name="Camille Martin", profile_visibility="public")
    project = make_project(territory, owner=author, title="Repair café")
    line = activity_record(
        territory=territory, verb="forgotten_verb", actor=author, project=project
    )
    sentence = line_sentence(line)
    assert "Camille Martin" in sentence and "forgotten_verb" in sentence
    assert "Repair café" in sentence
    assert line_url(line) == project.get_absolute_url()
