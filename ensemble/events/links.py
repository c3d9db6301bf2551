"""What an event may name besides its territory: a project, an organisation, a need, an offer.

A person names only what is theirs to name: a project they work on, an
organisation they belong to, their own offer (or their organisation's), and
an open need of a published project of the same territory. Agents of the
territory may name any of them. Each refusal names its field.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ensemble.projects.models import Need, Project
from ensemble.territories.predicates import is_territory_agent


def _changed(data: dict, field: str, event) -> bool:
    if field not in data or data[field] is None:
        return False
    return event is None or getattr(event, f"{field}_id") != data[field].pk


def _check_project(actor, territory, project: Project, agent: bool) -> None:
    if project.territory_id != territory.pk:
        raise ValidationError({"project": _("Unknown project in this territory.")})
    if not agent and not actor.has_perm("projects.change_project", project):
        raise ValidationError({"project": _("You can only name a project you work on.")})


def _check_organisation(actor, territory, organisation, agent: bool) -> None:
    if organisation.territory_id != territory.pk:
        raise ValidationError({"organisation": _("Unknown organisation in this territory.")})
    if not agent and not actor.has_perm("actors.manage_organisation_offers", organisation):
        raise ValidationError(
            {"organisation": _("You can only name an organisation you belong to.")}
        )


def _check_need(territory, need: Need) -> None:
    if (
        need.territory_id != territory.pk
        or need.status != Need.Status.OPEN
        or need.project.status != Project.Status.PUBLISHED
    ):
        raise ValidationError({"need": _("Unknown open need in this territory.")})


def _check_offer(actor, territory, offer, agent: bool) -> None:
    if offer.territory_id != territory.pk or not offer.is_active:
        raise ValidationError({"offer": _("Unknown offer in this territory.")})
    if not agent and not actor.has_perm("actors.change_offer", offer):
        raise ValidationError({"offer": _("You can only name your own offer.")})


def check_links(*, actor, territory, data: dict, event=None) -> None:
    """Refuse (ValidationError on the field) a link `actor` may not make; unchanged links pass."""
    agent = is_territory_agent(actor, territory)
    if _changed(data, "project", event):
        _check_project(actor, territory, data["project"], agent)
    if _changed(data, "organisation", event):
        _check_organisation(actor, territory, data["organisation"], agent)
    if _changed(data, "need", event):
        _check_need(territory, data["need"])
    if _changed(data, "offer", event):
        _check_offer(actor, territory, data["offer"], agent)
