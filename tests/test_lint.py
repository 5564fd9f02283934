"""The house lint holds: ruff's rules (pyproject [tool.ruff]) on every file, mypy --strict on service/."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing_in_service() -> None:
    result = run("mypy")  # packages = ["service"] in pyproject
    assert result.returncode == 0, result.stdout + result.stderr
