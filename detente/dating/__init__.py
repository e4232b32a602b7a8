"""Time: find time expressions and resolve them against a reference date or date range.

Every resolution returns a closed interval ``[start, end]`` with a precision and
the words that justify it, so an undated article (a publication range, not a
day) still gives honest bounds for the events it reports.
"""

from detente.dating.expressions import TimeSpan, Timex, find_time_expressions, find_timexes, resolve_expression
from detente.dating.pubdate import infer_pub_range

__all__ = ["TimeSpan", "Timex", "find_time_expressions", "find_timexes", "infer_pub_range", "resolve_expression"]
