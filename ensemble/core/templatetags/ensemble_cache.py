"""`{% fragment %}`: a part of a page rendered once per version of the data.

    {% load ensemble_cache %}
    {% fragment "home-activity" territory.pk %}
        … the territory's latest activity …
    {% endfragment %}

Django's `{% cache %}` with the key completed (by `core.kept`, which keeps other values
the same way): the data version (core.versions: every
committed write changes it, so a fragment is never stale after a write), the language, and
the values given after the name. It serves logged-in pages too, where the page cache does
not: what is cached must be the same for every viewer the key covers, so a part that depends
on the viewer (their support, their role) stays outside the fragment or adds what it depends
on to the key. A form's CSRF token inside a fragment is not kept: it is replaced on the way
out by the viewer's own, as the page cache does.

FRAGMENT_CACHE_SECONDS bounds what changes with time alone (an event that starts, a deadline
that passes); 0 turns fragments off (every render is fresh).
"""

from django.template import Library, Node, TemplateSyntaxError

from ..kept import kept
from ..pagecache import restore_csrf, strip_csrf

register = Library()


class FragmentNode(Node):
    def __init__(self, nodelist, name: str, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        vary_on = [var.resolve(context) for var in self.vary_on]
        html = kept(
            f"fragment:{self.name}", vary_on, lambda: strip_csrf(self.nodelist.render(context))
        )
        return restore_csrf(html, context.get("request"))


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise TemplateSyntaxError('"fragment" takes a quoted name, then the values it varies on')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
