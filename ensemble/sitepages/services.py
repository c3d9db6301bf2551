"""Publishing a territory page: a new version, never an edit."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ensemble.audit.services import record
from ensemble.core.access import require
from ensemble.territories.models import Territory

from .models import PageKind, PageVersion
from .selectors import page_current


@transaction.atomic
def page_publish(
    *, actor, territory: Territory, kind: str, title: str, body: str, changes: str = "",
    conformity: str = "", compliance_rate: int | None = None, audited_on: date | None = None,
) -> PageVersion:  # fmt: skip
    """Publish a new version of one of the territory's pages (its admins)."""
    require(actor, "sitepages.publish_page", territory)
    if kind not in PageKind.values:
        raise ValidationError({"kind": _("Unknown page.")})
    if kind == PageKind.ACCESSIBILITY and not conformity:
        raise ValidationError(
            {"conformity": _("An accessibility statement declares its conformity status.")}
        )
    if kind != PageKind.ACCESSIBILITY:
        conformity, compliance_rate, audited_on = "", None, None
    # Serialise concurrent publications of the territory's pages: each gets its own number.
    Territory.objects.select_for_update().filter(pk=territory.pk).values_list("pk").first()
    previous = page_current(territory=territory, kind=kind)
    last = PageVersion.objects.filter(territory=territory, kind=kind).aggregate(v=Max("version"))
    version = PageVersion(
        territory=territory, kind=kind, version=(last["v"] or 0) + 1,
        title=(title or "").strip(), body=(body or "").strip(), changes=(changes or "").strip(),
        conformity=conformity, compliance_rate=compliance_rate, audited_on=audited_on,
        author=actor,
    )  # fmt: skip
    version.full_clean()
    version.save()
    if kind == PageKind.ACCESSIBILITY:
        Territory.objects.filter(pk=territory.pk).update(accessibility_conformity=conformity)
        territory.accessibility_conformity = conformity
    record(actor=actor, action="page.publish", territory=territory, target=version,
           label=f"{PageKind(kind).label} v{version.version}", reason=version.changes,
           before={"version": previous.version, "conformity": previous.conformity}
           if previous else None,
           after={"version": version.version, "conformity": conformity})  # fmt: skip
    return version


def pages_copy(*, source: Territory, target: Territory) -> None:
    """A new territory starts with its template's pages, its name in place of the template's."""
    copies = []
    for kind in PageKind.values:
        page = page_current(territory=source, kind=kind)
        if page is None:
            continue
        copies.append(PageVersion(
            territory=target, kind=kind, version=1, title=page.title,
            body=page.body.replace(source.name, target.name), conformity=page.conformity,
            compliance_rate=page.compliance_rate, audited_on=page.audited_on,
            changes=_("From the template %(name)s") % {"name": source.name},
        ))  # fmt: skip
    PageVersion.objects.bulk_create(copies)
    accessibility = next((c for c in copies if c.kind == PageKind.ACCESSIBILITY), None)
    if accessibility is not None:
        Territory.objects.filter(pk=target.pk).update(
            accessibility_conformity=accessibility.conformity
        )
