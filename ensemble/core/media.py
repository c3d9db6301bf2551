"""Uploaded files, served behind the visibility of the object they belong to.

Files of objects that are always public (avatars, organisation and territory logos)
are plain static files: the web server serves them from `MEDIA_ROOT`. Files of
objects that can be internal, hidden or a draft (project images, contribution and
budget project images, resource attachments) are registered here by their app, with
the upload prefix, the model and field that hold them and the permission that lets a
person see their owner. `serve_media` answers `/media/<path>`:

* a registered prefix: the file is looked up by its stored name (a path nobody
  stored answers 404), its owner is checked with `view_perm`, and a person who may
  not see it gets 404, like the object itself;
* any other path: served as is (the web server answers those before Django in
  production).

The bytes are sent by the web server when `MEDIA_ACCEL_REDIRECT` (nginx, an
`internal` location) or `MEDIA_X_SENDFILE` (Apache, lighttpd) is set, by Django
otherwise (development). docs/deployment.md has the nginx configuration.
"""

import mimetypes
import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.views.decorators.http import require_safe

from .registry import Registry


@dataclass(frozen=True)
class ProtectedMedia:
    prefix: str  # the `upload_to` prefix, e.g. "projects/images/"
    model: str  # "app_label.Model" holding the file
    field: str
    view_perm: str  # checked on `owner(instance)`
    owner: Callable = lambda instance: instance

    def find_owner(self, name: str):
        model = apps.get_model(self.model)
        instance = model.objects.filter(**{self.field: name}).first()
        return None if instance is None else self.owner(instance)


protected_media = Registry("protected media", key=lambda entry: entry.prefix)


def register(entry: ProtectedMedia) -> ProtectedMedia:
    return protected_media.register(entry)


def protected_entry(name: str) -> ProtectedMedia | None:
    for entry in protected_media.all():
        if name.startswith(entry.prefix):
            return entry
    return None


def _normalised(path: str) -> str:
    name = posixpath.normpath(path).lstrip("/")
    if name in {"", "."} or name.startswith("..") or "\\" in name:
        raise Http404
    return name


def _send(name: str, *, private: bool) -> HttpResponse:
    try:
        full_path = safe_join(settings.MEDIA_ROOT, name)
    except SuspiciousFileOperation as error:  # outside MEDIA_ROOT
        raise Http404 from error
    accel = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel or getattr(settings, "MEDIA_X_SENDFILE", False):
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = HttpResponse(content_type=content_type)
        if accel:
            response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + name
        else:
            response["X-Sendfile"] = full_path
    else:
        try:
            response = FileResponse(open(full_path, "rb"))  # noqa: SIM115 (closed by Django)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
            raise Http404 from error
    # A file behind an access check must not sit in a shared cache.
    response["Cache-Control"] = "private, max-age=3600" if private else "public, max-age=86400"
    return response


@require_safe
def serve_media(request, path: str):
    name = _normalised(path)
    entry = protected_entry(name)
    if entry is not None:
        owner = entry.find_owner(name)
        if owner is None or not request.user.has_perm(entry.view_perm, owner):
            raise Http404
    return _send(name, private=entry is not None)
