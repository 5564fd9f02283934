"""The layer rules of ARCHITECTURE.md, read from the import statements of each module."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parents[1] / "service"
WEB = {"flask", "werkzeug", "marshmallow"}


def imported_packages(path: Path) -> set[str]:
    """Top-level names of every package `path` imports (relative imports count as `service`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("service" if node.level else (node.module or "").split(".")[0])
    return names


def modules(*relative: str) -> list[Path]:
    """The .py files at `relative` paths under service/ (a directory means all of its modules)."""
    found: list[Path] = []
    for rel in relative:
        target = SERVICE / rel
        found.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return found


CORE = modules("nlp", "variants")


def test_the_core_packages_exist() -> None:
    """Guards the checks below against passing on an empty list."""
    assert {p.parent.name for p in CORE} == {"nlp", "variants"}


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(SERVICE)))
def test_language_core_imports_no_web_and_no_redis(path: Path) -> None:
    """nlp/ and variants/ are I/O-free: no HTTP framework, no schemas, no Redis."""
    assert imported_packages(path) & (WEB | {"redis"}) == set()


@pytest.mark.parametrize("path", modules("analysis.py", "cache.py", "config.py"), ids=lambda p: p.name)
def test_domain_modules_import_no_web(path: Path) -> None:
    """analyse(), the cache and the settings know nothing about HTTP."""
    assert imported_packages(path) & WEB == set()


@pytest.mark.parametrize("path", modules("config.py", "gunicorn_conf.py"), ids=lambda p: p.name)
def test_settings_modules_are_stdlib_only(path: Path) -> None:
    """Settings are read before anything else is importable (gunicorn reads its config first)."""
    assert imported_packages(path) - set(sys.stdlib_module_names) == set()


def test_the_checker_sees_imports(tmp_path: Path) -> None:
    """imported_packages finds plain, from- and relative imports, nested ones included."""
    source = "import flask.json\nfrom redis import Redis\nfrom . import x\ndef f():\n    import marshmallow\n"
    probe = tmp_path / "probe.py"
    probe.write_text(source, encoding="utf-8")
    assert imported_packages(probe) == {"flask", "redis", "service", "marshmallow"}
