"""What can be embedded: each app declares its models and their text in `registrations.py`.

    from ensemble.semantics.registry import register
    register("projects.need", text=lambda need: f"{need.title}. {need.description}")

`text` receives an object of `queryset` (default: the model's default manager), which may
select or prefetch what the text needs. The task `embeddings_refresh` and the command
`embed --all` use these declarations.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps

from ensemble.core.registry import Registry


@dataclass(frozen=True)
class Embeddable:
    label: str  # "app_label.modelname", lower case
    text: Callable[[object], str]
    queryset: Callable[[], object] | None = None

    @property
    def model(self):
        return apps.get_model(self.label)

    def objects(self):
        return self.queryset() if self.queryset else self.model._default_manager.all()


registry: Registry[Embeddable] = Registry("embeddables", key=lambda entry: entry.label)


def register(label: str, *, text, queryset=None) -> Embeddable:
    entry = Embeddable(label=label.lower(), text=text, queryset=queryset)
    registry.register(entry)
    return entry


def label_of(model) -> str:
    return model._meta.label_lower
