"""Uploaded images: validated as real images, bounded, re-encoded to WebP.

Re-encoding drops metadata (EXIF location…) and anything hidden in the file;
every upload of the platform (avatars, logos, project images) goes through
`image_process`, each with its own limits. The number of pixels is read from the
file's header and checked before anything is decoded: a small file can declare a
huge image (a 186 KB PNG of 8,000 × 8,000 pixels costs 730 MB decoded), so no kind
of upload goes past `ENSEMBLE_IMAGE_MAX_PIXELS` whatever its own rules say.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError


@dataclass(frozen=True)
class ImageRules:
    max_bytes: int
    max_pixels: int
    # Square crop of this side (avatars), or bounded box keeping the ratio.
    square: int | None = None
    max_side: int | None = None
    keep_transparency: bool = False
    quality: int = 85


def image_process(uploaded, *, field: str, rules: ImageRules) -> ContentFile:
    """Return the re-encoded image, or raise a ValidationError naming `field`."""
    if uploaded.size > rules.max_bytes:
        raise ValidationError(
            {field: _("The image is too large (%(max)s MB at most).")
             % {"max": rules.max_bytes // (1024 * 1024)}},
            code="too_large",
        )  # fmt: skip
    max_pixels = min(rules.max_pixels, settings.ENSEMBLE_IMAGE_MAX_PIXELS)
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as probe:  # reads the header only
            _check_pixels(probe, field=field, max_pixels=max_pixels)
            probe.verify()
        uploaded.seek(0)
        image = Image.open(uploaded)
        image = ImageOps.exif_transpose(image).convert("RGBA" if rules.keep_transparency else "RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            {field: _("This file is not an image we can read (JPEG, PNG, GIF or WebP).")},
            code="invalid_image",
        ) from None
    if rules.square:
        image = ImageOps.fit(image, (rules.square, rules.square))
    elif rules.max_side:
        image.thumbnail((rules.max_side, rules.max_side))
    output = io.BytesIO()
    image.save(output, format="WEBP", quality=rules.quality)
    return ContentFile(output.getvalue(), name=f"{field}.webp")


def _check_pixels(image, *, field: str, max_pixels: int) -> None:
    if image.width * image.height > max_pixels:
        raise ValidationError(
            {field: _("The image is too large: %(width)s × %(height)s pixels, "
                      "%(max)s megapixels at most.")
             % {"width": image.width, "height": image.height,
                "max": round(max_pixels / 1_000_000, 1)}},
            code="too_many_pixels",
        )  # fmt: skip


# Widths of the smaller copies served in `srcset` (cards show ~400 px, heroes ~800 px).
VARIANT_WIDTHS = (400, 800)


def _variant_name(name: str, width: int) -> str:
    stem, _dot, _ext = name.rpartition(".")
    return f"{stem or name}.w{width}.webp"


def image_variants(field_file) -> list[tuple[str, int, int]]:
    """(url, width, height) of an uploaded image's smaller copies, then of the original.

    The copies are made on first use and stored next to the original; what was found is
    cached, so a list of cards costs no file access once warm. An unreadable original
    yields itself alone (width and height 0 are never written: 1 px placeholders)."""
    from django.core.cache import cache

    storage, name = field_file.storage, field_file.name
    key = f"ensemble:image-variants:{name}"
    found = cache.get(key)
    if found is None:
        found = _make_variants(storage, name)
        cache.set(key, found, 60 * 60 * 24)
    return [(storage.url(variant), width, height) for variant, width, height in found]


def _make_variants(storage, name: str) -> list[tuple[str, int, int]]:
    try:
        with storage.open(name) as source, Image.open(source) as original:
            original.load()
            width, height = original.size
            variants = []
            for target in VARIANT_WIDTHS:
                if target >= width:
                    break
                variant = _variant_name(name, target)
                size = (target, max(1, round(height * target / width)))
                if not storage.exists(variant):
                    output = io.BytesIO()
                    copy = original.convert("RGBA" if original.mode in ("RGBA", "LA") else "RGB")
                    copy.resize(size, Image.Resampling.LANCZOS).save(output, "WEBP", quality=80)
                    storage.save(variant, ContentFile(output.getvalue()))
                variants.append((variant, *size))
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        return [(name, 1, 1)]
    return [*variants, (name, width, height)]
