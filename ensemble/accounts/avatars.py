"""Avatars: a square WebP of the configured size (see ensemble.core.images)."""

from django.conf import settings
from django.core.files.base import ContentFile

from ensemble.core.images import ImageRules, image_process


def avatar_process(uploaded) -> ContentFile:
    """Return the avatar to store, or raise ValidationError naming `avatar`."""
    rules = ImageRules(
        max_bytes=settings.ENSEMBLE_AVATAR_MAX_BYTES,
        max_pixels=settings.ENSEMBLE_AVATAR_MAX_PIXELS,
        square=settings.ENSEMBLE_AVATAR_SIZE,
    )
    return image_process(uploaded, field="avatar", rules=rules)
