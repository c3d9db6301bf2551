"""Consultation lines on the feed pages, the Atom feed, the home page and the API."""

import pytest
from django.urls import reverse

from ensemble.accounts.services import api_token_create
from ensemble.activity.models import Activity
from ensemble.consultations.services.consultations import consultation_update
from ensemble.contributions.models import Contribution
from ensemble.testing.factories import member

from .makers import consultation_story

pytestmark = pytest.mark.django_db
Verb = Activity.Verb


@pytest.fixture
def agent(territory):
    return member(territory, "agent", display_name="Agent Dupont", profile_visibility="public")


def english(client, url, **extra):
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en", **extra).content.decode()


def feed_url(territory):
    return reverse("activity:feed", kwargs={"territory_slug": territory.slug})


def atom_url(territory):
    return reverse("activity:atom", kwargs={"territory_slug": territory.slug})


# --- refusals ----------------------------------------------------------------------


@pytest.mark.parametrize("viewer_role", [None, "member", "agent"])
def test_internal_consultations_never_reach_the_pages(client, territory, agent, viewer_role):
    consultation, contribution, _lines = consultation_story(
        territory, agent=agent, title="Réorganisation des services"
    )
    consultation_update(actor=agent, consultation=consultation, data={"visibility": "agents"})
    if viewer_role:
        client.force_login(member(territory, viewer_role))
    for url in (feed_url(territory), atom_url(territory), territory.get_absolute_url()):
        html = client.get(url).content.decode()
        assert contribution.get_absolute_url() not in html, url
        assert "activity-list__item--consultation" not in html, url
        assert "activity-list__item--workshop" not in html, url
        if url != territory.get_absolute_url():  # its own block lists them for agents
            assert "Réorganisation des services" not in html, url
    if viewer_role:
        assert "Réorganisation" not in client.get(reverse("my_feed")).content.decode()
        assert "Réorganisation" not in client.get("/api/v1/me/feed").content.decode()
    api = client.get(f"/api/v1/territories/{territory.slug}/activity").json()
    assert api["items"] == []


def test_answers_to_hidden_contributions_leave_the_pages(client, territory, agent):
    _consultation, contribution, _lines = consultation_story(
        territory, agent=agent, title="Propos injurieux"
    )
    Contribution.objects.filter(pk=contribution.pk).update(is_hidden=True)
    html = client.get(feed_url(territory)).content.decode()
    assert "Idée Propos injurieux" not in html
    assert "Idée Propos injurieux" not in client.get(atom_url(territory)).content.decode()


def test_titles_are_escaped(client, territory, agent):
    consultation_story(territory, agent=agent, title="<script>alert(1)</script>")
    html = client.get(feed_url(territory)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


# --- acceptances ------------------------------------------------------------------


def test_the_feed_page_tells_each_step_with_links(client, territory, agent):
    consultation, contribution, lines = consultation_story(territory, agent=agent, title="Bancs")
    by_verb = {line.verb: line for line in lines}
    html = english(client, feed_url(territory))
    assert f'Sceaux opened a consultation: <a href="{consultation.get_absolute_url()}">' in html
    answer = by_verb[Verb.CONTRIBUTION_ANSWERED].answer
    assert (
        f'<a href="{contribution.get_absolute_url()}#answer-{answer.version}">Idée Bancs</a> '
        "got an answer: <em>Accepted</em>" in html
    )
    result = by_verb[Verb.RESULT_PROGRESSED].result
    assert f'<a href="{result.get_absolute_url()}">Résultat Bancs</a> progresses' in html
    assert "(In progress, 40%): <em>Travaux lancés</em>" in html
    event = by_verb[Verb.WORKSHOP_ANNOUNCED].event
    assert f'<a href="{event.get_absolute_url()}">Atelier Bancs</a>, <time datetime=' in html
    for line in lines:
        assert f'activity-list__item--{line.verb}"' in html


def test_a_revision_says_so(client, territory, agent):
    from ensemble.answers.services import answer_create

    _consultation, contribution, _lines = consultation_story(territory, agent=agent)
    answer_create(
        author=agent, contribution=contribution, state="rejected",
        explanation="Finalement refusé : le trottoir est trop étroit pour des bancs ici.",
    )  # fmt: skip
    html = english(client, feed_url(territory))
    assert "The answer to" in html and "was revised: <em>Rejected</em>" in html


def test_atom_links_to_each_object(client, territory, agent):
    consultation, contribution, _lines = consultation_story(territory, agent=agent, title="Bancs")
    body = english(client, atom_url(territory))
    assert "Sceaux opened a consultation: Bancs" in body
    assert f"{contribution.get_absolute_url()}#answer-1" in body
    assert f'{consultation.get_absolute_url()}" rel="alternate"' in body


def test_home_page_shows_consultation_lines(client, territory, agent):
    consultation_story(territory, agent=agent, title="Bancs")
    html = english(client, territory.get_absolute_url())
    assert "got an answer" in html


def test_my_feed_page_and_api(client, territory, agent):
    me = member(territory)
    consultation_story(territory, agent=agent, follower=me, title="Bancs")
    client.force_login(me)
    html = client.get(reverse("my_feed")).content.decode()
    assert "Idée Bancs" in html and "Résultat Bancs" in html
    token = api_token_create(user=me)
    items = client.get("/api/v1/me/feed", HTTP_AUTHORIZATION=f"Bearer {token}").json()["items"]
    assert sorted(item["verb"] for item in items) == sorted(
        [Verb.CONSULTATION_PUBLISHED, Verb.WORKSHOP_ANNOUNCED, Verb.CONTRIBUTION_ANSWERED,
         Verb.RESULT_PROGRESSED]
    )  # fmt: skip


def test_api_describes_each_line(client, territory, agent):
    consultation, contribution, _lines = consultation_story(territory, agent=agent, title="Bancs")
    items = client.get(f"/api/v1/territories/{territory.slug}/activity").json()["items"]
    by_verb = {item["verb"]: item for item in items}
    answered = by_verb[Verb.CONTRIBUTION_ANSWERED]
    assert answered["contribution"]["id"] == contribution.pk
    assert answered["contribution"]["kind"] == "idea"
    assert answered["answer"]["state"] == "accepted" and answered["answer"]["version"] == 1
    assert answered["answer"]["url"].endswith("#answer-1")
    assert answered["consultation"]["url"] == (
        f"http://testserver{consultation.get_absolute_url()}"
    )
    progressed = by_verb[Verb.RESULT_PROGRESSED]
    assert progressed["result"]["title"] == "Résultat Bancs"
    assert progressed["result_update"]["progress"] == 40
    assert by_verb[Verb.WORKSHOP_ANNOUNCED]["event"]["title"] == "Atelier Bancs"
    assert by_verb[Verb.CONSULTATION_PUBLISHED]["actor"]["display_name"] == "Agent Dupont"
