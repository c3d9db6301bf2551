"""The API of consultations: consultations."""

from ninja import Router

router = Router(tags=["consultations"])
