"""The hostile-input corpus of the reliability benches; it lives with the tests (tests/hostile.py), which share it."""

from tests.hostile import ARTICLES, HUGE_BYTES, NESTING, Bad, Odd, write_bad, write_huge, write_odd

__all__ = ["ARTICLES", "HUGE_BYTES", "NESTING", "Bad", "Odd", "write_bad", "write_huge", "write_odd"]
