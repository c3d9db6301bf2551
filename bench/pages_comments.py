"""Bench pages of comments and moderation (imported by bench/run.py)."""

from registry import Request, page


def _most_commented_project(data):
    from ensemble.projects.models import Project

    return (
        Project.objects.filter(territory=data.territory(), status="published")
        .order_by("-comments_count", "pk")
        .first()
    )


@page("api project comments")
def _(data):
    project = _most_commented_project(data)
    return f"/api/v1/projects/{project.pk}/comments"


@page("moderation queue (admin)")
def _(data):
    return Request(f"/{data.territory().slug}/moderation/", data.session_headers(data.admin()))
