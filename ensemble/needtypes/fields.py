from django.db import models

from .types import kind_choices


class NeedKindField(models.CharField):
    """A CharField whose choices are the registered need types (not enumerated in migrations)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs["choices"] = kind_choices
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs
