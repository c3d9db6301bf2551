"""Pages of the consultations: consultations."""

urlpatterns: list = []
