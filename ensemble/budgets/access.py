"""Access to budgets: the only way views and the API reach them (see consultations.access)."""

from django.http import Http404

from ensemble.budgets.models import Budget
from ensemble.consultations.access import consultation_get_visible


def budget_get_visible(*, user, consultation_pk: int, territory=None, perm: str | None = None):
    """The consultation's budget (its consultation and phases loaded), or 404."""
    consultation = consultation_get_visible(
        user=user, pk=consultation_pk, territory=territory, perm=perm
    )
    budget = (
        Budget.objects.prefetch_related("envelopes__neighbourhood")
        .filter(consultation=consultation)
        .first()
    )
    if budget is None:
        raise Http404
    budget.consultation = consultation  # keeps its prefetched phases
    return budget
