"""The consultations' API, one router per sub-domain, mounted by ensemble.api.urls."""

from .answers import router as answers_router
from .consultations import router as consultations_router
from .contributions import router as contributions_router
from .results import router as results_router
from .supports import router as supports_router

routers = [
    consultations_router,
    contributions_router,
    answers_router,
    results_router,
    supports_router,
]
