"""Analysis over the store: the dyad cooperation–conflict index and timelines."""

from detente.analysis.dyad import DyadPeriod, dyad_index, period_of

__all__ = ["DyadPeriod", "dyad_index", "period_of"]
