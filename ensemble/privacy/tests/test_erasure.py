"""Deleting an account: nothing of the person is left in any text column of any table,
what they wrote for others stays (from "deleted participant") with its counts."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.utils import translation

from ensemble.accounts.display import visible_name
from ensemble.accounts.models import User
from ensemble.comments.models import Comment
from ensemble.contributions.models import Contribution, Support
from ensemble.events.models import Event, Registration
from ensemble.messaging.models import Message
from ensemble.notifications.models import Notification
from ensemble.privacy import services
from ensemble.projects.models import Project, ProjectFollow
from ensemble.territories.models import Membership, Territory
from ensemble.territories.roles import Role
from ensemble.testing.factories import PASSWORD, UserFactory, member

from .people import BIO, EMAIL, NAME, busy_person

pytestmark = pytest.mark.django_db(transaction=False)


def _text_columns():
    """(table, column) for every text-like column of every table in the database, whatever
    model (or none) it belongs to: introspection, not the models, so nothing is missed."""
    introspection = connection.introspection
    with connection.cursor() as cursor:
        for table in introspection.table_names(cursor):
            for column in introspection.get_table_description(cursor, table):
                try:
                    kind = introspection.get_field_type(column.type_code, column)
                except KeyError:
                    kind = "TextField"  # SQLite columns without a declared type (FTS5)
                if kind in {"CharField", "TextField", "JSONField", "SlugField", "EmailField"}:
                    yield table, column.name


def _tables_containing(needle: str) -> list[str]:
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table, column in _text_columns():
            cursor.execute(
                f"SELECT COUNT(*) FROM {quote(table)} "  # noqa: S608 (names from introspection)
                f"WHERE LOWER(CAST({quote(column)} AS TEXT)) LIKE %s",
                [f"%{needle.lower()}%"],
            )
            if cursor.fetchone()[0]:
                found.append(f"{table}.{column}")
    return found


def test_no_trace_of_the_person_in_any_text_column(territory):
    world = busy_person(territory)
    assert _tables_containing(EMAIL) and _tables_containing(NAME)  # the search works
    services.account_erase(user=world.person)
    for needle in (EMAIL, NAME, BIO):
        assert _tables_containing(needle) == [], needle


def test_what_they_wrote_stays_with_its_counts(territory):
    world = busy_person(territory)
    supported_before = Contribution.objects.get(pk=world.supported.pk).supports_count
    services.account_erase(user=world.person)
    contribution = Contribution.objects.get(pk=world.contribution.pk)
    assert contribution.author_id == world.person.pk
    assert contribution.supports_count == 1
    assert Support.objects.filter(contribution=contribution, user=world.other).exists()
    assert Contribution.objects.get(pk=world.supported.pk).supports_count == supported_before
    assert Support.objects.filter(contribution=world.supported, user=world.person).exists()
    assert Comment.objects.filter(pk=world.comment.pk, author=world.person).exists()
    assert Message.objects.filter(pk=world.message.pk, sender=world.person).exists()
    erased = User.objects.get(pk=world.person.pk)
    with translation.override("en"):
        assert visible_name(erased, world.other) == "Deleted participant"
        assert visible_name(erased, None) == "Deleted participant"


def test_follows_registrations_notifications_and_memberships_go(territory):
    world = busy_person(territory)
    members_before = Territory.objects.get(pk=territory.pk).members_count
    services.account_erase(user=world.person)
    assert not ProjectFollow.objects.filter(user=world.person).exists()
    assert Project.objects.get(pk=world.project.pk).followers_count == 0
    assert not Registration.objects.filter(user=world.person).exists()
    assert Event.objects.get(pk=world.workshop.pk).registered_count == 0
    assert not Notification.objects.filter(user=world.person).exists()
    assert not Membership.objects.filter(user=world.person).exists()
    assert Territory.objects.get(pk=territory.pk).members_count == members_before - 1


def test_sessions_and_api_tokens_are_revoked(territory, client):
    world = busy_person(territory)
    other_device = Client()
    assert other_device.login(email=EMAIL, password=PASSWORD)
    assert other_device.get("/api/v1/me").status_code == 200
    services.account_erase(user=world.person)
    assert other_device.get("/api/v1/me").status_code == 401
    bearer = client.get("/api/v1/me", headers={"Authorization": f"Bearer {world.token}"})
    assert bearer.status_code == 401
    assert not Client().login(email=EMAIL, password=PASSWORD)


def test_the_same_address_signs_up_afresh(territory, client):
    world = busy_person(territory)
    services.account_erase(user=world.person)
    response = client.post("/accounts/signup/", {
        "email": EMAIL, "password1": PASSWORD, "password2": PASSWORD, "display_name": "Camille",
    })  # fmt: skip
    assert response.status_code == 302
    fresh = User.objects.get(email=EMAIL)
    assert fresh.pk != world.person.pk
    assert fresh.erased_at is None
    assert not fresh.memberships.exists() and not fresh.notifications.exists()


def test_the_last_administrator_of_a_territory_cannot_leave_it_headless(territory):
    admin = member(territory, role=Role.ADMIN, email="seule-admin@example.org")
    with pytest.raises(ValidationError) as error:
        services.account_erase(user=admin)
    assert "role" in error.value.message_dict
    admin.refresh_from_db()
    assert admin.erased_at is None and admin.email == "seule-admin@example.org"
    assert Membership.objects.filter(user=admin).exists()


def test_erasing_twice_changes_nothing_more(territory):
    person = UserFactory()
    services.account_erase(user=person)
    person.refresh_from_db()
    erased_at = person.erased_at
    services.account_erase(user=person)
    person.refresh_from_db()
    assert person.erased_at == erased_at
