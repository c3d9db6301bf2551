"""Every email to a person goes through here: their language, the territory's name, a
plain-text and an HTML part, links from the site address and a one-click unsubscribe
link (RFC 8058) for what this email is about."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ensemble.accounts.languages import user_language
from ensemble.core.tasks import email_enqueue
from ensemble.core.text import one_line

from . import unsubscribe
from .links import absolute


def person_email(
    *, user, subject: str, template: str, context: dict, topic: str, territory=None,
) -> EmailMultiAlternatives:  # fmt: skip
    """Render `template`.txt/.html for `user` in their language; `topic` is what the
    unsubscribe link stops (a kind, a digest frequency, a territory's newsletter)."""
    with translation.override(user_language(user)):
        links = {
            "unsubscribe_url": absolute(unsubscribe.url(user=user, topic=topic), territory),
            "unsubscribe_all_url": absolute(
                unsubscribe.url(user=user, topic=unsubscribe.ALL), territory
            ),
            "preferences_url": absolute(reverse("notifications:list"), territory),
            "home_url": absolute(territory.get_absolute_url() if territory else "/", territory),
        }
        full_context = {
            "user": user, "territory": territory, "topic_label": unsubscribe.label(topic),
            "LANGUAGE_CODE": translation.get_language(), **links, **context,
        }  # fmt: skip
        text = render_to_string(f"{template}.txt", full_context)
        html = render_to_string(f"{template}.html", full_context)
        subject = one_line(subject)
        if territory is not None:
            subject = f"[{one_line(territory.name)}] {subject}"
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email],
        headers={
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )  # fmt: skip
    message.attach_alternative(html, "text/html")
    return message


def person_email_send_later(**kwargs) -> None:
    """Build the email now, send it from the task queue."""
    email_enqueue(person_email(**kwargs))
