"""Benchmarks: `python -m bench [--quick]` for the pipeline; `python -m bench.<name>` for the others."""
