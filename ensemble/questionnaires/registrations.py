"""What questionnaires plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.consultations import phases
from ensemble.questionnaires.phases import QuestionnairePhase

phases.register(QuestionnairePhase)
