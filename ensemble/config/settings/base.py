"""Settings shared by every environment, read from the environment.

The embedded default (SQLite in WAL mode, local-memory cache, database task
queue) needs no server; `DATABASE_URL` and `REDIS_URL` switch to PostgreSQL
and Redis without a code change.
"""

import importlib.util
import json
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = BASE_DIR / "ensemble"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form sent after the session expired: a page that keeps what was typed (core.views).
CSRF_FAILURE_VIEW = "ensemble.core.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "ninja",
    "ensemble.core",
    "ensemble.audit",
    "ensemble.accounts",
    "ensemble.territories",
    "ensemble.semantics",
    "ensemble.actors",
    "ensemble.projects",
    "ensemble.comments",
    "ensemble.moderation",
    "ensemble.activity",
    "ensemble.search",
    "ensemble.notifications",
    "ensemble.newsletters",
    "ensemble.messaging",
    "ensemble.matching",
    "ensemble.synthesis",
    "ensemble.introductions",
    "ensemble.maps",
    # Migrations only: the tables of the four apps below were created there (see its apps.py).
    "ensemble.participation",
    "ensemble.events",
    "ensemble.consultations",
    "ensemble.contributions",
    "ensemble.answers",
    "ensemble.results",
    "ensemble.sitepages",
    "ensemble.workbench",
    "ensemble.console",
    "ensemble.privacy",
    "ensemble.stats",
    "ensemble.opendata",
    "ensemble.resources",
    "ensemble.practices",
    "ensemble.budgets",
    "ensemble.questionnaires",
    "ensemble.api",
    "ensemble.home",
    "ensemble.demo",
]
# `seed_scale` and the benchmarks (bench/ at the root of a checkout, not in the
# wheel) need Faker, the `bench` extra: their app is installed only where it can run.
BENCH_AVAILABLE = all(importlib.util.find_spec(name) for name in ("bench", "faker"))
if BENCH_AVAILABLE:
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ensemble.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ensemble.core.middleware.InputBoundaryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ensemble.territories.middleware.CustomDomainMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ensemble.accounts.middleware.BearerTokenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ensemble.accounts.languages.UserLanguageMiddleware",
    "ensemble.territories.middleware.TerritoryMiddleware",
    "ensemble.accounts.mfa.AdminMFAMiddleware",
    # Last: sees the logged-in user and the flash messages, inside CSRF (docs/architecture.md).
    "ensemble.core.pagecache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "ensemble.config.urls"
WSGI_APPLICATION = "ensemble.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ensemble.territories.context_processors.platform",
                "ensemble.messaging.context_processors.unread",
                "ensemble.notifications.context_processors.unread",
                "ensemble.accounts.context_processors.unverified_email",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
SQLITE_PATH = os.environ.get("SQLITE_PATH", str(BASE_DIR / "var" / "ensemble.sqlite3"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes; IMMEDIATE
    # transactions take the write lock up front instead of failing midway.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif env_bool("PG_PREPARED_STATEMENTS", False):
    # Opt-in: psycopg prepares a query the fifth time a kept connection (CONN_MAX_AGE) runs
    # it, and PostgreSQL may then reuse a generic plan instead of planning again. Measured
    # on the scale data (docs/deployment.md): it saves the planning of many-join queries but
    # a generic plan was 3x slower on a person's feed, so it is off unless chosen. Not
    # behind PgBouncer in transaction mode.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, rate limits -----------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ensemble"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    # Per process; pages and fragments (per audience, per query string) need more room
    # than the default 300 entries, or they evict each other under ordinary traffic.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("LOCAL_CACHE_ENTRIES", "3000"))},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Pages of visitors who are not logged in are kept per version of the data, which every
# committed write changes (core/versions.py, core/pagecache.py); 0 turns the cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "30"))
PAGE_CACHE_EXCLUDED = ["/admin/", "/api/", "/accounts/", "/healthz", "/static/", "/media/"]
# Parts of pages (`{% fragment %}`, core/templatetags/ensemble_cache.py), for everybody,
# kept per data version as well; 0 renders them every time.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
# Without a shared cache (no REDIS_URL) the data version is this file's modification time.
DATA_VERSION_FILE = os.environ.get("DATA_VERSION_FILE", f"{SQLITE_PATH}.version")

# --- Background tasks -----------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# A new account starts with the welcome steps (interests, neighbourhood, offer).
ACCOUNT_SIGNUP_REDIRECT_URL = "/me/bienvenue/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# A new account signs in once its address is confirmed: the only way for sign-up to
# answer the same for a known and an unknown address (ACCOUNT_PREVENT_ENUMERATION
# below; allauth needs mandatory verification for it). Contributing also requires a
# verified address (ensemble.accounts.predicates.has_verified_email).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Sign-up and password reset answer the same whether an address has an account or
# not; the email sent tells the truth ("you already have an account", "no account").
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "ensemble.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "ensemble.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
# API tokens die after this many days (and with a password change).
ENSEMBLE_API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Ensemble")
# Territory and network admins must set up a second factor before using the
# administration pages when this is on (production default).
ENSEMBLE_REQUIRE_MFA_FOR_ADMINS = env_bool("REQUIRE_MFA_FOR_ADMINS", False)

# OpenID Connect providers (FranceConnect, ProConnect, a city's Keycloak…),
# as a JSON list of allauth "APPS" entries; see docs/admin.md.
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "APPS": json.loads(os.environ.get("OIDC_PROVIDERS", "[]")),
        "OAUTH_PKCE_ENABLED": True,
    }
}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_ONLY = False

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "ensemble_language"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email ------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ensemble <ne-pas-repondre@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address people reach the platform at: every link in an email starts with it
# (a territory with its own domain uses that domain). `serve` sets it to its port.
SITE_URL = os.environ.get("SITE_URL") or f"http://localhost:{os.environ.get('PORT', '8000')}"
# Digests and newsletters: how many emails one task sends.
ENSEMBLE_EMAIL_BATCH_SIZE = int(os.environ.get("EMAIL_BATCH_SIZE", "200"))

# Behind N reverse proxies, the client is the N-th address from the end of
# X-Forwarded-For; rate limits key on it (see ensemble.core.http.client_ip).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "ensemble.core.http.client_ip"

# --- API --------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 100

# --- Ensemble ---------------------------------------------------------------
ENSEMBLE_AVATAR_MAX_BYTES = 2 * 1024 * 1024
ENSEMBLE_AVATAR_MAX_PIXELS = 4000 * 4000
# Messages one person may send a minute, in every conversation together.
ENSEMBLE_MESSAGES_PER_MINUTE = int(os.environ.get("MESSAGES_PER_MINUTE", "10"))
# Every uploaded image: pixels read from the header, refused before decoding.
ENSEMBLE_IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", str(40_000_000)))
ENSEMBLE_AVATAR_SIZE = 256
ENSEMBLE_PAGE_SIZE = 24

# Map tiles (django-leaflet): any XYZ tile server, none by default (no third party sees
# the visitors); pages work without tiles. E.g. the city's own tile server, or
# https://tile.openstreetmap.org/{z}/{x}/{y}.png (then named on the privacy page).
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = os.environ.get(
    "MAP_TILES_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# Address search in the map picker of forms: a URL template with {query} answering GeoJSON
# (features with a `label`, `display_name` or `name` property), e.g.
# https://api-adresse.data.gouv.fr/search/?q={query}&limit=5 (France's address base). Off
# (empty) by default: no search box and no request leaves the site. When on, the visitor's
# browser calls it (the Content-Security-Policy allows its origin); name it on the privacy page.
MAP_GEOCODER_URL = os.environ.get("MAP_GEOCODER_URL", "")
# Leaflet's files as shipped by django-leaflet, served as static/leaflet/…. The
# "leaflet" app itself is not installed: its admin module needs GeoDjango (GDAL).
_LEAFLET_SPEC = importlib.util.find_spec("leaflet")
if _LEAFLET_SPEC is not None and _LEAFLET_SPEC.submodule_search_locations:
    STATICFILES_DIRS = [
        ("leaflet", Path(_LEAFLET_SPEC.submodule_search_locations[0]) / "static" / "leaflet")
    ]
LEAFLET_CONFIG = {
    "TILES": (
        [("", MAP_TILES_URL, {"attribution": MAP_TILES_ATTRIBUTION, "maxZoom": 19})]
        if MAP_TILES_URL
        else []
    ),
}

# --- Privacy: "download my data" and retention (docs/admin.md, privacy) ---------
ENSEMBLE_EXPORT_LINK_HOURS = int(os.environ.get("EXPORT_LINK_HOURS", "48"))
ENSEMBLE_EXPORTS_PER_DAY = 3
ENSEMBLE_RETENTION_UNCONFIRMED_ACCOUNT_DAYS = int(
    os.environ.get("RETENTION_UNCONFIRMED_DAYS", "30")
)
ENSEMBLE_RETENTION_READ_NOTIFICATION_DAYS = int(
    os.environ.get("RETENTION_READ_NOTIFICATIONS_DAYS", "180")
)
ENSEMBLE_RETENTION_NOTIFICATION_DAYS = int(os.environ.get("RETENTION_NOTIFICATIONS_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Protected media (ensemble.core.media) -----------------------------------
# Files of objects that may be hidden are sent by the web server after Django's
# access check: nginx `internal` location prefix (X-Accel-Redirect), or
# X-Sendfile (Apache, lighttpd). Neither: Django sends the bytes itself.
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
MEDIA_X_SENDFILE = env_bool("MEDIA_X_SENDFILE", False)
