"""gunicorn settings read from the environment; stdlib only (gunicorn imports it before the app)."""
import gc
import importlib
import os
import shutil
import sys
import tempfile
from typing import Any

# One BLAS thread per worker process, set before the app (and numpy) loads: OpenBLAS starts a thread per core in
# every process otherwise, and W workers on W cores oversubscribe them. The environment's own setting wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")
# BIND wins (e.g. BIND=0.0.0.0:8000 in a container); otherwise loopback on PORT.
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT') or '8000'}"
# spaCy is CPU-bound and holds the GIL while it parses: one worker process per core (2 on the 2-core target;
# set WEB_CONCURRENCY to the core count elsewhere).
workers = int(os.environ.get("WEB_CONCURRENCY") or "2")
# Threaded workers (gthread), so a cache hit, /healthz or /metrics never waits in a queue behind analyses, and a
# slow or silent client holds one thread (for at most CLIENT_TIMEOUT seconds), not the worker. Analyses take
# turns through the model one batch at a time (service/nlp/pipeline.py), at most ANALYSIS_CONCURRENCY at once.
# bench/faults.py measures it against sync workers (docs/notes/2026-12-01/issue-15.md and the README).
# A busy worker leaves a new connection to an idle one (service/gunicorn_balance.py): without that, two misses
# shared one of 2 workers 38% of the time while the other had nothing to do.
worker_class = os.environ.get("WORKER_CLASS") or "service.gunicorn_balance.BalancedThreadWorker"
# Enough threads for every client a worker may have at once: a request beyond them waits for a thread. A miss
# waiting for an analysis place holds one, so 50 clients can put 30+ connections in one worker: with 32 threads
# its cache hits waited 5-12 s for a thread (bench/faults.py, worst_case phase), with 64 none did.
threads = int(os.environ.get("THREADS") or "64")
# A batch of long articles can take tens of seconds to parse.
timeout = int(os.environ.get("TIMEOUT") or "120")
# On SIGTERM, workers finish their requests for this long before they are killed.
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT") or "30")
keepalive = int(os.environ.get("KEEPALIVE") or "5")
# Load the model once in the master; workers share its memory copy-on-write after the fork.
preload_app = (os.environ.get("PRELOAD") or "true").lower() not in ("0", "false", "no")
# Workers write metrics to files there, so /metrics sums all of them; set before the app is loaded.
_OWN_METRICS_DIR = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _OWN_METRICS_DIR:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quote-service-metrics-")
wsgi_app = "service.app:create_app()"
# The app logs one JSON line per request (logger service.access); gunicorn's own access log would repeat it.
accesslog = None
errorlog = "-"
# The service's own loggers (cache fail-open warnings, logged 500s) go to stderr beside gunicorn's.
logconfig_dict = {
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        # WARNING silences gunicorn's per-request lines: service.access already writes one per request.
        "gunicorn.access": {"level": "WARNING", "handlers": ["console"], "propagate": False},
        "service": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "service.access": {"level": "INFO", "handlers": ["access_json"], "propagate": False},
    },
    # The access line is a JSON document on its own, so log shippers can parse it as is.
    # Top-level keys replace gunicorn's defaults whole, so its own handlers and formatter are repeated here.
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stdout"},
        "error_console": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stderr"},
        "access_json": {"class": "logging.StreamHandler", "formatter": "message_only", "stream": "ext://sys.stdout"},
    },
    "formatters": {
        "generic": {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
                    "datefmt": "[%Y-%m-%d %H:%M:%S %z]", "class": "logging.Formatter"},
        "message_only": {"format": "%(message)s"},
    },
}


# Set, /metrics is served on this port by the master alone (and the API port answers it 404), so it can stay
# on a private network while the API is published.
metrics_port = int(os.environ["METRICS_PORT"]) if (os.environ.get("METRICS_PORT") or "").strip() else None


def when_ready(server: Any) -> None:
    """With METRICS_PORT set, serve every worker's metrics from the master on that port (a small thread)."""
    if metrics_port is None:
        return
    prometheus = importlib.import_module("prometheus_client")
    multiprocess = importlib.import_module("prometheus_client.multiprocess")
    registry = prometheus.CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=os.environ["PROMETHEUS_MULTIPROC_DIR"])
    config = importlib.import_module("service.config")  # in the hook: this module imports only the stdlib
    host = config.metrics_host(bind if isinstance(bind, str) else bind[0])
    prometheus.start_http_server(metrics_port, addr=host, registry=registry)
    server.log.info("Serving /metrics on %s:%d", host, metrics_port)


def on_starting(server: Any) -> None:
    """A graceful stop refuses new connections first and drains the queued ones: none is reset (gunicorn_drain.py)."""
    importlib.import_module("service.gunicorn_drain").install(server)  # stdlib only, like this module


def post_fork(server: Any, worker: Any) -> None:
    """Switch threads every 1 ms instead of 5: a hit's few milliseconds of Python wait less behind a parse."""
    sys.setswitchinterval(float(os.environ.get("SWITCH_INTERVAL") or "0.001"))


def pre_fork(server: Any, worker: Any) -> None:
    """Freeze the master's objects (the loaded model) out of the garbage collector before each fork.

    A collection in a worker would otherwise write to every object it scans, copying the model's pages
    that the worker shares with the master (see the `gc.freeze` documentation).
    """
    gc.freeze()


def child_exit(server: Any, worker: Any) -> None:
    """Mark a dead worker's metric files, so its live gauges stop counting (counters are kept)."""
    # Imported when a worker dies, long after start-up: the module itself must stay stdlib-only.
    multiprocess = importlib.import_module("prometheus_client.multiprocess")
    multiprocess.mark_process_dead(worker.pid)


def on_exit(server: Any) -> None:
    """Remove the metrics directory this config created."""
    if _OWN_METRICS_DIR:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
