"""Settings: every field is in the README's table, METRICS_PORT parses, API_KEYS with an empty entry is refused."""
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


@pytest.mark.parametrize("raw", [",", " , ", "   ", "alpha,", "alpha,,beta", ", alpha"])
def test_api_keys_with_an_empty_entry_are_refused(raw: str) -> None:
    """A stray comma or blank value would silently turn authentication off or drop a key."""
    with pytest.raises(SettingsError, match="API_KEYS has an empty entry"):
        Settings.from_env({"API_KEYS": raw})


@pytest.mark.parametrize("raw, keys", [(" alpha, beta ", ("alpha", "beta")), ("k1", ("k1",)), ("", ())])
def test_api_keys_are_read_trimmed_and_empty_means_unset(raw: str, keys: tuple[str, ...]) -> None:
    """Spaces around keys are dropped; API_KEYS= (compose's `${API_KEYS:-}`) leaves authentication off."""
    assert Settings.from_env({"API_KEYS": raw}).api_key_list == keys


def test_create_app_refuses_an_empty_api_key_override() -> None:
    """Overrides go through the same check as the environment."""
    with pytest.raises(SettingsError):
        Settings().updated({"api_keys": "a,,b"})


def test_cache_and_breaker_settings_come_from_the_environment() -> None:
    """The byte bound and the breaker are configurable like every other setting."""
    settings = Settings.from_env(
        {"CACHE_MAX_BYTES": "1048576", "REDIS_BREAKER_FAILURES": "5", "REDIS_BREAKER_RESET": "2.5"}
    )
    assert (settings.cache_max_bytes, settings.redis_breaker_failures, settings.redis_breaker_reset) == (
        1048576, 5, 2.5,
    )
