"""Events: who did what to whom, coded in PLOVER, with status and a resolved date.

Triggers (verbs and event nouns) come from ``data/event_lexicon.tsv``; the
type/mode → CAMEO/Goldstein/quad mapping from ``data/plover.tsv``. Source and
target come from the dependency parse around the trigger, status from modality
and negation, the date from the nearest time expression resolved against the
article's publication range.
"""

from detente.events.extract import extract_events
from detente.events.ontology import plover_info

__all__ = ["extract_events", "plover_info"]
