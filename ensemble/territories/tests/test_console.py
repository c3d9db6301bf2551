"""The territory console: settings, themes and neighbourhoods, members, invitations."""

import pytest
from django.core import mail
from django.urls import reverse

from ensemble.audit.models import AuditEntry
from ensemble.projects.forms import ProjectForm
from ensemble.projects.models import Project
from ensemble.territories.invitations import territory_invitation_accept, territory_invite
from ensemble.territories.models import Membership, TerritoryInvitation
from ensemble.territories.validators import contrast_with_white
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member
from ensemble.testing.images import not_an_image, png_upload
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def url(name, territory, **kwargs):
    return reverse(f"territories:{name}", kwargs={"territory_slug": territory.slug, **kwargs})


@pytest.fixture
def admin(territory):
    return member(territory, "admin")


SETTINGS = {
    "name": "Sceaux",
    "languages": ["fr"],
    "map_zoom": 13,
    "resource_publisher_roles": ["agent", "moderator", "admin"],
}


@pytest.mark.parametrize("colour", ["#ffff00", "#999999", "#3b82f6", "pas-une-couleur"])
def test_an_accent_colour_white_text_cannot_be_read_on_is_refused(client, territory, admin, colour):
    client.force_login(admin)
    response = client.post(
        url("console_settings", territory), {**SETTINGS, "accent_colour": colour}
    )
    assert response.status_code == 400 and "accent_colour" in response.context["form"].errors
    territory.refresh_from_db()
    assert territory.accent_colour == ""


def test_a_readable_accent_colour_is_saved_and_audited(client, territory, admin):
    assert contrast_with_white("#1d4f91") >= 4.5
    client.force_login(admin)
    response = client.post(
        url("console_settings", territory), {**SETTINGS, "accent_colour": "#1d4f91"}
    )
    assert response.status_code == 302
    territory.refresh_from_db()
    assert territory.accent_colour == "#1d4f91"
    assert territory.resource_publisher_roles == ["agent", "moderator", "admin"]
    entry = AuditEntry.objects.get(action="territory.settings")
    assert entry.after["accent_colour"] == "#1d4f91" and entry.before["accent_colour"] == ""


def test_the_description_preview_saves_nothing(client, territory, admin):
    client.force_login(admin)
    response = client.post(
        url("console_settings", territory),
        {**SETTINGS, "description": "Une **ville**", "preview": "1"},
    )
    assert response.status_code == 200 and "<strong>ville</strong>" in str(
        response.context["preview"]
    )
    territory.refresh_from_db()
    assert "ville" not in territory.description and not AuditEntry.objects.exists()


def test_publishing_resources_follows_the_setting(territory):
    agent, moderator = member(territory, "agent"), member(territory, "moderator")
    assert agent.has_perm("territories.publish_resources", territory)
    assert not moderator.has_perm("territories.publish_resources", territory)
    territory.resource_publisher_roles = ["moderator"]
    territory.save()
    agent, moderator = (type(agent).objects.get(pk=u.pk) for u in (agent, moderator))
    assert not agent.has_perm("territories.publish_resources", territory)
    assert moderator.has_perm("territories.publish_resources", territory)
    assert not member(territory).has_perm("territories.publish_resources", territory)
    assert moderator.has_perm("resources.add_resource", territory)  # the knowledge base obeys


def test_a_retired_theme_leaves_the_forms_but_old_projects_keep_it(client, territory, admin):
    theme = ThemeFactory(territory=territory, name="Patrimoine")
    project = Project.objects.create(territory=territory, title="Lavoir", summary="Restaurer")
    project.themes.add(theme)
    client.force_login(admin)
    response = client.post(
        url("console_theme_change", territory, pk=theme.pk),
        {"name": "Patrimoine", "position": 2, "is_retired": "on"},
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.is_retired
    assert theme not in ProjectForm(territory=territory).fields["themes"].queryset
    assert list(project.themes.all()) == [theme]
    settings_page = client.get(url("console_settings", territory)).content.decode()
    assert "Patrimoine" in settings_page  # the console still lists it, to bring it back


def test_rename_and_reorder_a_neighbourhood(client, territory, admin):
    first = NeighbourhoodFactory(territory=territory, name="Centre", position=0)
    second = NeighbourhoodFactory(territory=territory, name="Blagis", position=1)
    client.force_login(admin)
    client.post(
        url("console_neighbourhood_change", territory, pk=second.pk),
        {"name": "Les Blagis", "position": 0},
    )
    client.post(
        url("console_neighbourhood_change", territory, pk=first.pk),
        {"name": "Centre", "position": 1},
    )
    names = [n.name for n in territory.neighbourhoods.order_by("position", "name")]
    assert names == ["Les Blagis", "Centre"]


def test_the_network_themes_and_another_territorys_are_not_the_admins(
    client, territory, other_territory, admin
):
    network_theme = ThemeFactory(territory=None, name="Mobilité")
    foreign = NeighbourhoodFactory(territory=other_territory, name="Croix-Rousse")
    client.force_login(admin)
    assert (
        client.post(
            url("console_theme_change", territory, pk=network_theme.pk),
            {"name": "Piraté", "position": 0},
        ).status_code
        == 404
    )
    assert (
        client.post(
            url("console_neighbourhood_change", territory, pk=foreign.pk),
            {"name": "Piraté", "position": 0},
        ).status_code
        == 404
    )
    network_theme.refresh_from_db()
    foreign.refresh_from_db()
    assert network_theme.name == "Mobilité" and foreign.name == "Croix-Rousse"


def test_members_search_and_filter_by_role(client, territory, admin):
    member(territory, display_name="Alice Martin")
    member(territory, "agent", display_name="Bruno Petit")
    client.force_login(admin)
    found = client.get(url("console_members", territory), {"q": "alice"}).context["page"]
    names = [m.user.display_name for m in found.object_list]
    # The admin's name is drawn at random (Faker): it may hold "alice" too.
    assert "Alice Martin" in names and "Bruno Petit" not in names
    assert all("alice" in name.lower() for name in names)
    agents = client.get(url("console_members", territory), {"role": "agent"}).context["page"]
    assert [m.user.display_name for m in agents.object_list] == ["Bruno Petit"]


def test_remove_a_member_but_never_the_last_admin(client, territory, admin):
    resident = member(territory)
    membership = Membership.objects.get(user=resident)
    client.force_login(admin)
    client.post(url("console_member_remove", territory, pk=membership.pk))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    territory.refresh_from_db()
    assert territory.members_count == 1
    own = Membership.objects.get(user=admin)
    client.post(url("console_member_remove", territory, pk=own.pk))
    assert Membership.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("role", ["member", "agent", "moderator"])
def test_only_admins_remove_and_invite(client, territory, role):
    victim = Membership.objects.get(user=member(territory))
    client.force_login(member(territory, role))
    assert client.post(url("console_member_remove", territory, pk=victim.pk)).status_code == 403
    response = client.post(
        url("console_member_invite", territory),
        {"invite-email": "x@example.org", "invite-role": "admin"},
    )
    assert response.status_code == 403
    assert Membership.objects.filter(pk=victim.pk).exists()
    assert not TerritoryInvitation.objects.exists()


def test_an_admin_of_a_cannot_remove_in_b(client, territory, other_territory):
    victim = Membership.objects.get(user=member(other_territory))
    client.force_login(member(territory, "admin"))
    url_b = url("console_member_remove", other_territory, pk=victim.pk)
    assert client.post(url_b).status_code == 403
    assert Membership.objects.filter(pk=victim.pk).exists()


def test_invite_by_email_and_accept_with_the_role(
    client, territory, admin, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("console_member_invite", territory),
            {"invite-email": "agente@example.org", "invite-role": "agent"},
        )
    assert response.status_code == 302
    invitation = TerritoryInvitation.objects.get()
    assert len(mail.outbox) == 1 and invitation.token in mail.outbox[0].body
    stranger = UserFactory(email="autre@example.org")
    client.force_login(stranger)
    client.post(url("invitation_accept", territory, token=invitation.token))
    assert not Membership.objects.filter(user=stranger).exists()
    invited = UserFactory(email="agente@example.org")
    client.force_login(invited)
    response = client.post(url("invitation_accept", territory, token=invitation.token))
    assert Membership.objects.get(user=invited, territory=territory).role == "agent"
    assert (
        client.post(url("invitation_accept", territory, token=invitation.token)).status_code == 404
    )


def test_accepting_never_lowers_a_role(territory, admin):
    invitation = territory_invite(
        actor=admin, territory=territory, email=admin.email.upper(), role="member"
    )
    territory_invitation_accept(user=admin, token=invitation.token, territory=territory)
    assert Membership.objects.get(user=admin).role == "admin"


def test_the_members_page_runs_a_fixed_number_of_queries(client, territory, admin):
    client.force_login(admin)

    def grow(n):
        while territory.memberships.count() < n:
            member(territory)

    assert_flat_queries(client, url("console_members", territory), grow)


def test_the_settings_page_runs_a_fixed_number_of_queries(client, territory, admin):
    client.force_login(admin)

    def grow(n):
        while territory.neighbourhoods.count() < n:
            NeighbourhoodFactory(territory=territory)
            ThemeFactory(territory=territory)

    assert_flat_queries(client, url("console_settings", territory), grow)


def test_the_logo_is_re_encoded_and_a_fake_one_refused(client, territory, admin):
    client.force_login(admin)
    settings_url = url("console_settings", territory)
    response = client.post(settings_url, {**SETTINGS, "logo": not_an_image()})
    assert response.status_code == 400
    assert client.post(settings_url, {**SETTINGS, "logo": png_upload()}).status_code == 302
    territory.refresh_from_db()
    assert territory.logo.name.endswith(".webp")
