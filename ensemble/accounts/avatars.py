"""Avatars: validated as real images, bounded, re-encoded (metadata dropped)."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError


def avatar_process(uploaded) -> ContentFile:
    """Return a square WebP of the configured size, or raise ValidationError naming `avatar`."""
    max_bytes = settings.ENSEMBLE_AVATAR_MAX_BYTES
    if uploaded.size > max_bytes:
        raise ValidationError(
            {"avatar": _("The image is too large (%(max)s MB at most).")
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
                {"avatar": _("The image has too many pixels.")}, code="too_many_pixels"
            )
        image = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            {"avatar": _("This file is not an image we can read (JPEG, PNG, GIF or WebP).")},
            code="invalid_image",
        ) from None
    size = settings.ENSEMBLE_AVATAR_SIZE
    image = ImageOps.fit(image, (size, size))
    output = io.BytesIO()
    image.save(output, format="WEBP", quality=85)
    return ContentFile(output.getvalue(), name="avatar.webp")
