"""What projects plug into the apps below them (autodiscovered by core at start-up):
comments on projects, their activity lines, projects in the search, and the projects
an organisation's page lists."""

from ensemble.activity.sources import register as register_feed_source
from ensemble.activity.verbs import register as register_verb
from ensemble.actors.selectors import DetailRelation, detail_relations
from ensemble.comments.registry import register as register_commentable
from ensemble.search.documents import register as register_search

from . import activity
from .models import Project
from .search import ProjectProvider
from .selectors import organisation_projects_prefetch

register_commentable(Project, api_prefix="projects")
for verb in activity.VERBS:
    register_verb(verb)
register_feed_source(activity.FEED_SOURCE)
register_search(ProjectProvider())
# An organisation's page lists the projects it is a partner of.
detail_relations.register(DetailRelation(key="projects", prefetch=organisation_projects_prefetch))

# What this app holds about a person, for its export and the erasure of its account.
from ensemble.core.personal_data import register as register_personal_data  # noqa: E402

from . import personal_data  # noqa: E402

register_personal_data(personal_data.projects)
register_personal_data(personal_data.project_follows)

# A draft or internal project's images are seen by those who see the project.
from ensemble.core.media import ProtectedMedia  # noqa: E402
from ensemble.core.media import register as register_protected_media  # noqa: E402

register_protected_media(
    ProtectedMedia(
        prefix="projects/images/", model="projects.ProjectImage", field="image",
        view_perm="projects.view_project", owner=lambda image: image.project,
    )
)  # fmt: skip
