"""The practice library's kept list: never stale after a write, a person's drafts and
bookmarks never served to anybody else."""

import pytest
from django.urls import reverse

from ensemble.practices.services import bookmark_add, practice_create
from ensemble.territories.roles import Role
from ensemble.testing.clients import clients_for, page_html
from ensemble.testing.factories import member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]
LIBRARY = reverse("practices:list")
BOOKMARKED = '<span class="badge">En favori</span>'  # French first


def _practice(author, territory, title: str, publish: bool = True):
    return practice_create(
        actor=author, territory=territory, title=title, problem="Les biodéchets.",
        solution="Des composteurs de quartier.", publish=publish,
    )  # fmt: skip


def test_a_published_practice_shows_at_once(territory):
    agent = member(territory, Role.AGENT)
    (visitor,) = clients_for(None)
    assert "Composteurs partagés" not in page_html(visitor, LIBRARY)
    _practice(agent, territory, "Composteurs partagés")
    assert "Composteurs partagés" in page_html(visitor, LIBRARY)


def test_drafts_and_bookmarks_stay_their_owners(territory):
    author, reader = member(territory, Role.AGENT), member(territory, Role.AGENT)
    _practice(author, territory, "Brouillon de ruches", publish=False)
    published = _practice(author, territory, "Vélos partagés")
    bookmark_add(user=reader, practice=published)
    author_client, reader_client, other, visitor = clients_for(
        author, reader, member(territory), None
    )
    assert "Brouillon de ruches" in page_html(author_client, LIBRARY + "?mine=on")
    assert BOOKMARKED in page_html(reader_client, LIBRARY)
    for client in (other, visitor):
        assert "Brouillon de ruches" not in page_html(client, LIBRARY + "?mine=on")
        html = page_html(client, LIBRARY)
        assert "Vélos partagés" in html and BOOKMARKED not in html
