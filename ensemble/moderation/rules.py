"""Who may do what in moderation."""

import rules

from ensemble.territories.predicates import is_territory_moderator

from .predicates import is_report_open, moderates_report_territory

# The object is the territory.
rules.add_perm("moderation.view_queue", is_territory_moderator)
# The object is the report.
rules.add_perm("moderation.resolve_report", is_report_open & moderates_report_territory)
