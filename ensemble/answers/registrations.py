"""What answers plug into the apps below them (autodiscovered by core at start-up)."""

from django.utils.translation import gettext_lazy as _

from ensemble.answers.models import Answer
from ensemble.contributions.hooks import (
    ModerationFollower,
    PagePart,
    moderation_followers,
    page_parts,
)
from ensemble.contributions.models import AnswerState
from ensemble.notifications.kinds import Channel
from ensemble.notifications.kinds import register as register_kind


def _answered(params: dict) -> dict:
    if params.get("revised"):
        text = _("The answer to “%(title)s” was revised: %(state)s")
    else:
        text = _("“%(title)s” got an answer: %(state)s")
    state = AnswerState(params["state"]).label
    return {"text": text % {"title": params["title"], "state": state}}


register_kind(
    "contribution_answered", _("A contribution you take part in is answered"),
    text="%(text)s", params=_answered, channel=Channel.WEEKLY,
)  # fmt: skip


def _contribution_answers(contribution) -> list[Answer]:
    return list(
        Answer.objects.filter(contribution=contribution)
        .select_related("author")
        .order_by("-version")
    )


def _journal_leaves(contribution_id: int) -> None:
    Answer.objects.filter(contribution_id=contribution_id).update(is_public=False)


def _journal_rejoins(contribution_id: int) -> None:
    Answer.objects.filter(contribution_id=contribution_id).update(is_public=True)


# A contribution's page lists every version of its answer.
page_parts.register(PagePart(key="answers", compute=_contribution_answers))
# A hidden contribution's answers leave the public journal, and come back with it.
moderation_followers.register(
    ModerationFollower(key="answers_journal", hidden=_journal_leaves, shown=_journal_rejoins)
)
