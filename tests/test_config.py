"""Settings: NEWSBRIEF_* from the environment or .env, validated at start-up."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from service.config import Settings, describe_settings_error
from service.llm.transport import ModelTransport


def test_defaults_serve_the_extractive_engine_on_localhost() -> None:
    settings = Settings(_env_file=None)
    assert (settings.host, settings.port, settings.max_text_chars) == ("127.0.0.1", 8000, 200_000)
    assert settings.engine_choice()[0] == "extractive"


def test_a_dotenv_file_is_read(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("NEWSBRIEF_PORT=9001\nNEWSBRIEF_MAX_TEXT_CHARS=5000\n")
    settings = Settings(_env_file=env)
    assert (settings.port, settings.max_text_chars) == (9001, 5000)


def test_a_base_url_makes_auto_mean_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_BASE_URL", "http://127.0.0.1:8765/v1")
    assert Settings(_env_file=None).engine_choice()[0] == "llm"


@pytest.mark.parametrize("variable", ["NEWSBRIEF_API_KEY", "OPENAI_API_KEY"])
def test_a_key_and_a_model_make_auto_mean_llm(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "sk-test")
    monkeypatch.setenv("NEWSBRIEF_MODEL", "gpt-4o-mini")
    settings = Settings(_env_file=None)
    assert settings.engine_choice()[0] == "llm"
    assert settings.endpoint() == "https://api.openai.com/v1"


@pytest.mark.parametrize("variable", ["NEWSBRIEF_API_KEY", "OPENAI_API_KEY"])
def test_a_key_alone_keeps_auto_extractive_and_says_why(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "sk-test")
    settings = Settings(_env_file=None)
    engine, why = settings.engine_choice()
    assert engine == "extractive"
    assert "NEWSBRIEF_MODEL is not" in why
    assert not settings.model_configured()


def test_a_key_alone_makes_explicit_llm_unavailable_naming_the_model_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert "set NEWSBRIEF_MODEL" in Settings(_env_file=None).llm_unavailable()


def test_openai_base_url_is_ignored_and_the_start_up_line_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://elsewhere.invalid/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("NEWSBRIEF_MODEL", "gpt-4o-mini")
    settings = Settings(_env_file=None)
    assert settings.endpoint() == "https://api.openai.com/v1"
    assert "OPENAI_BASE_URL is ignored" in settings.serving()


def test_the_start_up_line_names_the_endpoint_and_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSBRIEF_BASE_URL", "http://user:pw@127.0.0.1:8765/v1")
    monkeypatch.setenv("NEWSBRIEF_MODEL", "smollm2")
    line = Settings(_env_file=None).serving()
    assert line.startswith("engine llm (NEWSBRIEF_BASE_URL is set")
    assert "model smollm2" in line
    assert "pw" not in line


def test_the_start_up_line_follows_newsbrief_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_ENGINE", "llm")
    line = Settings(_env_file=None).serving()
    assert line.startswith("engine llm (NEWSBRIEF_ENGINE)")
    assert "answered 503" in line


@pytest.mark.parametrize("level", ["INFO", "Debug", "warning"])
def test_log_levels_are_accepted_in_any_case(monkeypatch: pytest.MonkeyPatch, level: str) -> None:
    monkeypatch.setenv("NEWSBRIEF_LOG_LEVEL", level)
    assert Settings(_env_file=None).log_level == level.lower()


def test_the_log_format_is_text_unless_json_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(_env_file=None).log_format == "text"
    monkeypatch.setenv("NEWSBRIEF_LOG_FORMAT", "JSON")
    assert Settings(_env_file=None).log_format == "json"


def test_the_key_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")
    assert "sk-secret-value" not in repr(Settings(_env_file=None))


def test_an_invalid_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_PORT", "70000")
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    assert describe_settings_error(caught.value).startswith("NEWSBRIEF_PORT:")


def test_the_model_client_never_takes_openai_base_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://elsewhere.invalid/v1")
    settings = Settings(_env_file=None, api_key="sk-test", model="gpt-4o-mini")
    assert str(ModelTransport(settings).client.base_url).startswith("https://api.openai.com/v1")
