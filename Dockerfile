# syntax=docker/dockerfile:1
# Build stage: install the project and its model (a PyPI package) into a venv; the runtime copies only the venv.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install --no-cache-dir .

FROM python:3.11-slim
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    BIND=0.0.0.0:8000
RUN useradd --create-home --uid 10001 app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# The source beside openapi.yaml: gunicorn puts /app first on sys.path, so /openapi.yaml is served from here.
# Owned by root and read-only to the service user.
COPY service ./service
COPY openapi.yaml ./openapi.yaml
USER 10001
EXPOSE 8000
# No curl in slim images: the stdlib fetches /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["gunicorn", "-c", "service/gunicorn_conf.py"]
