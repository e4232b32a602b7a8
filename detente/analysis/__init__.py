"""Analysis over the store: the dyad cooperation–conflict index and timelines."""

from detente.analysis.dyad import DyadPeriod, dyad_index, period_of
from detente.analysis.timeline import TimelineEntry, granularity, main_dyads, timeline

__all__ = ["DyadPeriod", "TimelineEntry", "dyad_index", "granularity", "main_dyads", "period_of", "timeline"]
