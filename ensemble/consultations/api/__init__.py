"""The consultations' API, mounted by ensemble.api.urls."""

from ensemble.consultations.api.consultations import router as consultations_router

routers = [consultations_router]
