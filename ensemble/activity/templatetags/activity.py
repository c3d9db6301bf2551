"""`{% activity_sentence line %}`: "Camille published a project: <link>", translated.

How each verb's line reads is said by the verb (see `verbs.py`).
"""

from django import template

from ..verbs import line_sentence

register = template.Library()


@register.simple_tag(takes_context=True, name="activity_sentence")
def activity_sentence_tag(context, activity) -> str:
    request = context.get("request")
    return activity_sentence(activity, getattr(request, "user", None))


def activity_sentence(activity, viewer=None) -> str:
    return line_sentence(activity, viewer)
