from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ensemble.core import health


@require_GET
@never_cache
def healthz(request):
    checks = {"database": health.check_database(), "tasks": health.check_task_queue()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "vendor": connection.vendor, "checks": checks},
        status=200 if healthy else 503,
    )
