"""Events in the API: workshops, registrations."""

from ninja import Router

router = Router(tags=["events"])
