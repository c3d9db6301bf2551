"""Page links that keep the rest of the query string (filters, sort, search words)."""

from django import template
from django.http import QueryDict
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def page_querystring(context, number, parameter="page"):
    """`?…` for page `number`: every GET parameter of the request is kept, `parameter`
    (the page number's name: "page", "comments_page"…) is replaced.

    Django's `{% querystring %}` does the work; this tag only lets the parameter's
    name be a variable, so one include serves every list.
    """
    return querystring(context, _query(context), **{parameter or "page": number, "cursor": None})


@register.simple_tag(takes_context=True)
def cursor_querystring(context, cursor):
    """`?…` for the page after `cursor` (`page.next_cursor`): every GET parameter of the
    request is kept but the page number, which the cursor replaces."""
    return querystring(context, _query(context), page=None, cursor=cursor)


def _query(context) -> QueryDict:
    request = getattr(context, "request", None) or context.get("request")
    return request.GET if request is not None else QueryDict()
