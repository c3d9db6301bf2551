"""Pages of the consultations: answers."""

urlpatterns: list = []
