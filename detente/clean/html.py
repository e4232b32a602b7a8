"""HTML pages: trafilatura extracts the main text and metadata; the line pass then tidies the rest."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import use_config

from detente.records import Cleaned

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread (Ray, web app)


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Body paragraphs, title, author, site name and date from an HTML page."""
    from detente.clean.lines import clean_extracted

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=False,
        config=_CONFIG,
    )
    if extracted is None:
        return Cleaned(body="")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    cleaned = clean_extracted(text)
    # trafilatura already isolated the article: short first lines are body, not a title
    metadata = {
        key: str(data[key])
        for key in ("title", "author", "sitename", "date", "url", "hostname", "description", "language")
        if data.get(key)
    }
    cleaned.metadata.update(metadata)
    cleaned.title = metadata.get("title") or cleaned.title
    return cleaned
