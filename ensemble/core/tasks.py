"""Email leaves the request through the task queue, never inline."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from ensemble.core.text import one_line


@task()
def send_email(
    *, subject: str, body: str, to: list[str], from_email: str | None = None,
    html: str | None = None, headers: dict[str, str] | None = None,
) -> int:  # fmt: skip
    # A line break in a header stops the email (Django refuses it): a subject is one line.
    message = EmailMultiAlternatives(one_line(subject), body, from_email, to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


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
