"""What each searchable model looks like to the search: one provider per kind.

A provider turns an object into a `Document` (the text to index and who may
find it), or None when the object must not be found: a draft or archived
project, a hidden profile, a deactivated account. The app that owns the model
writes its provider and registers it from its `registrations.py`:

    register(ProjectProvider())

so the search knows none of them. Registration order is the order of the kinds
in the search form and of a full reindex.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from ensemble.core.registry import Registry

SUMMARY_LENGTH = 300

# Who may find an entry (a `SearchEntry.visibility`).
PUBLIC = "public"
MEMBERS = "members"


@dataclass(frozen=True)
class Document:
    kind: str
    object_id: int
    territory_id: int | None
    title: str
    summary: str
    body: str
    visibility: str = PUBLIC
    # The territories it also belongs to (a person's, an organisation's partners): a
    # territory's search finds it, inside the full-text index (`SearchEntry.scope`).
    territory_ids: tuple[int, ...] = ()


def join_text(*parts) -> str:
    """The non-empty parts of a document's text, one per line."""
    return "\n".join(str(part) for part in parts if part)


def reverse_or_empty(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:  # the page does not exist (yet): the result is shown unlinked
        return ""


class SearchProvider:
    """The base of a provider: its kind, label and model, and how its objects read."""

    kind: str
    label: str
    model: type[models.Model]
    # Where the kind comes in the search form (apps register in any order).
    position = 100

    def queryset(self) -> QuerySet:
        """Every object to index, with what `document()` reads (for a full reindex)."""
        raise NotImplementedError

    def document(self, obj) -> Document | None:
        raise NotImplementedError

    def url(self, entry) -> str:
        """The page of an entry's object, without a query per result."""
        raise NotImplementedError

    def visible_to(self, viewer) -> Q | None:
        """Entries of this kind the (authenticated) viewer may find besides public ones."""
        return None


registry: Registry[SearchProvider] = Registry("search providers", key=lambda entry: entry.kind)
# The providers in registration order (kept under the name other code reads).
PROVIDERS = registry


def register(provider: SearchProvider) -> SearchProvider:
    registry.register(provider)
    return provider


def provider_for(obj):
    """The provider of `obj`'s model (or of `obj`, a model), or None when it is not searchable."""
    by_model = {provider.model: provider for provider in registry}
    for cls in (obj if isinstance(obj, type) else type(obj)).__mro__:
        if cls in by_model:
            return by_model[cls]
    return None


def provider_for_kind(kind: str):
    return registry.get(kind)


def kind_choices() -> list[tuple[str, str]]:
    """`(kind, label)` by position, for the search form and the entries' field."""
    ordered = sorted(registry, key=lambda provider: provider.position)
    return [(provider.kind, provider.label) for provider in ordered]


class KindField(models.CharField):
    """A CharField whose choices are the registered kinds (not enumerated in migrations)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs["choices"] = kind_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs


class KindNames:
    """`SearchEntry.Kind.CONTRIBUTION == "contribution"` for every registered kind, with
    `.values` and `.choices`: the names code used when the kinds were a TextChoices."""

    def __getattr__(self, name: str) -> str:
        if name.isupper() and name.lower() in registry:
            return name.lower()
        raise AttributeError(name)

    @property
    def values(self) -> list[str]:
        return [kind for kind, _label in kind_choices()]

    @property
    def choices(self) -> list[tuple[str, str]]:
        return kind_choices()
