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
    request = getattr(context, "request", None) or context.get("request")
    query = request.GET if request is not None else QueryDict()
    return querystring(context, query, **{parameter or "page": number})
