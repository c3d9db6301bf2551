"""One pagination include: its page links keep every other GET parameter."""

import re
from html import unescape

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import reverse

from ensemble.activity.tests.makers import make_organisation, make_project
from ensemble.core.pagination import counted_page

# Rendering with a request runs the context processors, which read the database.
pytestmark = pytest.mark.django_db


def _links(html: str) -> dict[str, str]:
    return {rel: unescape(href) for href, rel in re.findall(r'href="([^"]*)" rel="(\w+)"', html)}


def _render(query: str, page_number: int = 2, **extra) -> str:
    request = RequestFactory().get(f"/liste/?{query}")
    page = Paginator(range(100), 10).page(page_number)
    return render_to_string("includes/pagination.html", {"page": page, **extra}, request=request)


def test_page_links_keep_filters_sort_and_words_and_replace_the_page():
    links = _links(_render("theme=jardin&sort=title&q=v%C3%A9lo&page=2&stage=idea&stage=running"))
    assert links == {
        "prev": "?theme=jardin&sort=title&q=v%C3%A9lo&page=1&stage=idea&stage=running",
        "next": "?theme=jardin&sort=title&q=v%C3%A9lo&page=3&stage=idea&stage=running",
    }


def test_a_first_page_without_parameters_links_to_the_next_one():
    links = _links(_render("", page_number=1))
    assert links == {"next": "?page=2"}


def test_a_named_page_parameter_and_an_anchor():
    html = _render("page=4", page_parameter="comments_page", fragment="comments")
    assert _links(html) == {
        "prev": "?page=4&comments_page=1#comments",
        "next": "?page=4&comments_page=3#comments",
    }


def test_a_single_page_draws_nothing():
    request = RequestFactory().get("/liste/")
    page = Paginator(range(3), 10).page(1)
    html = render_to_string("includes/pagination.html", {"page": page}, request=request)
    assert html.strip() == ""


def test_a_page_counted_elsewhere_has_the_shape_of_a_page():
    page = counted_page(count=45, number=2, per_page=20)
    assert (page.number, page.paginator.num_pages, page.has_previous(), page.has_next()) == (
        2,
        3,
        True,
        True,
    )
    assert counted_page(count=0, number=5, per_page=20).number == 1


@override_settings(ENSEMBLE_PAGE_SIZE=2)
def test_a_filtered_project_list_keeps_its_filter_on_page_two(client, territory):
    for index in range(5):
        make_project(territory, title=f"Idée {index}", stage="idea")
    make_project(territory, title="En route", stage="running")
    url = reverse("projects:list", kwargs={"territory_slug": territory.slug})
    response = client.get(url, {"stage": "idea", "sort": "title"})
    assert response.status_code == 200
    next_link = _links(response.content.decode())["next"]
    # The next page follows the page's cursor (core.pagination), filters kept.
    assert next_link.startswith("?stage=idea&sort=title&cursor=")
    page_two = client.get(url + next_link).content.decode()
    assert "Idée 2" in page_two and "En route" not in page_two


@override_settings(ENSEMBLE_PAGE_SIZE=2)
def test_a_filtered_directory_keeps_its_filter_on_page_two(client, territory):
    for index in range(3):
        make_organisation(territory, name=f"Association {index}", kind="association")
    make_organisation(territory, name="Garage Martin", kind="company")
    url = reverse("actors:directory", kwargs={"territory_slug": territory.slug})
    next_link = _links(client.get(url, {"kind": "association"}).content.decode())["next"]
    assert next_link.startswith("?kind=association&cursor=")
    page_two = client.get(url + next_link).content.decode()
    assert "Association 2" in page_two and "Garage Martin" not in page_two


@pytest.mark.django_db
def test_a_kept_count_is_read_once_per_data_version_and_moves_with_a_write(
    territory, django_assert_num_queries, settings, tmp_path
):
    from ensemble.core.pagination import known_count, with_kept_count
    from ensemble.territories.models import Territory
    from ensemble.testing.factories import TerritoryFactory

    settings.DATA_VERSION_FILE = str(tmp_path / "version")
    assert known_count(with_kept_count(Territory.objects.all(), "territories")) == 1
    with django_assert_num_queries(0):
        assert known_count(with_kept_count(Territory.objects.all(), "territories")) == 1
    TerritoryFactory(name="Bagneux")
    assert known_count(with_kept_count(Territory.objects.all(), "territories")) == 2


@pytest.mark.django_db
def test_a_person_feed_in_the_api_counts_a_new_line_at_once(client, territory):
    from ensemble.accounts.services import api_token_create
    from ensemble.activity.models import Activity
    from ensemble.activity.services import activity_record
    from ensemble.projects.models import ProjectFollow
    from ensemble.testing.factories import member

    person = member(territory)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=person)}"}
    project = make_project(territory, title="Jardin")
    ProjectFollow.objects.create(project=project, user=person)
    assert client.get("/api/v1/me/feed", **headers).json()["count"] == 0
    activity_record(territory=territory, verb=Activity.Verb.PROJECT_UPDATE, project=project)
    assert client.get("/api/v1/me/feed", **headers).json()["count"] == 1
