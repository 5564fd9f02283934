"""The built wheel is a real package: openapi.yaml and py.typed inside, the licence, a version from one place.

The wheel is built from this checkout (`pip wheel --no-deps .`, as `pip install .` builds it) and installed
into a directory of its own, so nothing here can pass on the editable install's view of the source tree.
"""
from __future__ import annotations

import email.parser
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.specifiers import SpecifierSet

import service

REPO_ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` would install, built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(REPO_ROOT)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("quote_service-*.whl")
    return built


def wheel_metadata(wheel: Path) -> email.message.Message:
    """The wheel's METADATA as headers."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def test_the_wheel_ships_the_contract_the_types_marker_and_the_licence(wheel: Path) -> None:
    """service/openapi.yaml is the repository's document byte for byte; py.typed and LICENSE are in."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("service/openapi.yaml") == (REPO_ROOT / "openapi.yaml").read_bytes()
        assert "service/py.typed" in names
        assert {"service/api/static/docs/index.html", "service/api/static/docs/docs.js"} <= names
        licence = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        assert b"Apache License" in archive.read(licence) and b"Version 2.0" in archive.read(licence)
    metadata = wheel_metadata(wheel)
    assert metadata["License-Expression"] == "Apache-2.0"
    assert SpecifierSet(metadata["Requires-Python"]) == SpecifierSet(PYPROJECT["project"]["requires-python"])


def test_an_installed_service_answers_its_contract_and_version(wheel: Path, tmp_path: Path) -> None:
    """Installed (not editable) and run away from the checkout, /openapi.yaml is 200 and __version__ is set."""
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert install.returncode == 0, install.stderr
    # A blank English pipeline: this checks the package's files, not extraction, and loads in milliseconds.
    probe = (
        "import sys, spacy, service\n"
        "from service.app import create_app\n"
        "from service.cache import InMemoryCache\n"
        "assert service.__file__.startswith(sys.argv[1]), service.__file__\n"
        "client = create_app({}, nlp=spacy.blank('en'), cache=InMemoryCache()).test_client()\n"
        "response = client.get('/openapi.yaml')\n"
        "assert response.status_code == 200, response.status_code\n"
        "sys.stdout.buffer.write(service.__version__.encode() + b'\\n' + response.get_data())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(target)],
        cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    version, _, document = result.stdout.partition(b"\n")
    assert version.decode() == PYPROJECT["project"]["version"]
    assert document == (REPO_ROOT / "openapi.yaml").read_bytes()


def test_the_version_has_one_source() -> None:
    """service.__version__ is pyproject's version (via the installed metadata), and so is the contract's."""
    version = PYPROJECT["project"]["version"]
    assert service.__version__ == version
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["info"]["version"] == version
    with pytest.raises(AttributeError):
        service.not_a_setting  # noqa: B018


def test_requires_python_admits_3_11_to_3_13_and_this_interpreter() -> None:
    """The declared range is the one the suite is run on (README, "Licence, the model, and the package")."""
    supported = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert all(v in supported for v in ("3.11.0", "3.12.0", "3.13.0")) and "3.14.0" not in supported
    assert "{}.{}.{}".format(*sys.version_info[:3]) in supported
