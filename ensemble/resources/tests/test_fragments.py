"""The knowledge base's kept list: never stale after a write, agents' drafts never served to
residents."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ensemble.resources.models import Resource
from ensemble.resources.services import resource_create, resource_set_status
from ensemble.territories.roles import Role
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


def _list(territory, query: str = "") -> str:
    return reverse("resources:list", kwargs={"territory_slug": territory.slug}) + query


def test_a_published_resource_and_a_closing_call_show_at_once(territory):
    agent = member(territory, Role.AGENT)
    (visitor,) = clients_for(None)
    assert "Fonds quartiers" not in page_html(visitor, _list(territory))
    resource_create(
        actor=agent, territory=territory, kind="funding_call", title="Fonds quartiers",
        deadline=timezone.now() + timedelta(days=3), publish=True,
    )  # fmt: skip
    html = page_html(visitor, _list(territory))
    assert html.count("Fonds quartiers") == 2  # closing soon, and in the list


def test_drafts_are_never_served_to_residents(territory):
    agent = member(territory, Role.AGENT)
    draft = resource_create(actor=agent, territory=territory, kind="guide", title="Guide en cours")
    agent_client, resident, visitor = clients_for(agent, member(territory), None)
    assert "Guide en cours" in page_html(agent_client, _list(territory, "?drafts=on"))
    assert "Guide en cours" not in page_html(resident, _list(territory, "?drafts=on"))
    assert "Guide en cours" not in page_html(visitor, _list(territory, "?drafts=on"))
    resource_set_status(actor=agent, resource=draft, status=Resource.Status.PUBLISHED)
    assert "Guide en cours" in page_html(visitor, _list(territory))
