"""Project pages and API measured by `make bench` (data from `seed_scale --projects`)."""

from registry import Request, page


def _most_followed(data):
    """The published project of territory() with the most followers: the worst case."""
    from ensemble.projects.models import Project

    project = (
        Project.objects.filter(territory=data.territory(), status=Project.Status.PUBLISHED)
        .order_by("-followers_count", "pk")
        .first()
    )
    if project is None:
        raise RuntimeError("No project: pass --seed-args '--projects 20000'.")
    return project


@page("projects directory")
def _(data):
    return f"/{data.territory().slug}/projets/"


@page("projects directory, filtered")
def _(data):
    return (
        f"/{data.territory().slug}/projets/"
        "?stage=running&need_kind=volunteers&open_needs_only=on&sort=followed"
    )


@page("projects directory, last page")
def _(data):
    from django.conf import settings

    from ensemble.projects.models import Project

    published = Project.objects.published().filter(territory=data.territory()).count()
    last = max(1, -(-published // settings.ENSEMBLE_PAGE_SIZE))
    return f"/{data.territory().slug}/projets/?page={last}"


@page("project page")
def _(data):
    return _most_followed(data).get_absolute_url()


@page("project page, member")
def _(data):
    return Request(
        _most_followed(data).get_absolute_url(), headers=data.session_headers(data.member())
    )


@page("API projects list")
def _(data):
    return f"/api/v1/territories/{data.territory().slug}/projects?page_size=50"


@page("API project detail")
def _(data):
    return f"/api/v1/projects/{_most_followed(data).pk}"
