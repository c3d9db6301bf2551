"""What questionnaires plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.consultations import phases
from ensemble.core.personal_data import register as register_personal_data
from ensemble.core.recounts import Recount
from ensemble.core.recounts import register as register_recount
from ensemble.questionnaires import personal_data, tallies
from ensemble.questionnaires.phases import QuestionnairePhase

phases.register(QuestionnairePhase)
register_personal_data(personal_data.responses)
# The results counted again from the answers (`manage.py recount questionnaires`).
register_recount(
    Recount(
        key="questionnaires",
        model="questionnaires.Questionnaire",
        recount=lambda pk: tallies.recount(questionnaire_pk=pk),
    )
)
