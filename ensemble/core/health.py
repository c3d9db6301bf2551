"""What /healthz checks: the database answers and the task queue is usable."""

import logging

from django.db import connection
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

logger = logging.getLogger(__name__)


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any failure means unhealthy, whatever the driver
        logger.exception("database health check failed")
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True}


def check_task_queue() -> dict:
    """Check the configured backend; for the database queue, read its backlog."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    result = {"ok": True, "backend": type(backend).__name__}
    if type(backend).__name__ != "DatabaseBackend":
        return result
    try:
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.ready()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        result["ready"] = ready.count()
        result["oldest_ready_seconds"] = (
            int((timezone.now() - oldest).total_seconds()) if oldest else 0
        )
    except Exception as error:
        logger.exception("task queue health check failed")
        return {"ok": False, "backend": result["backend"], "error": type(error).__name__}
    return result
