"""The REST API: /api/v1/…, OpenAPI at /api/openapi.json, docs at /api/docs."""

from ninja import NinjaAPI

from ensemble.accounts.api import router as accounts_router
from ensemble.territories.api import router as territories_router

from .errors import register_error_handlers

api = NinjaAPI(
    title="Ensemble API",
    version="1",
    description="Territorial innovation and citizen co-creation. See API.md for the contract.",
    urls_namespace="api",
)
register_error_handlers(api)
api.add_router("/v1/", accounts_router)
api.add_router("/v1/territories", territories_router)
