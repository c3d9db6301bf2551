"""Contribution images: at most MAX_SIDE pixels wide or high (see ensemble.core.images)."""

from django.conf import settings
from django.core.files.base import ContentFile

from ensemble.core.images import ImageRules, image_process

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 8000 * 8000
MAX_SIDE = 1600


def contribution_image_process(uploaded) -> ContentFile:
    """Return the image to store, or raise ValidationError naming `image`."""
    rules = ImageRules(
        max_bytes=getattr(settings, "ENSEMBLE_CONTRIBUTION_IMAGE_MAX_BYTES", MAX_BYTES),
        max_pixels=MAX_PIXELS,
        max_side=MAX_SIDE,
        quality=82,
    )
    return image_process(uploaded, field="image", rules=rules)
