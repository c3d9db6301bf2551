"""The decision journal: selector, page and Atom feed."""

import pytest
from django.conf import settings
from django.urls import reverse

from ensemble.answers.models import Answer
from ensemble.answers.selectors import journal
from ensemble.answers.services import answer_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import UserFactory, member
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
EXPLANATION = "Le conseil municipal a voté les crédits : les bancs seront posés au printemps."


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def consultation(territory):
    return ConsultationFactory(territory=territory, phase="arbitration")


@pytest.fixture
def agent(territory):
    return member(territory, "agent")


def journal_url(consultation, suffix=""):
    url = reverse(
        "answers:journal",
        kwargs={"territory_slug": consultation.territory.slug, "pk": consultation.pk},
    )
    return url + suffix


def feed_url(consultation):
    return reverse(
        "answers:journal_atom",
        kwargs={"territory_slug": consultation.territory.slug, "pk": consultation.pk},
    )


def answer(contribution, author, state="accepted", explanation=EXPLANATION):
    return answer_create(
        author=author, contribution=contribution, state=state, explanation=explanation
    )


# --- selector --------------------------------------------------------------------------------


def test_selector_newest_first_with_every_version(consultation, agent):
    first, second = ContributionFactory.create_batch(2, consultation=consultation)
    a1 = answer(first, agent, "under_study")
    a2 = answer(second, agent, "rejected")
    a3 = answer(first, agent, "accepted")
    assert list(journal(consultation)) == [a3, a2, a1]
    assert list(journal(consultation, state="accepted")) == [a3]
    assert list(journal(consultation, state="bogus")) == [a3, a2, a1]


def test_selector_is_scoped_to_the_consultation(territory, consultation, agent):
    other = ConsultationFactory(territory=territory, phase="arbitration")
    answer(ContributionFactory(consultation=other), agent)
    assert list(journal(consultation)) == []


# --- page: refusals ----------------------------------------------------------------------------


def test_internal_consultation_journal_is_404_for_everyone_else(
    client, territory, other_territory, agent
):
    internal = ConsultationFactory(
        territory=territory, phase="arbitration", visibility=Consultation.Visibility.AGENTS
    )
    answer(
        ContributionFactory(consultation=internal),
        agent,
        explanation="Secret interne. " + EXPLANATION,
    )
    for user in (
        None,
        member(territory),
        member(territory, "moderator"),
        member(other_territory, "agent"),
    ):
        client.logout()
        if user is not None:
            client.force_login(user)
        assert client.get(journal_url(internal)).status_code == 404
        assert client.get(feed_url(internal)).status_code == 404
    client.force_login(agent)
    assert "Secret interne" in client.get(journal_url(internal)).content.decode()


def test_journal_under_another_territory_is_404(client, other_territory, consultation):
    url = journal_url(consultation).replace(
        f"/{consultation.territory.slug}/", f"/{other_territory.slug}/", 1
    )
    assert client.get(url).status_code == 404


def test_draft_journal_is_404_for_residents(client, territory):
    draft = ConsultationFactory(territory=territory, status=Consultation.Status.DRAFT)
    client.force_login(member(territory))
    assert client.get(journal_url(draft)).status_code == 404


def test_hidden_contributions_stay_out(client, consultation, agent):
    hidden = ContributionFactory(
        consultation=consultation, title="Message injurieux", is_hidden=True
    )
    answer(hidden, agent, "rejected")
    page = client.get(journal_url(consultation)).content.decode()
    assert "Message injurieux" not in page


# --- page ----------------------------------------------------------------------------------------


def test_page_lists_answers_with_links_roles_dates_and_revisions(
    client, territory, consultation, agent
):
    contribution = ContributionFactory(consultation=consultation, title="Des bancs au parc")
    answer(contribution, agent, "under_study")
    answer(contribution, member(territory, "admin"), "accepted", "**Validé** : " + EXPLANATION)
    response = client.get(journal_url(consultation))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-current="page"' in page and "Decision journal" in page  # the consultation's tabs
    assert page.count(f'href="{contribution.get_absolute_url()}"') >= 2
    assert "<strong>Validé</strong>" in page
    assert "Public agent" in page and "Administrator" in page
    assert "Revised (version 2)" in page
    assert "<time datetime=" in page
    assert "2 answers" in page
    assert page.index("Validé") < page.index("Under study</span>")  # newest first
    assert feed_url(consultation) in page


def test_filter_by_state(client, consultation, agent):
    accepted = ContributionFactory(consultation=consultation, title="Idée acceptée")
    rejected = ContributionFactory(consultation=consultation, title="Idée refusée")
    answer(accepted, agent, "accepted")
    answer(rejected, agent, "rejected")
    page = client.get(journal_url(consultation, "?state=rejected")).content.decode()
    assert "Idée refusée" in page and "Idée acceptée" not in page
    assert "1 answer" in page
    page = client.get(journal_url(consultation, "?state=already_done")).content.decode()
    assert "No answer in this state yet." in page
    # An unknown state is a form error, not a 500: the whole journal shows.
    response = client.get(journal_url(consultation, "?state=maybe"))
    assert response.status_code == 200
    assert (
        "Idée refusée" in response.content.decode() and "Idée acceptée" in response.content.decode()
    )


def test_pagination_keeps_the_filter(client, consultation, agent, settings):
    settings.ENSEMBLE_PAGE_SIZE = 2
    for _ in range(3):
        answer(ContributionFactory(consultation=consultation), agent, "rejected")
    answer(ContributionFactory(consultation=consultation), agent, "accepted")
    page = client.get(journal_url(consultation, "?state=rejected")).content.decode()
    assert "state=rejected&amp;page=2" in page
    page = client.get(journal_url(consultation, "?state=rejected&page=2")).content.decode()
    assert "Page 2 of 2" in page


def test_empty_journal(client, consultation):
    page = client.get(journal_url(consultation)).content.decode()
    assert "No contribution has been answered yet." in page


def test_page_queries_are_flat(client, consultation, agent):
    def grow(n):
        while Answer.objects.filter(consultation=consultation).count() < n:
            contribution = ContributionFactory(consultation=consultation, author=UserFactory())
            answer(contribution, agent)

    assert_flat_queries(client, journal_url(consultation), grow, small=3, large=25)


def test_page_queries_are_flat_for_an_agent(client, consultation, agent):
    client.force_login(agent)

    def grow(n):
        while Answer.objects.filter(consultation=consultation).count() < n:
            answer(ContributionFactory(consultation=consultation), agent)

    assert_flat_queries(
        client, journal_url(consultation, "?state=accepted"), grow, small=3, large=25
    )


# --- Atom feed ----------------------------------------------------------------------------


def test_atom_feed(client, consultation, agent):
    contribution = ContributionFactory(consultation=consultation, title="Des bancs au parc")
    answer(contribution, agent, "accepted", "**Oui** " + EXPLANATION)
    response = client.get(feed_url(consultation))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Des bancs au parc" in body
    assert "#answer-1" in body
    assert "&lt;strong&gt;Oui&lt;/strong&gt;" in body
