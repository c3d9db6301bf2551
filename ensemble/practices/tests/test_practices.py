"""The practice library: agents write, drafts stay with their authors, the network reads and
finds, bookmarks, replications; refusals first, and the library's query count."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ensemble.accounts.services import api_token_create
from ensemble.consultations.models import Consultation
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.core.exceptions import Conflict
from ensemble.practices.models import Practice
from ensemble.practices.services import (
    bookmark_add,
    bookmark_remove,
    practice_create,
    practice_set_status,
    practice_update,
)
from ensemble.projects.tests.factories import ProjectFactory
from ensemble.search.indexing import reindex_all
from ensemble.search.selectors import search
from ensemble.territories.roles import Role
from ensemble.testing.factories import TerritoryFactory, ThemeFactory, UserFactory, member
from ensemble.testing.links import links_to
from ensemble.testing.queries import assert_flat_queries

pytestmark = pytest.mark.django_db
API = "/api/v1"


def _practice(author, territory, publish=True, **data):
    return practice_create(
        actor=author, territory=territory, title=data.pop("title", "Composteurs partagés"),
        problem="Les biodéchets partent à l'incinération.",
        solution="Des composteurs de quartier tenus par des bénévoles.",
        results="12 tonnes évitées par an.", publish=publish, **data,
    )  # fmt: skip


@pytest.mark.parametrize("role", [None, Role.MEMBER, Role.MODERATOR])
def test_only_agents_and_admins_of_the_territory_write(territory, role):
    actor = UserFactory() if role is None else member(territory, role)
    with pytest.raises(PermissionDenied):
        _practice(actor, territory)
    assert not Practice.objects.exists()


def test_a_draft_is_invisible_outside_its_authors(client, territory):
    author = member(territory, Role.AGENT)
    draft = _practice(author, territory, publish=False)
    url = reverse("practices:detail", args=[draft.pk])
    for viewer in (None, member(territory), member(territory, Role.AGENT)):
        client.logout()
        if viewer:
            client.force_login(viewer)
        assert client.get(url).status_code == 404
        assert client.get(f"{API}/practices/{draft.pk}").status_code == 404
        assert draft.title not in client.get(reverse("practices:list")).content.decode()
    with pytest.raises(PermissionDenied):
        practice_update(actor=member(territory, Role.AGENT), practice=draft, data={"title": "X"})
    client.force_login(author)
    assert client.get(url).status_code == 200
    mine = client.get(reverse("practices:list"), {"mine": "on"})
    assert [p.title for p in mine.context["page"].object_list] == [draft.title]


def test_a_published_practice_never_becomes_a_draft(territory):
    author = member(territory, Role.AGENT)
    practice = _practice(author, territory)
    with pytest.raises(Conflict):
        practice_set_status(actor=author, practice=practice, status="draft")


def test_a_lyon_practice_is_found_by_a_sceaux_agent_searching_the_network(
    client, territory, other_territory
):
    lyon_agent = member(other_territory, Role.AGENT)
    _practice(lyon_agent, other_territory, title="Vélo-école pour adultes")
    _practice(lyon_agent, other_territory, title="Vélo brouillon", publish=False)
    reindex_all()
    sceaux_agent = member(territory, Role.AGENT)
    results = search(query="vélo", viewer=sceaux_agent)
    assert [item.title for item in results.items] == ["Vélo-école pour adultes"]
    client.force_login(sceaux_agent)
    listed = client.get(f"{API}/practices?q=vélo").json()
    assert [item["title"] for item in listed["items"]] == ["Vélo-école pour adultes"]


def test_links_are_refused_outside_the_territory_or_what_the_author_may_see(
    territory, other_territory
):
    author = member(territory, Role.AGENT)
    cases = {
        "projects": {"projects": [ProjectFactory(territory=other_territory)]},
        "themes": {"themes": [ThemeFactory(territory=other_territory)]},
        "replicated_from": {"replicated_from": _practice(
            member(other_territory, Role.AGENT), other_territory, publish=False
        )},
    }  # fmt: skip
    for field, data in cases.items():
        with pytest.raises(ValidationError) as error:
            _practice(author, territory, **data)
        assert field in error.value.message_dict


def test_an_internal_contribution_is_not_shown_to_the_network(client, territory):
    internal = ConsultationFactory(territory=territory, visibility=Consultation.Visibility.AGENTS)
    contribution = ContributionFactory(consultation=internal, title="Idée interne")
    practice = _practice(member(territory, Role.AGENT), territory, contribution=contribution)
    response = client.get(reverse("practices:detail", args=[practice.pk]))
    assert response.context["contribution"] is None
    assert "Idée interne" not in response.content.decode()
    assert client.get(f"{API}/practices/{practice.pk}").json()["contribution"] is None


def test_bookmarks_and_replications(client, territory, other_territory):
    original = _practice(member(territory, Role.AGENT), territory)
    copy = _practice(member(other_territory, Role.AGENT), other_territory,
                     title="Composteurs à Lyon", replicated_from=original)  # fmt: skip
    agent = member(other_territory, Role.AGENT)
    bookmark_add(user=agent, practice=original)
    bookmark_add(user=agent, practice=original)
    assert Practice.objects.get(pk=original.pk).bookmarks_count == 1
    client.force_login(agent)
    page = client.get(reverse("practices:detail", args=[original.pk]))
    assert page.context["is_bookmarked"] and page.context["replications"] == [copy]
    listed = client.get(reverse("practices:list"), {"bookmarked": "on"})
    assert [p.pk for p in listed.context["page"].object_list] == [original.pk]
    bookmark_remove(user=agent, practice=original)
    assert Practice.objects.get(pk=original.pk).bookmarks_count == 0


def test_filters_by_country_and_cost(client, territory):
    quebec = TerritoryFactory(name="Québec", slug="quebec", country="CA")
    _practice(member(territory, Role.AGENT), territory, cost_range="small")
    _practice(member(quebec, Role.AGENT), quebec, title="Ruelles vertes", cost_range="large")
    body = client.get(f"{API}/practices?country=CA").json()
    assert [item["title"] for item in body["items"]] == ["Ruelles vertes"]
    body = client.get(f"{API}/practices?cost_range=small").json()
    assert [item["title"] for item in body["items"]] == ["Composteurs partagés"]


def test_api_writes_with_the_same_rules(client, territory):
    payload = {"territory": territory.slug, "title": "Repair café", "problem": "p",
               "solution": "s"}  # fmt: skip
    for user, status in ((member(territory), 403), (member(territory, Role.AGENT), 201)):
        token = api_token_create(user=user)
        response = client.post(
            f"{API}/practices", payload, content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )  # fmt: skip
        assert response.status_code == status
    assert response.json()["status"] == "draft"
    unknown = client.post(
        f"{API}/practices", {**payload, "colour": "x"}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_create(user=member(territory, Role.AGENT))}",
    )  # fmt: skip
    assert unknown.status_code == 422 and "colour" in unknown.json()["errors"]


def test_library_query_count_is_flat(client, territory, other_territory):
    authors = [member(territory, Role.AGENT), member(other_territory, Role.AGENT)]
    theme = ThemeFactory()
    viewer = member(territory, Role.AGENT)
    client.force_login(viewer)

    def grow(n):
        while Practice.objects.count() < n:
            index = Practice.objects.count()
            author = authors[index % 2]
            practice = _practice(author, author.memberships.get().territory, themes=[theme])
            if index % 3 == 0:
                bookmark_add(user=viewer, practice=practice)

    assert_flat_queries(client, reverse("practices:list"), grow)
    assert_flat_queries(client, f"{API}/practices", grow)


def test_the_feed_of_its_territory_announces_a_published_practice(client, territory):
    from ensemble.activity.selectors import territory_activities

    author = member(territory, Role.AGENT)
    draft = _practice(author, territory, publish=False)
    assert not territory_activities(territory=territory).filter(practice=draft).exists()
    practice_set_status(actor=author, practice=draft, status="published")
    lines = territory_activities(territory=territory).filter(practice=draft)
    assert [line.verb for line in lines] == ["practice_published"]
    feed = client.get(reverse("activity:feed", args=[territory.slug])).content.decode()
    assert draft.get_absolute_url() in feed


def test_theme_chips_link_to_the_library_filtered_by_them(client, territory):
    """The library filters by the network's themes: a territory's own theme is plain text."""
    agent = member(territory, Role.AGENT)
    theme, own = ThemeFactory(), ThemeFactory(territory=territory)
    tagged = _practice(agent, territory, themes=[theme, own])
    _practice(agent, territory, title="Ruelles vertes")
    library = reverse("practices:list")

    links = links_to(client.get(library), library)
    assert links == [f"{library}?theme={theme.slug}"]
    titles = [p.title for p in client.get(links[0]).context["page"].object_list]
    assert titles == [tagged.title]
    assert links_to(client.get(reverse("practices:detail", args=[tagged.pk])), library) == links
