"""`{% activity_sentence line %}`: "Camille published a project: <link>", translated."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..display import main_object, object_url, title_of, visible_actor
from ..models import Activity

register = template.Library()
Verb = Activity.Verb


def _link(obj):
    url = object_url(obj)
    if not url:
        return format_html("<strong>{}</strong>", title_of(obj))
    return format_html('<a href="{}">{}</a>', url, title_of(obj))


@register.simple_tag(takes_context=True, name="activity_sentence")
def activity_sentence_tag(context, activity: Activity) -> str:
    request = context.get("request")
    return activity_sentence(activity, getattr(request, "user", None))


def activity_sentence(activity: Activity, viewer=None) -> str:
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
