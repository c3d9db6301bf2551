"""What budgets plug into the apps below them (autodiscovered by core at start-up)."""

from ensemble.budgets.phases import BLUEPRINTS, StudyPhase, VotePhase
from ensemble.consultations import phases

phases.register(StudyPhase)
phases.register(VotePhase)
for key, (label, steps) in BLUEPRINTS.items():
    phases.register_blueprint(key, label, steps)
