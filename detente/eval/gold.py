"""Loading and validating gold files (schema: docs/design.md, "Gold files").

Gold is hand-written JSON, so mistakes are likely; a precise error ("articles[3] (id '003_x'): events[2].type ...")
saves the annotator a debugging session. Keys other than `id` may be left out: a missing key means "not annotated" and
that field is skipped for the article, while an explicit null means "the article has none".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
STATUSES = frozenset({"happened", "planned", "refused", "hypothetical", "denied"})
QUOTE_KINDS = frozenset({"direct", "indirect", "mixed"})

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")

_OPT_STR = ("title", "outlet", "byline", "pub_date_note", "body_first_sentence", "body_last_sentence", "story")


class _Bad(Exception):
    """Internal: a schema problem at some path inside one article."""


def _opt_str(value: Any, where: str) -> None:
    if value is not None and not isinstance(value, str):
        raise _Bad(f"{where} must be a string or null, got {type(value).__name__}")


def _str_list(value: Any, where: str, pattern: re.Pattern[str] | None = None) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"{where} must be a list of strings")
    for v in value:
        if pattern is not None and not pattern.match(v):
            raise _Bad(f"{where} has {v!r}, which is not of the form {pattern.pattern}")


def _dicts(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _Bad(f"{where} must be a list of objects")
    return value


def _require(item: dict[str, Any], key: str, where: str, nullable: bool = False) -> Any:
    if key not in item:
        raise _Bad(f"{where} lacks {key!r}")
    value = item[key]
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"{where}.{key} must be a non-empty string{' or null' if nullable else ''}, got {value!r}")
    return value


def _check_dates(art: dict[str, Any]) -> None:
    pub = art.get("pub_date")
    if pub is not None and (not isinstance(pub, str) or not _DAY.match(pub)):
        raise _Bad(f"pub_date must be YYYY-MM-DD or null, got {pub!r}")
    if "pub_date_range" in art:
        rng = art["pub_date_range"]
        if not (isinstance(rng, list) and len(rng) == 2 and all(isinstance(d, str) and _DAY.match(d) for d in rng)):
            raise _Bad(f"pub_date_range must be [YYYY-MM-DD, YYYY-MM-DD], got {rng!r}")
        if rng[0] > rng[1]:
            raise _Bad(f"pub_date_range starts after it ends: {rng!r}")


def _check_persons(art: dict[str, Any]) -> None:
    for i, p in enumerate(_dicts(art["persons"], "persons")):
        where = f"persons[{i}]"
        _require(p, "name", where)
        _opt_str(p.get("role"), f"{where}.role")
        country = p.get("country")
        if country is not None and not (isinstance(country, str) and _ISO3.match(country)):
            raise _Bad(f"{where}.country must be an ISO3 code or null, got {country!r}")


def _check_events(art: dict[str, Any]) -> None:
    for i, e in enumerate(_dicts(art["events"], "events")):
        where = f"events[{i}]"
        for key in ("source", "target"):
            _require(e, key, where)
        if e.get("type") not in PLOVER_TYPES:
            raise _Bad(f"{where}.type must be a PLOVER type ({', '.join(sorted(PLOVER_TYPES))}), got {e.get('type')!r}")
        if e.get("status", "happened") not in STATUSES:
            raise _Bad(f"{where}.status must be one of {sorted(STATUSES)}, got {e.get('status')!r}")
        date = e.get("date")
        if date is not None and (not isinstance(date, str) or not _PERIOD.match(date)):
            raise _Bad(f"{where}.date must be YYYY, YYYY-MM, YYYY-MM-DD or null, got {date!r}")
        _opt_str(e.get("sentence"), f"{where}.sentence")


def _check_quotes(art: dict[str, Any]) -> None:
    for i, q in enumerate(_dicts(art["quotes"], "quotes")):
        where = f"quotes[{i}]"
        _require(q, "speaker", where, nullable=True)
        _require(q, "text_start", where)
        if q.get("kind") not in QUOTE_KINDS:
            raise _Bad(f"{where}.kind must be one of {sorted(QUOTE_KINDS)}, got {q.get('kind')!r}")


def _check_links(art: dict[str, Any]) -> None:
    for key in ("duplicate_of", "derivative_of"):
        value = art.get(key)
        if value is None or isinstance(value, str):
            continue
        _str_list(value, key)


def _check_article(art: Any) -> None:
    if not isinstance(art, dict):
        raise _Bad("must be an object")
    _require(art, "id", "article")
    for key in _OPT_STR:
        _opt_str(art.get(key), key)
    _check_dates(art)
    for key in ("clutter_lines", "clutter_snippets"):  # text gold lists whole lines, HTML gold visible strings
        if key in art:
            _str_list(art[key], key)
    if "countries" in art:
        _str_list(art["countries"], "countries", _ISO3)
    if "persons" in art:
        _check_persons(art)
    if "events" in art:
        _check_events(art)
    if "quotes" in art:
        _check_quotes(art)
    _check_links(art)


def validate_gold(data: Any, source: str = "<gold>") -> dict[str, Any]:
    """Check `data` against the gold schema; raise ValueError naming `source` and the problem. Returns `data`."""
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ValueError(f"{source}: gold must be an object with an 'articles' list")
    seen: set[str] = set()
    for i, art in enumerate(data["articles"]):
        label = f"articles[{i}]" + (f" (id {art.get('id')!r})" if isinstance(art, dict) and "id" in art else "")
        try:
            _check_article(art)
        except _Bad as exc:
            raise ValueError(f"{source}: {label}: {exc}") from None
        if art["id"] in seen:
            raise ValueError(f"{source}: {label}: duplicate id {art['id']!r}")
        seen.add(art["id"])
    return data


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and validate a gold JSON file; every failure is a ValueError that names the file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{p}: cannot read gold file ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{p}: gold file is not UTF-8 ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{p}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    return validate_gold(data, str(p))
