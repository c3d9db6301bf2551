import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from ensemble.audit.models import AuditEntry, AuditEntryImmutable
from ensemble.audit.services import record
from ensemble.testing.factories import TerritoryFactory, UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db


def log_url(territory, suffix="log"):
    return reverse(f"audit:{suffix}", kwargs={"territory_slug": territory.slug})


@pytest.fixture
def admin(territory):
    return member(territory, "admin")


@pytest.fixture
def entry(territory, admin):
    return record(
        actor=admin,
        action="territory.settings",
        territory=territory,
        target=territory,
        before={"name": "Sceaux"},
        after={"name": "Autre"},
    )


def test_an_entry_cannot_be_changed_or_deleted(entry):
    entry.reason = "Réécrire l'histoire"
    with pytest.raises(AuditEntryImmutable):
        entry.save()
    with pytest.raises(AuditEntryImmutable):
        entry.delete()
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="Effacé")
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.all().delete()
    fresh = AuditEntry.objects.get(pk=entry.pk)
    assert fresh.reason == "" and fresh.after == {"name": "Autre"}


def test_the_django_admin_only_reads(entry):
    model_admin = site._registry[AuditEntry]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert model_admin.get_actions(request) == {}


def test_a_deleted_account_leaves_its_entries_unnamed(entry, admin):
    admin.delete()
    fresh = AuditEntry.objects.get(pk=entry.pk)
    assert fresh.actor_id is None and fresh.action == "territory.settings"


@pytest.mark.parametrize("role", ["member", "agent", "moderator"])
def test_who_is_not_an_admin_of_the_territory_cannot_read_the_log(client, territory, entry, role):
    client.force_login(member(territory, role))
    assert client.get(log_url(territory)).status_code == 403
    assert client.get(log_url(territory, "log_csv")).status_code == 403
    assert AuditEntry.objects.count() == 1  # the refused export wrote nothing


def test_an_admin_of_a_cannot_read_the_log_of_b(client, territory, other_territory, entry):
    client.force_login(member(other_territory, "admin"))
    assert client.get(log_url(territory)).status_code == 403
    assert client.get(log_url(territory, "log_csv")).status_code == 403
    response = client.get(log_url(other_territory))
    assert response.status_code == 200 and "Autre" not in response.content.decode()


def test_anonymous_is_sent_to_log_in(client, territory):
    assert client.get(log_url(territory)).status_code == 302


def test_the_admin_reads_and_filters_the_log(client, territory, admin, entry):
    record(actor=admin, action="membership.role", territory=territory, target=territory)
    client.force_login(admin)
    page = client.get(log_url(territory)).content.decode()
    assert "Settings changed" in page or "Paramètres modifiés" in page
    filtered = client.get(log_url(territory), {"action": "membership.role"})
    assert filtered.context["page"].paginator.count == 1
    assert client.get(log_url(territory), {"since": "pas une date"}).status_code == 200


def test_the_csv_export_holds_the_entries_and_is_itself_recorded(client, territory, admin):
    record(
        actor=admin,
        action="contribution.hide",
        territory=territory,
        target=territory,
        reason='=HYPERLINK("http://evil")',
    )
    client.force_login(admin)
    response = client.get(log_url(territory, "log_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "'=HYPERLINK" in body  # a formula is never live in a spreadsheet
    assert AuditEntry.objects.filter(action="audit.export", actor=admin).count() == 1


def test_the_log_page_runs_a_fixed_number_of_queries(client, territory, admin):
    client.force_login(admin)
    people = [UserFactory() for _ in range(3)]

    def grow(n):
        for index in range(AuditEntry.objects.filter(territory=territory).count(), n):
            record(
                actor=people[index % 3],
                action="membership.role",
                territory=territory,
                target=territory,
                person=people[(index + 1) % 3],
            )

    assert_flat_queries(client, log_url(territory), grow)


def test_entries_of_another_territory_never_show(client, territory, admin):
    other = TerritoryFactory(name="Lyon", slug="lyon")
    record(
        actor=admin,
        action="territory.settings",
        territory=other,
        target=other,
        reason="secret de Lyon",
    )
    client.force_login(admin)
    assert "secret de Lyon" not in client.get(log_url(territory)).content.decode()
    assert "secret de Lyon" not in client.get(log_url(territory, "log_csv")).content.decode()
