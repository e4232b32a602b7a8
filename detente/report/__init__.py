"""The self-contained HTML report (no network: everything inlined) and the view models the web app shares."""

from detente.report.html import write_report

__all__ = ["write_report"]
