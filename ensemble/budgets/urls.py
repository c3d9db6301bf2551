"""Budget pages, mounted under /<territory_slug>/ by the root URLconf (…/budget/…)."""

from ensemble.budgets import views

app_name = "budgets"

urlpatterns = views.urlpatterns
