"""Project images: validated as real images, bounded, re-encoded (metadata dropped)."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 8000 * 8000
MAX_SIDE = 1600


def image_process(uploaded) -> ContentFile:
    """Return a WebP at most MAX_SIDE pixels wide or high, or raise ValidationError on `image`."""
    max_bytes = getattr(settings, "ENSEMBLE_PROJECT_IMAGE_MAX_BYTES", MAX_BYTES)
    if uploaded.size > max_bytes:
        raise ValidationError(
            {"image": _("The image is too large (%(max)s MB at most).")
             % {"max": max_bytes // (1024 * 1024)}},
            code="too_large",
        )  # fmt: skip
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as probe:
            probe.verify()
        uploaded.seek(0)
        image = Image.open(uploaded)
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(
                {"image": _("The image has too many pixels.")}, code="too_many_pixels"
            )
        image = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            {"image": _("This file is not an image we can read (JPEG, PNG, GIF or WebP).")},
            code="invalid_image",
        ) from None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    output = io.BytesIO()
    image.save(output, format="WEBP", quality=82)
    return ContentFile(output.getvalue(), name="image.webp")
