"""The verbs of the feed, registered by the apps whose services record them.

Each verb carries its label ("published a project"), how a line of it is
written and where it leads; the feed's template tag, Atom feed and API ask
the verb and never test `verb == …`. An app registers its verbs from its
`registrations.py`:

    register(ActivityVerb("need_added", _("needs help"), sentence=need_sentence))

A line whose verb is not (or no longer) registered is written the default way.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ensemble.core.registry import Registry

from .display import main_object, object_url, title_of, visible_actor


def link(obj, url=None) -> str:
    """An object's title, linked to its page when it has one (for verbs' sentences)."""
    url = object_url(obj) if url is None else url
    if not url:
        return format_html("<strong>{}</strong>", title_of(obj))
    return format_html('<a href="{}">{}</a>', url, title_of(obj))


def default_url(activity) -> str:
    """The page of what the line is about (its main object)."""
    return object_url(main_object(activity))


def default_sentence(activity, viewer=None) -> str:
    """ "Camille published a project: <link>" (the actor when the viewer may see them)."""
    actor = visible_actor(activity, viewer)
    subject_object = main_object(activity)
    return format_html(
        _("{subject} {verb}: {object}"),
        subject=actor.display_name if actor else _("Someone"),
        verb=verb_label(activity.verb),
        object=link(subject_object) if subject_object is not None else "",
    )


@dataclass(frozen=True)
class ActivityVerb:
    key: str
    label: str
    # sentence(activity, viewer) -> safe HTML, translated.
    sentence: Callable[..., str] = default_sentence
    # url(activity) -> where the line leads ("" when nowhere).
    url: Callable[[object], str] = default_url


registry: Registry[ActivityVerb] = Registry("activity verbs")


def register(verb: ActivityVerb) -> ActivityVerb:
    registry.register(verb)
    return verb


def verb_for(key: str) -> ActivityVerb:
    """The registered verb, or a default one (a line kept from a verb no app registers)."""
    return registry.find(key) or ActivityVerb(key=key, label=key)


def line_url(activity) -> str:
    """Where a line leads, as its verb says."""
    return verb_for(activity.verb).url(activity)


def line_sentence(activity, viewer=None) -> str:
    """A line as a sentence for `viewer`, as its verb writes it."""
    return verb_for(activity.verb).sentence(activity, viewer)


def verb_label(key: str) -> str:
    return verb_for(key).label


def verb_choices() -> list[tuple[str, str]]:
    return registry.choices()


class VerbField(models.CharField):
    """A CharField whose choices are the registered verbs (not enumerated in migrations)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs["choices"] = verb_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs


class VerbNames:
    """`Activity.Verb.NEED_ADDED == "need_added"` for every registered verb.

    The names the services used when the verbs were a TextChoices of the
    activity app; an unregistered name is an AttributeError, as it was.
    """

    def __getattr__(self, name: str) -> str:
        if name.isupper() and name.lower() in registry:
            return name.lower()
        raise AttributeError(name)

    def __iter__(self):
        return iter(registry.keys())

    def __len__(self) -> int:
        return len(registry)
