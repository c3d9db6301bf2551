import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings
from django.urls import reverse

from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def console(territory):
    return reverse("territories:console_settings", kwargs={"territory_slug": territory.slug})


@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=True)
def test_territory_admin_without_totp_is_sent_to_set_it_up(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    response = client.get(console(territory))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=True)
def test_network_admin_without_totp_cannot_open_the_django_admin(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=True)
def test_admin_with_totp_gets_in(client, territory):
    admin = member(territory, Role.ADMIN)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(admin)
    assert client.get(console(territory)).status_code == 200


@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=True)
def test_members_pages_do_not_ask_for_mfa(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    assert client.get(territory.get_absolute_url()).status_code == 200


@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=False)
def test_without_the_setting_admins_get_in(client, territory):
    client.force_login(member(territory, Role.ADMIN))
    assert client.get(console(territory)).status_code == 200


def test_django_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
