from django.db import models

from .types import kind_choices, registry


def _kind_display(obj, *, field) -> str:
    """The registered type's label, or the stored value for a kind no longer registered."""
    value = getattr(obj, field.attname)
    entry = registry.find(value)
    return str(entry.label) if entry is not None else value


class NeedKindField(models.CharField):
    """A CharField whose choices are the registered need types (not enumerated in migrations)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs["choices"] = kind_choices
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        # Django's get_<kind>_display rebuilds every choice on each call (42 µs; a list of
        # 50 organisations with their offers called it 500 times): one lookup instead.
        method = f"get_{self.name}_display"
        if method not in cls.__dict__ or getattr(cls.__dict__[method], "func", None):
            setattr(cls, method, lambda obj, field=self: _kind_display(obj, field=field))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        return name, path, args, kwargs
