"""What "members only" protects: people who share a territory AND have confirmed their
address. Joining a territory is one click for any account; before, an unconfirmed account
that joined saw members-only profiles and organisations' contact details."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from ensemble.accounts.display import may_see_person, visible_name
from ensemble.accounts.models import User
from ensemble.accounts.services import api_token_create
from ensemble.actors.tests.helpers import organisation
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


def unconfirmed_member(territory):
    person = member(territory)
    EmailAddress.objects.filter(user=person).update(verified=False)
    return User.objects.get(pk=person.pk)


def test_an_unconfirmed_member_does_not_see_members_only_profiles(client, territory):
    person = member(territory, profile_visibility=User.Visibility.MEMBERS)
    newcomer = unconfirmed_member(territory)
    assert not may_see_person(person, newcomer)
    assert visible_name(person, newcomer, territory=territory) == ""
    client.force_login(newcomer)
    assert client.get(person.get_absolute_url()).status_code == 404
    EmailAddress.objects.filter(user=newcomer).update(verified=True)
    confirmed = User.objects.get(pk=newcomer.pk)
    assert may_see_person(person, confirmed)


def test_public_profiles_stay_public(territory):
    person = member(territory, profile_visibility=User.Visibility.PUBLIC)
    assert may_see_person(person, unconfirmed_member(territory))


def test_an_unconfirmed_member_does_not_see_an_organisations_contact_details(territory):
    org = organisation(territory, contact_email="contact@jardins.example", phone="0102030405")
    newcomer = unconfirmed_member(territory)
    page = Client()
    page.force_login(newcomer)
    html = page.get(f"/{territory.slug}/organisations/{org.pk}/").content.decode()
    assert "contact@jardins.example" not in html
    key = api_token_create(user=newcomer)
    body = Client().get(f"/api/v1/organisations/{org.pk}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert body.json()["contact_email"] is None and body.json()["phone"] is None
    confirmed = member(territory)
    key = api_token_create(user=confirmed)
    body = Client().get(f"/api/v1/organisations/{org.pk}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert body.json()["contact_email"] == "contact@jardins.example"
