"""gunicorn settings read from the environment; stdlib only (gunicorn imports it before the app)."""
import os

# BIND wins (e.g. BIND=0.0.0.0:8000 in a container); otherwise loopback on PORT.
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT') or '8000'}"
# spaCy is CPU-bound: one sync worker per core is the useful maximum.
workers = int(os.environ.get("WEB_CONCURRENCY") or "2")
# A batch of long articles can take tens of seconds to parse.
timeout = int(os.environ.get("TIMEOUT") or "120")
graceful_timeout = 30
# Load the model once in the master; workers share its memory copy-on-write after the fork.
preload_app = True
wsgi_app = "service.app:create_app()"
accesslog = "-"
errorlog = "-"
# The service's own loggers (cache fail-open warnings, logged 500s) go to stderr beside gunicorn's.
logconfig_dict = {
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
        "service": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
    },
}
