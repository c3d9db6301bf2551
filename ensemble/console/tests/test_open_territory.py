"""Opening a territory from a template, by the network console and the API (network admins)."""

import pytest
from django.core import mail
from django.urls import reverse

from ensemble.accounts.services import api_token_create
from ensemble.audit.models import AuditEntry
from ensemble.consultations.forms import ConsultationCreateForm
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.projects.models import Project
from ensemble.sitepages.models import PageVersion
from ensemble.sitepages.services import page_publish
from ensemble.territories.models import Membership, Territory, TerritoryInvitation
from ensemble.testing.factories import NeighbourhoodFactory, ThemeFactory, UserFactory, member

pytestmark = pytest.mark.django_db
API = "/api/v1/territories"
CHARTER = "## Qui participe\n\nToute personne de la commune."


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


@pytest.fixture
def network_admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def sceaux(territory, network_admin):
    """The template: its setup, its pages, and content that must not travel."""
    territory.is_template = True
    territory.charter_template = CHARTER
    territory.answer_within_days = 45
    territory.consultation_blueprint = "co-creation"
    territory.save()
    ThemeFactory(territory=territory, name="Coulée verte", slug="coulee-verte")
    ThemeFactory(territory=territory, name="Ancien", slug="ancien", is_retired=True)
    NeighbourhoodFactory(territory=territory, name="Les Blagis", slug="les-blagis")
    page_publish(
        actor=network_admin,
        territory=territory,
        kind="accessibility",
        title="Accessibilité",
        body="Sceaux est partiellement conforme.",
        conformity="partial",
        compliance_rate=72,
    )
    ContributionFactory(consultation=ConsultationFactory(territory=territory))
    Project.objects.create(territory=territory, title="Lavoir", summary="Restaurer")
    return territory


PAYLOAD = {
    "name": "Exampleville",
    "slug": "exampleville",
    "country": "FR",
    "languages": ["fr", "en"],
    "template": "sceaux",
    "first_admin_email": "maire@exampleville.fr",
}


def assert_set_up_like_sceaux(new: Territory):
    assert new.languages == ["fr", "en"] and not new.is_template
    assert sorted(new.own_themes.values_list("slug", flat=True)) == ["coulee-verte"]
    assert list(new.neighbourhoods.values_list("name", flat=True)) == ["Les Blagis"]
    assert new.charter_template == CHARTER and new.answer_within_days == 45
    page = PageVersion.objects.get(territory=new, kind="accessibility")
    assert page.body == "Exampleville est partiellement conforme." and page.version == 1
    assert new.accessibility_conformity == "partial"
    # none of its content
    assert not new.consultations.exists() and not new.contributions.exists()
    assert not Project.objects.filter(territory=new).exists()
    # the new consultation form starts from the template's defaults
    form = ConsultationCreateForm(territory=new)
    assert form.fields["charter_body"].initial == CHARTER
    assert form.fields["answer_within_days"].initial == 45


def test_a_network_admin_opens_exampleville_from_the_console(
    client, sceaux, network_admin, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("console:territory_open"), {**PAYLOAD, "custom_domain": ""})
    assert response.status_code == 302
    new = Territory.objects.get(slug="exampleville")
    assert response.url == reverse(
        "territories:console_settings", kwargs={"territory_slug": "exampleville"}
    )
    assert_set_up_like_sceaux(new)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["maire@exampleville.fr"]

    # The first admin accepts and lands in the console, then publishes the legal pages.
    invitation = TerritoryInvitation.objects.get(territory=new)
    first_admin = UserFactory(email="maire@exampleville.fr")
    client.force_login(first_admin)
    accept = reverse(
        "territories:invitation_accept",
        kwargs={"territory_slug": "exampleville", "token": invitation.token},
    )
    response = client.post(accept)
    assert response.url == reverse(
        "territories:console_settings", kwargs={"territory_slug": "exampleville"}
    )
    assert Membership.objects.get(user=first_admin, territory=new).role == "admin"
    edit = reverse(
        "sitepages:edit", kwargs={"territory_slug": "exampleville", "address": "mentions-legales"}
    )
    assert (
        client.post(
            edit, {"title": "Mentions légales", "body": "Éditeur : la mairie", "changes": ""}
        ).status_code
        == 302
    )
    home = client.get(reverse("home:home", kwargs={"territory_slug": "exampleville"}))
    assert "Accessibilité : partiellement conforme" in home.content.decode() or (
        "Accessibility: partially compliant" in home.content.decode()
    )


def test_the_api_opens_a_territory_for_network_admins(client, sceaux, network_admin):
    response = client.post(API, PAYLOAD, content_type="application/json", **auth(network_admin))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["territory"]["slug"] == "exampleville"
    assert body["invitation_sent_to"] == "maire@exampleville.fr"
    assert_set_up_like_sceaux(Territory.objects.get(slug="exampleville"))


@pytest.mark.parametrize("role", ["admin", "agent", "member"])
def test_a_territory_role_cannot_open_a_territory(client, sceaux, role):
    person = member(sceaux, role)
    response = client.post(API, PAYLOAD, content_type="application/json", **auth(person))
    assert response.status_code == 403
    client.force_login(person)
    assert client.get(reverse("console:territory_open")).status_code == 403
    assert client.post(reverse("console:territory_open"), PAYLOAD).status_code == 403
    assert client.get(reverse("console:network")).status_code == 403
    assert not Territory.objects.filter(slug="exampleville").exists()


def test_anonymous_cannot_open_a_territory(client, sceaux):
    assert client.post(API, PAYLOAD, content_type="application/json").status_code == 401
    assert not Territory.objects.filter(slug="exampleville").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"template": "lyon"}, "template"),
        ({"slug": "admin"}, "slug"),
        ({"slug": "sceaux"}, "slug"),
        ({"first_admin_email": "pas-une-adresse"}, "email"),
        ({"languages": ["xx"]}, "languages"),
    ],
)
def test_bad_input_opens_nothing(client, sceaux, other_territory, network_admin, change, field):
    response = client.post(
        API, {**PAYLOAD, **change}, content_type="application/json", **auth(network_admin)
    )
    assert response.status_code in (400, 422)
    assert field in response.content.decode()
    assert Territory.objects.count() == 2
    assert not AuditEntry.objects.filter(action="territory.open").exists()


def test_a_territory_that_is_not_a_template_lends_nothing(
    client, sceaux, other_territory, network_admin
):
    response = client.post(
        API,
        {**PAYLOAD, "template": other_territory.slug},
        content_type="application/json",
        **auth(network_admin),
    )
    assert response.status_code == 400
