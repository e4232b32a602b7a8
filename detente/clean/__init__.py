"""Clean: separate an article's body from site furniture and recover its metadata.

``clean_document`` dispatches on the input kind: text dumps go straight to the
line classifier in :mod:`detente.clean.lines`; HTML is first reduced to text by
trafilatura (:mod:`detente.clean.html`) and then takes the same line pass.
"""

from detente.clean.document import clean_document
from detente.clean.metadata import Metadata, extract_metadata

__all__ = ["Metadata", "clean_document", "extract_metadata"]
