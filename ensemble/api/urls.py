"""The REST API: /api/v1/…, OpenAPI at /api/openapi.json, docs at /api/docs."""

from django.utils.translation import get_language
from ninja import NinjaAPI

from ensemble.accounts.api import router as accounts_router
from ensemble.activity.api import router as activity_router
from ensemble.actors.api import router as actors_router
from ensemble.answers.api import router as answers_router
from ensemble.api.docs import ApiReference
from ensemble.budgets.api import router as budgets_router
from ensemble.comments.api import router as comments_router
from ensemble.consultations.api import routers as consultations_routers
from ensemble.contributions.api import routers as contributions_routers
from ensemble.core.api.errors import register_error_handlers
from ensemble.core.api.hardening import refuse_unknown_fields, unique_schema_names
from ensemble.events.api import router as events_router
from ensemble.introductions.api import router as introductions_router
from ensemble.matching.api import router as matching_router
from ensemble.messaging.api import router as messaging_router
from ensemble.notifications.api import router as notifications_router
from ensemble.opendata.api import router as opendata_router
from ensemble.practices.api import router as practices_router
from ensemble.privacy import api as privacy_api  # noqa: F401 (adds /me/export, DELETE /me)
from ensemble.projects.api import router as projects_router
from ensemble.questionnaires.api import router as questionnaires_router
from ensemble.resources.api import router as resources_router
from ensemble.results.api import router as results_router
from ensemble.search.api import router as search_router
from ensemble.stats.api import router as stats_router
from ensemble.synthesis.api import router as synthesis_router
from ensemble.territories.api import router as territories_router
from ensemble.workbench.api import router as workbench_router


class EnsembleAPI(NinjaAPI):
    """The schema is the same for the life of the process (routes are declared at import):
    built once per language and prefix, not on every request of /api/openapi.json and
    /api/docs (about 400 ms each). Read-only for its callers."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        key = (get_language(), path_prefix, tuple(sorted((path_params or {}).items())))
        schemas = self.__dict__.setdefault("_schemas", {})
        if key not in schemas:
            schemas[key] = super().get_openapi_schema(
                path_prefix=path_prefix, path_params=path_params
            )
        return schemas[key]  # shared: its readers (the JSON view, the reference) only read


api = EnsembleAPI(
    title="Ensemble API",
    version="1",
    description="Territorial innovation and citizen co-creation. See API.md for the contract.",
    urls_namespace="api",
    docs=ApiReference(),
)
register_error_handlers(api)
api.add_router("/v1/", accounts_router)
api.add_router("/v1/territories", territories_router)
# These routers declare full paths (/territories/{slug}/projects, /projects/{id}…).
api.add_router("/v1/", projects_router)
api.add_router("/v1/", actors_router)
api.add_router("/v1/", activity_router)
api.add_router("/v1/", search_router)
api.add_router("/v1/", comments_router)
api.add_router("/v1/", notifications_router)
api.add_router("/v1/", messaging_router)
api.add_router("/v1/", matching_router)
api.add_router("/v1/", introductions_router)
for router in [*consultations_routers, *contributions_routers, answers_router, results_router]:
    api.add_router("/v1/", router)
api.add_router("/v1/", workbench_router)
api.add_router("/v1/", budgets_router)
api.add_router("/v1/", questionnaires_router)
# After contributions.api: it adds the creation of a workshop to the events router.
api.add_router("/v1/", events_router)
api.add_router("/v1/", stats_router)
api.add_router("/v1/", opendata_router)
api.add_router("/v1/", resources_router)
api.add_router("/v1/", practices_router)
api.add_router("/v1/", synthesis_router)
# Last: they walk every router's schemas.
refuse_unknown_fields(api)
unique_schema_names(api)
