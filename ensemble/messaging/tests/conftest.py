import pytest

from ensemble.actors.models import Organisation, OrganisationMember
from ensemble.messaging import services
from ensemble.testing.factories import TerritoryFactory, UserFactory, member


@pytest.fixture
def territory(db):
    return TerritoryFactory(name="Sceaux", slug="sceaux")


@pytest.fixture
def alice(territory):
    return member(territory, display_name="Alice")


@pytest.fixture
def bob(territory):
    return member(territory, display_name="Bob")


@pytest.fixture
def stranger(territory):
    return member(territory, display_name="Eve")


@pytest.fixture
def conversation(alice, bob):
    conversation = services.conversation_open(opened_by=alice, participants=[bob], subject="Salle")
    services.message_send(sender=alice, conversation=conversation, body="Bonjour **Bob**")
    return conversation


@pytest.fixture
def organisation(territory):
    owner = member(territory, display_name="Olga")
    organisation = Organisation.objects.create(
        territory=territory, name="Les Jardiniers", kind="association", created_by=owner
    )
    OrganisationMember.objects.create(
        organisation=organisation, user=owner, role=OrganisationMember.Role.OWNER
    )
    return organisation


def old_account(**kwargs):
    from datetime import timedelta

    from django.utils import timezone

    return UserFactory(date_joined=timezone.now() - timedelta(days=30), **kwargs)


@pytest.fixture(autouse=True)
def _english(settings):
    """These tests read messages: run them in the source language, English.

    (The French interface is tested in ensemble/core/tests/test_i18n.py.)
    """
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
