import rules

from ensemble.territories.predicates import is_territory_agent


@rules.predicate
def is_agent_of_contribution_territory(user, contribution) -> bool:
    return contribution is not None and is_territory_agent(user, contribution.territory)
