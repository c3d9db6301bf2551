"""Contributions in the search: only open ones of public consultations; similar titles."""

import pytest

from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.selectors.contributions import contribution_similar
from ensemble.contributions.services.contributions import contribution_create
from ensemble.contributions.services.moderation import contribution_hide
from ensemble.search.indexing import reindex_all
from ensemble.search.selectors import search
from ensemble.territories.roles import Role
from ensemble.testing.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def _post(consultation, author, title):
    return contribution_create(author=author, consultation=consultation, kind="problem",
                               title=title, body="Il faut agir.")  # fmt: skip


def test_similar_titles_of_the_same_consultation(territory):
    consultation = ConsultationFactory(territory=territory)
    author = member(territory)
    benches = _post(consultation, author, "Des bancs au jardin public")
    _post(consultation, author, "Pistes cyclables rue Houdan")
    _post(ConsultationFactory(territory=territory), author, "Des bancs à la gare")
    found = contribution_similar(consultation=consultation, title="bancs jardins ombragés")
    assert found == [benches]
    assert contribution_similar(consultation=consultation, title="bancs", exclude=benches.pk) == []
    assert contribution_similar(consultation=consultation, title="") == []


def test_hidden_and_internal_contributions_are_never_found(territory):
    public = ConsultationFactory(territory=territory)
    internal = ConsultationFactory(territory=territory, visibility="agents")
    hidden = _post(public, member(territory), "Trottoirs encombrés")
    contribution_hide(
        actor=member(territory, Role.MODERATOR), contribution=hidden, reason="Doublon"
    )
    _post(internal, member(territory, Role.AGENT), "Trottoirs du service technique")
    for viewer in (UserFactory(), member(territory)):
        assert search(query="trottoirs", viewer=viewer).count == 0
    assert contribution_similar(consultation=internal, title="trottoirs") == []
    reindex_all()
    assert search(query="trottoirs", viewer=member(territory)).count == 0


def test_an_open_contribution_is_found_with_its_address(territory, client):
    consultation = ConsultationFactory(territory=territory)
    contribution = _post(consultation, member(territory), "Éclairage de la coulée verte")
    results = search(query="eclairage", viewer=UserFactory(), territory=territory)
    assert [entry.object_id for entry in results.items] == [contribution.pk]
    response = client.get(results.items[0].url)
    assert response.status_code == 302
    assert response["Location"] == contribution.get_absolute_url()


def test_the_api_searches_contributions_only(territory, client):
    consultation = ConsultationFactory(territory=territory)
    contribution_create(
        author=member(territory), consultation=consultation, kind="problem",
        title="Trottoirs encombrés rue Houdan", body="Les poussettes passent sur la route.",
    )  # fmt: skip
    response = client.get("/api/v1/search", {"q": "trottoirs", "type": "contribution"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["type"] for item in items] == ["contribution"]
