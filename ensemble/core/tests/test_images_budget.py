"""The pixel budget is checked from the header, before anything is decoded."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ensemble.core import images
from ensemble.core.images import ImageRules, image_process

GENEROUS = ImageRules(max_bytes=5 * 1024 * 1024, max_pixels=8000 * 8000, max_side=1600)


def _declared_png(width: int, height: int) -> SimpleUploadedFile:
    """A tiny PNG file whose header declares `width` × `height` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\0" * 64)
    content = (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("huge.png", content, content_type="image/png")


def test_an_image_over_the_budget_is_refused_before_decoding(settings, monkeypatch):
    settings.ENSEMBLE_IMAGE_MAX_PIXELS = 40_000_000
    decoded = []
    monkeypatch.setattr(images.ImageOps, "exif_transpose", lambda image: decoded.append(image))
    with pytest.raises(ValidationError) as error:
        image_process(_declared_png(7999, 7999), field="image", rules=GENEROUS)
    message = error.value.message_dict["image"][0]
    assert "7999 × 7999" in message and "40" in message
    assert decoded == []


def test_the_budget_applies_whatever_an_upload_kind_allows(settings):
    settings.ENSEMBLE_IMAGE_MAX_PIXELS = 100
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png")
    with pytest.raises(ValidationError):
        image_process(upload, field="image", rules=GENEROUS)


def test_an_image_within_the_budget_is_re_encoded(settings):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png")
    assert image_process(upload, field="image", rules=GENEROUS).name == "image.webp"
