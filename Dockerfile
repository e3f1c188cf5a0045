# Production image for CIO-stelsel: one image for web (gunicorn), worker and
# beat (Celery) and the one-shot migrate service; see docker-compose.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

# Debian packages WeasyPrint needs (Pango, HarfBuzz, a font): the same script
# `make run` uses, so the list lives in one place.
COPY scripts/systeempakketten.sh /tmp/systeempakketten.sh
RUN PYTHON=python3.11 bash /tmp/systeempakketten.sh run \
    && rm -rf /var/lib/apt/lists/* /tmp/systeempakketten.sh

WORKDIR /app

# Pinned dependencies first, so this layer is reused while only code changes.
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .

# Static files into /app/staticfiles (hashed names, compressed; WhiteNoise
# serves them). Production settings refuse to load without SECRET_KEY and
# ALLOWED_HOSTS, so build-only values are given to this one command.
RUN DJANGO_SETTINGS_MODE=production SECRET_KEY=alleen-voor-collectstatic ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# Run as an unprivileged user; media/ (generated reports) is its only
# writable directory and is a volume in docker-compose.yml.
RUN useradd --system --uid 1000 --home-dir /app app \
    && mkdir -p /app/media \
    && chown app:app /app/media
USER app

ENV DJANGO_SETTINGS_MODE=production
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
