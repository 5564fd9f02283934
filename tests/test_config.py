"""Settings from the environment: API_KEYS with an empty entry is refused at start-up, not read as 'no auth'."""
from __future__ import annotations

import pytest

from service.config import Settings, SettingsError


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
