"""What projects plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.actors.selectors import DetailRelation, detail_relations

from .selectors import organisation_projects_prefetch

# An organisation's page lists the projects it is a partner of.
detail_relations.register(DetailRelation(key="projects", prefetch=organisation_projects_prefetch))
