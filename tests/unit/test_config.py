"""Settings: defaults that run offline, normalised URLs, one-line errors naming the setting."""

from __future__ import annotations

import pytest

from jobagent_core.config import SettingsError, load_settings

pytestmark = pytest.mark.unit

ALL_SETTINGS = (
    "DATABASE_URL",
    "UI_DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "BETTER_AUTH_SECRET",
    "BETTER_AUTH_URL",
    "GOOGLE_CLIENT_ID",
    "GOOGLE_CLIENT_SECRET",
    "LLM_BASE_URL",
    "LLM_API_KEY",
    "LLM_MODEL",
    "SMTP_URL",
    "STORAGE_DIR",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    for name in ALL_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no developer .env leaks in


def test_defaults_need_no_accounts() -> None:
    settings = load_settings()
    assert settings.DATABASE_URL == "sqlite:///var/jobagent.db"
    assert settings.ui_database_url == settings.DATABASE_URL
    assert settings.broker_url is None
    assert not settings.google_enabled
    assert not settings.llm_enabled
    assert not settings.smtp_enabled
    assert not settings.is_https


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db/x", "postgresql+psycopg://u:p@db/x"),
        ("postgresql://u@db:5433/x", "postgresql+psycopg://u@db:5433/x"),
        ("postgresql+psycopg2://u@db/x", "postgresql+psycopg://u@db/x"),
        ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db"),
    ],
)
def test_database_urls_are_normalised(
    monkeypatch: pytest.MonkeyPatch, given: str, expected: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", given)
    monkeypatch.setenv("UI_DATABASE_URL", given)
    settings = load_settings()
    assert settings.DATABASE_URL == expected
    assert settings.ui_database_url == expected


def test_env_file_is_read(tmp_path: object) -> None:
    from pathlib import Path

    Path(".env").write_text("LLM_BASE_URL=http://127.0.0.1:9/v1\nLLM_MODEL=small\n")
    settings = load_settings()
    assert settings.llm_enabled
    assert settings.LLM_MODEL == "small"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"DATABASE_URL": "mysql://x/y"},
            "Invalid setting DATABASE_URL: expected a postgresql:// or sqlite:// URL, "
            "got scheme 'mysql'",
        ),
        (
            {"DATABASE_URL": "not a url"},
            "Invalid setting DATABASE_URL: expected a URL such as "
            "postgresql://user:pass@host/db or sqlite:///path",
        ),
        (
            {"REDIS_URL": "http://x"},
            "Invalid setting REDIS_URL: expected a redis:// or rediss:// URL",
        ),
        (
            {"SMTP_URL": "mail.example.org"},
            "Invalid setting SMTP_URL: expected a smtp:// or smtps:// URL",
        ),
        (
            {"BETTER_AUTH_URL": "localhost:3000"},
            "Invalid setting BETTER_AUTH_URL: expected a http:// or https:// URL",
        ),
        (
            {"BETTER_AUTH_SECRET": "tooshort"},
            "Invalid setting BETTER_AUTH_SECRET: expected at least 32 characters "
            "(try: openssl rand -base64 32)",
        ),
        (
            {"GOOGLE_CLIENT_ID": "abc"},
            "Invalid setting GOOGLE_CLIENT_SECRET: set both GOOGLE_CLIENT_ID and "
            "GOOGLE_CLIENT_SECRET",
        ),
        (
            {"LLM_BASE_URL": "http://127.0.0.1:8000/v1"},
            "Invalid setting LLM_MODEL: required when LLM_BASE_URL is set",
        ),
        (
            {"BETTER_AUTH_URL": "https://jobs.example.org"},
            "Invalid setting BETTER_AUTH_SECRET: required when BETTER_AUTH_URL is https",
        ),
    ],
)
def test_bad_settings_fail_with_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_secrets_never_show_in_repr_or_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "s3cr3t-" + "x" * 40
    monkeypatch.setenv("BETTER_AUTH_SECRET", secret)
    monkeypatch.setenv("LLM_API_KEY", secret)
    settings = load_settings()
    assert secret not in repr(settings)
    assert secret not in str(settings.model_dump())
    monkeypatch.setenv("DATABASE_URL", f"mysql://root:{secret}@h/db")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert secret not in str(caught.value)


def test_trusted_origins_are_the_apps_own_its_loopback_aliases_and_the_setting() -> None:
    local = load_settings(BETTER_AUTH_URL="http://localhost:3000")
    assert local.trusted_origins == {
        "http://localhost:3000",
        "http://127.0.0.1:3000",
        "http://[::1]:3000",
    }
    hosted = load_settings(
        BETTER_AUTH_URL="https://jobs.example.org/",
        TRUSTED_ORIGINS="https://app.example.org, http://localhost:5173",
        BETTER_AUTH_SECRET="s" * 32,
    )
    assert hosted.trusted_origins == {
        "https://jobs.example.org",
        "https://app.example.org",
        "http://localhost:5173",
    }
    with pytest.raises(SettingsError, match="TRUSTED_ORIGINS"):
        load_settings(TRUSTED_ORIGINS="https://app.example.org/path")
