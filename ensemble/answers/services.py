"""Writes of answers: the administration answers a contribution, with its reasons.

An answer is never edited: a revision is a new version, and every version
stays public in the decision journal. The explanation is mandatory for every
state. The people who take part in the contribution are told once the
transaction commits, by a task (a popular contribution has thousands of them).
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ensemble.activity.models import Activity
from ensemble.answers.models import Answer
from ensemble.answers.tasks import answer_notify
from ensemble.audit.services import record
from ensemble.consultations.activity import consultation_activity_record
from ensemble.consultations.models import Consultation
from ensemble.consultations.phases import Feature
from ensemble.contributions.models import Contribution
from ensemble.core.exceptions import Conflict
from ensemble.territories.roles import role_grants
from ensemble.territories.selectors import membership_get

NETWORK_ADMIN_ROLE = "network_admin"


def answer_author_role(*, user, territory) -> str:
    """The role shown next to an answer: the author's agent role here, else network admin."""
    membership = membership_get(user=user, territory=territory)
    if membership is not None and role_grants(membership.role, "agent"):
        return membership.role
    if getattr(user, "is_superuser", False):
        return NETWORK_ADMIN_ROLE
    return ""


def explanation_check(*, consultation: Consultation, explanation: str) -> str:
    """The explanation stripped of surrounding whitespace, or a ValidationError on `explanation`."""
    text = (explanation or "").strip()
    minimum = consultation.explanation_min_length
    if not text:
        raise ValidationError(
            {"explanation": _("Explain the answer: an explanation is mandatory for every answer.")}
        )
    if len(text) < minimum:
        raise ValidationError(
            {
                "explanation": ngettext(
                    "The explanation must be at least %(minimum)d character long (it has "
                    "%(length)d).",
                    "The explanation must be at least %(minimum)d characters long (it has "
                    "%(length)d).",
                    minimum,
                )
                % {"minimum": minimum, "length": len(text)}
            }
        )
    return text


def _counts_as_open(contribution: Contribution) -> bool:
    """Hidden and merged contributions are left out of the consultation's counters."""
    return not contribution.is_hidden and contribution.merged_into_id is None


@transaction.atomic
def answer_create(
    *, author, contribution: Contribution, state: str, explanation: str, decided_by: str = "",
    cost: Decimal | None = None, timeline: str = "", notify: bool = True,
) -> Answer:  # fmt: skip
    """Answer `contribution` (or revise its answer) with a mandatory public explanation.

    Refuses with PermissionDenied who is not an agent or admin of the territory,
    with Conflict when the active phase does not allow answering, and with a
    ValidationError naming `explanation` when it is missing or too short.
    """
    if not author.has_perm("answers.answer_contribution", contribution):
        raise PermissionDenied
    consultation = contribution.consultation
    if not consultation.allows(Feature.ANSWER):
        raise Conflict(_("The consultation does not take answers at this stage."))
    explanation = explanation_check(consultation=consultation, explanation=explanation)

    # The row lock serialises concurrent answers: each gets its own version.
    locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
    previous = locked.answers.aggregate(last=Max("version"))["last"] or 0
    answer = Answer(
        contribution=locked, consultation_id=locked.consultation_id, version=previous + 1,
        state=state, explanation=explanation, decided_by=(decided_by or "").strip(), cost=cost,
        timeline=(timeline or "").strip(), author=author,
        author_role=answer_author_role(user=author, territory=consultation.territory),
        is_public=not locked.is_hidden,  # the journal leaves out a hidden one's answers
    )  # fmt: skip
    answer.full_clean()
    answer.save()
    record(
        actor=author,
        action="answer.revise" if previous else "answer.publish",
        territory=consultation.territory,
        target=locked,
        before={"state": locked.answer_state} if previous else None,
        after={"state": answer.state, "version": answer.version},
    )

    newly_answered = not locked.answer_state
    locked.answer = answer
    locked.answer_state = answer.state
    if locked.first_answered_at is None:
        locked.first_answered_at = answer.created_at or timezone.now()
    locked.save(update_fields=["answer", "answer_state", "first_answered_at", "updated_at"])
    if newly_answered and _counts_as_open(locked):
        Consultation.objects.filter(pk=locked.consultation_id).update(
            answered_count=F("answered_count") + 1
        )

    consultation_activity_record(
        consultation=consultation, verb=Activity.Verb.CONTRIBUTION_ANSWERED, actor=author,
        contribution=locked, answer=answer, at=answer.created_at,
    )  # fmt: skip

    # Keep the caller's object true as well.
    contribution.answer = answer
    contribution.answer_state = locked.answer_state
    contribution.first_answered_at = locked.first_answered_at

    if notify:
        answer_id = answer.pk
        transaction.on_commit(lambda: answer_notify.enqueue(answer_id=answer_id))
    return answer
