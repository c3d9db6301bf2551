"""The questionnaire phase type (registered by `registrations`)."""

from django.utils.translation import gettext_lazy as _

from ensemble.consultations.phases import Feature, PhaseType


class QuestionnairePhase(PhaseType):
    kind = "questionnaire"
    label = _("Questionnaire")
    description = _("Everyone may answer the consultation's questionnaire, until the phase ends.")
    features = frozenset({Feature.RESPOND, Feature.COMMENT})
    tab_url_name = "questionnaires:questionnaire"
    tab_label = _("Questionnaire")
