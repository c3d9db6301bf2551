from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


def full_clean(obj, **kwargs) -> None:
    """`obj.full_clean()`, plus the max_length of TextFields that Django checks only in forms."""
    errors = {}
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.TextField) and field.max_length:
            value = getattr(obj, field.attname) or ""
            if len(value) > field.max_length:
                errors[field.name] = [
                    _("At most %(max)s characters (%(length)s here).")
                    % {"max": field.max_length, "length": len(value)}
                ]
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
