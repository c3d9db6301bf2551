"""`{% load people %}{% visible_name person territory=… as name %}`: accounts.display in pages;
`{% person_link person territory=… %}`: the name, linked to the profile the viewer may see."""

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html

from ..display import may_see_person
from ..display import visible_name as _visible_name

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_name(context, person, territory=None) -> str:
    """The person's name as the page's viewer may see it; "" to say "a resident"."""
    request = context.get("request")
    viewer = getattr(request, "user", None) or context.get("user")
    return _visible_name(person, viewer, territory=territory)


@register.simple_tag(takes_context=True)
def person_link(context, person, territory=None, name=None) -> str:
    """`name` (the person's display name by default), linked to their profile when the
    page's viewer may see it (its visibility: public, members of a shared territory, hidden)."""
    request = context.get("request")
    viewer = getattr(request, "user", None) or context.get("user")
    label = name if name is not None else getattr(person, "display_name", "")
    if person is None or not may_see_person(person, viewer, territory=territory):
        return conditional_escape(label)
    return format_html(
        '<a href="{}">{}</a>', reverse("home:profile", kwargs={"pk": person.pk}), label
    )
