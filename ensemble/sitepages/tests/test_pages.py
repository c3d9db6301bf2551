import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ensemble.sitepages.models import PageVersion
from ensemble.sitepages.services import page_publish
from ensemble.testing.factories import member
from ensemble.testing.queries import count_queries

pytestmark = pytest.mark.django_db
ADDRESSES = ["a-propos", "mentions-legales", "confidentialite", "accessibilite", "contact"]


def page_url(territory, address):
    return reverse("sitepages:page", kwargs={"territory_slug": territory.slug, "address": address})


@pytest.fixture
def admin(territory):
    return member(territory, "admin")


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_page_exists_before_its_first_version(client, territory, address):
    response = client.get(page_url(territory, address))
    assert response.status_code == 200 and "Sceaux" in response.content.decode()


def test_an_unknown_page_is_a_404(client, territory):
    assert client.get(page_url(territory, "inconnue")).status_code == 404


def test_the_accessibility_statement_follows_the_rgaa_template(client, territory):
    page = client.get(page_url(territory, "accessibilite"), HTTP_ACCEPT_LANGUAGE="fr").content
    text = page.decode()
    for heading in ("État de conformité", "Contenus non accessibles", "Voies de recours"):
        assert heading in text
    assert "non conforme" in text


def test_every_page_links_the_territory_pages_in_its_footer(client, territory):
    text = client.get(territory.get_absolute_url()).content.decode()
    for address in ADDRESSES:
        assert page_url(territory, address) in text


def test_the_footer_adds_no_query(client, territory):
    home = territory.get_absolute_url()
    count_queries(client, home)
    before = count_queries(client, home)
    page_publish(
        actor=member(territory, "admin"),
        territory=territory,
        kind="accessibility",
        title="Accessibilité",
        body="Audit fait.",
        conformity="full",
    )
    assert count_queries(client, home) == before
    assert "Accessibility: fully compliant" in client.get(home).content.decode() or (
        "Accessibilité : totalement conforme" in client.get(home).content.decode()
    )


def test_publishing_keeps_every_version(client, territory, admin):
    client.force_login(admin)
    edit = reverse(
        "sitepages:edit", kwargs={"territory_slug": territory.slug, "address": "mentions-legales"}
    )
    assert "Éditeur" in client.get(edit, HTTP_ACCEPT_LANGUAGE="fr").context["form"].initial["body"]
    client.post(edit, {"title": "Mentions légales", "body": "Version une", "changes": ""})
    client.post(
        edit, {"title": "Mentions légales", "body": "Version deux", "changes": "Nouvel hébergeur"}
    )
    versions = list(PageVersion.objects.filter(territory=territory, kind="legal"))
    assert [(v.version, v.body) for v in versions] == [(2, "Version deux"), (1, "Version une")]
    page = client.get(page_url(territory, "mentions-legales")).content.decode()
    assert "Version deux" in page and "Nouvel hébergeur" in page


def test_an_accessibility_statement_declares_its_status(territory, admin):
    with pytest.raises(ValidationError) as error:
        page_publish(actor=admin, territory=territory, kind="accessibility", title="A", body="B")
    assert "conformity" in error.value.message_dict
    with pytest.raises(ValidationError):
        page_publish(
            actor=admin,
            territory=territory,
            kind="accessibility",
            title="A",
            body="B",
            conformity="partial",
            compliance_rate=140,
        )
    territory.refresh_from_db()
    assert territory.accessibility_conformity == ""


@pytest.mark.parametrize("role", ["member", "agent", "moderator"])
def test_only_admins_publish(client, territory, role):
    person = member(territory, role)
    with pytest.raises(PermissionDenied):
        page_publish(actor=person, territory=territory, kind="legal", title="X", body="Y")
    client.force_login(person)
    edit = reverse(
        "sitepages:edit", kwargs={"territory_slug": territory.slug, "address": "contact"}
    )
    assert client.post(edit, {"title": "X", "body": "Y"}).status_code == 403
    assert not PageVersion.objects.exists()


def test_an_admin_of_a_cannot_publish_in_b(client, territory, other_territory):
    client.force_login(member(territory, "admin"))
    edit = reverse(
        "sitepages:edit", kwargs={"territory_slug": other_territory.slug, "address": "contact"}
    )
    assert client.post(edit, {"title": "X", "body": "Y"}).status_code == 403
    assert not PageVersion.objects.exists()


def test_the_pages_console_runs_a_fixed_number_of_queries(client, territory, admin):
    client.force_login(admin)
    url = reverse("sitepages:console", kwargs={"territory_slug": territory.slug})
    count_queries(client, url)
    empty = count_queries(client, url)
    for kind in ("legal", "privacy", "contact"):
        page_publish(actor=admin, territory=territory, kind=kind, title="T", body="B")
    assert count_queries(client, url) == empty
