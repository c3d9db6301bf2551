"""Who may see matches; each predicate takes (user, object)."""

import rules

from ensemble.actors.predicates import is_organisation_member
from ensemble.projects.predicates import is_team_member
from ensemble.territories.predicates import is_territory_admin, is_territory_agent


@rules.predicate
def is_team_of_need(user, need) -> bool:
    return need is not None and is_team_member(user, need.project)


@rules.predicate
def is_agent_of_need_territory(user, need) -> bool:
    return need is not None and (
        is_territory_agent(user, need.territory) or is_territory_admin(user, need.territory)
    )


__all__ = ["is_agent_of_need_territory", "is_organisation_member", "is_team_of_need"]
