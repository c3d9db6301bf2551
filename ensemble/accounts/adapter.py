from allauth.account.adapter import DefaultAccountAdapter

from ensemble.core.tasks import email_enqueue
from ensemble.territories.selectors import network_get


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render in the request (language, site), send from the task queue."""
        from allauth.account.adapter import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        full_context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        email_enqueue(self.render_mail(template_prefix, email, full_context))

    def format_email_subject(self, subject: str) -> str:
        return f"[{network_get().name}] {subject}"

    def populate_username(self, request, user) -> None:
        """People sign in with their email; there is no username to fill."""
