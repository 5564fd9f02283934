"""requirements.lock pins, with hashes, every dependency and build requirement that pyproject.toml declares."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCK = REPO_ROOT / "requirements.lock"
# "name==version ; marker \" then one "--hash=sha256:..." per line, until the next unindented line.
_PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)[^\n]*\n((?:[ \t]+--hash=sha256:[0-9a-f]{64}.*\n)+)", re.M
)


def locked_versions() -> dict[str, set[str]]:
    """Each locked distribution (canonical name) and its pinned versions (one per marker branch)."""
    text = LOCK.read_text(encoding="utf-8")
    pins: dict[str, set[str]] = {}
    for name, version, _hashes in _PIN.findall(text):
        pins.setdefault(canonicalize_name(name), set()).add(version)
    # Every requirement line was matched: none is left without a hash.
    requirement_lines = [line for line in text.splitlines() if re.match(r"^[A-Za-z0-9]", line)]
    assert len(requirement_lines) == sum(len(v) for v in pins.values()), "a pin without --hash"
    return pins


def test_the_lock_pins_every_declared_dependency_within_its_range() -> None:
    """A dependency added to pyproject.toml without `make lock` fails here, naming it."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = [*pyproject["project"]["dependencies"], *pyproject["build-system"]["requires"]]
    pins = locked_versions()
    for line in declared:
        requirement = Requirement(line)
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is not in requirements.lock: run `make lock`"
        assert any(requirement.specifier.contains(v, prereleases=True) for v in versions), (
            f"requirements.lock pins {requirement.name} {sorted(versions)}, outside {requirement.specifier}: "
            "run `make lock`"
        )


def test_the_lock_says_how_it_is_made() -> None:
    """The header names the command that regenerates it, not a developer's own invocation or index."""
    head = LOCK.read_text(encoding="utf-8").splitlines()[:3]
    assert "#    make lock" in head
    assert not any("index-url" in line or "find-links" in line for line in LOCK.read_text().splitlines())
