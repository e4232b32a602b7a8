"""Print an :class:`EvalReport` as a Rich table, then every miss and false positive, one line each."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from detente.eval.metrics import EvalReport


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def render_table(report: EvalReport, console: Console, max_issues: int = 25) -> None:
    table = Table(title=f"Détente eval: {report.matched_articles}/{report.gold_articles} gold articles found")
    for column in ("field", "precision", "recall", "F1", "accuracy", "support"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for score in report.fields.values():
        table.add_row(score.name, _fmt(score.precision), _fmt(score.recall), _fmt(score.f1), _fmt(score.accuracy),
                      str(score.support))
    console.print(table)
    for note in report.notes:
        console.print(f"[yellow]note:[/yellow] {note}", highlight=False)
    for score in report.fields.values():
        for label, issues in (("miss", score.misses), ("false positive", score.false_positives)):
            plural = "misses" if label == "miss" else f"{label}s"
            for issue in issues[:max_issues]:
                console.print(f"[dim]{score.name}[/dim] {label}: [{issue.article}] {issue.what}", highlight=False, soft_wrap=True)
            if len(issues) > max_issues:
                console.print(f"[dim]{score.name}[/dim] … {len(issues) - max_issues} more {plural} (use --json for all)")
