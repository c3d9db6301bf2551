"""`{% load people %}{% visible_name person territory=… as name %}`: accounts.display in pages."""

from django import template

from ..display import visible_name as _visible_name

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_name(context, person, territory=None) -> str:
    """The person's name as the page's viewer may see it; "" to say "a resident"."""
    request = context.get("request")
    viewer = getattr(request, "user", None) or context.get("user")
    return _visible_name(person, viewer, territory=territory)
