from unittest import mock

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] and body["checks"]["tasks"]["ok"]
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_reports_a_broken_database_as_503(client):
    with mock.patch("ensemble.core.health.connection") as connection:
        connection.cursor.side_effect = RuntimeError("down")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["ok"] is False


def test_healthz_reads_the_database_queue_backlog(client):
    from django_tasks_db import DatabaseBackend

    from ensemble.core.tasks import send_email

    backend = DatabaseBackend(alias="default", params={})
    backend.enqueue(send_email, (), {"subject": "s", "body": "b", "to": ["a@example.org"]})
    with mock.patch("ensemble.core.health.task_backends", {"default": backend}):
        body = client.get("/healthz").json()
    assert body["checks"]["tasks"]["backend"] == "DatabaseBackend"
    assert body["checks"]["tasks"]["ready"] == 1
