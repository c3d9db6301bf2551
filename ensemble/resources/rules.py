"""Who may do what with the knowledge base (the object is the resource, or the territory).

Agents and admins of a territory write its knowledge base; everyone reads
what is published. A draft is seen by the territory's agents only.
"""

import rules

from ensemble.resources.predicates import is_agent_of_resource_territory, is_published
from ensemble.territories.predicates import may_publish_resources

rules.add_perm("resources.view_resource", is_published | is_agent_of_resource_territory)
# Which roles publish resources is the territory's setting (agents and admins by default).
rules.add_perm("resources.add_resource", may_publish_resources)
rules.add_perm("resources.change_resource", is_agent_of_resource_territory)
