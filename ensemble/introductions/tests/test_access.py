"""introduction_get_visible refuses, and the inbox offers only what the rules allow."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ensemble.introductions import services
from ensemble.introductions.access import introduction_get_visible
from ensemble.projects.models import ProjectMember

from .helpers import old_user, open_need, organisation, owner_of, team_owner

pytestmark = pytest.mark.django_db
INBOX = "/me/mises-en-relation/"


@pytest.fixture
def need(territory):
    return open_need(territory)


@pytest.fixture
def org(territory):
    return organisation(territory, owner=old_user(territory), name="Maison des associations")


@pytest.fixture
def introduction(need, org):
    return services.introduction_request(
        actor=team_owner(need), need=need, to_organisation=org, message="Bonjour"
    )


def test_the_people_concerned_reach_it(introduction, need, org):
    for user in (team_owner(need), owner_of(org)):
        assert introduction_get_visible(user=user, pk=introduction.pk) == introduction
    found = introduction_get_visible(
        user=owner_of(org), pk=introduction.pk, territory=need.project.territory,
        perm="introductions.answer_introduction",
    )  # fmt: skip
    assert found == introduction


@pytest.mark.parametrize("pk", [0, "abc", None])
def test_a_missing_or_malformed_pk_is_404(introduction, need, pk):
    with pytest.raises(Http404):
        introduction_get_visible(user=team_owner(need), pk=pk)


def test_someone_else_s_introduction_is_404(introduction):
    with pytest.raises(Http404):
        introduction_get_visible(user=old_user(), pk=introduction.pk)


def test_another_territory_is_404(introduction, need, other_territory):
    with pytest.raises(Http404):
        introduction_get_visible(
            user=team_owner(need), pk=introduction.pk, territory=other_territory
        )


def test_visible_but_not_allowed_is_403(introduction, need):
    with pytest.raises(PermissionDenied):
        introduction_get_visible(
            user=team_owner(need), pk=introduction.pk, perm="introductions.answer_introduction"
        )


def _accept(introduction, org):
    services.introduction_answer(actor=owner_of(org), introduction=introduction, accept=True)


def test_a_requester_who_left_the_team_is_not_offered_this_helped(client, need, org):
    """The template used to show "This helped" to whoever asked; the rules say: the team."""
    former = old_user(need.project.territory)
    ProjectMember.objects.create(project=need.project, user=former)
    introduction = services.introduction_request(
        actor=former, need=need, to_organisation=org, message="Bonjour"
    )
    _accept(introduction, org)
    ProjectMember.objects.filter(project=need.project, user=former).delete()
    client.force_login(former)
    page = client.get(f"{INBOX}?box=sent").content.decode()
    assert "Bonjour" in page and f"{introduction.pk}/utile/" not in page
    assert client.post(f"{INBOX}{introduction.pk}/utile/").status_code == 403
    client.force_login(team_owner(need))
    page = client.get(f"{INBOX}?box=sent").content.decode()
    assert f"{introduction.pk}/utile/" in page


def test_a_former_member_of_the_organisation_is_not_offered_to_answer(client, introduction, org):
    owner = owner_of(org)
    client.force_login(owner)
    assert f"{introduction.pk}/repondre/" in client.get(INBOX).content.decode()
    org.memberships.filter(user=owner).delete()
    page = client.get(INBOX).content.decode()
    assert f"{introduction.pk}/repondre/" not in page
    response = client.post(f"{INBOX}{introduction.pk}/repondre/", {"accept": "1"})
    assert response.status_code == 404


def test_only_its_requester_is_offered_to_withdraw(client, introduction, need):
    colleague = old_user(need.project.territory)
    ProjectMember.objects.create(project=need.project, user=colleague)
    client.force_login(colleague)
    page = client.get(f"{INBOX}?box=sent").content.decode()
    assert "Bonjour" in page and f"{introduction.pk}/retirer/" not in page
    assert client.post(f"{INBOX}{introduction.pk}/retirer/").status_code == 403
    client.force_login(team_owner(need))
    assert f"{introduction.pk}/retirer/" in client.get(f"{INBOX}?box=sent").content.decode()


def test_this_helped_is_offered_once_and_while_the_need_is_open(client, introduction, need, org):
    _accept(introduction, org)
    client.force_login(team_owner(need))
    assert f"{introduction.pk}/utile/" in client.get(f"{INBOX}?box=sent").content.decode()
    assert client.post(f"{INBOX}{introduction.pk}/utile/").status_code == 302
    assert f"{introduction.pk}/utile/" not in client.get(f"{INBOX}?box=sent").content.decode()
