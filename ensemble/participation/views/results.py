"""Pages of the consultations: results."""

urlpatterns: list = []
