"""Writes of the knowledge base: a resource, its status, its attachments.

Agents and admins of the territory write it (PermissionDenied otherwise).
A funding call has a deadline; nothing archives it: `open()` reads it.
"""

import os
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ensemble.core.access import require
from ensemble.core.validation import full_clean
from ensemble.needtypes.types import kind_choices
from ensemble.resources.attachments import attachment_check, safe_name
from ensemble.resources.models import Attachment, Resource
from ensemble.search.indexing import index_object, unindex_object

FIELDS = frozenset({
    "kind", "title", "summary", "body", "funder", "amount", "deadline", "opening_hours",
    "phone", "email", "website", "address", "latitude", "longitude", "need_kind",
})  # fmt: skip
MAX_ATTACHMENTS = 10


def _check(resource: Resource, themes, projects) -> tuple[list, list]:
    full_clean(resource, exclude=["created_by"])
    if resource.kind == Resource.Kind.FUNDING_CALL and resource.deadline is None:
        raise ValidationError({"deadline": _("A funding call has a deadline.")})
    known = {kind for kind, _label in kind_choices()}
    if resource.need_kind and resource.need_kind not in known:
        raise ValidationError({"need_kind": _("Unknown kind of need.")})
    themes, projects = list(themes), list(projects)
    if any(theme.territory_id not in (None, resource.territory_id) for theme in themes):
        raise ValidationError({"themes": _("Unknown theme in this territory.")})
    if any(project.territory_id != resource.territory_id for project in projects):
        raise ValidationError({"projects": _("Unknown project in this territory.")})
    return themes, projects


@transaction.atomic
def resource_create(
    *, actor, territory, kind: str, title: str, themes: Iterable = (), projects: Iterable = (),
    publish: bool = False, **data,
) -> Resource:  # fmt: skip
    """A resource of `territory` (agents and admins), a draft unless `publish`."""
    require(actor, "resources.add_resource", territory)
    unknown = set(data) - FIELDS
    if unknown:
        raise ValidationError({field: _("Unknown field.") for field in unknown})
    resource = Resource(territory=territory, kind=kind, title=title, created_by=actor, **data)
    if publish:
        resource.status, resource.published_at = Resource.Status.PUBLISHED, timezone.now()
    themes, projects = _check(resource, themes, projects)
    resource.save()
    resource.themes.set(themes)
    resource.projects.set(projects)
    index_object(resource)
    return resource


@transaction.atomic
def resource_update(*, actor, resource: Resource, data: dict) -> Resource:
    """Change the fields of `data` (agents and admins of its territory)."""
    require(actor, "resources.change_resource", resource)
    themes, projects = data.pop("themes", None), data.pop("projects", None)
    for field, value in data.items():
        if field not in FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(resource, field, value)
    checked_themes, checked_projects = _check(
        resource,
        resource.themes.all() if themes is None else themes,
        resource.projects.all() if projects is None else projects,
    )
    resource.save()
    if themes is not None:
        resource.themes.set(checked_themes)
    if projects is not None:
        resource.projects.set(checked_projects)
    index_object(resource)
    return resource


@transaction.atomic
def resource_set_status(*, actor, resource: Resource, status: str) -> Resource:
    """Publish a draft, or take a resource back to draft: the one status change."""
    require(actor, "resources.change_resource", resource)
    if status not in Resource.Status.values:
        raise ValidationError({"status": _("Unknown status.")})
    resource.status = status
    if status == Resource.Status.PUBLISHED and resource.published_at is None:
        resource.published_at = timezone.now()
    resource.save(update_fields=["status", "published_at", "updated_at"])
    index_object(resource)
    return resource


@transaction.atomic
def resource_delete(*, actor, resource: Resource) -> None:
    require(actor, "resources.change_resource", resource)
    unindex_object(resource)
    for attachment in resource.attachments.all():
        attachment.file.delete(save=False)
    resource.delete()


@transaction.atomic
def attachment_add(*, actor, resource: Resource, uploaded, field: str = "file") -> Attachment:
    """Attach a file whose bytes are an accepted type (`attachments.attachment_check`)."""
    require(actor, "resources.change_resource", resource)
    if resource.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            {field: _("At most %(max)s files per resource.") % {"max": MAX_ATTACHMENTS}}
        )
    file_type = attachment_check(uploaded, field=field)
    name = safe_name(uploaded.name)
    extension = os.path.splitext(name)[1].lower()
    attachment = Attachment(
        resource=resource, name=name, content_type=file_type.content_type, size=uploaded.size
    )
    # A stored name of our own: nothing the person typed ends up in a path.
    attachment.file.save(f"{uuid.uuid4().hex}{extension}", uploaded, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment) -> None:
    require(actor, "resources.change_resource", attachment.resource)
    attachment.file.delete(save=False)
    attachment.delete()
