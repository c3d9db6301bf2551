"""`{% activity_sentence line %}`: "Camille published a project: <link>", translated."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..display import line_url, main_object, object_url, title_of, visible_actor
from ..models import Activity

register = template.Library()
Verb = Activity.Verb


def _link(obj, url=None):
    url = object_url(obj) if url is None else url
    if not url:
        return format_html("<strong>{}</strong>", title_of(obj))
    return format_html('<a href="{}">{}</a>', url, title_of(obj))


@register.simple_tag(takes_context=True, name="activity_sentence")
def activity_sentence_tag(context, activity: Activity) -> str:
    request = context.get("request")
    return activity_sentence(activity, getattr(request, "user", None))


def activity_sentence(activity: Activity, viewer=None) -> str:
    consultation_sentence = CONSULTATION_SENTENCES.get(activity.verb)
    if consultation_sentence is not None and activity.consultation_id is not None:
        return consultation_sentence(activity)
    actor = visible_actor(activity, viewer)
    subject_object = main_object(activity)
    verb = activity.get_verb_display()
    if activity.verb in (Verb.NEED_ADDED, Verb.NEED_FULFILLED) and activity.need is not None:
        # The project is the subject: "Repair café needs help: two volunteers".
        return format_html(
            _("{subject} {verb}: {object}"),
            subject=_link(activity.project),
            verb=verb,
            object=format_html("<em>{}</em>", activity.need.title),
        )
    if activity.verb == Verb.ORGANISATION_CREATED and activity.organisation is not None:
        return format_html(_("{subject} {verb}"), subject=_link(activity.organisation), verb=verb)
    if activity.verb == Verb.PROJECT_UPDATE and activity.update is not None:
        return format_html(
            _("{subject} {verb} on {project}: {object}"),
            subject=actor.display_name if actor else _("The team"),
            verb=verb,
            project=_link(activity.project),
            object=format_html("<em>{}</em>", activity.update.title),
        )
    return format_html(
        _("{subject} {verb}: {object}"),
        subject=actor.display_name if actor else _("Someone"),
        verb=verb,
        object=_link(subject_object) if subject_object is not None else "",
    )


# Lines about consultations speak of the territory and of what was decided, not of the
# agent who clicked: the administration answers, whoever typed it.


def _consultation_opened(activity: Activity) -> str:
    # "Sceaux opened a consultation: How to live better together?"
    return format_html(
        _("{territory} opened a consultation: {consultation}"),
        territory=activity.territory.name,
        consultation=_link(activity.consultation),
    )


def _contribution_answered(activity: Activity) -> str:
    answer, contribution = activity.answer, activity.contribution
    if answer is None or contribution is None:
        return _consultation_opened(activity)
    if answer.version > 1:
        sentence = _("The answer to {contribution} was revised: {state}")
    else:
        sentence = _("{contribution} got an answer: {state}")
    return format_html(
        sentence,
        contribution=_link(contribution, line_url(activity)),
        state=format_html("<em>{}</em>", answer.get_state_display()),
    )


def _result_progressed(activity: Activity) -> str:
    result, update = activity.result, activity.result_update
    if result is None or update is None:
        return _consultation_opened(activity)
    return format_html(
        _("{result} progresses ({status}, {percent}): {update}"),
        result=_link(result),
        status=update.get_status_display(),
        percent=_("%(progress)s%%") % {"progress": update.progress},
        update=format_html("<em>{}</em>", update.title),
    )


def _workshop_announced(activity: Activity) -> str:
    event = activity.event
    if event is None:
        return _consultation_opened(activity)
    starts_at = timezone.localtime(event.starts_at)
    return format_html(
        _("New workshop of {consultation}: {workshop}, {date}"),
        consultation=_link(activity.consultation),
        workshop=_link(event),
        date=format_html(
            '<time datetime="{}">{}</time>',
            starts_at.isoformat(),
            date_format(starts_at, "DATETIME_FORMAT"),
        ),
    )


CONSULTATION_SENTENCES = {
    Verb.CONSULTATION_PUBLISHED: _consultation_opened,
    Verb.CONTRIBUTION_ANSWERED: _contribution_answered,
    Verb.RESULT_PROGRESSED: _result_progressed,
    Verb.WORKSHOP_ANNOUNCED: _workshop_announced,
}
