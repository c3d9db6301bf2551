"""Organisation logos: validated as real images, bounded, re-encoded (metadata dropped)."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

LOGO_MAX_SIDE = 512


def logo_process(uploaded) -> ContentFile:
    """Return a WebP at most LOGO_MAX_SIDE wide and high, or raise ValidationError naming `logo`."""
    max_bytes = settings.ENSEMBLE_AVATAR_MAX_BYTES
    if uploaded.size > max_bytes:
        raise ValidationError(
            {"logo": _("The image is too large (%(max)s MB at most).")
             % {"max": max_bytes // (1024 * 1024)}},
            code="too_large",
        )  # fmt: skip
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as probe:
            probe.verify()
        uploaded.seek(0)
        image = Image.open(uploaded)
        if image.width * image.height > settings.ENSEMBLE_AVATAR_MAX_PIXELS:
            raise ValidationError(
                {"logo": _("The image has too many pixels.")}, code="too_many_pixels"
            )
        # Keep transparency: logos are often drawn on a transparent background.
        image = ImageOps.exif_transpose(image).convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            {"logo": _("This file is not an image we can read (JPEG, PNG, GIF or WebP).")},
            code="invalid_image",
        ) from None
    image.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    output = io.BytesIO()
    image.save(output, format="WEBP", quality=85)
    return ContentFile(output.getvalue(), name="logo.webp")
