# syntax=docker/dockerfile:1
# Build stage: install the locked dependencies (hashes checked), then the project, into a venv; the runtime
# stage copies only the venv. BASE_IMAGE and PIP_INDEX_URL (a mirror; unset: pip's default index) are build
# arguments: docker build --build-arg BASE_IMAGE=python:3.12-slim --build-arg PIP_INDEX_URL=... .
ARG BASE_IMAGE=python:3.11-slim

FROM ${BASE_IMAGE} AS build
ARG PIP_INDEX_URL
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
COPY requirements.lock ./
# Every distribution, the build backend included, is pinned and hash-checked: nothing is resolved here.
RUN pip install --no-cache-dir --require-hashes --no-deps ${PIP_INDEX_URL:+--index-url "$PIP_INDEX_URL"} \
        -r requirements.lock
COPY pyproject.toml README.md LICENSE openapi.yaml ./
COPY service ./service
RUN pip install --no-cache-dir --no-deps --no-build-isolation .

FROM ${BASE_IMAGE}
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    BIND=0.0.0.0:8000
RUN useradd --create-home --uid 10001 app
# Owned by root and read-only to the service user; openapi.yaml and /docs are package data inside it.
COPY --from=build /opt/venv /opt/venv
# An empty working directory: the service runs from the installed package, and writes only under /tmp
# (gunicorn's worker files and PROMETHEUS_MULTIPROC_DIR), so the root filesystem can be read-only.
WORKDIR /app
USER 10001
EXPOSE 8000
# No curl in slim images: the stdlib fetches /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["gunicorn", "-c", "python:service.gunicorn_conf"]
