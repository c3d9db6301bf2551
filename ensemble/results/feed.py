"""What the consultation apps plug into the activity feeds: how their lines read,
which of them may show, and what a person follows.

Lines about consultations speak of the territory and of what was decided, not
of the agent who clicked: the administration answers, whoever typed it. This
module reads the models of every consultation app (consultations, contributions,
answers, results) and of events, so it lives in the highest of them; the verbs
and the recording are `ensemble.consultations.activity`. Registered on import,
from `results/registrations.py`.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ensemble.activity.sources import FeedSource
from ensemble.activity.sources import register as register_source
from ensemble.activity.verbs import ActivityVerb, default_sentence, default_url, link
from ensemble.activity.verbs import register as register_verb
from ensemble.consultations.activity import (
    CONSULTATION_PUBLISHED,
    CONTRIBUTION_ANSWERED,
    RESULT_PROGRESSED,
    TERRITORY_CONSULTATION_VERBS,
    WORKSHOP_ANNOUNCED,
)
from ensemble.consultations.models import Consultation
from ensemble.contributions.models import Contribution, ContributionFollow, Support
from ensemble.events.models import Event
from ensemble.results.models import Result

# --- Sentences --------------------------------------------------------------------


def _consultation_opened(activity, viewer=None) -> str:
    # "Sceaux opened a consultation: How to live better together?"
    return format_html(
        _("{territory} opened a consultation: {consultation}"),
        territory=activity.territory.name,
        consultation=link(activity.consultation),
    )


def _answer_url(activity) -> str:
    """An answer's own version on its contribution's page."""
    url = default_url(activity)
    if url and activity.answer_id is not None and activity.project_id is None:
        return f"{url}#answer-{activity.answer.version}"
    return url


def _contribution_answered(activity, viewer=None) -> str:
    answer, contribution = activity.answer, activity.contribution
    if answer is None or contribution is None:
        return _consultation_opened(activity)
    if answer.version > 1:
        sentence = _("The answer to {contribution} was revised: {state}")
    else:
        sentence = _("{contribution} got an answer: {state}")
    return format_html(
        sentence,
        contribution=link(contribution, _answer_url(activity)),
        state=format_html("<em>{}</em>", answer.get_state_display()),
    )


def _result_progressed(activity, viewer=None) -> str:
    result, update = activity.result, activity.result_update
    if result is None or update is None:
        return _consultation_opened(activity)
    return format_html(
        _("{result} progresses ({status}, {percent}): {update}"),
        result=link(result),
        status=update.get_status_display(),
        percent=_("%(progress)s%%") % {"progress": update.progress},
        update=format_html("<em>{}</em>", update.title),
    )


def _workshop_announced(activity, viewer=None) -> str:
    event = activity.event
    if event is None:
        return _consultation_opened(activity)
    starts_at = timezone.localtime(event.starts_at)
    return format_html(
        _("New workshop of {consultation}: {workshop}, {date}"),
        consultation=link(activity.consultation),
        workshop=link(event),
        date=format_html(
            '<time datetime="{}">{}</time>',
            starts_at.isoformat(),
            date_format(starts_at, "DATETIME_FORMAT"),
        ),
    )


def _about_consultation(sentence):
    """A line without its consultation (never recorded so) reads the default way."""

    def write(activity, viewer=None) -> str:
        if activity.consultation_id is None:
            return default_sentence(activity, viewer)
        return sentence(activity, viewer)

    return write


# --- The feeds' query ---------------------------------------------------------------


def _visible() -> Q:
    # Subqueries rather than joins for the consultations, contributions and workshops:
    # the few public consultations and cancelled workshops are hashed once, a hidden
    # contribution is looked up by its key, and the feed's join stays small to plan.
    return (
        (
            Q(consultation__isnull=True)
            | Q(consultation__in=Consultation.objects.public().values("pk"))
        )
        & ~Exists(Contribution.objects.filter(pk=OuterRef("contribution_id"), is_hidden=True))
        & ~Q(event__in=Event.objects.filter(is_cancelled=True).values("pk"))
    )


def _followed_ids(user) -> tuple[list[int], list[int]]:
    """The contributions a person follows or supports, and the results they became."""
    follows = (
        ContributionFollow.objects.filter(user=user)
        .order_by()
        .values_list("contribution_id", flat=True)
    )
    supports = (
        Support.objects.filter(user=user).order_by().values_list("contribution_id", flat=True)
    )
    contribution_ids = sorted(set(follows.union(supports)))
    if not contribution_ids:
        return [], []
    result_ids = (
        Result.contributions.through.objects.filter(contribution_id__in=contribution_ids)
        .order_by()
        .values_list("result_id", flat=True)
        .distinct()
    )
    return contribution_ids, list(result_ids)


def _followed(user, territory_ids) -> Q | None:
    """The answers to and results of the contributions a person follows or supports, and
    the consultations and workshops of their territories."""
    contribution_ids, result_ids = _followed_ids(user)
    if not (contribution_ids or territory_ids):
        return None
    return (
        Q(verb=CONTRIBUTION_ANSWERED, contribution_id__in=contribution_ids)
        | Q(verb=RESULT_PROGRESSED, result_id__in=result_ids)
        | Q(verb__in=TERRITORY_CONSULTATION_VERBS, territory_id__in=territory_ids)
    )


# --- Registrations ------------------------------------------------------------------

for _verb in (
    ActivityVerb(
        CONSULTATION_PUBLISHED, gettext_lazy("opened a consultation"),
        sentence=_about_consultation(_consultation_opened),
    ),
    ActivityVerb(
        CONTRIBUTION_ANSWERED, gettext_lazy("answered a contribution"),
        sentence=_about_consultation(_contribution_answered), url=_answer_url,
    ),
    ActivityVerb(
        RESULT_PROGRESSED, gettext_lazy("reported the progress of a result"),
        sentence=_about_consultation(_result_progressed),
    ),
    ActivityVerb(
        WORKSHOP_ANNOUNCED, gettext_lazy("announced a workshop"),
        sentence=_about_consultation(_workshop_announced),
    ),
):  # fmt: skip
    register_verb(_verb)

# The objects of the consultation lines come in one query each rather than in the
# same join: PostgreSQL takes longer to plan a join of twenty tables than to run
# these few small queries (whatever the length of the page).
register_source(FeedSource(
    key="participation",
    prefetched=(
        Prefetch("consultation", queryset=Consultation.objects.select_related("territory")),
        Prefetch("contribution", queryset=Contribution.objects.select_related("territory")),
        "answer",
        Prefetch("result", queryset=Result.objects.select_related("territory")),
        "result_update",
        Prefetch("event", queryset=Event.objects.select_related("territory")),
    ),
    visible=_visible,
    followed=_followed,
))  # fmt: skip
