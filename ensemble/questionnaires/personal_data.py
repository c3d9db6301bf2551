"""What questionnaires hold about a person: their responses (to a questionnaire that is not
anonymous) are kept on erasure without the link to them, so the results do not change."""

from django.utils.translation import gettext_lazy as _

from ensemble.core.personal_data import PersonalData, rows

from .models import Answer, Respondent, Response


def _unlink(user) -> None:
    Response.objects.filter(user=user).update(user=None)
    Respondent.objects.filter(user=user).delete()


responses = PersonalData(
    key="questionnaire_responses",
    label=_("Your answers to questionnaires and quick polls (not the anonymous ones)"),
    retention=_("as long as the questionnaire; kept after your account is deleted"),
    on_erasure=_("kept (the results do not change), no longer linked to your name"),
    export=lambda user: rows(
        Answer.objects.filter(response__user=user),
        "response__questionnaire_id",
        "question_id",
        "row",
        "choice",
        "rank",
        "number",
        "date",
        "text",
    ),
    erase=_unlink,
)
