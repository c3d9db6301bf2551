"""A comment names its author only as their profile choice allows, on the page and in the API.

docs/users.md, privacy choices: "everyone" is named to everybody, "members of my
territories" to logged-in people sharing a territory, "nobody" to no one else.
"""

import pytest
from django.utils import translation

from ensemble.accounts.models import User
from ensemble.comments.services import comment_create
from ensemble.territories.roles import Role
from ensemble.territories.services import membership_join
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db

NAME = "Camille Dubreuil-Vasseur"
PUBLIC, MEMBERS, HIDDEN = User.Visibility.PUBLIC, User.Visibility.MEMBERS, User.Visibility.HIDDEN
SEES = {
    PUBLIC: {"anonymous", "member", "other_territory", "moderator", "author", "network_admin"},
    MEMBERS: {"member", "moderator", "author", "network_admin"},
    HIDDEN: {"author", "network_admin"},
}
CASES = [
    pytest.param(choice, viewer, viewer in SEES[choice], id=f"{choice}-{viewer}")
    for choice in SEES
    for viewer in ("anonymous", "member", "other_territory", "moderator", "author", "network_admin")
]


def _log_in(client, kind, *, author, territory, other_territory):
    viewer = {
        "anonymous": lambda: None,
        "member": lambda: member(territory),
        "other_territory": lambda: member(other_territory),
        "moderator": lambda: member(territory, Role.MODERATOR),
        "author": lambda: author,
        "network_admin": lambda: UserFactory(is_superuser=True, is_staff=True),
    }[kind]()
    if viewer is not None:
        client.force_login(viewer)


@pytest.mark.parametrize(("choice", "viewer", "sees"), CASES)
def test_page_names_the_author_as_their_profile_allows(
    client, territory, other_territory, project, choice, viewer, sees
):
    author = member(territory, display_name=NAME, profile_visibility=choice)
    top = comment_create(author=author, target=project, body="Bonne idée")
    comment_create(author=author, target=project, body="Je précise", parent=top)
    _log_in(client, viewer, author=author, territory=territory, other_territory=other_territory)
    with translation.override("en"):
        html = client.get(project.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Bonne idée" in html and "Je précise" in html
    assert (NAME in html) is sees
    if not sees:
        assert html.count('class="comment__author"') == 2
        assert "Former member" not in html


@pytest.mark.parametrize(("choice", "viewer", "sees"), CASES)
def test_api_names_the_author_as_their_profile_allows(
    client, territory, other_territory, project, choice, viewer, sees
):
    author = member(territory, display_name=NAME, profile_visibility=choice)
    top = comment_create(author=author, target=project, body="Bonne idée")
    comment_create(author=author, target=project, body="Je précise", parent=top)
    _log_in(client, viewer, author=author, territory=territory, other_territory=other_territory)
    response = client.get(f"/api/v1/projects/{project.pk}/comments")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    expected = {"id": author.pk, "display_name": NAME} if sees else None
    assert item["author"] == expected
    assert item["replies"][0]["author"] == expected
    assert (NAME in response.content.decode()) is sees


@pytest.mark.parametrize("choice", [MEMBERS, HIDDEN])
def test_a_single_comment_in_the_api_hides_the_name_too(client, territory, project, choice):
    author = member(territory, display_name=NAME, profile_visibility=choice)
    comment = comment_create(author=author, target=project, body="Bonne idée")
    moderator = member(territory, Role.MODERATOR)
    client.force_login(author)
    edited = client.patch(
        f"/api/v1/comments/{comment.pk}", {"body": "Bonne idée !"}, "application/json"
    )
    assert edited.json()["author"]["display_name"] == NAME
    client.force_login(moderator)
    reply = client.post(
        f"/api/v1/projects/{project.pk}/comments",
        {"body": "Merci", "parent": comment.pk},
        "application/json",
    )
    assert reply.status_code == 201
    assert reply.json()["author"]["id"] == moderator.pk


def test_a_member_of_another_territory_sharing_one_with_the_author_sees_the_name(
    client, territory, other_territory, project
):
    author = member(territory, display_name=NAME, profile_visibility=MEMBERS)
    membership_join(user=author, territory=other_territory)
    comment_create(author=author, target=project, body="Bonne idée")
    client.force_login(member(other_territory))
    assert NAME in client.get(project.get_absolute_url()).content.decode()
    data = client.get(f"/api/v1/projects/{project.pk}/comments").json()
    assert data["items"][0]["author"]["display_name"] == NAME


def test_names_cost_no_query_per_author_for_a_viewer_from_elsewhere(
    client, settings, territory, other_territory, project
):
    settings.ENSEMBLE_COMMENTS_PER_MINUTE = 10_000
    neighbour = member(other_territory)  # shares the other territory with some authors
    made = []

    def grow(n):
        while len(made) < n:
            author = member(territory, profile_visibility=MEMBERS)
            if len(made) % 2:
                membership_join(user=author, territory=other_territory)
            made.append(comment_create(author=author, target=project, body=f"Avis {len(made)}"))

    client.force_login(neighbour)
    assert_flat_queries(client, project.get_absolute_url(), grow)
