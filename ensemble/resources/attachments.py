"""Attachments of the knowledge base: what a file is, judged from its bytes, not its name.

Accepted: PDF, images (PNG, JPEG, GIF, WebP) and office documents (Word, Excel,
PowerPoint, OpenDocument). A file is refused, with a message naming the field,
when it is too large, when its bytes are none of these (HTML, SVG, scripts,
executables…), or when its name claims another type than its bytes. The type
stored is the sniffed one, and files are served for download with it
(`views.attachment_download`), never as a page.
"""

import os
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 4096


@dataclass(frozen=True)
class FileType:
    content_type: str
    extensions: tuple[str, ...]


PDF = FileType("application/pdf", (".pdf",))
PNG = FileType("image/png", (".png",))
JPEG = FileType("image/jpeg", (".jpg", ".jpeg"))
GIF = FileType("image/gif", (".gif",))
WEBP = FileType("image/webp", (".webp",))
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",)
)
ODT = FileType("application/vnd.oasis.opendocument.text", (".odt",))
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", (".ods",))
ODP = FileType("application/vnd.oasis.opendocument.presentation", (".odp",))
# Word 97, Excel 97, PowerPoint 97 share one container (OLE2): the name tells which.
LEGACY_OFFICE = FileType("application/octet-stream", (".doc", ".xls", ".ppt"))

OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
ODF_TYPES = {t.content_type: t for t in (ODT, ODS, ODP)}
ACCEPTED_EXTENSIONS = sorted(
    {ext for t in (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, ODP, LEGACY_OFFICE)
     for ext in t.extensions}
)  # fmt: skip


def _office_zip(uploaded) -> FileType | None:
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return ODF_TYPES.get(mimetype)
            if "[Content_Types].xml" in names:
                for prefix, file_type in OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return file_type
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def _image(uploaded, file_type: FileType) -> FileType | None:
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as probe:
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        return None
    return file_type


def sniff(uploaded) -> FileType | None:
    """The type of the file's bytes among the accepted ones, or None."""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _image(uploaded, PNG)
    if head.startswith(b"\xff\xd8\xff"):
        return _image(uploaded, JPEG)
    if head.startswith((b"GIF87a", b"GIF89a")):
        return _image(uploaded, GIF)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _image(uploaded, WEBP)
    if head.startswith(b"PK\x03\x04"):
        return _office_zip(uploaded)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return LEGACY_OFFICE
    return None


def _refuse(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def attachment_check(uploaded, *, field: str = "file") -> FileType:
    """The sniffed type of `uploaded`, or a ValidationError on `field` that says why not."""
    if uploaded.size > MAX_BYTES:
        raise _refuse(
            field,
            _("The file is too large (%(max)s MB at most).") % {"max": MAX_BYTES // (1024 * 1024)},
            "too_large",
        )
    if uploaded.size == 0:
        raise _refuse(field, _("The file is empty."), "empty")
    file_type = sniff(uploaded)
    uploaded.seek(0)
    if file_type is None:
        raise _refuse(
            field,
            _("This type of file is not accepted: PDF, images (PNG, JPEG, GIF, WebP) and office "
              "documents only; web pages, SVG and scripts are refused."),
            "type",
        )  # fmt: skip
    extension = os.path.splitext(uploaded.name or "")[1].lower()
    if extension not in file_type.extensions:
        raise _refuse(
            field,
            _("This file is not what its name says: its content is not a “%(ext)s” file.")
            % {"ext": extension or _("(no extension)")},
            "mismatch",
        )
    return file_type


def safe_name(name: str) -> str:
    """The file's name without its folders or characters that break a header."""
    base = os.path.basename((name or "").replace("\\", "/"))
    return "".join(c for c in base if c.isprintable() and c not in '"\r\n;')[:200] or "file"


def in_memory(name: str, content: bytes) -> SimpleUploadedFile:
    """An uploaded-like file from bytes (demo data, tests)."""
    return SimpleUploadedFile(name, content)
