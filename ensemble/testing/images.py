import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png_upload(name="avatar.png", size=(64, 48), color=(20, 120, 90)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def oversized_upload() -> SimpleUploadedFile:
    """A real image file padded past the 2 MB limit."""
    content = png_upload().read() + b"\0" * (2 * 1024 * 1024 + 1)
    return SimpleUploadedFile("big.png", content, content_type="image/png")


def not_an_image() -> SimpleUploadedFile:
    return SimpleUploadedFile("cv.png", b"%PDF-1.4 definitely not a picture", "image/png")
