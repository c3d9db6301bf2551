"""The contributions' API, one router per sub-domain, mounted by ensemble.api.urls."""

from ensemble.contributions.api.contributions import router as contributions_router
from ensemble.contributions.api.supports import router as supports_router
from ensemble.contributions.api.workshops import router as workshops_router

routers = [contributions_router, supports_router, workshops_router]
