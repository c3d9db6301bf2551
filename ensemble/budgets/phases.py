"""The phase types and blueprints of participatory budgets (registered by `registrations`)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from ensemble.consultations.phases import BlueprintPhase, Feature, PhaseType


class StudyPhase(PhaseType):
    kind = "study"
    label = _("Study and costing")
    description = _(
        "The administration studies the ideas: is each one feasible, and at what cost? "
        "The feasible ones become projects put to the vote."
    )
    features = frozenset({Feature.ANSWER, Feature.COMMENT})


class VotePhase(PhaseType):
    kind = "vote"
    label = _("Vote on the budget")
    description = _("Residents choose the projects to carry out, within the envelope.")
    features = frozenset({Feature.VOTE, Feature.ANSWER})
    tab_url_name = "budgets:ballot"
    tab_label = _("Budget")


BLUEPRINTS = {
    "participatory-budget": (
        _("Participatory budget: collect, study, vote, follow-up"),
        [
            BlueprintPhase("collect", timedelta(weeks=6)),
            BlueprintPhase("study", timedelta(weeks=6)),
            BlueprintPhase("vote", timedelta(weeks=3)),
            BlueprintPhase("follow_up", None),
        ],
    ),
    "budget-vote": (
        _("Budget vote: vote from now on projects prepared elsewhere, follow-up"),
        [BlueprintPhase("vote", timedelta(weeks=3)), BlueprintPhase("follow_up", None)],
    ),
}
