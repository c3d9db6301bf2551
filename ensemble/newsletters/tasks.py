"""Sending a newsletter: one task per batch of readers, each reader once."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django_tasks import task

from .emails import newsletter_email
from .models import Newsletter, NewsletterDelivery
from .selectors import recipient_ids
from .services import newsletter_count

logger = logging.getLogger("ensemble.email")


@task()
def newsletter_fan_out(*, newsletter_id: int) -> int:
    """Split the readers into batches; how many batches were queued."""
    newsletter = Newsletter.objects.select_related("territory").filter(pk=newsletter_id).first()
    if newsletter is None or newsletter.status != Newsletter.Status.SENDING:
        return 0
    ids = recipient_ids(territory=newsletter.territory)
    size = max(1, settings.ENSEMBLE_EMAIL_BATCH_SIZE)
    batches = [ids[start : start + size] for start in range(0, len(ids), size)]
    for batch in batches:
        newsletter_batch_send.enqueue(newsletter_id=newsletter_id, user_ids=batch)
    if not batches:
        newsletter_count(newsletter_id=newsletter_id, sent=0, failed=0)
    return len(batches)


@task()
def newsletter_batch_send(*, newsletter_id: int, user_ids: list[int]) -> int:
    """Send to these readers (those not served yet); how many were sent."""
    newsletter = Newsletter.objects.select_related("territory").get(pk=newsletter_id)
    served = set(
        NewsletterDelivery.objects.filter(newsletter=newsletter, user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    sent = failed = 0
    readers = get_user_model().objects.filter(pk__in=user_ids).exclude(pk__in=served)
    for user in readers.order_by("pk"):
        # Recorded before sending: a retried batch never sends one letter twice.
        try:
            delivery = NewsletterDelivery.objects.create(
                newsletter=newsletter, user=user, status=NewsletterDelivery.Status.SENT
            )
        except IntegrityError:  # a concurrent run serves them
            continue
        try:
            newsletter_email(newsletter=newsletter, user=user).send()
        except Exception:  # one refused address must not stop the batch: counted, reported
            logger.exception("Newsletter %s to %s failed", newsletter_id, user.pk)
            delivery.status = NewsletterDelivery.Status.FAILED
            delivery.save(update_fields=["status"])
            failed += 1
        else:
            sent += 1
    newsletter_count(newsletter_id=newsletter_id, sent=sent, failed=failed)
    return sent
