"""When nobody fits a need, the page offers what helps: for a funding need, the open calls."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ensemble.activity.tests.makers import make_need
from ensemble.matching.hooks import help_when_nobody_fits
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.resources.models import Resource
from ensemble.resources.services import resource_create
from ensemble.territories.roles import Role
from ensemble.testing.factories import member

pytestmark = pytest.mark.django_db


def _call(agent, territory, title, days):
    return resource_create(
        actor=agent, territory=territory, kind="funding_call", title=title,
        funder="Ville", amount="5 000 €", deadline=timezone.now() + timedelta(days=days),
        publish=True,
    )  # fmt: skip


def test_a_funding_need_is_pointed_at_the_open_funding_calls_only(territory):
    agent = member(territory, Role.AGENT)
    open_call = _call(agent, territory, "Fonds des quartiers", 10)
    closed = _call(agent, territory, "Appel clos", 10)
    Resource.objects.filter(pk=closed.pk).update(deadline=timezone.now() - timedelta(days=1))
    need = make_need(ProjectFactory(territory=territory), kind="funding", title="3 000 €")
    labels = [item.label for item in help_when_nobody_fits(need, None)]
    assert open_call.title in labels
    assert closed.title not in labels


def test_other_kinds_get_no_funding_call(territory):
    _call(member(territory, Role.AGENT), territory, "Fonds des quartiers", 10)
    need = make_need(ProjectFactory(territory=territory), kind="premises", title="Une salle")
    labels = [item.label for item in help_when_nobody_fits(need, None)]
    assert "Fonds des quartiers" not in labels
    assert labels  # the feed and "I can help" are still offered
