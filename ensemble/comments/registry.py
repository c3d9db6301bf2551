"""Which models people can comment on, and under which API path.

The app that owns a model makes it commentable from its `registrations.py`:
`register(Project, api_prefix="projects")`. The target must have a
`territory`; it may have a `comments_count` that the services keep true.
Permissions are asked to the target's own rules:
`<app_label>.view_<model_name>` to read, `<app_label>.comment_<model_name>` to post.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class Commentable:
    model: type[models.Model]
    api_prefix: str
    # closed_reason(target) -> why nobody may comment now (a phase is over…), or None.
    closed_reason: Callable[[models.Model], str | None] | None = None
    # on_created(comment) -> None: called by `comment_create` in its transaction,
    # after the target's counter moved (an app counts who took part…).
    on_created: Callable[[models.Model], None] | None = None
    # The permission to read the comments, when it is not the target's view permission
    # (a contribution hidden by moderation stays visible, its comments do not).
    read_perm: str = ""

    def closed_reason_for(self, target) -> str | None:
        return self.closed_reason(target) if self.closed_reason else None

    @property
    def view_perm(self) -> str:
        return self.read_perm or f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"

    @property
    def comment_perm(self) -> str:
        return f"{self.model._meta.app_label}.comment_{self.model._meta.model_name}"

    @property
    def has_counter(self) -> bool:
        return any(field.name == "comments_count" for field in self.model._meta.concrete_fields)

    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)


registry: Registry[Commentable] = Registry(
    "commentables", key=lambda entry: entry.api_prefix, label=lambda entry: entry.api_prefix
)


def register(
    model: type[models.Model], *, api_prefix: str, closed_reason=None, on_created=None,
    read_perm: str = "",
) -> Commentable:  # fmt: skip
    """Declare `model` commentable under `api_prefix` (a prefix registered twice is an error)."""
    kind = Commentable(
        model=model, api_prefix=api_prefix, closed_reason=closed_reason, on_created=on_created,
        read_perm=read_perm,
    )  # fmt: skip
    registry.register(kind)
    return kind


def commentables() -> list[Commentable]:
    return registry.all()


def _find_model(model: type[models.Model]) -> Commentable | None:
    label = model._meta.label_lower
    return next((kind for kind in registry if kind.model._meta.label_lower == label), None)


def commentable_for(target) -> Commentable:
    """The registered kind of a target object or model; LookupError when it is not one."""
    model = target if isinstance(target, type) else type(target)
    kind = _find_model(model)
    if kind is None:
        raise LookupError(f"{model.__name__} is not commentable")
    return kind


def commentable_by_prefix(api_prefix: str) -> Commentable:
    """The kind commented under `api_prefix`; `NotRegistered` (a LookupError) if none."""
    return registry.get(api_prefix)


def commentable_by_content_type(content_type_id: int) -> Commentable | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _find_model(model) if model else None
