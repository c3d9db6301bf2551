"""The API of consultations: answers."""

from ninja import Router

router = Router(tags=["consultations"])
