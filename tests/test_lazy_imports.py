"""The extractive path never loads the model SDK: `openai` is imported with the llm engine, when
an llm brief is made, and costs about half a second of the CLI's start-up otherwise. Nor does a
one-off brief load what only other commands use: the worker pool (pebble, for the API), the
regeneration and rendering modules."""

import json
import subprocess
import sys

from tests.conftest import ROOT, SEED_ARTICLE

HEAVY = ("openai", "service.llm.engine", "service.llm.transport", "rich")
NOT_FOR_ONE_BRIEF = ("pebble", "service.workers", "service.regenerate", "service.render")


def modules_loaded_by(code: str, watched: tuple[str, ...] = HEAVY) -> set[str]:
    """The `watched` modules in sys.modules after `code` runs in a fresh interpreter, with no
    model configured."""
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {watched!r} if m in sys.modules]))"
    )
    env = {"PATH": "/usr/bin:/bin", "NEWSBRIEF_STORE_PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_an_extractive_summarize_from_the_cli_does_not_import_openai() -> None:
    code = (
        "import contextlib, io\n"
        "from service.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['summarize', '--engine', 'extractive', {str(SEED_ARTICLE)!r}]) == 0"
    )
    assert modules_loaded_by(code) == set()


def test_an_extractive_summarize_loads_no_pool_regeneration_or_rendering() -> None:
    code = (
        "import contextlib, io\n"
        "from service.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['summarize', '--engine', 'extractive', {str(SEED_ARTICLE)!r}]) == 0"
    )
    assert modules_loaded_by(code, NOT_FOR_ONE_BRIEF) == set()


def test_the_cli_summaries_and_eval_modules_do_not_import_openai() -> None:
    code = "import service.cli, service.regenerate, service.evaluation.runner, service.pipeline"
    assert modules_loaded_by(code) == set()


def test_an_llm_engine_is_what_imports_openai() -> None:
    code = (
        "import asyncio\n"
        "from service.config import Settings\n"
        "from service.pipeline import llm_engine_for\n"
        "async def go():\n"
        "    settings = Settings(_env_file=None, base_url='http://127.0.0.1:9/v1')\n"
        "    async with llm_engine_for(settings) as llm:\n"
        "        assert llm is not None\n"
        "asyncio.run(go())"
    )
    assert "openai" in modules_loaded_by(code)
