import pytest
from django.urls import reverse

from ensemble.territories.models import Membership, Territory
from ensemble.territories.roles import Role
from ensemble.testing.factories import NeighbourhoodFactory, UserFactory, member

pytestmark = pytest.mark.django_db

ROLES = [Role.MEMBER, Role.AGENT, Role.MODERATOR, Role.ADMIN]


def console_requests(territory, victim_membership):
    """Every write of the territory console, aimed at `territory`."""
    slug = territory.slug
    return [
        (reverse("territories:console_settings", kwargs={"territory_slug": slug}),
         {"name": "Piraté", "languages": ["fr"], "map_zoom": 12}),
        (reverse("territories:console_neighbourhood_add", kwargs={"territory_slug": slug}),
         {"neighbourhood-name": "Piraté", "neighbourhood-slug": "pirate"}),
        (reverse("territories:console_theme_add", kwargs={"territory_slug": slug}),
         {"theme-name": "Piraté", "theme-slug": "pirate"}),
        (reverse("territories:console_members", kwargs={"territory_slug": slug}),
         {"membership": victim_membership.pk, "role": Role.ADMIN}),
    ]  # fmt: skip


def assert_untouched(territory, victim_membership):
    territory.refresh_from_db()
    assert territory.name != "Piraté"
    assert not territory.neighbourhoods.filter(slug="pirate").exists()
    assert not territory.own_themes.filter(slug="pirate").exists()
    victim_membership.refresh_from_db()
    assert victim_membership.role == Role.MEMBER


@pytest.mark.parametrize("role", ROLES)
def test_no_role_changes_anything_in_another_territory(client, territory, other_territory, role):
    client.force_login(member(territory, role))
    victim = Membership.objects.get(user=member(other_territory))
    for url, data in console_requests(other_territory, victim):
        assert client.get(url).status_code in (403, 405), url
        assert client.post(url, data).status_code == 403, url
    assert_untouched(other_territory, victim)


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AGENT, Role.MODERATOR])
def test_non_admin_roles_change_nothing_in_their_own_territory(client, territory, role):
    client.force_login(member(territory, role))
    victim = Membership.objects.get(user=member(territory))
    for url, data in console_requests(territory, victim):
        assert client.post(url, data).status_code == 403, url
    assert_untouched(territory, victim)


def test_anonymous_is_sent_to_login(client, territory):
    victim = Membership.objects.get(user=member(territory))
    for url, data in console_requests(territory, victim):
        response = client.post(url, data)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    assert_untouched(territory, victim)


def test_admin_cannot_reach_a_membership_of_another_territory_through_own_console(
    client, territory, other_territory
):
    client.force_login(member(territory, Role.ADMIN))
    victim = Membership.objects.get(user=member(other_territory))
    url = reverse("territories:console_members", kwargs={"territory_slug": territory.slug})
    response = client.post(url, {"membership": victim.pk, "role": Role.ADMIN})
    assert response.status_code == 400
    assert "membership" in response.context["form"].errors
    victim.refresh_from_db()
    assert victim.role == Role.MEMBER


def test_admin_changes_a_role_in_own_territory(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    membership = Membership.objects.get(user=member(territory))
    url = reverse("territories:console_members", kwargs={"territory_slug": territory.slug})
    response = client.post(url, {"membership": membership.pk, "role": Role.AGENT})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.AGENT


def test_admin_saves_settings_and_bad_input_names_the_field(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    url = reverse("territories:console_settings", kwargs={"territory_slug": territory.slug})
    response = client.post(url, {"name": "", "languages": ["fr"], "map_zoom": 40,
                                 "description": "Gardé"})  # fmt: skip
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_name_errors"' in body and 'id="id_map_zoom_errors"' in body
    assert "Gardé" in body  # what was typed is kept
    response = client.post(url, {"name": "Sceaux-sur-Bièvre", "languages": ["fr", "en"],
                                 "map_zoom": 14})  # fmt: skip
    assert response.status_code == 302
    territory.refresh_from_db()
    assert territory.name == "Sceaux-sur-Bièvre" and territory.languages == ["fr", "en"]


def test_duplicate_neighbourhood_gets_a_field_error(client, territory):
    NeighbourhoodFactory(territory=territory, name="Les Blagis", slug="les-blagis")
    client.force_login(member(territory, Role.ADMIN))
    url = reverse(
        "territories:console_neighbourhood_add", kwargs={"territory_slug": territory.slug}
    )
    response = client.post(
        url, {"neighbourhood-name": "Blagis", "neighbourhood-slug": "les-blagis"}
    )
    assert response.status_code == 400
    assert territory.neighbourhoods.count() == 1


def test_network_admin_manages_any_territory(client, territory):
    client.force_login(UserFactory(is_superuser=True))
    url = reverse("territories:console_settings", kwargs={"territory_slug": territory.slug})
    assert client.get(url).status_code == 200


def test_join_and_leave(client, territory):
    user = UserFactory()
    client.force_login(user)
    join = reverse("territories:join", kwargs={"territory_slug": territory.slug})
    leave = reverse("territories:leave", kwargs={"territory_slug": territory.slug})
    assert client.get(join).status_code == 405
    assert client.post(join).status_code == 302
    assert Territory.objects.get(pk=territory.pk).members_count == 1
    assert client.post(leave).status_code == 302
    assert Territory.objects.get(pk=territory.pk).members_count == 0


def test_anonymous_cannot_join(client, territory):
    join = reverse("territories:join", kwargs={"territory_slug": territory.slug})
    assert client.post(join).status_code == 302
    assert not Membership.objects.exists()


def test_unknown_and_inactive_territories_are_404(client, territory):
    assert client.get("/nulle-part/").status_code == 404
    Territory.objects.filter(pk=territory.pk).update(is_active=False)
    assert client.get(f"/{territory.slug}/").status_code == 404
    assert territory.name not in client.get("/").content.decode()
