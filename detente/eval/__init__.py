"""Evaluation against gold files: precision, recall and F1 per field, with every miss listed.

Pure functions over exported JSONL records, so any tool that writes the JSONL
contract can be scored the same way.
"""

from detente.eval.gold import load_gold
from detente.eval.metrics import EvalReport, FieldScore
from detente.eval.raw import read_raw
from detente.eval.render import render_table
from detente.eval.score import evaluate

__all__ = ["EvalReport", "FieldScore", "evaluate", "load_gold", "read_raw", "render_table"]
