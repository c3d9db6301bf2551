"""Matching measured by `make bench`: candidates for one need in the biggest territory.

Data: the projects' scale generator (needs) and the actors' (organisations,
people and their offers). The need chosen is an open premises need if there
is one (the kind with the most offers), else any open need.
"""

from registry import Request, page


def _need(data):
    from ensemble.projects.models import Need, Project

    needs = Need.objects.filter(
        territory=data.territory(),
        status=Need.Status.OPEN,
        project__status=Project.Status.PUBLISHED,
    ).order_by("pk")
    need = needs.filter(kind="premises").first() or needs.first()
    if need is None:
        raise RuntimeError("No open need: pass --seed-args '--projects 20000'.")
    return need


def _owner(need):
    from ensemble.projects.models import ProjectMember

    return (
        ProjectMember.objects.filter(project_id=need.project_id, role=ProjectMember.Role.OWNER)
        .select_related("user")
        .first()
        .user
    )


@page("API need matches")
def _(data):
    need = _need(data)
    return Request(f"/api/v1/needs/{need.pk}/matches", headers=data.token_headers(_owner(need)))


@page("need candidates page, team")
def _(data):
    need = _need(data)
    path = f"/{data.territory().slug}/projets/{need.project_id}/besoins/{need.pk}/candidats/"
    return Request(path, headers=data.session_headers(_owner(need)))
