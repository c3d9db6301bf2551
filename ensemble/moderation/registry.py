"""Which models can be reported, and how moderators see and hide them.

The app that owns a model makes it reportable from its `registrations.py`:
`register(Comment, hide=comment_hide, queryset=comments_for_moderation)`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet

from ensemble.core.registry import Registry


def _default_excerpt(obj) -> str:
    return str(obj)[:200]


def _default_url(obj) -> str:
    return obj.get_absolute_url()


@dataclass(frozen=True)
class Reportable:
    model: type[models.Model]
    # Permission checked on the target for reporting it.
    report_perm: str
    excerpt: Callable[[models.Model], str] = _default_excerpt
    url: Callable[[models.Model], str] = _default_url
    # hide(*, actor, target, reason) when the kind supports hiding by moderators.
    hide: Callable[..., object] | None = None
    # The queryset the moderation queue prefetches targets with (fixed queries).
    queryset: Callable[[], QuerySet] | None = None
    # Permission a moderator needs on the target to see its report in the queue and act
    # on it (a contribution of an agents-only consultation: its agents only); None:
    # every moderator of the territory (a private message shown by its reporter).
    view_perm: str | None = None

    def may_view(self, user, target) -> bool:
        return self.view_perm is None or user.has_perm(self.view_perm, target)

    def target_queryset(self) -> QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()


registry: Registry[Reportable] = Registry(
    "reportables",
    key=lambda entry: entry.model._meta.label_lower,
    label=lambda entry: entry.model._meta.verbose_name,
)


def register(model: type[models.Model], **options) -> Reportable:
    """Declare `model` reportable; `report_perm` defaults to `<app>.report_<model>` and
    `view_perm` to `<app>.view_<model>` (pass `view_perm=None` to show every moderator)."""
    meta = model._meta
    options.setdefault("report_perm", f"{meta.app_label}.report_{meta.model_name}")
    options.setdefault("view_perm", f"{meta.app_label}.view_{meta.model_name}")
    kind = Reportable(model=model, **options)
    registry.register(kind)
    return kind


def reportable_for(target) -> Reportable:
    """The registered kind of a target object or model; LookupError when it is not one."""
    model = target if isinstance(target, type) else type(target)
    kind = registry.find(model._meta.label_lower)
    if kind is None:
        raise LookupError(f"{model.__name__} cannot be reported")
    return kind


def reportables() -> list[Reportable]:
    return registry.all()
