"""Quote-attribution service: quotations, their speakers and their variants in news text.

Importing this package loads nothing; `service.app.create_app()` wires the application.
`service.__version__` is the installed distribution's version (pyproject.toml's), read when first asked.
"""
from __future__ import annotations

from importlib.metadata import version

DISTRIBUTION = "quote-service"


def __getattr__(name: str) -> str:
    # A module __getattr__ (PEP 562): the metadata lookup happens on first use, not at import.
    if name == "__version__":
        return version(DISTRIBUTION)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
