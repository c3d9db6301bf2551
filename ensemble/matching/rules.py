import rules

from .predicates import is_agent_of_need_territory, is_organisation_member, is_team_of_need

# Candidates for a need: its project's team, and the territory's agents and admins.
rules.add_perm("matching.view_need_matches", is_team_of_need | is_agent_of_need_territory)
# An organisation's opportunities: its members.
rules.add_perm("matching.view_organisation_opportunities", is_organisation_member)
# Alerts for an organisation: its members.
rules.add_perm("matching.manage_organisation_alert", is_organisation_member)
