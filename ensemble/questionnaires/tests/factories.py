"""Test helpers of questionnaires: a consultation with its questionnaire phase running."""

from datetime import timedelta

from django.utils import timezone

from ensemble.consultations.models import Phase
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.questionnaires.services import questionnaire_set
from ensemble.testing.factories import member

QUESTIONS = [
    {"kind": "single", "text": "Venez-vous à vélo ?", "required": True, "options": ["Oui", "Non"]},
    {
        "kind": "multiple",
        "text": "Quels aménagements ?",
        "options": ["Pistes", "Arceaux", "Ateliers"],
        "max_choices": 2,
        "required": True,
        "show_if": 0,
        "show_if_value": "Oui",
    },
    {"kind": "ranking", "text": "Vos priorités", "options": ["Sécurité", "Confort", "Coût"]},
    {"kind": "scale", "text": "Votre satisfaction", "scale_max": 5},
    {"kind": "short_text", "text": "Un mot ?"},
    {"kind": "long_text", "text": "Vos idées"},
    {"kind": "number", "text": "Kilomètres par semaine"},
    {"kind": "date", "text": "Depuis quand ?"},
    {
        "kind": "matrix",
        "text": "Votre avis",
        "rows": ["Pistes", "Parkings"],
        "options": ["Bien", "Moyen", "Mal"],
    },
]


def questionnaire_consultation(territory, *, active=True, **fields):
    consultation = ConsultationFactory(territory=territory, phase=False)
    start = timezone.now() - timedelta(days=(1 if active else 10))
    Phase.objects.create(
        consultation=consultation,
        kind="questionnaire",
        starts_at=start,
        ends_at=start + timedelta(days=7),
    )
    questionnaire = questionnaire_set(
        actor=member(territory, "agent"),
        territory=territory,
        consultation=consultation,
        title="Le vélo à Sceaux",
        questions=QUESTIONS,
        **fields,
    )
    return consultation, questionnaire


def by_text(questionnaire) -> dict:
    return {q.text: q.pk for q in questionnaire.questions.all()}
