"""What questionnaires plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.consultations import phases
from ensemble.core.personal_data import register as register_personal_data
from ensemble.questionnaires import personal_data
from ensemble.questionnaires.phases import QuestionnairePhase

phases.register(QuestionnairePhase)
register_personal_data(personal_data.responses)
