"""Where a person stands towards a resource; each predicate takes (user, resource)."""

import rules

from ensemble.resources.models import Resource
from ensemble.territories.predicates import is_territory_agent


def _resource(obj) -> Resource | None:
    return obj if isinstance(obj, Resource) else None


@rules.predicate
def is_published(user, resource) -> bool:
    resource = _resource(resource)
    return resource is not None and resource.status == Resource.Status.PUBLISHED


@rules.predicate
def is_agent_of_resource_territory(user, resource) -> bool:
    resource = _resource(resource)
    return resource is not None and is_territory_agent(user, resource.territory)
