"""One settings object, read from the environment (prefix NEWSBRIEF_) and .env."""

from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from schemas import EngineName
from service.redaction import redact

OutputModeSetting = Literal["auto", "json_schema", "json_object_schema", "json_object"]
ServingEngine = Literal["llm", "extractive"]
LogLevel = Literal["debug", "info", "warning", "error"]
LogFormat = Literal["text", "json"]
# Where the llm engine goes when no NEWSBRIEF_BASE_URL names a server: always said, never left
# to the SDK, which would otherwise read OPENAI_BASE_URL by itself.
OPENAI_URL = "https://api.openai.com/v1"
# Hosts whose model server is taken to be this machine's: llama.cpp's has a single slot.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "0.0.0.0"})


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
    context_tokens: int = Field(
        default=8192,
        ge=512,
        description="The model server's context window in tokens (llama.cpp's --n_ctx): the "
        "prompt and the answer budget are kept inside it, a re-ask's echo shortened first.",
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
    eval_jobs: int | None = Field(
        default=None,
        ge=1,
        description="Articles `newsbrief eval` briefs at once; unset: 1 for a model server on "
        "this machine (a local base URL: a single-slot server queues the others, and the "
        "queue counts against NEWSBRIEF_TIMEOUT), else 4.",
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
    log_level: LogLevel = Field(default="info", description="Log verbosity, in any case.")
    log_format: LogFormat = Field(
        default="text", description="text for people, json (one object a line) for machines."
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias="OPENAI_BASE_URL",
        description="Read only to say, at start-up, that it is ignored: NEWSBRIEF_BASE_URL "
        "names the model server.",
    )

    @field_validator("log_level", "log_format", mode="before")
    @classmethod
    def _any_case(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("store_path", mode="before")
    @classmethod
    def _empty_means_no_store(cls, value: object) -> object:
        return None if value == "" else value

    def model_configured(self) -> bool:
        """True when the llm engine may run: NEWSBRIEF_BASE_URL names a server, or a key and
        NEWSBRIEF_MODEL name a hosted model. A key alone is not enough: a stray OPENAI_API_KEY
        in a shell must not send articles to a hosted API under a guessed model name."""
        if self.base_url is not None:
            return True
        return self.api_key is not None and self.model is not None

    def eval_parallelism(self) -> int:
        """NEWSBRIEF_EVAL_JOBS, else 1 for a local model server and 4 for a remote one."""
        if self.eval_jobs is not None:
            return self.eval_jobs
        return 1 if self.local_model_server() else 4

    def local_model_server(self) -> bool:
        """Whether NEWSBRIEF_BASE_URL names a server on this machine (loopback)."""
        if self.base_url is None:
            return False
        host = urlsplit(self.base_url).hostname or ""
        return host in LOCAL_HOSTS or host.startswith("127.")

    def endpoint(self) -> str:
        """The model server the llm engine calls."""
        return self.base_url or OPENAI_URL

    def engine_choice(self) -> tuple[ServingEngine, str]:
        """The engine `auto` resolves to, and why, in words for the start-up log."""
        if self.base_url is not None:
            return "llm", f"NEWSBRIEF_BASE_URL is set ({redact(self.base_url)})"
        if self.api_key is not None and self.model is not None:
            return "llm", "an API key and NEWSBRIEF_MODEL are set"
        if self.api_key is not None:
            return "extractive", (
                "an API key is set but NEWSBRIEF_MODEL is not, and with no NEWSBRIEF_BASE_URL "
                "a key alone never sends articles to a hosted API"
            )
        return "extractive", (
            "no model is configured (set NEWSBRIEF_BASE_URL, or an API key and NEWSBRIEF_MODEL)"
        )

    def default_engine(self) -> tuple[ServingEngine, str]:
        """The engine of a request that does not choose (NEWSBRIEF_ENGINE, then `auto`), and
        why. It may be llm with no model configured: such requests are answered 503."""
        if self.engine == "auto":
            return self.engine_choice()
        return self.engine, "NEWSBRIEF_ENGINE"

    def llm_unavailable(self) -> str:
        """Why the llm engine cannot run, for the 503 engine_unavailable."""
        if self.api_key is not None:
            return (
                "The llm engine has a key but no model: set NEWSBRIEF_MODEL (with no "
                "NEWSBRIEF_BASE_URL a key alone never sends articles to a hosted API), or use "
                "engine 'extractive' (or 'auto')."
            )
        return (
            "No model is configured for the llm engine: set NEWSBRIEF_BASE_URL (and "
            "NEWSBRIEF_MODEL), or an API key and NEWSBRIEF_MODEL, or use engine 'extractive' "
            "(or 'auto')."
        )

    def serving(self) -> str:
        """What serves, for the start-up log: the default engine and why, and for the llm
        engine its endpoint and model."""
        engine, why = self.default_engine()
        parts = [f"engine {engine} ({why})"]
        if self.model_configured():
            model = self.model or "unset: the server's own"
            parts.append(f"llm endpoint {redact(self.endpoint())}, model {model}")
        elif engine == "llm":
            parts.append("but no model is configured: briefs are answered 503")
        if self.openai_base_url is not None:
            parts.append("OPENAI_BASE_URL is ignored (NEWSBRIEF_BASE_URL names the server)")
        return "; ".join(parts)


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
