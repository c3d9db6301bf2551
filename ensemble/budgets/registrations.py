"""What budgets plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.budgets.phases import BLUEPRINTS, StudyPhase, VotePhase
from ensemble.consultations import phases

phases.register(StudyPhase)
phases.register(VotePhase)
for key, (label, steps) in BLUEPRINTS.items():
    phases.register_blueprint(key, label, steps)

# The images of a budget's projects are seen by those who see the budget.
from ensemble.core.media import ProtectedMedia  # noqa: E402
from ensemble.core.media import register as register_protected_media  # noqa: E402

register_protected_media(
    ProtectedMedia(
        prefix="budgets/", model="budgets.BudgetProject", field="image",
        view_perm="budgets.view_budget", owner=lambda project: project.budget,
    )
)  # fmt: skip

# Votes, ballots and turnout counted again from the ballots (`manage.py recount budgets`).
from ensemble.budgets.services import counts  # noqa: E402
from ensemble.core.recounts import Recount  # noqa: E402
from ensemble.core.recounts import register as register_recount  # noqa: E402

register_recount(
    Recount(key="budgets", model="budgets.Budget", recount=lambda pk: counts.recount(budget_pk=pk))
)
