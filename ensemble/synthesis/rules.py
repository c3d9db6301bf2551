"""Who may do what with themes. The object is the consultation (or a theme of it).

Agents and admins of the consultation's territory compute, read drafts and edit;
everyone who may see the consultation reads the published synthesis. An internal
consultation is seen by its agents only, so its themes never leave them.
"""

import rules

from ensemble.consultations.predicates import is_agent_of_territory
from ensemble.consultations.rules import can_view


@rules.predicate
def is_synthesis_published(user, obj) -> bool:
    consultation = obj if not hasattr(obj, "consultation") else obj.consultation
    synthesis = getattr(consultation, "synthesis", None)
    return synthesis is not None and synthesis.published_at is not None


rules.add_perm("synthesis.manage_themes", is_agent_of_territory)
rules.add_perm(
    "synthesis.view_synthesis", is_agent_of_territory | (can_view & is_synthesis_published)
)
