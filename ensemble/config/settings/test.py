"""The test suite: immediate task backend, fast hashing, in-memory email."""

import os
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / "var" / "test-media"))  # noqa: F405
# pytest-xdist: each worker ("gw0", "gw1"…) has its own database (pytest-django adds the
# suffix), its own media folder and its own cache keys, so workers never see each other.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER:
    MEDIA_ROOT = MEDIA_ROOT / XDIST_WORKER
    if "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
        CACHES["default"]["KEY_PREFIX"] += f"-{XDIST_WORKER}"  # noqa: F405
# Views are tested uncached (their query counts mean something); the page cache has its own
# tests, which turn it on. Each worker bumps its own data version.
PAGE_CACHE_SECONDS = 0
DATA_VERSION_FILE = str(BASE_DIR / "var" / f"test-data-version-{XDIST_WORKER or 'main'}")  # noqa: F405
ALLOWED_HOSTS = ["*"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # An in-memory test database; WAL and IMMEDIATE still apply to file databases.
    DATABASES["default"]["TEST"] = {"NAME": None}  # noqa: F405
WHITENOISE_USE_FINDERS = True
# A checkout (the repository's root is on the path): the bench app always, so that
# a missing Faker (the `bench` extra, part of `dev`) fails loudly instead of hiding it.
if "bench" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
