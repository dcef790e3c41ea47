"""Settings: NEWSBRIEF_* from the environment or .env, validated at start-up."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from service.config import Settings, describe_settings_error


def test_defaults_serve_the_extractive_engine_on_localhost() -> None:
    settings = Settings(_env_file=None)
    assert (settings.host, settings.port, settings.max_text_chars) == ("127.0.0.1", 8000, 200_000)
    assert settings.engine_choice()[0] == "extractive"


def test_a_dotenv_file_is_read(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("NEWSBRIEF_PORT=9001\nNEWSBRIEF_MAX_TEXT_CHARS=5000\n")
    settings = Settings(_env_file=env)
    assert (settings.port, settings.max_text_chars) == (9001, 5000)


@pytest.mark.parametrize("variable", ["NEWSBRIEF_API_KEY", "OPENAI_API_KEY", "NEWSBRIEF_BASE_URL"])
def test_a_configured_model_makes_auto_mean_llm(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, "http://127.0.0.1:8765/v1")
    assert Settings(_env_file=None).engine_choice()[0] == "llm"


def test_the_key_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")
    assert "sk-secret-value" not in repr(Settings(_env_file=None))


def test_an_invalid_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_PORT", "70000")
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    assert describe_settings_error(caught.value).startswith("NEWSBRIEF_PORT:")
