"""Organisation logos: at most LOGO_MAX_SIDE pixels, transparency kept."""

from django.conf import settings
from django.core.files.base import ContentFile

from ensemble.core.images import ImageRules, image_process

LOGO_MAX_SIDE = 512


def logo_process(uploaded) -> ContentFile:
    """Return the logo to store, or raise ValidationError naming `logo`."""
    rules = ImageRules(
        max_bytes=settings.ENSEMBLE_AVATAR_MAX_BYTES,
        max_pixels=settings.ENSEMBLE_AVATAR_MAX_PIXELS,
        max_side=LOGO_MAX_SIDE,
        keep_transparency=True,
    )
    return image_process(uploaded, field="logo", rules=rules)
