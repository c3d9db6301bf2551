"""The shared access checks: 404 for what one may not see, 403 for what one may not do."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from ensemble.core.access import check_visible, get_visible, login_first, require
from ensemble.territories.models import Territory
from ensemble.testing.factories import TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db


class FakeUser:
    """Holds exactly the permissions it is given (no database)."""

    is_authenticated = True

    def __init__(self, *perms):
        self.perms = set(perms)

    def has_perm(self, perm, obj=None):
        return perm in self.perms


def test_require_refuses_without_the_permission():
    with pytest.raises(PermissionDenied):
        require(FakeUser(), "x.do", object())


def test_require_accepts_with_the_permission():
    user, target, asked = FakeUser("x.do"), object(), []
    has_perm = user.has_perm
    user.has_perm = lambda perm, obj=None: asked.append((perm, obj)) or has_perm(perm, obj)
    assert require(user, "x.do", target) is None  # no PermissionDenied
    assert asked == [("x.do", target)]  # the permission asked about this object


@pytest.mark.parametrize(
    ("perms", "expected"),
    [
        ((), Http404),
        (("x.do",), Http404),  # a right to act says nothing about seeing: still 404
        (("x.view",), PermissionDenied),
    ],
    ids=["sees-nothing", "may-act-but-not-see", "sees-but-may-not-act"],
)
def test_check_visible_refusals(perms, expected):
    with pytest.raises(expected):
        check_visible(FakeUser(*perms), object(), view_perm="x.view", perm="x.do")


@pytest.mark.parametrize("pk", [None, "abc", "", 10**12], ids=["none", "text", "empty", "unknown"])
def test_get_visible_is_404_for_a_bad_or_unknown_pk(pk):
    with pytest.raises(Http404):
        get_visible(Territory.objects.all(), user=FakeUser("x.view"), pk=pk, view_perm="x.view")


def test_get_visible_is_404_for_an_object_of_another_territory():
    territory, other = TerritoryFactory(), TerritoryFactory()
    queryset = Territory.objects.all()
    with pytest.raises(Http404):
        # Territory has no `territory` field of its own: filter on itself through pk.
        get_visible(
            queryset.filter(pk=other.pk), user=FakeUser("x.view"), pk=territory.pk,
            view_perm="x.view",
        )  # fmt: skip


def test_get_visible_returns_what_one_may_see():
    territory = TerritoryFactory()
    found = get_visible(
        Territory.objects.all(), user=FakeUser("x.view"), pk=territory.pk, view_perm="x.view"
    )
    assert found == territory


def test_login_first_sends_an_anonymous_person_to_the_login_page():
    request = RequestFactory().get("/sceaux/projets/nouveau/")
    request.user = AnonymousUser()
    response = login_first(request)
    assert response.status_code == 302
    assert "next=/sceaux/projets/nouveau/" in response["Location"]


def test_login_first_lets_a_signed_in_person_through():
    request = RequestFactory().get("/")
    request.user = UserFactory()
    assert login_first(request) is None
