"""The registry kernel, and that every app's registrations were found at start-up."""

import sys
from dataclasses import dataclass

import pytest
from django.apps import apps

from ensemble.activity import sources as feed_sources
from ensemble.activity import verbs as activity_verbs
from ensemble.comments import registry as commentables
from ensemble.core.registry import REGISTRATIONS_MODULE, AlreadyRegistered, NotRegistered, Registry
from ensemble.moderation import registry as reportables
from ensemble.needtypes import types as need_types
from ensemble.notifications import kinds as notification_kinds
from ensemble.projects.hooks import need_listeners
from ensemble.search import documents as search_documents


@dataclass(frozen=True)
class Colour:
    key: str
    label: str


@pytest.fixture
def colours():
    registry = Registry("colours")
    registry.register(Colour("red", "Red"))
    registry.register(Colour("blue", "Blue"))
    return registry


def test_a_key_registered_twice_is_refused(colours):
    with pytest.raises(AlreadyRegistered, match="'red'"):
        colours.register(Colour("red", "Another red"))
    assert colours.get("red").label == "Red"


def test_getting_an_unknown_key_raises_not_registered_a_lookup_error(colours):
    with pytest.raises(NotRegistered, match="'green'"):
        colours.get("green")
    with pytest.raises(LookupError):
        colours.get("green")
    assert colours.find("green") is None
    assert "green" not in colours and "red" in colours


def test_choices_keys_and_entries_keep_the_registration_order(colours):
    colours.register(Colour("amber", "Amber"))
    assert colours.choices() == [("red", "Red"), ("blue", "Blue"), ("amber", "Amber")]
    assert colours.keys() == ["red", "blue", "amber"]
    assert (
        [colour.key for colour in colours]
        == ["red", "blue", "amber"]
        == [colour.key for colour in colours.all()]
    )
    assert len(colours) == 3


def test_a_class_registers_one_instance_and_is_returned_unchanged():
    shapes = Registry("shapes", key=lambda shape: shape.name, label=lambda shape: shape.name)

    @shapes.register
    class Circle:
        name = "circle"

    assert isinstance(Circle, type)
    assert isinstance(shapes.get("circle"), Circle)
    assert shapes.get("circle") is shapes.get("circle")


def test_unregister_forgets_an_entry_and_ignores_an_unknown_key(colours):
    colours.unregister("red")
    colours.unregister("green")
    assert colours.keys() == ["blue"]
    colours.register(Colour("red", "Red again"))
    assert colours.keys() == ["blue", "red"]


def _apps_with_registrations() -> list[str]:
    found = []
    for config in apps.get_app_configs():
        module = f"{config.name}.{REGISTRATIONS_MODULE}"
        try:
            __import__(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
            continue
        found.append(config.label)
    return found


def test_autodiscovery_imported_the_registrations_of_every_app():
    labels = _apps_with_registrations()
    assert {
        "accounts", "actors", "projects", "comments", "messaging", "introductions", "matching",
    } <= set(labels)  # fmt: skip
    for label in labels:
        assert f"{apps.get_app_config(label).name}.{REGISTRATIONS_MODULE}" in sys.modules


def test_each_owner_registered_what_it_plugs_in():
    assert "projects" in commentables.registry
    assert {"comments.comment", "messaging.message"} <= set(reportables.registry.keys())
    assert {
        "message", "matching_new_need", "introduction_requested", "introduction_answered",
        "help_offered",
    } <= set(notification_kinds.registry.keys())  # fmt: skip
    assert {
        "organisation_created", "project_published", "project_update", "need_added",
        "need_fulfilled", "project_replicated",
    } <= set(activity_verbs.registry.keys())  # fmt: skip
    assert {"actors", "projects"} <= set(feed_sources.registry.keys())
    assert {"person", "organisation", "project"} <= set(search_documents.registry.keys())
    assert "matching" in need_listeners
    assert need_types.registry.keys()[:2] == ["volunteers", "skills"]
