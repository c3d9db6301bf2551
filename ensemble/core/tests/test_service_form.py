"""`service_form`: form → service → errors on the form → message → redirect."""

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from ensemble.core.exceptions import Conflict, LimitReached
from ensemble.core.views import service_form
from ensemble.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


class TitleForm(forms.Form):
    title = forms.CharField(max_length=20)


def _request(method="post", data=None):
    request = getattr(RequestFactory(), method)("/here/", data or {})
    request.user = UserFactory()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _run(request, call, **options):
    form = TitleForm(request.POST or None)
    options.setdefault("template", "includes/form_errors.html")
    return service_form(request, form, call, **options), form


def test_a_valid_form_runs_the_service_and_redirects_with_a_message():
    calls = []
    request = _request(data={"title": "Jardin"})
    response, _form = _run(request, calls.append, success_message="Saved", success_url="/done/")
    assert calls == [{"title": "Jardin"}]
    assert (response.status_code, response["Location"]) == (302, "/done/")
    assert [str(m) for m in request._messages] == ["Saved"]


def test_the_success_url_can_depend_on_what_the_service_returned():
    request = _request(data={"title": "Jardin"})
    response, _form = _run(request, lambda data: 42, success_url=lambda pk: f"/p/{pk}/")
    assert response["Location"] == "/p/42/"


def test_an_invalid_form_does_not_call_the_service_and_answers_400():
    calls = []
    response, form = _run(_request(data={"title": "x" * 21}), calls.append)
    assert calls == []
    assert response.status_code == 400
    assert "title" in form.errors


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (ValidationError({"title": "Already taken"}), 400),
        (Conflict("The phase is over"), 409),
        (LimitReached("Too many today"), 429),
    ],
    ids=["validation", "conflict", "limit"],
)
def test_a_service_refusal_lands_on_the_form_with_its_status(error, status):
    def refuse(data):
        raise error

    request = _request(data={"title": "Jardin"})
    response, form = _run(request, refuse, success_message="Saved")
    assert response.status_code == status
    assert form.errors  # on the field it names, or the whole form
    assert list(request._messages) == []  # no success message on a refusal
    assert form.data["title"] == "Jardin"  # what was typed stays


def test_a_get_renders_the_form_without_calling_the_service():
    calls = []
    response, _form = _run(_request("get"), calls.append)
    assert calls == []
    assert response.status_code == 200
