"""The API of consultations: contributions."""

from ninja import Router

router = Router(tags=["consultations"])
