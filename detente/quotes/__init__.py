"""Quotes: who said what, direct, indirect and mixed, with the speaker resolved to an actor."""

from detente.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
