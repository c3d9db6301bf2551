"""Local development and the `make run` demo: DEBUG on, emails to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: F405
WHITENOISE_USE_FINDERS = True
# A checkout (the repository's root is on the path): the bench app always, so that
# a missing Faker (the `bench` extra, part of `dev`) fails loudly instead of hiding it.
if "bench" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
