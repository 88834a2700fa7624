"""Settings come from the environment; production refuses to start unsafely."""

import pytest
from pydantic import ValidationError

from app.settings import DEFAULT_SECRET, ROOT, Settings

STRONG = "k" * 48


def test_the_default_database_is_a_sqlite_file_under_var():
    assert Settings().database_url == f"sqlite:///{ROOT / 'var' / 'checkin.db'}"


def test_settings_are_read_from_environment_variables(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://db.example/checkin")
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "20")
    monkeypatch.setenv("OUT_OF_HOURS_PHONE", "01234 567890")
    monkeypatch.setenv("DISCLOSURE_GROUP_THRESHOLD", "20")
    settings = Settings()
    assert settings.database_url == "postgresql://db.example/checkin"
    assert settings.session_idle_minutes == 20
    assert settings.out_of_hours_phone == "01234 567890"
    assert settings.disclosure_group_threshold == 20


def test_disclosure_and_session_defaults_follow_the_rules():
    settings = Settings()
    assert (settings.disclosure_group_threshold, settings.disclosure_rounding) == (10, 5)
    assert (settings.session_idle_minutes, settings.session_absolute_hours) == (30, 12)


@pytest.mark.parametrize(
    "values",
    [
        {"secret_key": DEFAULT_SECRET, "secure_cookies": True},
        {"secret_key": "short-secret", "secure_cookies": True},
        {"secret_key": STRONG, "secure_cookies": False},
    ],
)
def test_production_refuses_a_default_or_short_secret_or_insecure_cookies(values):
    with pytest.raises(ValidationError):
        Settings(environment="production", **values)


def test_production_starts_with_a_strong_secret_and_secure_cookies():
    settings = Settings(environment="production", secret_key=STRONG, secure_cookies=True)
    assert settings.session_cookie_name == "__Host-checkin"
