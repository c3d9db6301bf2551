"""The scale path, proven: two web nodes and a task worker on one PostgreSQL and one Redis.

docs/deployment.md describes the topology (a reverse proxy in front of N gunicorn nodes, one
or more `db_worker`s, PostgreSQL, Redis). This test runs it for real: two gunicorn processes
on two ports and a separate `db_worker`, on a database of their own, and checks what must
hold between nodes: sessions, counts, rate limits, the page cache and the task queue.
Runs where the suite runs on PostgreSQL and Redis (`make test-pg`, CI).
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith("postgres") and REDIS_URL),
    reason="two nodes need PostgreSQL and Redis (make test-pg)",
)

SEED = """
import json
from ensemble.accounts.services import api_token_create
from ensemble.consultations.tests.factories import ConsultationFactory
from ensemble.contributions.tests.factories import ContributionFactory
from ensemble.testing.factories import TerritoryFactory, member
territory = TerritoryFactory(slug="deux-noeuds", name="Deux nœuds")
person = member(territory, email="camille@example.org")
person.set_password("un mot de passe solide 42")
person.save()
from allauth.account.models import EmailAddress
EmailAddress.objects.update_or_create(
    user=person, email=person.email, defaults={"verified": True, "primary": True}
)
contribution = ContributionFactory(consultation=ConsultationFactory(territory=territory))
print(json.dumps({
    "token": api_token_create(user=person),
    "contribution": contribution.pk,
    "page": contribution.get_absolute_url(),
}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Node:
    """One HTTP client to one node, keeping its own cookies like a browser would."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.port = port
        self.cookies = cookies if cookies is not None else {}

    def request(self, method, path, *, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "localhost", **(headers or {})}  # one public host, as behind a proxy
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        connection.close()
        return response.status, dict(response.getheaders()), content


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    name = f"ensemble_nodes_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    import psycopg

    admin = urlunsplit(urlsplit(DATABASE_URL)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    static = tmp_path_factory.mktemp("static")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
        "DJANGO_SETTINGS_MODULE": "ensemble.config.settings.production",
        "DATABASE_URL": urlunsplit(urlsplit(DATABASE_URL)._replace(path=f"/{name}")),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"nodes-{uuid.uuid4().hex[:8]}",
        "SECRET_KEY": "two-nodes-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "REQUIRE_MFA_FOR_ADMINS": "0",
        "PAGE_CACHE_SECONDS": "30",
        "STATIC_ROOT": str(static),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    seeded = subprocess.run(
        [*manage, "shell", "-c", SEED], cwd=ROOT, env=env, check=True, capture_output=True,
        text=True,
    )  # fmt: skip
    data = json.loads(seeded.stdout.strip().splitlines()[-1])
    ports = [_free_port(), _free_port()]
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "ensemble.config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "2",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    processes.append(
        subprocess.Popen(
            [*manage, "db_worker", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )
    try:
        for port in ports:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if Node(port).request("GET", "/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"node on port {port} did not start")
                time.sleep(0.3)
        Node(ports[0]).request("GET", "/")  # the network's row is created on first use
        yield {"ports": ports, "env": env, "database": env["DATABASE_URL"], **data}
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _bearer(cluster) -> dict:
    return {"Authorization": f"Bearer {cluster['token']}"}


def test_a_session_opened_on_one_node_works_on_the_other(cluster):
    a_port, b_port = cluster["ports"]
    a = Node(a_port)
    status, _, html = a.request("GET", "/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, _headers, _ = a.request(
        "POST", "/accounts/login/",
        body=urlencode({"csrfmiddlewaretoken": token, "login": "camille@example.org",
                        "password": "un mot de passe solide 42"}),
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Referer": "http://localhost/accounts/login/"},
    )  # fmt: skip
    assert status == 302, "login refused on node A"
    b = Node(b_port, cookies=dict(a.cookies))
    status, _, html = b.request("GET", "/me/profile/")
    assert status == 200 and "/accounts/logout/" in html  # logged in on node B too


def test_a_support_posted_on_one_node_is_counted_on_the_other(cluster):
    a, b = (Node(port) for port in cluster["ports"])
    path = f"/api/v1/contributions/{cluster['contribution']}"
    status, _, _ = b.request("POST", f"{path}/support", headers=_bearer(cluster))
    assert status in (200, 201)
    status, _, body = a.request("GET", path, headers=_bearer(cluster))
    assert json.loads(body)["supports_count"] == 1
    b.request("DELETE", f"{path}/support", headers=_bearer(cluster))
    assert json.loads(a.request("GET", path, headers=_bearer(cluster))[2])["supports_count"] == 0


def test_a_page_cached_on_both_nodes_is_invalidated_by_a_write_on_one(cluster):
    a, b = (Node(port) for port in cluster["ports"])
    page = cluster["page"]
    etag_a = a.request("GET", page)[1]["ETag"]
    assert b.request("GET", page)[1]["ETag"] == etag_a  # one version for both nodes
    assert b.request("GET", page, headers={"If-None-Match": etag_a})[0] == 304
    api = f"/api/v1/contributions/{cluster['contribution']}/support"
    assert a.request("POST", api, headers=_bearer(cluster))[0] in (200, 201)
    status, headers, _ = b.request("GET", page, headers={"If-None-Match": etag_a})
    assert status == 200 and headers["ETag"] != etag_a
    a.request("DELETE", api, headers=_bearer(cluster))


def test_rate_limits_are_shared_between_nodes(cluster):
    a, b = (Node(port) for port in cluster["ports"])
    statuses = []
    for attempt in range(40):
        node = a if attempt % 2 else b
        body = json.dumps({"email": "camille@example.org", "password": f"faux {attempt}"})
        statuses.append(
            node.request(
                "POST", "/api/v1/auth/token", body=body,
                headers={"Content-Type": "application/json"},
            )[0]
        )  # fmt: skip
        if statuses[-1] == 429:
            break
    assert statuses[-1] == 429, statuses
    assert statuses.count(401) + statuses.count(400) < 40


def test_a_task_enqueued_by_a_node_is_run_by_the_worker(cluster):
    import psycopg

    a = Node(cluster["ports"][0])
    status, _, html = a.request("GET", "/accounts/password/reset/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, _, _ = a.request(
        "POST", "/accounts/password/reset/",
        body=urlencode({"csrfmiddlewaretoken": token, "email": "camille@example.org"}),
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Referer": "http://localhost/accounts/password/reset/"},
    )  # fmt: skip
    assert status == 302
    deadline = time.monotonic() + 60
    with psycopg.connect(cluster["database"], autocommit=True) as connection:
        while time.monotonic() < deadline:
            rows = connection.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s",
                ("%send_email%",),
            ).fetchall()
            if rows and all(row[0] == "SUCCESSFUL" for row in rows):
                break
            time.sleep(0.5)
    assert rows and {row[0] for row in rows} == {"SUCCESSFUL"}, rows
