"""The person's language: an account setting, for the interface after login and every email."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def user_language(user) -> str:
    """Their saved language, else the platform's."""
    code = getattr(user, "language", "") or ""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class UserLanguageMiddleware:
    """After login, the interface speaks the person's saved language (after LocaleMiddleware).

    A person who has not chosen yet keeps what the browser or the switcher asked for.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        code = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if code and code in dict(settings.LANGUAGES) and code != request.LANGUAGE_CODE:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)


def language_remember(*, user, code: str) -> None:
    """Save the person's language (an unknown code changes nothing)."""
    if user.is_authenticated and code in dict(settings.LANGUAGES):
        get_user_model().objects.filter(pk=user.pk).update(language=code)
        user.language = code


def language_set(request):
    """The header's language switch: Django's `set_language`, remembered on the account."""
    from django.views.i18n import set_language

    if request.method == "POST":
        language_remember(user=request.user, code=request.POST.get("language", ""))
    return set_language(request)
