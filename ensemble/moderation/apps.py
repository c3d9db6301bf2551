from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "ensemble.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from ensemble.comments.models import Comment
        from ensemble.comments.selectors import (
            comment_excerpt,
            comment_url,
            comments_for_moderation,
        )

        from . import registry, services

        registry.register(
            Comment,
            excerpt=comment_excerpt,
            url=comment_url,
            hide=services.comment_hide,
            queryset=comments_for_moderation,
        )
