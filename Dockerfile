# The cleaner HTTP service: gunicorn serving cleaner.web:create_app().
#
#   docker build -t cleaner .
#   docker run --rm -p 8000:8000 cleaner
#
# Configuration is by environment variables (see README, "Docker"). A machine without access
# to the package index can build from a folder of wheels inside the build context:
#   docker build --build-arg WHEELHOUSE=wheelhouse -t cleaner .
# (pip then runs with --no-index; the folder must hold every dependency and hatchling.)

# ---- builder: build the package and its dependencies into a self-contained virtualenv
FROM python:3.12-slim AS builder

ARG WHEELHOUSE=""
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /src
# .dockerignore lets in only the package sources (and an optional wheelhouse)
COPY . .
# pip and setuptools are not needed at run time: they leave the virtualenv before it is copied
RUN if [ -n "$WHEELHOUSE" ]; then export PIP_NO_INDEX=1 PIP_FIND_LINKS="/src/$WHEELHOUSE"; fi \
    && python -m venv /opt/venv \
    && /opt/venv/bin/pip install . \
    && /opt/venv/bin/pip uninstall --yes pip setuptools

# ---- final: the virtualenv on a clean base, run as an unprivileged user
FROM python:3.12-slim

LABEL org.opencontainers.image.title="cleaner" \
      org.opencontainers.image.description="Text-encoding repair and boilerplate removal over HTTP" \
      org.opencontainers.image.licenses="MIT"

# Service settings are CLEANER_* variables (README, "Docker"); the image only has to listen
# on every interface instead of the loopback default.
ENV LANG=C.UTF-8 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    CLEANER_BIND=0.0.0.0:8000

RUN groupadd --gid 10001 cleaner \
    && useradd --uid 10001 --gid cleaner --no-log-init --create-home --shell /usr/sbin/nologin \
        cleaner

COPY --from=builder /opt/venv /opt/venv

USER 10001:10001
WORKDIR /home/cleaner
EXPOSE 8000

# probes the port of CLEANER_BIND (host:port) on the loopback interface
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; port = os.environ.get('CLEANER_BIND', ':8000').rsplit(':', 1)[1]; urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4)"]

ENTRYPOINT ["gunicorn", "--config", "python:cleaner.web.gunicorn_conf"]
CMD ["cleaner.web:create_app()"]
