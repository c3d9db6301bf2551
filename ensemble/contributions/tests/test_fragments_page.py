"""The contribution page's kept parts: a write through a service is seen on the next read,
and one viewer's part (their support, their comment's buttons, a moderator's) never reaches
another viewer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ensemble.answers.services import answer_create
from ensemble.comments.services import comment_create, comment_hide
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.services.supports import support_add
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.moderation.services import report_create
from ensemble.territories.roles import Role
from ensemble.testing.clients import clients_for as clients_for_users
from ensemble.testing.clients import page_html
from ensemble.testing.factories import member
from ensemble.testing.queries import assert_flat_queries, count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


@pytest.fixture
def contribution(territory):
    return ContributionFactory(
        consultation=ConsultationFactory(territory=territory), title="Des bancs au parc"
    )


def clients_for(*users):
    """`testing.clients.clients_for`, reading the pages in English."""
    clients = clients_for_users(*users)
    for client in clients:
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return clients


def _page(client, contribution) -> str:
    return page_html(client, contribution.get_absolute_url())


def _comment_url(name: str, comment) -> str:
    return reverse(
        f"comments:{name}", kwargs={"territory_slug": comment.territory.slug, "pk": comment.pk}
    )


def test_a_new_comment_is_seen_at_once_by_everybody(territory, contribution):
    author = member(territory)
    reader, visitor = clients_for(member(territory), None)
    assert "No comments yet" in _page(reader, contribution)
    assert "No comments yet" in _page(visitor, contribution)
    comment_create(author=author, target=contribution, body="Oui, près des jeux")
    assert "Oui, près des jeux" in _page(reader, contribution)
    assert "Oui, près des jeux" in _page(visitor, contribution)


def test_an_answer_is_seen_at_once(territory):
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory, phase="arbitration")
    )
    (visitor,) = clients_for(None)
    assert "Not answered yet" in _page(visitor, contribution)
    answer_create(
        author=member(territory, Role.AGENT), contribution=contribution, state="accepted",
        explanation="Le conseil a voté trois bancs pour le parc, posés au printemps.",
    )  # fmt: skip
    html = _page(visitor, contribution)
    assert "Le conseil a voté trois bancs" in html and "Not answered yet" not in html


def test_a_support_is_counted_for_all_and_its_button_stays_the_supporters(territory, contribution):
    supporter, other = member(territory), member(territory)
    mine, theirs, visitor = clients_for(supporter, other, None)
    for client in (mine, theirs, visitor):
        assert "0 supports" in _page(client, contribution)
    support_add(user=supporter, contribution=contribution)
    assert "toggle--on" in _page(mine, contribution)
    for client in (theirs, visitor):
        html = _page(client, contribution)
        assert "1 support" in html and "toggle--on" not in html


def test_a_comment_hidden_by_moderation_loses_its_text_at_once(territory, contribution):
    comment = comment_create(author=member(territory), target=contribution, body="Propos vifs")
    reader, visitor = clients_for(member(territory), None)
    assert "Propos vifs" in _page(reader, contribution)
    assert "Propos vifs" in _page(visitor, contribution)
    comment_hide(actor=member(territory, Role.MODERATOR), comment=comment, reason="Hors sujet")
    for client in (reader, visitor):
        html = _page(client, contribution)
        assert "Propos vifs" not in html and "Hors sujet" in html


def test_ones_own_comment_buttons_never_reach_another_viewer(territory, contribution):
    author = member(territory)
    comment = comment_create(author=author, target=contribution, body="Mon avis")
    edit, delete = _comment_url("edit", comment), _comment_url("delete", comment)
    mine, theirs, visitor = clients_for(author, member(territory), None)
    html = _page(mine, contribution)
    assert edit in html and delete in html
    for client in (theirs, visitor):
        html = _page(client, contribution)
        assert "Mon avis" in html and edit not in html and delete not in html
    assert edit in _page(mine, contribution)


def test_a_moderators_buttons_never_reach_a_member(territory, contribution):
    comment = comment_create(author=member(territory), target=contribution, body="Un avis")
    hide = _comment_url("hide", comment)
    moderator, resident, visitor = clients_for(
        member(territory, Role.MODERATOR), member(territory), None
    )
    assert hide in _page(moderator, contribution)
    assert hide not in _page(resident, contribution)
    assert hide not in _page(visitor, contribution)


def test_who_reported_a_comment_no_longer_sees_report_but_others_do(territory, contribution):
    comment = comment_create(author=member(territory), target=contribution, body="Un avis")
    reporter = member(territory)
    report_create(reporter=reporter, target=comment, reason="spam")
    report = _comment_url("report", comment)
    theirs, mine, visitor = clients_for(member(territory), reporter, None)
    assert report in _page(theirs, contribution)
    assert report not in _page(mine, contribution)
    assert report not in _page(visitor, contribution)
    assert report in _page(theirs, contribution)


def test_a_members_only_name_reaches_members_not_visitors(territory):
    author = member(territory, display_name="Camille Martin", profile_visibility="members")
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory), author=author
    )
    comment_create(author=author, target=contribution, body="Je précise")
    visitor, resident = clients_for(None, member(territory))
    assert "Camille Martin" not in _page(visitor, contribution)
    assert _page(resident, contribution).count("Camille Martin") == 2  # author, comment
    assert "Camille Martin" not in _page(visitor, contribution)


@pytest.mark.parametrize("who", ["visitor", "member", "author", "moderator"])
def test_queries_stay_flat_whatever_the_number_of_comments(client, settings, territory, who):
    settings.ENSEMBLE_COMMENTS_PER_MINUTE = 10_000
    contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
    people = [member(territory) for _ in range(3)]
    viewer = {
        "visitor": None, "member": member(territory), "author": people[0],
        "moderator": member(territory, Role.MODERATOR),
    }[who]  # fmt: skip
    if viewer is not None:
        client.force_login(viewer)

    made = []

    def grow(n):
        while len(made) < n:
            author = people[len(made) % 3]
            top = comment_create(author=author, target=contribution, body=f"Avis {len(made)}")
            comment_create(author=people[(len(made) + 1) % 3], target=contribution,
                           body="Oui", parent=top)  # fmt: skip
            made.append(top)

    assert_flat_queries(client, contribution.get_absolute_url(), grow)


def test_a_kept_page_runs_only_the_viewers_own_queries(client, territory, contribution):
    comment_create(author=member(territory), target=contribution, body="Un avis")
    client.force_login(member(territory))
    url = contribution.get_absolute_url()
    cold = count_queries(client, url)
    client.get(url)  # kept now
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    assert len(warm.captured_queries) < cold - 5, (len(warm.captured_queries), cold)


def test_the_author_comes_first_then_the_coauthors(territory):
    author = member(territory, display_name="Zoé Auteur", profile_visibility="public")
    first = member(territory, display_name="Alix Premier", profile_visibility="public")
    second = member(territory, display_name="Basile Second", profile_visibility="public")
    contribution = ContributionFactory(
        consultation=ConsultationFactory(territory=territory), author=author
    )
    contribution.coauthors.add(second, first)
    (visitor,) = clients_for(None)
    html = _page(visitor, contribution)
    assert html.index("Zoé Auteur") < html.index("Alix Premier") < html.index("Basile Second")
