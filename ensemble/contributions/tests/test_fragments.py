"""The contribution list's kept page: never stale after a write, never another person's."""

import pytest
from django.urls import reverse

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.services.supports import support_add
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


@pytest.fixture
def contribution(territory):
    return ContributionFactory(
        consultation=ConsultationFactory(territory=territory), title="Des bancs au parc"
    )


def _list(client, contribution) -> str:
    url = reverse(
        "contributions:contribution_list",
        kwargs={
            "territory_slug": contribution.territory.slug,
            "consultation_pk": contribution.consultation_id,
        },
    )
    return page_html(client, url)


def test_a_support_is_counted_at_once_for_everybody(territory, contribution):
    supporter = member(territory)
    (visitor,) = clients_for(None)
    html = _list(visitor, contribution)
    assert "0 supports" in html or "0 soutien" in html
    support_add(user=supporter, contribution=contribution)
    html = _list(visitor, contribution)
    assert "1 support" in html or "1 soutien" in html


def test_one_persons_support_button_is_never_served_to_another(territory, contribution):
    supporter, other = member(territory), member(territory)
    support_add(user=supporter, contribution=contribution)
    mine, theirs, visitor = clients_for(supporter, other, None)
    assert "toggle--on" in _list(mine, contribution)
    assert "toggle--on" not in _list(theirs, contribution)
    html = _list(visitor, contribution)
    assert "toggle--on" not in html and "supports left" not in html
    assert "toggle--on" in _list(mine, contribution)


def test_another_query_string_is_another_page(territory, contribution):
    ContributionFactory(consultation=contribution.consultation, title="Un marché du soir")
    (visitor,) = clients_for(None)
    assert "Un marché du soir" in _list(visitor, contribution)
    url = reverse(
        "contributions:contribution_list",
        kwargs={"territory_slug": territory.slug, "consultation_pk": contribution.consultation_id},
    )
    html = page_html(visitor, f"{url}?q=bancs")
    assert "Des bancs au parc" in html
