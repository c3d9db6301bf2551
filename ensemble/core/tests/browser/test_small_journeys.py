"""Issue 17's small broken journeys, each failing before its fix: raw Markdown in search
snippets, the header search pre-filled with a directory's filter, a dangling comma in the
inbox, sub-page titles pushed to the right, reply/edit as bare disclosure triangles."""

import re

import pytest
from playwright.sync_api import expect

from ensemble.comments.services import comment_create
from ensemble.events.tests.factories import EventFactory
from ensemble.matching.tests import helpers
from ensemble.messaging.services import conversation_open, message_send
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.search.indexing import index_object
from ensemble.testing.browser import assert_accessible
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.browser


@pytest.fixture
def lille(transactional_db):
    return TerritoryFactory(name="Lille", slug="lille")


def test_search_snippets_are_text_and_the_header_search_starts_empty(page, lille):
    centre = helpers.organisation(
        lille, name="Atelier vélo des Moulins", summary="",
        description="Nous **réparons** des [vélos](https://example.org/velos) :\n\n* le samedi",
    )  # fmt: skip
    index_object(centre)

    page.goto("/lille/recherche/?q=vélos")
    assert_accessible(page)
    snippet = page.locator("main .search-result__summary").first
    expect(snippet).to_contain_text("Nous réparons des vélos")
    expect(snippet).not_to_contain_text("**")
    expect(snippet).not_to_contain_text("](")

    # A directory's word filter stays in the directory, not in the site's search box.
    page.goto("/lille/projets/?q=jardin")
    assert_accessible(page)
    expect(page.locator("#site-search-q")).to_have_value("")


def test_the_inbox_lists_the_others_without_a_dangling_comma(page, log_in, lille):
    me = member(lille, display_name="Zoé")  # the last one, after the others
    first = member(lille, display_name="Amina")
    conversation = conversation_open(opened_by=first, participants=[me])
    message_send(sender=first, conversation=conversation, body="Bonjour Zoé !")
    log_in(me)
    page.goto("/me/messages/")
    assert_accessible(page)
    meta = page.locator("main .conversation-list__meta").first
    expect(meta).to_contain_text("Amina")
    assert "," not in meta.inner_text().split("·")[0]


def test_a_sub_page_title_starts_at_the_left(page, lille):
    event = EventFactory(territory=lille, title="Fête des voisins")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(event.get_absolute_url())
    assert_accessible(page)
    title = page.locator("main h1").bounding_box()
    back = page.locator("main .page-header > p").first.bounding_box()
    assert title["x"] == pytest.approx(back["x"], abs=2)
    assert title["y"] > back["y"]


def test_reply_and_edit_are_labelled_buttons(page, log_in, lille):
    resident = member(lille)
    project = ProjectFactory(territory=lille)
    comment_create(author=resident, target=project, body="Très bonne idée !")
    log_in(resident)
    page.goto(project.get_absolute_url())
    assert_accessible(page)
    for label in ("Répondre", "Modifier"):
        summary = page.locator("main .comment__actions summary", has_text=label)
        expect(summary).to_have_class(re.compile(r"\bbutton\b"))
        # No bare disclosure triangle: the summary is not shown as a list item.
        assert summary.evaluate("e => getComputedStyle(e).display") != "list-item"
    page.locator("main .comment__actions summary", has_text="Répondre").click()
    expect(page.locator("main .comment__actions textarea").first).to_be_visible()
