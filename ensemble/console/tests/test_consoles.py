import pytest
from django.test import override_settings
from django.urls import reverse

from ensemble.actors.models import Organisation
from ensemble.audit.models import AuditEntry
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.territories.models import Territory
from ensemble.testing.factories import TerritoryFactory, UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def network_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def test_the_dashboard_has_figures_per_territory(client, territory, network_admin):
    consultation = ConsultationFactory(territory=territory)
    ContributionFactory(consultation=consultation)
    ContributionFactory(consultation=consultation)
    consultation.__class__.objects.filter(pk=consultation.pk).update(answered_count=1)
    member(territory)
    client.force_login(network_admin)
    rows = {t.slug: t for t in client.get(reverse("console:network")).context["territories"]}
    sceaux = rows["sceaux"]
    assert (sceaux.members_count, sceaux.consultations_total, sceaux.answer_rate) == (1, 1, 50)


def test_the_dashboard_runs_a_fixed_number_of_queries(client, network_admin):
    client.force_login(network_admin)

    def grow(n):
        while Territory.objects.count() < n:
            territory = TerritoryFactory()
            ConsultationFactory(territory=territory, phase=False)

    assert_flat_queries(client, reverse("console:network"), grow, small=3, large=15)


@pytest.mark.usefixtures("fragments")
def test_the_kept_dashboard_moves_with_every_write(client, territory, network_admin):
    client.force_login(network_admin)

    def sceaux():
        rows = client.get(reverse("console:network")).context["territories"]
        return next(t for t in rows if t.slug == "sceaux")

    assert sceaux().consultations_total == 0
    ConsultationFactory(territory=territory)
    assert sceaux().consultations_total == 1
    member(territory)
    assert sceaux().members_count == 1


def test_deactivate_and_reactivate(client, territory, network_admin):
    client.force_login(network_admin)
    activation = reverse("console:activation", kwargs={"pk": territory.pk})
    client.post(activation, {"active": "0"})
    territory.refresh_from_db()
    assert not territory.is_active
    assert client.get(territory.get_absolute_url()).status_code == 404
    client.post(activation, {"active": "1"})
    territory.refresh_from_db()
    assert territory.is_active
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "territory.deactivate",
        "territory.reactivate",
    ]


def test_a_territory_admin_cannot_deactivate(client, territory):
    client.force_login(member(territory, "admin"))
    activation = reverse("console:activation", kwargs={"pk": territory.pk})
    assert client.post(activation, {"active": "0"}).status_code == 403
    territory.refresh_from_db()
    assert territory.is_active


def _organisations_url(territory):
    return reverse("console_territory:organisations", kwargs={"territory_slug": territory.slug})


def test_organisations_awaiting_verification(client, territory, other_territory):
    Organisation.objects.create(territory=territory, name="Les Amis", kind="association")
    Organisation.objects.create(
        territory=territory, name="Déjà", kind="association", is_verified=True
    )
    Organisation.objects.create(territory=other_territory, name="Lyonnais", kind="association")
    client.force_login(member(territory, "admin"))
    names = [o.name for o in client.get(_organisations_url(territory)).context["organisations"]]
    assert names == ["Les Amis"]


@pytest.mark.parametrize("role", ["member", "agent", "moderator"])
def test_only_admins_see_the_territory_console(client, territory, role):
    client.force_login(member(territory, role))
    for url in (
        _organisations_url(territory),
        reverse(
            "console_territory:consultation_defaults", kwargs={"territory_slug": territory.slug}
        ),
        reverse("territories:console_settings", kwargs={"territory_slug": territory.slug}),
    ):
        assert client.get(url).status_code == 403, url


def test_an_admin_of_a_cannot_open_the_console_of_b(client, territory, other_territory):
    client.force_login(member(territory, "admin"))
    for name in (
        "territories:console_settings",
        "territories:console_members",
        "console_territory:organisations",
        "sitepages:console",
        "audit:log",
        "workbench:departments",
    ):
        url = reverse(name, kwargs={"territory_slug": other_territory.slug})
        assert client.get(url).status_code == 403, url


def test_consultation_defaults_are_saved_and_audited(client, territory):
    client.force_login(member(territory, "admin"))
    url = reverse(
        "console_territory:consultation_defaults", kwargs={"territory_slug": territory.slug}
    )
    response = client.post(
        url,
        {
            "charter_template": "Nos règles",
            "answer_within_days": 30,
            "consultation_blueprint": "co-creation",
        },
    )
    assert response.status_code == 302
    territory.refresh_from_db()
    assert (territory.charter_template, territory.answer_within_days) == ("Nos règles", 30)
    assert AuditEntry.objects.filter(action="territory.settings").count() == 1
    assert client.post(url, {"answer_within_days": 0}).status_code == 400


@pytest.mark.parametrize(
    "name",
    ["console_territory:organisations", "audit:log", "sitepages:console", "workbench:departments"],
)
@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=True)
def test_every_console_page_asks_an_admin_for_a_second_factor(client, territory, name):
    client.force_login(member(territory, "admin"))
    response = client.get(reverse(name, kwargs={"territory_slug": territory.slug}))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


@override_settings(ENSEMBLE_REQUIRE_MFA_FOR_ADMINS=True)
def test_the_network_console_asks_for_a_second_factor(client, network_admin):
    client.force_login(network_admin)
    response = client.get(reverse("console:network"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
