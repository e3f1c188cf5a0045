"""Settings for CIO-stelsel.

Everything that differs between a laptop, CI and production is read from an
environment variable, documented where it is read and in the README. With no
variable set you get a safe local default: an SQLite file in the project
directory, an in-process cache, Celery tasks executed in-process, DEBUG off.

DJANGO_SETTINGS_MODE=production switches on the production checks: it refuses
to start without SECRET_KEY and ALLOWED_HOSTS and turns on secure cookies,
HSTS and the SSL redirect.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent

# DJANGO_SETTINGS_MODE: "development" (default) or "production".
MODE = env("DJANGO_SETTINGS_MODE", "development")
if MODE not in {"development", "production"}:
    raise ImproperlyConfigured(f"DJANGO_SETTINGS_MODE moet 'development' of 'production' zijn, niet {MODE!r}.")
PRODUCTION = MODE == "production"

# DJANGO_DEBUG: "1" shows Django's debug pages. Never honoured in production.
DEBUG = env_bool("DJANGO_DEBUG", False) and not PRODUCTION

# SECRET_KEY: required in production; a fixed, clearly unsafe key otherwise.
SECRET_KEY = env("SECRET_KEY", "")
# ALLOWED_HOSTS: comma separated; required in production.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
if PRODUCTION:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY is verplicht in productie (DJANGO_SETTINGS_MODE=production).")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS is verplicht in productie (DJANGO_SETTINGS_MODE=production).")
else:
    SECRET_KEY = SECRET_KEY or "onveilig-alleen-voor-lokale-ontwikkeling-niet-in-productie-gebruiken-0123456789"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]

# CSRF_TRUSTED_ORIGINS: comma separated origins (https://cio.example.nl) behind a proxy.
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "axes",
    # Two-factor authentication (BIO 5.17.01): TOTP devices and recovery codes (cio_stelsel/tweede_factor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Passkeys (WebAuthn) as a second factor, a django-otp device type (cio_stelsel/passkeys.py).
    "django_otp_webauthn",
    "cio_stelsel",
    "portfolio",
    "oordelen",
    "informatieplannen",
    "dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cio_stelsel.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Stored public pages for anonymous visitors, before sessions, CSRF and authentication (dashboard/cache.py).
    "dashboard.cache.PubliekeCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): the session passed the second factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    # A logged-in user who has not passed the second factor reaches only the log-in,
    # second-factor and public pages (cio_stelsel/middleware.py).
    "cio_stelsel.middleware.TweedeFactorMiddleware",
    "cio_stelsel.middleware.SessieVerlengenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "cio_stelsel.forms.CioFormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cio_stelsel.context_processors.navigatie",
            ],
        },
    },
]

# DATABASE_URL: e.g. postgres://postgres@127.0.0.1:5432/cio_stelsel (psycopg 3).
# Without it: the SQLite file db.sqlite3 in the project directory.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60" if PRODUCTION else "0")),
        # A persistent connection that died (database restarted) is replaced at the next request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests on SQLite use a file, not Django's default in-memory database, so
    # that tests with several threads (tests/oordelen/test_gelijktijdig.py)
    # share one database. One file per test process: concurrent runs do not clash.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"cio_stelsel_test_{os.getpid()}.sqlite3")}
    # Take the write lock at BEGIN, so two simultaneous decisions queue up and the
    # second sees the first's result, instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # The embedded default as a real database: in WAL mode readers never wait for
    # a writer (public pages keep answering while an import writes), and a writer
    # waits up to SQLITE_DB_TIMEOUT seconds for another instead of failing with
    # "database is locked". synchronous=NORMAL is safe in WAL mode (a power cut
    # can lose the last commits, never corrupt the file).
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    DATABASES["default"]["OPTIONS"]["timeout"] = int(env("SQLITE_DB_TIMEOUT", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The format of manage.py backup_maken (cio_stelsel/backup.py).
SERIALIZATION_MODULES = {"backupjson": "cio_stelsel.backupformaat"}

# REDIS_URL: e.g. redis://127.0.0.1:6379/0, used for the cache and (unless
# CELERY_BROKER_URL is set) as the Celery broker and result backend.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Turns a Redis outage into a cache miss (cio_stelsel/cache.py); short
            # socket timeouts so that an outage costs a request little.
            "BACKEND": "cio_stelsel.cache.VeerkrachtigeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "cio"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# CELERY_BROKER_URL: overrides REDIS_URL as broker. Without either, tasks run
# in-process (eager), so the application needs no worker locally.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", REDIS_URL) or "memory://"
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", REDIS_URL) or None
# CELERY_TASK_ALWAYS_EAGER: defaults to on when there is no broker.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
# The state of every piece of work is in the database (Importtaak, Jaarrapportage,
# the oordeel's PDF); nothing reads Celery results. Ignoring them also keeps a
# Redis outage from failing the queueing in the result store.
CELERY_TASK_IGNORE_RESULT = True
# Queueing while the broker is down fails fast (cio_stelsel/wachtrij.py keeps the task).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# A task of a worker that died (acks_late) is delivered again after this many
# seconds (Redis); longer than the longest task (the import's time limit: 1 h).
# Workers look for such tasks every 10 s (at most the timeout), with one cheap
# Redis query each time (kombu's default scans only every 100 s).
_ZICHTBAARHEID = int(env("CELERY_VISIBILITY_TIMEOUT", str(2 * 60 * 60)))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _ZICHTBAARHEID,
    "unacked_restore_interval": max(1, min(10, _ZICHTBAARHEID)),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE = {
    "roltoewijzingen-bijwerken": {
        "task": "cio_stelsel.tasks.roltoewijzingen_bijwerken",
        "schedule": crontab(hour=0, minute=5),
    },
    # Tasks kept in the database while the broker was unreachable (cio_stelsel/wachtrij.py).
    "uitgestelde-taken-versturen": {
        "task": "cio_stelsel.tasks.uitgestelde_taken_versturen",
        "schedule": 60.0,
    },
}

AUTH_USER_MODEL = "auth.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Argon2id first (cio_stelsel/wachtwoorden.py); the others only to read hashes stored before.
PASSWORD_HASHERS = [
    "cio_stelsel.wachtwoorden.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Two-factor authentication (BIO 5.17.01, cio_stelsel/tweede_factor.py): every account
# that logs in passes a TOTP code (or a one-time recovery code) after the password;
# there is no setting to skip it. OTP_TOTP_ISSUER: the name the authenticator app shows.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "CIO-stelsel")
# Failed codes slow down further attempts on the device (django-otp throttling, seconds x 2^n).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Passkeys (WebAuthn, django-otp-webauthn) as a second factor after the password, never
# instead of it (no passwordless log-in). A credential is bound to the relying-party ID,
# a domain (never an IP address: at http://127.0.0.1:8000 browsers refuse passkeys, use
# http://localhost:8000 there). Changing the ID makes every registered passkey unusable.
#   WEBAUTHN_RP_ID: the domain (default: localhost; in production the first ALLOWED_HOSTS entry).
#   WEBAUTHN_ORIGINS: comma separated origins the ceremonies may come from (default:
#     http://localhost:8000; in production https://<WEBAUTHN_RP_ID>).
#   WEBAUTHN_RP_NAME: the name the browser shows (default CIO-stelsel).
OTP_WEBAUTHN_RP_ID = env("WEBAUTHN_RP_ID") or ((ALLOWED_HOSTS[0].lstrip(".*") or "localhost") if PRODUCTION else "localhost")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("WEBAUTHN_ORIGINS", [f"https://{OTP_WEBAUTHN_RP_ID}"] if PRODUCTION else ["http://localhost:8000"])
OTP_WEBAUTHN_RP_NAME = env("WEBAUTHN_RP_NAME") or "CIO-stelsel"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# Single sign-on by OpenID Connect (mozilla-django-oidc, cio_stelsel/sso.py): on only when
# OIDC_RP_CLIENT_ID is set. The identity is matched to an existing Persoon by e-mail (or the
# claim OIDC_PERSOON_CLAIM); no user or role is ever created from claims.
#   OIDC_RP_CLIENT_ID, OIDC_RP_CLIENT_SECRET: the client registered at the provider.
#   OIDC_OP_DISCOVERY_URL: the issuer (…/.well-known/openid-configuration is read at start-up),
#     or each endpoint: OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT,
#     OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT.
#   OIDC_RP_SIGN_ALGO (RS256), OIDC_RP_SCOPES ("openid email profile").
#   OIDC_PERSOON_CLAIM: the claim holding the Persoon's e-mail address (default "email").
#   OIDC_MFA_AMR: amr values that count as multi-factor at the provider (default mfa,otp,hwk,swk,sc);
#   OIDC_MFA_ACR: acr values that do (comma separated, default none). Without either the
#     local TOTP code is still asked after the SSO log-in.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
SSO_AAN = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_DISCOVERY_URL = env("OIDC_OP_DISCOVERY_URL", "")
OIDC_PERSOON_CLAIM = env("OIDC_PERSOON_CLAIM", "email")
OIDC_MFA_AMR = env_list("OIDC_MFA_AMR", ["mfa", "otp", "hwk", "swk", "sc"])
OIDC_MFA_ACR = env_list("OIDC_MFA_ACR", [])
OIDC_CREATE_USER = False  # never: an unknown identity is refused (cio_stelsel/sso.py)
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_terug"
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"
if SSO_AAN:
    if OIDC_OP_DISCOVERY_URL and not OIDC_OP_AUTHORIZATION_ENDPOINT:
        from config.env import oidc_ontdekken

        for _sleutel, _waarde in oidc_ontdekken(OIDC_OP_DISCOVERY_URL).items():
            globals()[_sleutel] = _waarde
    AUTHENTICATION_BACKENDS.insert(1, "cio_stelsel.sso.PersoonOidcBackend")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cio_stelsel:werkvoorraad"
LOGOUT_REDIRECT_URL = "dashboard:home"

# Password reset by e-mail (cio_stelsel/wachtwoordherstel.py): requests per hour from one
# IP address, and e-mails per hour to one address; the link is valid PASSWORD_RESET_TIMEOUT seconds.
WACHTWOORDHERSTEL_PER_IP = int(env("WACHTWOORDHERSTEL_PER_IP", "10"))
WACHTWOORDHERSTEL_PER_ADRES = int(env("WACHTWOORDHERSTEL_PER_ADRES", "3"))
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_TIMEOUT", str(60 * 60)))

# django-axes: lock out a username + IP combination after AXES_FAILURE_LIMIT
# failed log-ins for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(env("AXES_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# django-guardian: no anonymous user row; object permissions only through the
# direct foreign-key models in cio_stelsel.models.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# MEDIA_ROOT: where generated reports are stored.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

# E-mail: console locally; EMAIL_URL-like settings in production.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "CIO-stelsel <noreply@cio-stelsel.localhost>")

# Security. Safe everywhere; the HTTPS-only parts only in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Staff sessions end after SESSIE_INACTIEF_MINUTEN minutes without a request
# (BIO: automatic log-off): a request renews the expiry, at most once a minute
# (cio_stelsel.middleware.SessieVerlengenMiddleware). Anonymous visitors have no
# session, so public pages stay cacheable. A password change ends the user's
# other sessions (Django's session hash; tests/cio_stelsel/test_beveiliging.py).
SESSION_COOKIE_AGE = int(env("SESSIE_INACTIEF_MINUTEN", "30")) * 60

# /.well-known/security.txt (RFC 9116) and the page on reporting a vulnerability.
SECURITY_TXT_CONTACT = env("SECURITY_TXT_CONTACT", "mailto:security@cio-stelsel.localhost")
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy, set by cio_stelsel.middleware: no inline script or style.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# The API (/api/v1/, config/api_urls.py). Errors are application/problem+json
# (cio_stelsel.api.exceptions); every permission comes from the services and
# zichtbaar_voor(), never from the API. Throttle rates per IP ("anon"), per
# user ("user") and for the public endpoints ("publiek"), read at request time:
# API_THROTTLE_ANON, API_THROTTLE_USER, API_THROTTLE_PUBLIEK (e.g. "60/minute").
# The deepest nesting of arrays and objects a JSON request body may have (cio_stelsel/api/parsers.py).
API_JSON_MAX_DIEPTE = int(env("API_JSON_MAX_DIEPTE", "32"))
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "cio_stelsel.api.schema.ApiSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so an unauthenticated request gets 401 with WWW-Authenticate (not 403).
        "cio_stelsel.api.authentication.ApiTokenAuthentication",
        # A session only after the second factor (cio_stelsel/tweede_factor.py).
        "cio_stelsel.api.authentication.GeverifieerdeSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "cio_stelsel.api.permissions.TokenMagSchrijven",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "cio_stelsel.api.exceptions.ProbleemRenderer"],
    # JSON with a bounded nesting depth (API_JSON_MAX_DIEPTE above): a deep body is a 400, not a RecursionError.
    "DEFAULT_PARSER_CLASSES": ["cio_stelsel.api.parsers.BegrensdeJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend", "rest_framework.filters.OrderingFilter"],
    "DEFAULT_PAGINATION_CLASS": "cio_stelsel.api.pagination.Paginering",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "cio_stelsel.api.throttling.AnoniemThrottle",
        "cio_stelsel.api.throttling.GebruikerThrottle",
        "cio_stelsel.api.throttling.ScopeThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", "120/minute"),
        "user": env("API_THROTTLE_USER", "600/minute"),
        "publiek": env("API_THROTTLE_PUBLIEK", "3000/hour"),
    },
    "EXCEPTION_HANDLER": "cio_stelsel.api.exceptions.exception_handler",
    "NON_FIELD_ERRORS_KEY": "algemeen",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CIO-stelsel API",
    "DESCRIPTION": (
        "De API van het CIO-stelsel. Openbaar (zonder inloggen): de gepubliceerde gegevens van het Rijks "
        "ICT-dashboard onder /api/v1/publiek/, met dezelfde cijfers als de pagina's en de open data. Voor "
        "CIO-offices en de CIO Rijk (met een persoonlijk API-token of een sessie): ICT-activiteiten, publicatie, "
        "CIO-oordelen en AcICT-aanmeldingen, met precies de rechten van de pagina's. Fouten zijn "
        "application/problem+json (RFC 9457) met meldingen per veld in 'fouten'."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ActiviteitStatusEnum": "portfolio.models.Status",
        "SoortActiviteitEnum": "portfolio.models.Soort",
        "SoortGebeurtenisEnum": "portfolio.models.Gebeurtenis.Soort",
        "SoortNieuweGebeurtenisEnum": ["rapportage", "herijking"],
        "SoortToetsEnum": "portfolio.models.Kwaliteitstoets.Soort",
        "VersieStatusEnum": "portfolio.models.ActiviteitVersie.Status",
        "BeoordelingEnum": "oordelen.models.Beoordeling",
        "OordeelStatusEnum": "oordelen.models.CioOordeel.Status",
        "AanmeldingStatusEnum": "oordelen.models.Aanmelding.Status",
        "VoorwaardeStatusEnum": "oordelen.models.Voorwaarde.Status",
        "InformatieplanStatusEnum": "informatieplannen.models.Informatieplan.Status",
        "CriteriumEnum": "informatieplannen.models.Criterium",
        "ActieStatusEnum": "informatieplannen.models.Actie.Status",
        "ToezeggingStatusEnum": "informatieplannen.models.Toezegging.Status",
        "SoortToezeggingEnum": "informatieplannen.models.Toezegging.Soort",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# The domain's settings. GROTE_ICT_DREMPEL_EUR: the threshold for a "large ICT
# component" (Kader Portfoliomanagement Rijk; default EUR 5 million). The CIO
# Rijk changes the threshold in the reporting model (B13); this is its default.
GROTE_ICT_DREMPEL_EUR = int(env("GROTE_ICT_DREMPEL_EUR", "5000000"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO" if PRODUCTION else "WARNING")},
}
