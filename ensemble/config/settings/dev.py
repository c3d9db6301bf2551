"""Local development and the `make run` demo: DEBUG on, emails to the console."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: F405
WHITENOISE_USE_FINDERS = True
