"""What accounts plug into the platform: people can be found by the search, and a
refusal for want of a confirmed address says so."""

from django.utils.translation import gettext as _

from ensemble.core.access import RefusalReason, refusal_reasons
from ensemble.search.documents import register as register_search

from .predicates import refused_for_unconfirmed_email
from .search import PersonProvider

register_search(PersonProvider())


def _explain_unconfirmed_email(user, perm: str, obj=None) -> str:
    if refused_for_unconfirmed_email(user, perm, obj):
        return _(
            "Confirm your email address first: open the email we sent you and follow its "
            "link, or ask for a new one."
        )
    return ""


refusal_reasons.register(RefusalReason(key="unconfirmed_email", explain=_explain_unconfirmed_email))
