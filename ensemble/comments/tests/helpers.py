from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation


def render_thread(target, user=None, **get) -> str:
    """Render `{% comment_thread target %}` as a page would, for `user`."""
    request = RequestFactory().get("/", get)
    request.user = user or AnonymousUser()
    request.territory = target.territory
    template = Template("{% load comments %}{% comment_thread target %}")
    with translation.override("en"):
        return template.render(
            Context({"request": request, "target": target, "csrf_token": get_token(request)})
        )
