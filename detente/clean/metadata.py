"""Title, outlet, byline, language and stated publication date of one cleaned document.

The outlet comes from cues a page gives about itself ("Why you can trust X",
"© 2024 X", "X reached out to ...", "told X", the URL's domain), normalised
through ``data/outlets.tsv``; a photo credit or a cited agency is not the outlet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from urllib.parse import urlparse

import dateparser

from detente.clean.bylines import byline_from_lines, normalize_byline, person_name, reporting_credit
from detente.clean.datelines import first_published, stated_dates
from detente.clean.header import header_zones
from detente.clean.lines import BYLINE_ROLE, CONTRIBUTOR, DATE_IN_LINE, is_furniture, is_name_role_byline, words
from detente.clean.sitename import strip_site_suffix, tidy_name
from detente.records import Cleaned, RawDocument
from detente.tables import load_table, split_multi


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None
    pub_date: str | None = None
    pub_date_basis: str | None = None
    url: str | None = None
    contributors: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def outlet_index() -> tuple[dict[str, str], dict[str, str]]:
    """(alias → canonical name, domain → canonical name) from the outlets table."""
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for row in load_table("outlets.tsv"):
        name = row["name"]
        for alias in [name, *split_multi(row.get("aliases", ""))]:
            by_alias[alias.lower()] = name
            if alias.lower().startswith("the "):
                by_alias[alias[4:].lower()] = name
        for domain in split_multi(row.get("domains", "")):
            by_domain[domain.lower().removeprefix("www.")] = name
    return by_alias, by_domain


def canonical_outlet(name: str) -> str:
    by_alias, _ = outlet_index()
    cleaned = CORPORATE_SUFFIX.sub("", name.strip(" .,:;|-–—"))
    if cleaned.isupper() and len(cleaned) > 5:
        cleaned = cleaned.title()  # a masthead in capitals: "NORDIC CURRENT"
    return by_alias.get(cleaned.lower(), cleaned)


def masthead(cleaned: Cleaned) -> str | None:
    """The site name printed above the headline: a short capitalised line before the title."""
    for line in cleaned.header_lines:
        if line == cleaned.title:
            break
        tokens = words(line)
        if is_furniture(line) or re.search(r"[›»>|/•·]", line):
            continue  # a breadcrumb trail, a menu, an account widget: the site's furniture, not its name
        if 1 <= len(tokens) <= 5 and all(t[:1].isupper() for t in tokens) and not DATE_IN_LINE.search(line):
            return line.strip()
    return None


TRUST_CUE = re.compile(r"^why you can trust (?P<o>.{2,60}?)\s*$", re.I)
COPYRIGHT_CUE = re.compile(
    r"^(?:©|copyright|\(c\))(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<o>[^.|©,]{2,60}?)\s*(?:[.,|].*)?$", re.I
)
CORPORATE_SUFFIX = re.compile(r"\s+(?:media group|group|ltd\.?|limited|inc\.?|llc|holdings|corporation|company|co\.)$", re.I)
# Self-references: the outlet as the one asking, reached or told.
# An outlet refers to itself next to a reporting cue: "VOA's questions", "told VOA", "in an email to VOA".
_CUE_BEFORE_NAME = re.compile(
    r"(?:told|to|with|contacted by|speaking to|spoke to|in an email to|in an interview with|in a statement to) ", re.I
)
_CUE_AFTER_NAME = re.compile(r"(?:'s|’s)? (?:reached out|contacted|questions|asked|requests? for comment)", re.I)
DATELINE_CUE = re.compile(r"^[A-Z][\w .,'’/]{0,40}\((?P<o>[A-Z][\w .&]{1,40})\)\s*[—–-]{1,2}\s")
_KEY = 3  # aliases are indexed by their first and last three characters; shorter ones are too ambiguous


@cache
def _aliases_by_edge() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(first three characters → aliases, last three → aliases), longest first, so one lookup per cue."""
    by_alias, _ = outlet_index()
    heads: dict[str, list[str]] = {}
    tails: dict[str, list[str]] = {}
    for alias in sorted(by_alias, key=len, reverse=True):
        if len(alias) >= _KEY:
            heads.setdefault(alias[:_KEY], []).append(alias)
            tails.setdefault(alias[-_KEY:], []).append(alias)
    return heads, tails


def _outlet_from_body(text: str) -> str | None:
    """The known outlet the text refers to as itself at least twice (VOA reached out ... told VOA ...).

    The cues are found first (a few per article) and the name is looked up beside each, so the cost does not grow
    with the hundreds of outlets the table knows."""
    by_alias, _ = outlet_index()
    heads, tails = _aliases_by_edge()
    counts: Counter[str] = Counter()
    for cue in _CUE_BEFORE_NAME.finditer(text):
        at = cue.end()
        if not text[at : at + 1].isupper():  # "told The Australian", not "told the Australian government"
            continue
        following = text[at : at + 60].lower()
        for alias in heads.get(following[:_KEY], ()):
            if following.startswith(alias) and not following[len(alias) : len(alias) + 1].isalnum():
                counts[by_alias[alias]] += 1
                break
    for cue in _CUE_AFTER_NAME.finditer(text):
        preceding = text[max(0, cue.start() - 60) : cue.start()]
        lowered = preceding.lower()
        for alias in tails.get(lowered[-_KEY:], ()):
            if lowered.endswith(alias) and preceding[len(preceding) - len(alias) :][:1].isupper():
                counts[by_alias[alias]] += 1
                break
    if not counts:
        return None
    name, hits = counts.most_common(1)[0]
    return name if hits >= 2 else None


def find_outlet(raw: RawDocument, cleaned: Cleaned) -> str | None:
    """The site as it names itself (a source's outlet field, the page's site name) as written; else the outlet
    the page's cues or web address point to, by its name in the outlets table."""
    for named in (raw.hints.get("outlet"), cleaned.metadata.get("sitename")):
        if named and tidy_name(named):
            return tidy_name(named)
    for line in cleaned.boilerplate:
        for cue in (TRUST_CUE, COPYRIGHT_CUE):
            match = cue.match(line.strip())
            if match and len(words(match.group("o"))) <= 8:
                return canonical_outlet(match.group("o"))
    url = raw.hints.get("url") or cleaned.metadata.get("url")
    if url:
        host = urlparse(url).netloc.lower().removeprefix("www.")
        _, by_domain = outlet_index()
        for domain, name in by_domain.items():
            if host == domain or host.endswith("." + domain):
                return name
    found = _outlet_from_body(cleaned.body)
    if found:
        return found
    top = masthead(cleaned)
    if top:
        return canonical_outlet(top)
    match = DATELINE_CUE.match(cleaned.body)
    if match:
        return canonical_outlet(match.group("o"))
    return None


def find_byline(raw: RawDocument, cleaned: Cleaned) -> str | None:
    """The person author(s), "A and B" (see :mod:`detente.clean.bylines`): a source's byline field; a page's
    byline as read by the HTML cleaner; in a dump, the byline printed under the headline, else a bare name
    there, else the persons of a "(Reporting by ...)" credit. An agency-only credit gives None."""
    if raw.hints.get("byline"):
        return normalize_byline(raw.hints["byline"])
    if raw.kind == "html":
        return normalize_byline(cleaned.metadata.get("author"))
    zones = header_zones(cleaned.header_lines, cleaned.title, len(cleaned.header_lines))
    for zone in zones or [cleaned.header_lines]:
        found, _ = byline_from_lines(zone)
        if found:
            return found
    for line in cleaned.header_lines:
        if CONTRIBUTOR.search(line) or not is_name_role_byline(line):
            continue
        found = normalize_byline(BYLINE_ROLE.match(line.strip()).group("name"))
        if found:
            return found
    return (normalize_byline(cleaned.metadata.get("author")) or _bare_name_after_title(cleaned)
            or reporting_credit(cleaned.footer_lines + cleaned.boilerplate))


def _bare_name_after_title(cleaned: Cleaned) -> str | None:
    """A line of two or three capitalised words between the headline and the body: the byline without "By"."""
    if cleaned.title is None:
        return None
    seen_title = False
    for line in cleaned.header_lines:
        if line == cleaned.title:
            seen_title = True
            continue
        tokens = line.split()
        if seen_title and 2 <= len(tokens) <= 3 and all(re.fullmatch(r"[A-Z][a-z’'\-]+\.?", t) for t in tokens):
            return person_name(line.strip())
    return None


def find_contributors(cleaned: Cleaned) -> list[str]:
    found: list[str] = []
    for line in cleaned.header_lines + cleaned.boilerplate:
        if CONTRIBUTOR.search(line):
            found.append(line.strip())
    return found


def parse_date(text: str) -> date | None:
    """One absolute date in ``text``; None when there is none or it does not parse."""
    match = DATE_IN_LINE.search(text)
    candidate = match.group(0) if match else text
    if not re.search(r"\d", candidate):
        return None  # "yesterday", "today": relative to the reader's clock, not a stated date
    # absolute parsers only: a relative phrase would be resolved against the day of the run and invent a date
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", candidate.strip()):
        settings["DATE_ORDER"] = "DMY"  # dotted dates are day-first wherever they are used
    parsed = dateparser.parse(candidate, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def find_stated_date(raw: RawDocument, cleaned: Cleaned) -> tuple[str | None, str | None]:
    """(ISO date, basis) from source hints, the HTML cleaner's page date, or the date a dump's header states
    (first published before bare, an update only when nothing else is stated, a date above the headline last)."""
    if raw.hints.get("date"):
        parsed = parse_date(raw.hints["date"]) or _iso_prefix(raw.hints["date"])
        if parsed:
            return parsed.isoformat(), f"metadata: source date {raw.hints['date']!r}"
    if cleaned.metadata.get("date"):
        parsed = _iso_prefix(cleaned.metadata["date"])
        if parsed:
            return parsed.isoformat(), f"metadata: HTML page date ({cleaned.metadata.get('date_basis') or 'htmldate'})"
    lines = cleaned.header_lines
    zones = header_zones(lines, cleaned.title, len(lines)) or [lines]
    for zone in [*zones, cleaned.footer_lines]:
        found = [d for d in stated_dates(zone) if d.kind != "cited"]
        chosen = first_published(found) or (found[0] if found and zone is not cleaned.footer_lines else None)
        if chosen:
            return chosen.day.isoformat(), f"stated: {chosen.line.strip()!r}"
    for line in lines:
        if DATE_IN_LINE.search(line):
            parsed = parse_date(line)
            if parsed:
                return parsed.isoformat(), f"stated: {line.strip()!r}"
    return None, None


def _iso_prefix(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


_EN_STOPWORDS = frozenset("the of and to in a is that for on with as was by it at from said his has have are be an".split())


def guess_language(text: str) -> str | None:
    """English when common English function words make up a good share of the words; else unknown."""
    tokens = [w.lower() for w in words(text[:5000])]
    if len(tokens) < 5:
        return None
    share = sum(1 for w in tokens if w in _EN_STOPWORDS) / len(tokens)
    return "en" if share > 0.12 else None


def is_known_outlet(name: str) -> bool:
    by_alias, _ = outlet_index()
    return name.strip().lower() in by_alias


def extract_metadata(raw: RawDocument, cleaned: Cleaned) -> Metadata:
    pub_date, basis = find_stated_date(raw, cleaned)
    outlet = find_outlet(raw, cleaned)
    url = raw.hints.get("url") or cleaned.metadata.get("url")
    title = cleaned.title
    if title and not raw.hints.get("title"):
        title = strip_site_suffix(title, outlet, url, is_known_outlet)
    return Metadata(
        title=title,
        outlet=outlet,
        byline=find_byline(raw, cleaned),
        language=guess_language(cleaned.body) or cleaned.metadata.get("language"),
        pub_date=pub_date,
        pub_date_basis=basis,
        url=raw.hints.get("url") or cleaned.metadata.get("url"),
        contributors=find_contributors(cleaned),
    )
