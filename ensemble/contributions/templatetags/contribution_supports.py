"""`{% support_status contribution supported as status %}`: what the support button shows.

The phase and the person's remaining supports are read once per consultation
and request, so a list of contributions costs no query per item.
"""

from django import template

from ensemble.consultations.phases import Feature
from ensemble.contributions.selectors.supports import support_status as _support_status
from ensemble.contributions.selectors.supports import supported_ids, supports_remaining

register = template.Library()


@register.simple_tag(takes_context=True)
def support_status(context, contribution, supported=None):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if supported is None or supported == "":
        supported = contribution.pk in supported_ids(user=user, contribution_ids=[contribution.pk])
    memo = request.__dict__.setdefault("_support_memo", {}) if request is not None else {}
    consultation = contribution.consultation
    if consultation.pk not in memo:
        memo[consultation.pk] = (
            consultation.allows(Feature.SUPPORT),
            supports_remaining(user=user, consultation=consultation),
        )
    allows, remaining = memo[consultation.pk]
    return _support_status(
        user=user, contribution=contribution, supported=bool(supported),
        remaining=remaining, allows=allows,
    )  # fmt: skip
