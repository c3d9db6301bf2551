"""Reads of a territory's pages: the version in force, its history, the generated default."""

from django.template.loader import select_template
from django.utils.translation import get_language

from .models import PageKind, PageVersion


def page_current(*, territory, kind: str) -> PageVersion | None:
    return PageVersion.objects.filter(territory=territory, kind=kind).order_by("-version").first()


def page_versions(*, territory, kind: str):
    return (
        PageVersion.objects.filter(territory=territory, kind=kind)
        .select_related("author")
        .order_by("-version")
    )


def page_default(*, territory, kind: str) -> tuple[str, str]:
    """The title and Markdown text a page has before its first version, from the settings."""
    language = (get_language() or "fr").split("-")[0]
    template = select_template([
        f"sitepages/defaults/{language}/{kind}.md", f"sitepages/defaults/fr/{kind}.md",
    ])  # fmt: skip
    body = template.render({"territory": territory, "PageKind": PageKind}).strip()
    return str(PageKind(kind).label), body


def pages_overview(*, territory) -> list[dict]:
    """Each page kind with its version in force (one query), for the console."""
    current: dict[str, PageVersion] = {}
    for version in PageVersion.objects.filter(territory=territory).order_by("kind", "-version"):
        current.setdefault(version.kind, version)
    return [{"kind": kind, "label": label, "current": current.get(kind)}
            for kind, label in PageKind.choices]  # fmt: skip
