"""The one rule for the name a viewer may see: each visibility choice × each viewer."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from ensemble.accounts.display import prime_visible_names, visible_name
from ensemble.accounts.models import User
from ensemble.territories.roles import Role
from ensemble.territories.services import membership_join
from ensemble.testing.factories import UserFactory, member

PUBLIC, MEMBERS, HIDDEN = User.Visibility.PUBLIC, User.Visibility.MEMBERS, User.Visibility.HIDDEN
VIEWERS = [
    "anonymous",
    "same_territory",
    "other_territory",
    "self",
    "moderator",
    "admin",
    "network_admin",
]
# choice -> the viewers who see the name
SEES = {
    PUBLIC: set(VIEWERS),
    MEMBERS: {"same_territory", "self", "moderator", "admin", "network_admin"},
    HIDDEN: {"self", "network_admin"},
}
MATRIX = [(choice, viewer, viewer in SEES[choice]) for choice in SEES for viewer in VIEWERS]


def _viewer(kind, *, person, territory, other_territory):
    if kind == "anonymous":
        return AnonymousUser()
    if kind == "self":
        return person
    if kind == "same_territory":
        return member(territory)
    if kind == "other_territory":
        return member(other_territory)
    if kind == "moderator":
        return member(territory, Role.MODERATOR)
    if kind == "admin":
        return member(territory, Role.ADMIN)
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.mark.django_db
@pytest.mark.parametrize(("choice", "viewer_kind", "sees"), MATRIX)
@pytest.mark.parametrize("scoped", [False, True], ids=["anywhere", "in_territory"])
def test_visible_name(choice, viewer_kind, sees, scoped, territory, other_territory):
    person = member(territory, profile_visibility=choice, display_name="Camille D.")
    viewer = _viewer(
        viewer_kind, person=person, territory=territory, other_territory=other_territory
    )
    name = visible_name(person, viewer, territory=territory if scoped else None)
    assert name == ("Camille D." if sees else "")


@pytest.mark.django_db
@pytest.mark.parametrize("choice", [PUBLIC, MEMBERS, HIDDEN])
def test_nobody_but_network_admins_sees_a_former_member(choice, territory):
    person = member(territory, profile_visibility=choice, is_active=False)
    assert visible_name(person, member(territory)) == ""
    assert visible_name(person, AnonymousUser()) == ""
    assert visible_name(person, UserFactory(is_superuser=True)) == person.display_name


@pytest.mark.django_db
def test_no_person_no_name(territory):
    assert visible_name(None, member(territory)) == ""


@pytest.mark.django_db
def test_members_choice_is_named_to_who_shares_another_territory(territory, other_territory):
    person = member(territory, profile_visibility=MEMBERS)
    membership_join(user=person, territory=other_territory)
    viewer = member(other_territory)
    assert visible_name(person, viewer) == person.display_name
    assert visible_name(person, viewer, territory=territory) == person.display_name


@pytest.mark.django_db
def test_an_inactive_network_admin_has_no_privilege(territory):
    person = member(territory, profile_visibility=HIDDEN)
    assert visible_name(person, UserFactory(is_superuser=True, is_active=False)) == ""


@pytest.mark.django_db
def test_names_in_a_territory_cost_one_query_whatever_the_number(
    territory, django_assert_num_queries
):
    people = [member(territory, profile_visibility=MEMBERS) for _ in range(5)]
    viewer = User.objects.get(pk=member(territory).pk)
    with django_assert_num_queries(2):  # the viewer's confirmed address and territories, once
        names = [visible_name(person, viewer, territory=territory) for person in people]
    assert all(names)


@pytest.mark.django_db
def test_primed_names_cost_two_queries_whatever_the_number(
    territory, other_territory, django_assert_num_queries
):
    people = [member(territory, profile_visibility=MEMBERS) for _ in range(4)]
    people += [member(other_territory, profile_visibility=MEMBERS) for _ in range(3)]
    viewer = User.objects.get(pk=member(territory).pk)
    with django_assert_num_queries(3):  # confirmed address, territories, who shares one
        prime_visible_names(people, viewer)
        names = [visible_name(person, viewer) for person in people]
    assert [bool(name) for name in names] == [True] * 4 + [False] * 3


@pytest.mark.django_db
@pytest.mark.parametrize(("choice", "sees"), [(PUBLIC, True), (MEMBERS, False), (HIDDEN, False)])
def test_pages_ask_the_same_rule_through_a_template_tag(choice, sees, territory):
    person = member(territory, profile_visibility=choice, display_name="Camille D.")
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = Template(
        "{% load people %}{% visible_name person territory=territory as name %}"
        "[{{ name|default:'a resident' }}]"
    ).render(Context({"request": request, "person": person, "territory": territory}))
    assert html == ("[Camille D.]" if sees else "[a resident]")
