"""Anonymous pages are rendered once per data version, and never served stale after a write."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client

from ensemble.core import versions
from ensemble.core.pagecache import CSRF_INPUT
from ensemble.projects.models import Project
from ensemble.territories.models import Territory
from ensemble.territories.selectors import network_get
from ensemble.testing.factories import TerritoryFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 30
    settings.DATA_VERSION_FILE = str(tmp_path / "data-version")


@pytest.fixture
def territory():
    network_get()  # created on first use: that write would change the version mid-test
    return TerritoryFactory(name="Sceaux")


def _without_tokens(response) -> str:
    return CSRF_INPUT.sub("", response.content.decode())


def test_a_second_anonymous_visit_runs_no_query(client, territory, django_assert_num_queries):
    first = client.get(territory.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(territory.get_absolute_url())
    assert second.status_code == 200
    assert _without_tokens(second) == _without_tokens(first)
    assert "Cookie" in second["Vary"] and second["Cache-Control"] == "no-cache"


def test_a_write_is_seen_by_the_next_visit(client, territory):
    client.get(territory.get_absolute_url())
    Territory.objects.filter(pk=territory.pk).update(name="Sceaux-les-Jardins")
    assert "Sceaux-les-Jardins" in client.get(territory.get_absolute_url()).content.decode()


def test_a_write_through_save_is_seen_too(client, territory):
    url = territory.get_absolute_url()
    client.get(url)
    territory.name = "Sceaux en transition"
    territory.save()
    assert "Sceaux en transition" in client.get(url).content.decode()


def test_a_write_to_an_ignored_table_keeps_the_version(territory):
    before = versions.current()
    Session.objects.filter(pk="nothing").delete()
    assert versions.current() == before


def test_the_version_moves_after_commit_as_well(territory):
    before = versions.current()
    Territory.objects.filter(pk=territory.pk).update(name="Ailleurs")
    Territory.objects.filter(pk=territory.pk).update(name="Encore ailleurs")
    pending = [func for _, func, _ in connection.run_on_commit if func is versions.bump]
    assert pending == [versions.bump]  # one after-commit bump per transaction
    middle = versions.current()
    pending[0]()
    assert before != middle != versions.current()


def test_logged_in_people_never_get_the_anonymous_page(client, territory):
    person = member(territory)
    client.get(territory.get_absolute_url())
    client.force_login(person)
    response = client.get(territory.get_absolute_url())
    assert "ETag" not in response
    assert "logout" in response.content.decode() or "déconnexion" in response.content.decode()


def test_conditional_get_is_answered_without_rendering(
    client, territory, django_assert_num_queries
):
    etag = client.get(territory.get_absolute_url())["ETag"]
    with django_assert_num_queries(0):
        response = client.get(territory.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    Project.objects.filter(territory=territory).update(title="x")  # no row: still a write
    Territory.objects.filter(pk=territory.pk).update(name="Changé")
    assert client.get(territory.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_forms_of_a_cached_page_carry_the_visitors_own_csrf_token(territory):
    url = territory.get_absolute_url()
    Client().get(url)  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(url).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = visitor.post("/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_pages_with_a_flash_message_are_not_cached(client, territory, rf):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from ensemble.core.pagecache import _cacheable_request

    request = rf.get(territory.get_absolute_url())
    request.user = type("Anonymous", (), {"is_authenticated": False})()
    request.session = {}
    request._messages = FallbackStorage(request)
    assert _cacheable_request(request)
    request._messages.add(20, "Bienvenue")
    assert not _cacheable_request(request)
    assert list(get_messages(request))


def test_the_cache_can_be_turned_off(client, territory, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(territory.get_absolute_url())
    response = client.get(territory.get_absolute_url())
    assert "ETag" not in response


def test_time_alone_expires_a_page(client, territory, monkeypatch):
    import time as clock

    url = territory.get_absolute_url()
    first_etag = client.get(url)["ETag"]
    later = clock.time() + 31
    monkeypatch.setattr("ensemble.core.pagecache.time.time", lambda: later)
    assert client.get(url)["ETag"] != first_etag


def test_the_api_and_the_admin_are_never_cached(client, territory):
    assert "ETag" not in client.get("/api/v1/territories")
    assert "ETag" not in client.get("/healthz")


def test_a_connection_opened_inside_an_execute_wrapper_block_leaves_no_wrapper_behind(territory):
    def counter(execute, sql, params, many, context):
        return execute(sql, params, many, context)

    # As in a new thread of a server: the connection object has no wrapper yet.
    connection.execute_wrappers[:] = [
        w for w in connection.execute_wrappers if w is not versions.watch_writes
    ]
    for _ in range(3):
        with connection.execute_wrapper(counter):
            versions.install(sender=None, connection=connection)  # what connection_created does
            Territory.objects.count()
        assert counter not in connection.execute_wrappers
    assert connection.execute_wrappers.count(versions.watch_writes) == 1


def test_an_expired_page_is_rendered_once_the_others_get_the_kept_copy_meanwhile(
    client, territory, monkeypatch, django_assert_num_queries
):
    import time as clock

    from django.core.cache import cache

    from ensemble.core import pagecache

    url = territory.get_absolute_url()
    first = client.get(url)
    key = pagecache._key(client.get(url).wsgi_request)  # served kept: same key
    later = clock.time() + 31
    monkeypatch.setattr("ensemble.core.pagecache.time.time", lambda: later)
    cache.add(f"page-refresh:{key}", 1, 10)  # another request is rendering it now
    with django_assert_num_queries(0):
        kept = client.get(url)
    assert kept.status_code == 200 and kept["ETag"] == first["ETag"]
    cache.delete(f"page-refresh:{key}")
    assert client.get(url)["ETag"] != first["ETag"]  # this one renders it again
