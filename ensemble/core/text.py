"""What text may contain, decided once for every input and every output.

People type letters, tabs and line breaks. NUL bytes, the other control
characters (C0 and C1, DEL) and lone UTF-16 surrogates are never typed: they
break PostgreSQL (NUL), UTF-8 encoding (surrogates), XML feeds and email headers
(controls, CR/LF). The input boundary (`ensemble.core.middleware.InputBoundaryMiddleware`)
refuses them in the API and removes them from page forms; a one-line model field
(`CharField`) never keeps a line break (`normalise_model_text`); outputs that
must stay valid whatever is stored (feeds, iCalendar, email subjects) pass
through `clean` / `one_line` too.
"""

import re

# C0 controls but tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\r\n\u2028\u2029\x85]+")

#: The largest integer the databases store (a signed 64-bit BIGINT).
MAX_INTEGER = 2**63 - 1


def forbidden_character(value: str) -> str | None:
    """The first character that text may not contain, or None."""
    match = _FORBIDDEN.search(value)
    return match.group() if match else None


def clean(value: str) -> str:
    """`value` without the characters text may not contain (line breaks are kept)."""
    return _FORBIDDEN.sub("", value)


def one_line(value: str) -> str:
    """`clean(value)` on one line: every run of line breaks and tabs becomes a space."""
    return _LINE_BREAKS.sub(" ", clean(value))


def normalise_model_text(instance) -> None:
    """Remove forbidden characters from every text field of `instance`, and line breaks
    from its one-line fields (`CharField` and subclasses: titles, names, slugs)."""
    from django.db import models

    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname, None)
        if not isinstance(value, str):
            continue
        fixed = clean(value) if isinstance(field, models.TextField) else one_line(value)
        if fixed != value:
            setattr(instance, field.attname, fixed)
