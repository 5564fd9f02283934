"""The Makefile's mechanisms: system packages installed only when this user can, `make clean`, no sticky venv.

scripts/system-packages.sh runs with a PATH of stand-in commands (`id`, `sudo`, `apt-get`), so each case
(root, passwordless sudo, neither; CI or not) is tried without touching the machine's packages.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "system-packages.sh"
SH = shutil.which("sh") or "/bin/sh"


def stand_in(bin_dir: Path, name: str, body: str) -> None:
    """An executable `name` in `bin_dir` running the shell `body`."""
    path = bin_dir / name
    path.write_text(f"#!{SH}\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def run_script(tmp_path: Path, *pairs: str, uid: int, sudo: bool, ci: bool) -> subprocess.CompletedProcess[str]:
    """The script with stand-ins: `present-tool` exists; apt-get records its arguments in apt.log."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "apt.log"
    stand_in(bin_dir, "id", f"echo {uid}")
    stand_in(bin_dir, "present-tool", "exit 0")
    stand_in(bin_dir, "apt-get", f'echo "$*" >> {log}')
    if sudo:
        stand_in(bin_dir, "sudo", '[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"')
    env = {"PATH": str(bin_dir), **({"CI": "true"} if ci else {})}
    return subprocess.run([SH, str(SCRIPT), *pairs], env=env, capture_output=True, text=True, timeout=30,
                          check=False)


def apt_calls(tmp_path: Path) -> list[str]:
    """What the stand-in apt-get was asked, one call a line."""
    log = tmp_path / "apt.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.parametrize("uid, sudo", [(0, False), (1000, True)], ids=["root", "passwordless-sudo"])
def test_missing_packages_are_installed_when_this_user_can(tmp_path: Path, uid: int, sudo: bool) -> None:
    """Only the packages whose command is missing are installed, in one apt-get call."""
    result = run_script(tmp_path, "present-tool:present", "absent-a:pkg-a", "absent-b:pkg-b",
                        uid=uid, sudo=sudo, ci=True)
    assert result.returncode == 0, result.stderr
    assert apt_calls(tmp_path) == ["install -y pkg-a pkg-b"]


def test_without_root_or_sudo_it_names_what_is_missing_and_goes_on(tmp_path: Path) -> None:
    """Outside CI the run goes on, having said which packages are missing and the command to run."""
    result = run_script(tmp_path, "present-tool:present", "absent-a:pkg-a", uid=1000, sudo=False, ci=False)
    assert result.returncode == 0
    assert "missing Debian packages: pkg-a" in result.stderr
    assert "sudo apt-get update && sudo apt-get install -y pkg-a" in result.stderr
    assert "present" not in result.stderr.replace("present-tool", "")
    assert apt_calls(tmp_path) == []


def test_under_ci_a_package_it_cannot_install_fails_the_run(tmp_path: Path) -> None:
    """CI=true and no way to install: exit 1 with the reason, instead of tests that skip."""
    result = run_script(tmp_path, "absent-a:pkg-a", uid=1000, sudo=False, ci=True)
    assert result.returncode == 1
    assert "CI=true needs them" in result.stderr and "pkg-a" in result.stderr


def test_nothing_missing_does_nothing(tmp_path: Path) -> None:
    """All commands present: no apt-get, no output."""
    result = run_script(tmp_path, "present-tool:present", uid=1000, sudo=False, ci=True)
    assert (result.returncode, result.stderr, apt_calls(tmp_path)) == (0, "", [])


def make(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make ARGS` with the project's Makefile, in a scratch directory."""
    shutil.copy(REPO_ROOT / "Makefile", tmp_path / "Makefile")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAKE")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_make_clean_removes_the_venv_tools_and_caches_but_not_the_sources(tmp_path: Path) -> None:
    """Everything the build made goes; sources and the lock stay."""
    made = [".venv/bin", "tools/redocly/node_modules/@redocly", "build/lib", "quote_service.egg-info",
            ".pytest_cache", ".hypothesis", "service/__pycache__"]
    for directory in made:
        (tmp_path / directory).mkdir(parents=True)
    kept = [tmp_path / "service" / "app.py", tmp_path / "requirements.lock", tmp_path / "tools/redocly/package.json"]
    for path in kept:
        path.write_text("x", encoding="utf-8")
    result = make(tmp_path, "clean")
    assert result.returncode == 0, result.stderr
    assert not any((tmp_path / directory).exists() for directory in made)
    assert all(path.exists() for path in kept)


def test_a_venv_that_fails_half_made_does_not_stick(tmp_path: Path) -> None:
    """A Python whose venv step makes .venv/bin/python and then fails leaves no .venv behind, twice over."""
    broken = tmp_path / "broken-python"
    broken.write_text(f"#!{SH}\nmkdir -p .venv/bin && ln -sf /bin/false .venv/bin/python\nexit 1\n",
                      encoding="utf-8")
    broken.chmod(0o755)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for _ in range(2):
        result = make(tmp_path, f"PYTHON={broken}", ".venv/.installed-serve")
        assert result.returncode != 0
        assert not (tmp_path / ".venv").exists(), result.stdout + result.stderr
