"""Actors: states, people and organisations mentioned in an article, resolved to stable ids.

States are ISO 3166-1 alpha-3 codes (from ``data/countries.tsv``: names, adjectives,
capitals and metonyms); people get ``person:<slug>`` ids with their role and
country; organisations ``org:<slug>`` with a type and a country where they have one.
"""

from detente.actors.gazetteer import Gazetteer, get_gazetteer
from detente.actors.resolve import ActorResult, resolve_actors

__all__ = ["ActorResult", "Gazetteer", "get_gazetteer", "resolve_actors"]
