"""One settings object, read from the environment (prefix NEWSBRIEF_) and .env."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from schemas import EngineName
from service.redaction import redact

OutputModeSetting = Literal["auto", "json_schema", "json_object_schema", "json_object"]


class Settings(BaseSettings):
    """Everything the service can be told. Each field is NEWSBRIEF_<NAME> in the environment."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSBRIEF_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    host: str = Field(default="127.0.0.1", description="Address the API listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port the API listens on.")
    engine: EngineName = Field(
        default="auto", description="Default engine when a request does not choose one."
    )
    base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8765/v1."
    )
    api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("NEWSBRIEF_API_KEY", "OPENAI_API_KEY"),
        description="Key for the model endpoint (NEWSBRIEF_API_KEY or OPENAI_API_KEY).",
    )
    model: str | None = Field(
        default=None,
        description="Model name for the llm engine; a local server that serves one model "
        "accepts any name, so it may be left unset there.",
    )
    output_mode: OutputModeSetting = Field(
        default="auto",
        description="How the model is held to the schema: json_schema (strict, OpenAI and vLLM), "
        "json_object_schema (llama.cpp's server), json_object (schema in the prompt only), or "
        "auto (json_schema, falling back once to json_object_schema if the server rejects it).",
    )
    max_attempts: int = Field(
        default=3, ge=1, le=10, description="Model calls per brief: the first and its re-asks."
    )
    max_tokens: int = Field(
        default=4096, ge=64, description="Output budget per model call, in tokens."
    )
    temperature: float = Field(
        default=0.0, ge=0, le=2, description="Sampling temperature; 0 for repeatable answers."
    )
    timeout: float = Field(
        default=300.0,
        gt=0,
        description="Seconds to wait for one model response (small local models are slow).",
    )
    brief_deadline: float = Field(
        default=900.0,
        gt=0,
        description="Most seconds one brief may spend on the model, every attempt and retry "
        "included; beyond, 504.",
    )
    transport_retries: int = Field(
        default=3, ge=0, le=10, description="Retries of one model call after a transport fault."
    )
    retry_base_wait: float = Field(
        default=0.5, ge=0, description="Seconds before the first transport retry; doubles after."
    )
    retry_max_wait: float = Field(
        default=30.0, ge=0, description="Most seconds spent waiting between transport retries."
    )
    max_inflight: int = Field(
        default=4, ge=1, description="Most briefs waiting on the model at once."
    )
    max_queue: int = Field(
        default=16, ge=0, description="Briefs that may wait for a free slot; beyond, 429."
    )
    crosscheck_reask: bool = Field(
        default=False,
        description="Re-ask once when the extractive engine sees attribution the model missed.",
    )
    extractive_workers: int = Field(
        default=0,
        ge=0,
        description="Worker processes for extractive briefs in the API (0: one per core).",
    )
    extractive_queue: int = Field(
        default=16,
        ge=0,
        description="Extractive briefs that may wait for a free worker; beyond, 429.",
    )
    extractive_timeout: float = Field(
        default=30.0,
        gt=0,
        description="Most seconds of work one extractive brief may take; beyond, it is "
        "stopped and answered 504.",
    )
    max_text_chars: int = Field(
        default=200_000, ge=1, description="Longest article accepted, in characters."
    )
    cache_mb: int = Field(
        default=64,
        ge=0,
        description="Megabytes of briefs (their compact JSON) kept in memory; 0 turns it off.",
    )
    store_path: Path | None = Field(
        default=None,
        description="SQLite file that keeps briefs across restarts, shared by the workers; "
        "unset or empty: no store.",
    )
    store_mb: int = Field(
        default=512, ge=1, description="Megabytes of briefs (their compact JSON) in the store."
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="Log verbosity."
    )

    @field_validator("store_path", mode="before")
    @classmethod
    def _empty_means_no_store(cls, value: object) -> object:
        return None if value == "" else value

    def model_configured(self) -> bool:
        """True when an llm endpoint is named (a key or a base URL)."""
        return self.base_url is not None or self.api_key is not None

    def engine_choice(self) -> tuple[str, str]:
        """The engine `auto` resolves to, and why, in words for the start-up log."""
        if self.base_url is not None:
            return "llm", f"NEWSBRIEF_BASE_URL is set ({redact(self.base_url)})"
        if self.api_key is not None:
            return "llm", "an API key is set"
        return "extractive", "no model is configured (set NEWSBRIEF_BASE_URL or an API key)"


def describe_settings_error(exc: ValidationError) -> str:
    """A settings error in the words a user set it with: the environment variable's name."""
    parts = []
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else ""
        name = "NEWSBRIEF_API_KEY" if field == "api_key" else f"NEWSBRIEF_{field.upper()}"
        parts.append(f"{name}: {error['msg']}")
    return "; ".join(parts)


@lru_cache
def get_settings() -> Settings:
    """The process's settings, read once; a FastAPI dependency that tests override."""
    return Settings()
