"""Writing, trying and sending a territory's newsletter; members' consent."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.core.access import require
from ensemble.core.exceptions import Conflict
from ensemble.core.tasks import email_enqueue

from .emails import newsletter_email
from .models import Newsletter, NewsletterConsent
from .selectors import recipient_ids


@transaction.atomic
def newsletter_save(
    *, actor, territory, subject: str, body: str, newsletter: Newsletter | None = None
) -> Newsletter:
    """Create or change a draft (a letter that left cannot change)."""
    require(actor, "newsletters.manage_newsletters", territory)
    if newsletter is None:
        newsletter = Newsletter(territory=territory, author=actor)
    elif newsletter.status != Newsletter.Status.DRAFT:
        raise Conflict(_("This newsletter was already sent."), code="sent")
    newsletter.subject = " ".join(subject.split())
    newsletter.body = body
    newsletter.full_clean()
    newsletter.save()
    return newsletter


def newsletter_test_send(*, actor, newsletter: Newsletter) -> None:
    """Send the letter to its writer only, marked as a test."""
    require(actor, "newsletters.manage_newsletters", newsletter.territory)
    if not actor.email:
        raise ValidationError(_("Your account has no email address."))
    email_enqueue(newsletter_email(newsletter=newsletter, user=actor, test=True))


@transaction.atomic
def newsletter_send(*, actor, newsletter: Newsletter) -> Newsletter:
    """Send to the members who asked for it, in batches from the task queue; once."""
    from .tasks import newsletter_fan_out

    require(actor, "newsletters.manage_newsletters", newsletter.territory)
    locked = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    if locked.status != Newsletter.Status.DRAFT:
        raise Conflict(_("This newsletter was already sent."), code="sent")
    newsletter.status = Newsletter.Status.SENDING
    newsletter.recipients_count = len(recipient_ids(territory=newsletter.territory))
    newsletter.sent_at = timezone.now()
    newsletter.save(update_fields=["status", "recipients_count", "sent_at", "updated_at"])
    newsletter_id = newsletter.pk
    transaction.on_commit(lambda: newsletter_fan_out.enqueue(newsletter_id=newsletter_id))
    return newsletter


def newsletter_count(*, newsletter_id: int, sent: int, failed: int) -> None:
    """Add a batch's outcome; the letter is sent once everyone is counted."""
    Newsletter.objects.filter(pk=newsletter_id).update(
        sent_count=F("sent_count") + sent, failed_count=F("failed_count") + failed
    )
    Newsletter.objects.filter(
        pk=newsletter_id,
        status=Newsletter.Status.SENDING,
        recipients_count__lte=F("sent_count") + F("failed_count"),
    ).update(status=Newsletter.Status.SENT)


def consent_set(*, user, territory, consent: bool) -> None:
    """Ask for a territory's newsletter (recorded with its date), or stop it."""
    if consent:
        require(user, "newsletters.subscribe", territory)
        NewsletterConsent.objects.get_or_create(user=user, territory=territory)
    else:
        NewsletterConsent.objects.filter(user=user, territory=territory).delete()


def consent_withdraw(*, user, value: str) -> None:
    """The unsubscribe link: one territory's letter (its id), or all ("")."""
    consents = NewsletterConsent.objects.filter(user=user)
    if value:
        consents = consents.filter(territory_id=int(value) if value.isdigit() else 0)
    consents.delete()
