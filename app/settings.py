"""One settings object, read from the environment."""

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "development-only-secret-change-me"
MIN_SECRET_LENGTH = 32


class Environment(StrEnum):
    development = "development"
    production = "production"


class Settings(BaseSettings):
    """Configuration for one running service; every field can be set by an environment variable."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    environment: Environment = Environment.development
    database_url: str = f"sqlite:///{ROOT / 'var' / 'checkin.db'}"
    secret_key: str = DEFAULT_SECRET
    secure_cookies: bool = False
    session_idle_minutes: int = Field(default=30, ge=1)
    session_absolute_hours: int = Field(default=12, ge=1)
    login_failures_before_lock: int = Field(default=10, ge=1)
    login_failures_per_address: int = Field(default=50, ge=1)
    lock_minutes: int = Field(default=15, ge=1)
    invite_days: int = Field(default=7, ge=1)
    invite_tries_per_address: int = Field(default=20, ge=1)
    disclosure_group_threshold: int = Field(default=10, ge=1)
    disclosure_cell_threshold: int = Field(default=10, ge=1)
    disclosure_rounding: int = Field(default=5, ge=1)
    out_of_hours_phone: str = "0300 123 4567"
    public_url: str = "http://127.0.0.1:8000"
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    mail_from: str = "check-in@localhost"
    notify_api_key: str | None = None
    notify_base_url: str = "https://api.notifications.service.gov.uk"
    notify_sms_template_id: str | None = None
    notify_receives_texts: bool = False
    alert_escalation_minutes: int = Field(default=120, ge=1)
    risk_answer_rest_minutes: int = Field(default=10, ge=1)
    quiet_weeks: int = Field(default=6, ge=1)
    retention_unshared_days: int = Field(default=365, ge=1)
    jobs_every_seconds: int = Field(default=30, ge=0)
    service_name: str = "Check-in"
    quick_exit_url: str = "https://www.bbc.co.uk/weather"
    council_name: str = "Demo Council"
    council_address: str = "Town Hall, 1 High Street, Demotown DM1 1AA"
    council_privacy_email: str = "privacy@demo-council.example"
    council_phone: str = "0300 123 0000"
    council_complaints_url: str = "https://demo-council.example/complaints"
    dpo_contact: str = "Data Protection Officer, Demo Council, dpo@demo-council.example"
    ico_registration: str = "Z0000000"
    processors: str = (
        "the council's hosting provider (servers in the UK); the council's email provider (staff emails only)"
    )
    default_language: str = "en"

    @model_validator(mode="after")
    def _production_is_safe(self) -> "Settings":
        if self.environment is Environment.production:
            if self.secret_key == DEFAULT_SECRET or len(self.secret_key) < MIN_SECRET_LENGTH:
                raise ValueError(
                    f"SECRET_KEY must be set to a random value of at least "
                    f"{MIN_SECRET_LENGTH} characters in production"
                )
            if not self.secure_cookies:
                raise ValueError("SECURE_COOKIES must be true in production")
        return self

    @property
    def session_cookie_name(self) -> str:
        return "__Host-checkin" if self.secure_cookies else "checkin"

    @property
    def anonymous_cookie_name(self) -> str:
        return "__Host-checkin-form" if self.secure_cookies else "checkin-form"

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.production


@lru_cache
def get_settings() -> Settings:
    """The settings of this process, read once."""
    return Settings()
