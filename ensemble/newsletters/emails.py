"""A newsletter as an email to one person: their language around the territory's words."""

from django.core.mail import EmailMultiAlternatives

from ensemble.core.markdown import markdown_to_text
from ensemble.notifications.emails import person_email

from .models import Newsletter


def topic(territory_id: int) -> str:
    return f"newsletter:{territory_id}"


def newsletter_email(*, newsletter: Newsletter, user, test: bool = False) -> EmailMultiAlternatives:
    return person_email(
        user=user, subject=newsletter.subject, template="newsletters/email/newsletter",
        context={
            "newsletter": newsletter, "test": test,
            "body_text": markdown_to_text(newsletter.body),
        },
        topic=topic(newsletter.territory_id), territory=newsletter.territory,
    )  # fmt: skip
