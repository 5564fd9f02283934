"""Settings: every field is documented in the README's configuration table, and METRICS_PORT parses."""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from service.config import Settings, SettingsError

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_a_row_of_the_readme_table() -> None:
    """A setting added without its README row fails here."""
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", README.read_text(encoding="utf-8"), re.M))
    missing = {field.name.upper() for field in fields(Settings)} - documented
    assert not missing, f"add these to the README's Configuration table: {sorted(missing)}"


def test_metrics_port_is_an_optional_positive_integer() -> None:
    """Unset is None (metrics on the API port); a number is an int; anything else is a clear error."""
    assert Settings.from_env({}).metrics_port is None
    assert Settings.from_env({"METRICS_PORT": "9100"}).metrics_port == 9100
    with pytest.raises(SettingsError, match="METRICS_PORT must be"):
        Settings.from_env({"METRICS_PORT": "metrics"})
