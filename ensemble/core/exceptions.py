"""Exceptions shared by the services of every app."""

from django.core.exceptions import ValidationError


class Conflict(ValidationError):
    """The request is valid but the object's state forbids it now (the API answers 409).

    A ValidationError, so pages show it on the form like any other error:
    supporting when the phase does not allow it, registering for a full event…
    """


class LimitReached(ValidationError):
    """A per-person limit (requests a day, supports…) forbids it now (the API answers 429)."""
