"""Live runs of the llm engine on the seed article: calls, tokens, re-asks, and the share of the
time spent in the service's own code against waiting for the model.

Needs a model server (NEWSBRIEF_BASE_URL, e.g. `make local-llm`). Each run is recorded to
cassettes/seed_runs/run-N.yaml, which the test suite replays offline.

    python bench/llm_runs.py --runs 5 [--temperature 0.7]

At temperature 0 (the default) a local server decodes greedily, so the runs give the same
answers and differ only in time.
"""

import argparse
import statistics
import sys
from pathlib import Path

import vcr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.recording: one recording configuration

from service.config import Settings  # noqa: E402
from service.errors import NewsbriefError  # noqa: E402
from tests.recording import CASSETTES, VCR_CONFIG, brief_or_error  # noqa: E402

SEED = ROOT / "seeds" / "000_d3966a6980451b6c.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--temperature", type=float, default=None, help="default: NEWSBRIEF_TEMPERATURE (0)"
    )
    parser.add_argument("--out", type=Path, default=CASSETTES / "seed_runs")
    args = parser.parse_args()
    settings = Settings(output_mode="json_object_schema")
    if args.temperature is not None:
        settings = settings.model_copy(update={"temperature": args.temperature})
    if not settings.model_configured():
        print("set NEWSBRIEF_BASE_URL (make local-llm serves one) or an API key", file=sys.stderr)
        return 1
    text = SEED.read_bytes().decode("utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{args.runs} runs of {SEED.name} on {settings.base_url} (model {settings.model})")
    print(f"temperature {settings.temperature}, output mode {settings.output_mode}\n")
    header = "run  outcome   attempts calls  prompt compl.  actors claims hedges dropped"
    print(header + "   model s  service ms  service %")
    shares = []
    for n in range(1, args.runs + 1):
        path = args.out / f"run-{n}.yaml"
        path.unlink(missing_ok=True)
        with vcr.use_cassette(str(path), record_mode="all", **VCR_CONFIG):
            outcome = brief_or_error(text, settings)
        if isinstance(outcome, NewsbriefError):
            print(f"{n:>3}  {outcome.code}: {outcome.detail[:80]}")
            continue
        meta = outcome.meta
        dropped = sum(w.startswith("dropped") for w in meta.warnings)
        model_ms, service_ms = meta.timings_ms["model"], meta.timings_ms["service"]
        share = 100 * service_ms / meta.timings_ms["total"]
        shares.append(share)
        print(
            f"{n:>3}  brief     {meta.attempts:>8} {meta.model_calls:>5} "
            f"{meta.usage.prompt_tokens:>7} {meta.usage.completion_tokens:>6} "
            f"{len(outcome.actors):>7} {len(outcome.claims):>6} {len(outcome.hedges):>6} "
            f"{dropped:>7} {model_ms / 1000:>9.1f} {service_ms:>11.0f} {share:>9.2f}"
        )
    if shares:
        print(
            f"\nmedian share of time in the service's own code: {statistics.median(shares):.2f} %"
        )
    print(f"recorded to {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
