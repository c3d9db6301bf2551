"""Which models can be reported, and how moderators see and hide them.

A new reportable kind is one call in its app config's `ready()`:
`register(Project, report_perm="projects.report_project", hide=project_hide)`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet


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

    def target_queryset(self) -> QuerySet:
        return self.queryset() if self.queryset else self.model._default_manager.all()


_registry: dict[str, Reportable] = {}


def register(model: type[models.Model], **options) -> Reportable:
    meta = model._meta
    options.setdefault("report_perm", f"{meta.app_label}.report_{meta.model_name}")
    kind = Reportable(model=model, **options)
    _registry[meta.label_lower] = kind
    return kind


def reportable_for(target) -> Reportable:
    model = target if isinstance(target, type) else type(target)
    try:
        return _registry[model._meta.label_lower]
    except KeyError:
        raise LookupError(f"{model.__name__} cannot be reported") from None


def reportables() -> list[Reportable]:
    return list(_registry.values())
