"""Keyset pagination (core.pagination): cursors walk a list with ties and mixed
directions without a duplicate or a miss, deep numbered pages read the same rows,
and a cursor page costs the queries of the first page."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from ensemble.activity.tests.makers import make_project
from ensemble.core import pagination
from ensemble.core.pagination import Keyset, Paginator, paginate
from ensemble.projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(territory):
    """11 projects: followers in ties (0, 0, 0, 1, 1, 2…), two titles, one date for six."""
    same_date = timezone.now() - timedelta(days=3)
    made = []
    for index in range(11):
        project = make_project(territory, title="Jardin" if index % 2 else "Atelier")
        Project.objects.filter(pk=project.pk).update(
            followers_count=index // 3,
            published_at=same_date if index < 6 else same_date + timedelta(hours=index),
        )
        made.append(project)
    return Project.objects.filter(territory=territory)


def _walk(queryset, per_page: int) -> list[int]:
    paginator = Paginator(queryset, per_page)
    page = paginator.page(1)
    seen = [row.pk for row in page]
    while page.next_cursor:
        page = Paginator(queryset, per_page).cursor_page(page.next_cursor)
        seen += [row.pk for row in page]
    return seen


@pytest.mark.parametrize(
    "ordering",
    [
        ("-followers_count", "-pk"),
        ("followers_count", "pk"),
        ("title", "pk"),
        ("-published_at", "-pk"),
        ("followers_count", "-published_at", "-pk"),  # mixed directions: expanded OR
        ("-title", "followers_count", "pk"),
    ],
)
@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 11, 20])
def test_cursor_pages_give_every_row_once_in_order(projects, ordering, per_page):
    queryset = projects.order_by(*ordering)
    assert _walk(queryset, per_page) == [row.pk for row in queryset]


def test_cursor_pages_know_their_number_and_the_last_one_has_no_cursor(projects):
    queryset = projects.order_by("-followers_count", "-pk")
    page = Paginator(queryset, 4).page(1)
    numbers = [page.number]
    while page.next_cursor:
        page = Paginator(queryset, 4).cursor_page(page.next_cursor)
        numbers.append(page.number)
    assert numbers == [1, 2, 3]
    assert not page.has_next() and page.next_cursor is None


def test_a_row_added_before_the_cursor_neither_repeats_nor_shifts_the_next_page(
    projects, territory
):
    queryset = projects.order_by("-followers_count", "-pk")
    first = Paginator(queryset, 4).page(1)
    expected_next = [row.pk for row in queryset][4:8]
    newest = make_project(territory)
    Project.objects.filter(pk=newest.pk).update(followers_count=99)  # sorts first
    second = Paginator(queryset, 4).cursor_page(first.next_cursor)
    assert [row.pk for row in second] == expected_next


def test_deep_numbered_pages_read_the_same_rows(projects, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(pagination, "DEEP_OFFSET", 2)
    queryset = projects.order_by("title", "pk").select_related("territory")
    rows = [row.pk for row in queryset]
    for number in (1, 2, 3, 4):
        page = Paginator(queryset, 3).page(number)
        assert [row.pk for row in page] == rows[(number - 1) * 3 : number * 3]
    with django_assert_num_queries(3):  # count, keys, rows
        list(Paginator(queryset.all(), 3).page(4))


@pytest.mark.parametrize(
    "cursor", ["nonsense", "", "W10", "WzEsWzFdXQ", "WyJ4IixbMSwyXV0", "WzIsWyJ4IiwieSJdXQ"]
)
def test_a_bad_cursor_is_refused_on_the_cursor_field(projects, cursor):
    paginator = Paginator(projects.order_by("-followers_count", "-pk"), 3)
    with pytest.raises(ValidationError) as raised:
        paginator.cursor_page(cursor or "!")
    assert "cursor" in raised.value.message_dict


def test_a_bad_cursor_on_a_page_gives_the_first_page(projects):
    request = RequestFactory().get("/", {"cursor": "nonsense"})
    page = paginate(request, projects.order_by("title", "pk"), per_page=3)
    assert page.number == 1 and len(page) == 3


def test_lists_without_a_keyset_have_no_cursor(projects):
    assert Keyset.of(projects.order_by("title")) is None  # not ending with the key
    assert Keyset.of(projects.order_by("territory__name", "pk")) is None  # a relation's field
    assert Keyset.of(projects.order_by("title", "pk")[:5]) is None  # sliced
    assert Keyset.of(list(projects)) is None
    assert Keyset.of(projects.order_by("title", "pk").values("pk", "title")) is None
    assert Keyset.of(projects.order_by("pk").union(projects.order_by("pk"))) is None
    page = Paginator(projects.order_by("title"), 3).page(1)
    assert page.next_cursor is None and page.has_next()


def _project_ids(html: str) -> list[str]:
    """The projects a page lists, in order (a card may link to its project twice)."""
    return list(dict.fromkeys(re.findall(r'href="[^"]*/projets/(\d+)/"', html)))


@override_settings(ENSEMBLE_PAGE_SIZE=4)
def test_the_directory_follows_cursors_with_flat_queries(
    client, projects, territory, django_assert_max_num_queries
):
    url = reverse("projects:list", kwargs={"territory_slug": territory.slug})
    with django_assert_max_num_queries(30) as first:
        response = client.get(url, {"sort": "followed"})
    seen = _project_ids(response.content.decode())
    next_link = unescape(re.search(r'href="([^"]*)" rel="next"', response.content.decode())[1])
    assert next_link.startswith("?sort=followed&cursor=")
    while next_link:
        with django_assert_max_num_queries(len(first.captured_queries)):
            body = client.get(url + next_link).content.decode()
        seen += _project_ids(body)
        found = re.search(r'href="([^"]*)" rel="next"', body)
        next_link = unescape(found[1]) if found else None
    expected = [str(p.pk) for p in projects.order_by("-followers_count", "-pk")]
    assert seen == expected  # every project once, in order, across the pages


def test_the_api_pages_by_cursor_and_refuses_a_bad_one(client, projects, territory):
    url = f"/api/v1/territories/{territory.slug}/projects"
    first = client.get(url, {"page_size": 4}).json()
    assert first["page"] == 1 and first["next_cursor"]
    seen = [item["id"] for item in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        body = client.get(url, {"page_size": 4, "cursor": cursor}).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
    assert body["page"] == 3
    expected = [p.pk for p in projects.filter(status="published").order_by("-published_at", "-pk")]
    assert seen == expected
    refused = client.get(url, {"cursor": "nonsense"})
    assert refused.status_code == 400 and "cursor" in refused.json()["errors"]
