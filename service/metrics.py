"""What GET /metrics says, in Prometheus's text format: requests, brief latency, model spend,
the gates' occupancy and the cache's hits and size.

Each app has its own registry (a process may build several apps, as the tests do); with
several uvicorn worker processes each answers for itself."""

from collections.abc import Awaitable, Callable, Hashable, Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from service.brief_json import meta_of
from service.cache import BriefCache
from service.errors import NewsbriefError
from service.flights import Flights
from service.gate import Gate

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Seconds: a cache hit takes a millisecond, an extractive brief tens, a local model minutes.
BRIEF_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900)


class ServiceMetrics:
    """The app's counters and histograms; the gauges are read from the app when scraped."""

    def __init__(self, gates: Callable[[], dict[str, Gate | None]], cache: BriefCache) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.requests = Counter(
            "newsbrief_requests",
            "HTTP requests answered, by route template and status.",
            ["route", "method", "status"],
            registry=registry,
        )
        self.brief_seconds = Histogram(
            "newsbrief_brief_seconds",
            "Seconds to answer a brief, by the engine that made it and whether it was cached.",
            ["engine", "cached"],
            buckets=BRIEF_BUCKETS,
            registry=registry,
        )
        self.model_calls = Counter(
            "newsbrief_model_calls",
            "Requests made to the model server, transport retries included (briefs that "
            "were made; a failed brief's calls are not in its problem body).",
            registry=registry,
        )
        self.model_tokens = Counter(
            "newsbrief_model_tokens",
            "Tokens spent on the model server, failed briefs included, by kind.",
            ["kind"],
            registry=registry,
        )
        self.cache_hits = Counter(
            "newsbrief_cache_hits", "Briefs answered from the cache.", registry=registry
        )
        registry.register(_Occupancy(gates, cache))

    def render(self) -> bytes:
        """The exposition (it may read the store's file: call it off the event loop)."""
        return generate_latest(self.registry)

    def spent(self, meta: dict[str, Any]) -> None:
        """A brief was made: count what its model calls cost."""
        self.model_calls.inc(meta.get("model_calls", 0))
        self._tokens(meta.get("usage") or {})

    def spent_on_failure(self, exc: NewsbriefError) -> None:
        """A brief failed: its problem body may still say what the model cost."""
        usage = exc.extra.get("usage")
        if isinstance(usage, dict):
            self._tokens(usage)

    def _tokens(self, usage: dict[str, Any]) -> None:
        for kind in ("prompt", "completion"):
            self.model_tokens.labels(kind).inc(usage.get(f"{kind}_tokens", 0))


class _Occupancy(Collector):
    """Gauges read at scrape time: each gate's holders and queue, the cache's bytes."""

    def __init__(self, gates: Callable[[], dict[str, Gate | None]], cache: BriefCache) -> None:
        self.gates = gates
        self.cache = cache

    def collect(self) -> Iterator[Metric]:
        in_flight = GaugeMetricFamily(
            "newsbrief_gate_in_flight", "Briefs holding a slot of the gate.", labels=["gate"]
        )
        queued = GaugeMetricFamily(
            "newsbrief_gate_queued", "Briefs waiting for a slot of the gate.", labels=["gate"]
        )
        for name, gate in self.gates().items():
            if gate is not None:
                in_flight.add_metric([name], gate.busy)
                queued.add_metric([name], gate.waiting)
        size = GaugeMetricFamily(
            "newsbrief_cache_bytes",
            "Bytes of briefs (their compact JSON) held, by tier.",
            labels=["tier"],
        )
        size.add_metric(["memory"], self.cache.memory.bytes)
        if self.cache.store is not None:
            size.add_metric(["store"], self.cache.store.stored_bytes())
        yield from (in_flight, queued, size)


class MeteredFlights(Flights[bytes]):
    """Flights whose work is counted once, however many identical requests share it: the
    model calls and tokens of the brief it made, or the tokens its failure reports."""

    def __init__(self, metrics: ServiceMetrics) -> None:
        super().__init__()
        self.metrics = metrics

    async def run(self, key: Hashable, work: Callable[[], Awaitable[bytes]]) -> bytes:
        async def counted() -> bytes:
            try:
                data = await work()
            except NewsbriefError as exc:
                self.metrics.spent_on_failure(exc)
                raise
            self.metrics.spent(meta_of(data))
            return data

        return await super().run(key, counted)
