"""Pages of the consultations: contributions."""

urlpatterns: list = []
