"""The API of consultations: results."""

from ninja import Router

router = Router(tags=["consultations"])
