from django.db.models import QuerySet

from ensemble.territories.models import Membership

from .models import Newsletter, NewsletterConsent


def newsletter_list(*, territory) -> QuerySet[Newsletter]:
    return Newsletter.objects.filter(territory=territory).select_related("author")


def newsletter_get(*, territory, pk: int) -> Newsletter | None:
    """A letter of this territory (another territory's letter does not exist here)."""
    return newsletter_list(territory=territory).filter(pk=pk).first()


def recipient_ids(*, territory) -> list[int]:
    """Members who asked for the letter, active, with a confirmed address, in pk order."""
    from allauth.account.models import EmailAddress

    consenting = NewsletterConsent.objects.filter(territory=territory).values("user_id")
    confirmed = EmailAddress.objects.filter(verified=True, primary=True).values("user_id")
    return list(
        Membership.objects.filter(
            territory=territory, user__is_active=True, user_id__in=consenting,
        )
        .filter(user_id__in=confirmed)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )  # fmt: skip


def consented_territory_ids(*, user) -> set[int]:
    return set(NewsletterConsent.objects.filter(user=user).values_list("territory_id", flat=True))
