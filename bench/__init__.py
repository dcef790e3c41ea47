"""Benchmarks: run them with `make bench`, `make bench-worst`, `make bench-llm`."""
