import pytest
from django.urls import reverse

from ensemble.accounts.models import User
from ensemble.actors.models import Offer
from ensemble.testing.factories import TerritoryFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def test_home_routes_keep_their_paths():
    assert reverse("home:network_home") == "/"
    assert reverse("home:home", kwargs={"territory_slug": "sceaux"}) == "/sceaux/"
    assert reverse("home:profile", kwargs={"pk": 7}) == "/people/7/"


def test_network_home_lists_active_territories_and_marks_mine(client, territory):
    TerritoryFactory(name="Fermée", is_active=False)
    client.force_login(member(territory))
    html = client.get("/").content.decode()
    assert territory.name in html and "Fermée" not in html
    assert "You are a member" in html or "Vous êtes membre" in html


def test_fixed_first_segments_are_not_taken_for_a_territory(client, territory):
    # The home app's "<territory_slug>/" comes after every fixed first segment.
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert response.wsgi_request.territory is None


def test_territory_home_answers_under_its_slug(client, territory):
    response = client.get(territory.get_absolute_url())
    assert response.status_code == 200
    assert response.wsgi_request.territory == territory
    assert territory.name in response.content.decode()


@pytest.mark.parametrize(
    ("visibility", "anonymous", "co_member", "stranger"),
    [("public", 200, 200, 200), ("members", 404, 200, 404), ("hidden", 404, 404, 404)],
)
def test_profile_visibility(client, territory, visibility, anonymous, co_member, stranger):
    person = member(territory, profile_visibility=visibility)
    url = reverse("home:profile", kwargs={"pk": person.pk})
    assert client.get(url).status_code == anonymous
    client.force_login(member(territory))
    assert client.get(url).status_code == co_member
    client.force_login(UserFactory())
    assert client.get(url).status_code == stranger
    client.force_login(person)
    assert client.get(url).status_code == 200


def test_inactive_people_have_no_profile(client):
    person = UserFactory(profile_visibility=User.Visibility.PUBLIC, is_active=False)
    assert client.get(reverse("home:profile", kwargs={"pk": person.pk})).status_code == 404


def test_profile_shows_the_active_offers_of_the_person(client, territory):
    person = member(territory, profile_visibility="public", skills=["Menuiserie"])
    person.interests.add(ThemeFactory(name="Mobilités"))
    Offer.objects.create(user=person, territory=territory, kind="skills", title="Cours de vélo")
    Offer.objects.create(
        user=person, territory=territory, kind="skills", title="Ancienne offre", is_active=False
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert "Cours de vélo" in html
    assert "Ancienne offre" not in html
    assert "Menuiserie" in html and "Mobilités" in html
    assert 'class="tag' not in html  # no list filters by them: text, not chips that look clickable
