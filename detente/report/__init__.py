"""The self-contained HTML report (no network: everything inlined)."""

from detente.report.html import write_report

__all__ = ["write_report"]
