"""Where a person stands towards a budget; each predicate takes (user, obj).

`obj` is a consultation or anything with a `consultation` (a budget).
"""

import rules

from ensemble.budgets.models import VerifiedResident, VoteSettings
from ensemble.consultations.predicates import consultation_of


def verified_residents_only(territory_id: int) -> bool:
    """The territory's setting: only residents verified by an agent vote."""
    return VoteSettings.objects.filter(
        territory_id=territory_id, verified_residents_only=True
    ).exists()


@rules.predicate
def is_eligible_resident(user, obj) -> bool:
    """Verified by an agent when the territory asks it; any member otherwise."""
    consultation = consultation_of(obj)
    if consultation is None or not getattr(user, "is_authenticated", False):
        return False
    if not verified_residents_only(consultation.territory_id):
        return True
    return VerifiedResident.objects.filter(
        territory_id=consultation.territory_id, user=user
    ).exists()
