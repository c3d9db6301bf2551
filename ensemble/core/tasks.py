"""Email leaves the request through the task queue, never inline.

A mail server that fails never breaks the page that asked for the email: the
send is retried later (when the queue can defer), then reported in the log.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

from ensemble.core.text import one_line

logger = logging.getLogger("ensemble.email")
MAX_ATTEMPTS = 3
RETRY_DELAY = timedelta(minutes=5)


@task()
def send_email(
    *, subject: str, body: str, to: list[str], from_email: str | None = None,
    html: str | None = None, headers: dict[str, str] | None = None, attempt: int = 1,
) -> int:  # fmt: skip
    # A line break in a header stops the email (Django refuses it): a subject is one line.
    message = EmailMultiAlternatives(one_line(subject), body, from_email, to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        return message.send()
    except Exception:  # SMTP refusal, DNS, a closed connection: all retried, then reported
        if attempt < MAX_ATTEMPTS and send_email.get_backend().supports_defer:
            logger.warning("Email %r to %s failed (attempt %d); retrying", subject, to, attempt)
            send_email.using(run_after=timezone.now() + RETRY_DELAY * attempt).enqueue(
                subject=subject, body=body, to=to, from_email=from_email, html=html,
                headers=headers, attempt=attempt + 1,
            )  # fmt: skip
        else:
            logger.exception("Email %r to %s failed after %d attempts", subject, to, attempt)
        return 0


def email_enqueue(message) -> None:
    """Queue an already rendered EmailMessage (keeps its HTML alternative)."""
    html = None
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = str(content)
    if getattr(message, "content_subtype", "plain") == "html" and html is None:
        html = message.body
    send_email.enqueue(
        subject=one_line(str(message.subject)),
        body=message.body,
        to=list(message.to),
        from_email=message.from_email,
        html=html,
        headers=dict(message.extra_headers or {}),
    )
