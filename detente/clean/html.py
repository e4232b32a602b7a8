"""HTML pages: trafilatura extracts the main text and metadata; a light line pass then tidies the rest.

Trafilatura has already chosen the article's block, so the pass here trusts position and shape: it drops
only lines that are furniture by what they say (widgets, contact prompts, captions, bios), the headline
repeated as the first line, and bylines/datelines standing before or after the paragraphs. A dated line
inside the paragraphs (an embedded tweet's "— Name (@handle) November 9, 2019") stays: it is the article's.
"""

from __future__ import annotations

import html as html_lib
import re

import trafilatura
from htmldate import find_date
from trafilatura.settings import use_config

from detente.clean.articles import drop_other_articles
from detente.clean.bylines import byline_from_lines, normalize_byline, reporting_credit
from detente.clean.datelines import StatedDate, first_published, stated_dates
from detente.clean.header import find_body_start, header_zones
from detente.clean.lines import Line, classify_lines, is_caption, words
from detente.clean.pagedate import choose_page_day, day_first, declared_date, revision_day, url_stated_day
from detente.clean.pagefacts import PageFacts, page_facts
from detente.clean.recover import recover_paragraphs
from detente.clean.sitename import SEPARATOR, self_name, strip_site_suffix
from detente.records import Cleaned

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread (Ray, web app)

ALWAYS_DROP = {"furniture", "caption", "bio", "contributor", "pullquote"}
PRECISE_MIN_SHARE = 0.5
EDGE_DROP = {"byline", "dateline", "separator"}  # dropped only outside the run of paragraphs
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.I | re.S)
TAG = re.compile(r"<[^>]+>")
# Edge lines that end a page rather than an article: author contact and social prompts, bare links and stamps.
TAIL_FURNITURE = re.compile(
    r"^(?:(?:write to|email|e-mail|contact|reach) .{0,60}\S+@\S+.*"
    r"|.{0,80}\b(?:can|may) be reached at\b.*"
    r"|(?:have a (?:news )?tip\?|got a (?:news )?tip\?).*"
    r"|follow (?:us|him|her|them|@\w+|[\w .'’@]{2,40}) on (?:twitter|facebook|instagram|linkedin|x)\b.*)$",
    re.I,
)
# "Jane Roe (jane@x.com) is a senior writer at ...": the author's blurb closing a page.
AUTHOR_BLURB = re.compile(
    r"^[A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){0,3}\s*(?:\([^)]{1,60}\))?\s+(?:is|was|covers|writes)\b.{0,120}"
    r"\b(?:editor|writer|reporter|correspondent|journalist|author|columnist|contributor|producer|publisher|covers)\b"
)
# A press release's closing "About the company" paragraph: "Acme is a global provider of ...".
COMPANY_BLURB = re.compile(
    r"^(?:about [A-Z][\w&.\- ]{1,40}[:\-–—]?\s*)?[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,4},? (?:is|are) "
    r"(?:(?:a|an|the) (?:[\w\-]+ ){0,6}(?:company|provider|leader|firm|manufacturer|developer|organi[sz]ation|supplier"
    r"|group|corporation|platform|maker|operator|specialist)\b|headquartered in\b)",
)
# Teaser titles closing a page: "Section | Headline of another story".
TEASER_TITLE = re.compile(r"^[^|.?!]{2,60}\s\|\s[^|]{5,120}$")
COPYRIGHT_LINE = re.compile(r"^(?:©|copyright|\(c\))\s.{0,60}\b(?:19|20)\d\d\b.{0,80}$", re.I)
CLICK_PROMPT = re.compile(r"\b(?:click|tap) here\b", re.I)
FOLLOW_PROMPT = re.compile(r"\bfollow (?:us|him|her|them|@\w+) on (?:twitter|facebook|instagram)\b", re.I)
URL_IN_LINE = re.compile(r"https?://|www\.\w")
SUBSCRIBE_PROMPT = re.compile(r"\b(?:subscribe|sign up|newsletters?|in your inbox|join (?:us|now))\b", re.I)
EDGE_STAMP = re.compile(r"^(?:https?://\S+|\d{4}-\d{2}-\d{2}t[\d:.]+(?:z|[+\-]\d{2}:?\d{2})?)$", re.I)


def _key(text: str | None) -> str:
    return " ".join(w.lower() for w in words(text or ""))


def figure_captions(html: str) -> list[str]:
    """Text of every ``<figcaption>``: captions carry dates and names the body may not."""
    found = []
    for match in FIGCAPTION.finditer(html):
        text = " ".join(html_lib.unescape(TAG.sub(" ", match.group(1))).split())
        if text and text not in found:
            found.append(text)
    return found


def clean_extracted(text: str, title: str | None = None) -> Cleaned:
    """Keep what an extractor isolated, minus furniture by content, the repeated headline and edge bylines."""
    lines = classify_lines(text)
    # Exact repeats are legitimate in extracted text (an interview's recurring question); keep them.
    for line in lines:
        if line.label == "repeat":
            line.label = "paragraph"
    paragraphs = [i for i, line in enumerate(lines) if line.label == "paragraph"]
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (0, len(lines) - 1)
    drop = [
        (i <= min(first - 1, 1) and _is_headline_copy(line, title))
        or line.label in ALWAYS_DROP
        or ((i < first or i > last) and line.label in EDGE_DROP)
        or (bool(TAIL_FURNITURE.match(line.text)) and len(words(line.text)) <= 40)
        for i, line in enumerate(lines)
    ]
    # Peel the page's sign-off from the end: contact prompts, author blurbs, bare links, stamps.
    j = len(lines) - 1
    while j > 0 and (drop[j] or _sign_off(lines[j])):
        drop[j] = True
        j -= 1
    cleaned = Cleaned(body="")
    body: list[str] = []
    for line, dropped in zip(lines, drop, strict=True):
        if not dropped:
            body.append(line.text)
            continue
        (cleaned.captions if line.label == "caption" else cleaned.header_lines).append(line.text)
        cleaned.boilerplate.append(line.text)
    cleaned.body = "\n\n".join(body)
    return cleaned


def _is_headline_copy(line: Line, title: str | None) -> bool:
    """Above the first paragraph: the headline again, perhaps with the site name ("Title | Site")."""
    mine = set(_key(line.text).split())
    theirs = set(_key(title).split())
    return bool(mine and theirs) and len(mine & theirs) >= 0.8 * max(len(mine), len(theirs))


def _sign_off(line: Line) -> bool:
    text = line.text.strip()
    return bool(
        line.label in EDGE_DROP
        or TAIL_FURNITURE.match(text)
        or EDGE_STAMP.match(text)
        or AUTHOR_BLURB.match(text)
        or COMPANY_BLURB.match(text)
        or FOLLOW_PROMPT.search(text)
        or COPYRIGHT_LINE.match(text)
        or (line.label != "paragraph" and TEASER_TITLE.match(text))
        or (len(words(text)) <= 30 and (URL_IN_LINE.search(text) or SUBSCRIBE_PROMPT.search(text) or CLICK_PROMPT.search(text)))
    )


def page_date(html: str, url: str | None) -> str | None:
    """The page's original publication day, or None when the page states none."""
    return dated_page(html, url)[0]


def dated_page(html: str, url: str | None) -> tuple[str | None, str]:
    """(day, basis): htmldate's day (extensive search), reconciled with the page's declared timestamp.

    htmldate pads a bare year to January 1st; a "YYYY-01-01" the page never writes is a year, not a day."""
    try:
        found = find_date(html, url=url, extensive_search=True, original_date=True)
    except (ValueError, TypeError):  # malformed markup or dates htmldate cannot handle
        found = None
    if found and found.endswith("-01-01"):
        year, lowered = found[:4], html.lower()
        stated = (f"{year}-01-01", f"01.01.{year}", f"01/01/{year}", f"{year}/01/01", f"1 january {year}",
                  f"january 1, {year}", f"jan 1, {year}", f"jan. 1, {year}", f"1 jan {year}")
        if not any(form in lowered for form in stated):
            found = None
    return choose_page_day(html, url, found)


def _extract(html: str, url: str | None, *, precise: bool) -> dict:
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,  # results tables, schedules and standings are often the article itself
        with_metadata=not precise,
        favor_precision=precise,
        config=_CONFIG,
    )
    if extracted is None:
        return {}
    return extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)


def choose_text(default: str, precise: str) -> str:
    """Trafilatura's precision mode trims related links and teasers the default keeps, but on some layouts
    it loses the article itself: take it unless it keeps less than half of the default's words. A line the
    default repeats (a page that carries its article twice, in the markup and again in a script) counts once."""
    if precise.strip() and len(precise.split()) >= PRECISE_MIN_SHARE * _distinct_words(default):
        return precise
    return default


def _distinct_words(text: str) -> int:
    seen: set[str] = set()
    total = 0
    for line in text.splitlines():
        key = _key(line)
        if key and key not in seen:
            seen.add(key)
            total += len(key.split())
    return total


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Body paragraphs, title, author, site name and date from an HTML page."""
    data = _extract(html, url, precise=False)
    if not data:
        return Cleaned(body="", captions=figure_captions(html))
    metadata = {
        key: str(data[key])
        for key in ("title", "author", "sitename", "date", "url", "hostname", "description", "language")
        if data.get(key)
    }
    metadata.pop("date", None)
    page_url = url or metadata.get("url")
    facts = page_facts(html)
    site = site_name(facts, metadata.get("sitename"), page_url)
    if site:
        metadata["sitename"] = site
    title = displayed_title(facts, metadata.get("title"), site, page_url)
    if title:
        metadata["title"] = title
    text = data.get("text") or ""
    if text.strip():
        text = recover_paragraphs(html, choose_text(text, _extract(html, url, precise=True).get("text") or ""))
        text = drop_other_articles(facts.root, text, title)
    cleaned = clean_extracted(text, title=metadata.get("title"))
    # A "headline" that is the site's own name is the masthead: what follows it is the site's banner, not a header.
    masthead = bool(site and title and _words(site) == _words(title))
    zones = [] if masthead else header_zones(facts.lines, title, find_body_start(facts.lines, cleaned.body))
    metadata.pop("author", None)
    author = page_byline(facts, zones, data.get("author"))
    if author:
        metadata["author"] = author
    stated, basis = page_day(html, page_url, zones)
    if stated:
        metadata["date"] = stated
        metadata["date_basis"] = basis
    for caption in figure_captions(html):
        if caption not in cleaned.captions:
            cleaned.captions.append(caption)
    cleaned.metadata.update(metadata)
    cleaned.title = metadata.get("title") or cleaned.title
    return cleaned


def site_name(facts: PageFacts, extracted: str | None, url: str | None) -> str | None:
    """The site as it names itself: og:site_name, the ``<title>``'s tail, application-name, the publisher, checked
    against the page's host when it is known (a URL, the developer's app or a wire service is not the site)."""
    tail: list[str | None] = []
    if url and facts.title_tag:
        tail = list(reversed(SEPARATOR.split(facts.title_tag)[1:]))
    candidates = [facts.first("og:site_name"), *tail, facts.first("application-name"), *facts.ld_publishers, extracted]
    return self_name(candidates, url)


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in words(text or "")}


def displayed_title(facts: PageFacts, extracted: str | None, site: str | None, url: str | None) -> str | None:
    """The headline as displayed: the ``<h1>`` that the page's declared titles agree with; otherwise the declared
    title without the site's name appended ("Title | Site")."""
    declared = [t for t in (extracted, facts.first("og:title"), facts.first("twitter:title"), facts.title_tag) if t]
    best, best_share = None, 0.0
    for h1 in facts.h1:
        mine = _words(h1)
        if len(mine) < 3:
            continue
        for title in declared:
            theirs = _words(strip_site_suffix(title, site, url))
            share = len(mine & theirs) / min(len(mine), len(theirs)) if theirs else 0.0
            if share >= 0.8 and len(mine & theirs) / max(len(mine), len(theirs)) >= 0.5 and share > best_share:
                best, best_share = h1, share
    if best:
        return best
    if declared:
        return strip_site_suffix(declared[0], site, url)
    return next((h1 for h1 in facts.h1 if len(_words(h1)) >= 4), None)


def page_byline(facts: PageFacts, zones: list[list[str]], extracted: str | None) -> str | None:
    """The byline printed in the article's header; else a declared author the page also shows (a meta author
    tag may name the site's web developer); else the persons of a "(Reporting by ...)" credit."""
    for zone in zones:
        found, _ = byline_from_lines(zone[:BYLINE_LINES])
        if found:
            return found
    shown = " ".join(words(" ".join(facts.lines))).lower()
    declared = [*facts.meta.get("author", []), *facts.meta.get("article:author", []), *facts.ld_authors, extracted]
    for value in declared:
        found = normalize_byline(value)
        if found and all(" ".join(words(name)).lower() in shown for name in found.split(" and ")):
            return found
    return reporting_credit(facts.lines)


DATE_LINES = 8  # a header's date is printed within its first lines; further down are teasers and sidebars
BYLINE_LINES = 12


def zone_dates(zones: list[list[str]], day_first: bool) -> list[StatedDate]:
    """The dates stated in the first header that states any, on its first lines (captions are not datelines)."""
    for zone in zones:
        lines = [line for line in zone[:DATE_LINES] if not is_caption(line)]
        found = [d for d in stated_dates(lines, day_first) if d.kind != "cited"]
        if found:
            return found
    return []


def page_day(html: str, url: str | None, zones: list[list[str]]) -> tuple[str | None, str]:
    """The article's first-published day. The date printed under the headline is the one a reader sees; it
    decides when the page declares no timestamp (htmldate then guesses from the text, and may take the site's
    banner of the day), and when it is within a day of the declared one (a UTC stamp read in another zone).
    An update shown alone stands only when nothing earlier is known. A URL that names its own instant (a post
    ID) or a revision outranks them all: the page around it is the site's frame."""
    exact = url_stated_day(url) or revision_day(html, url)
    if exact:
        return exact[0].isoformat(), exact[1]
    found = zone_dates(zones, day_first(html, url))
    stated = first_published(found)
    day, basis = dated_page(html, url)
    if stated:
        shown = stated.day.isoformat()
        declared = declared_date(html, url)
        if day is None or shown == day or declared is None or abs((stated.day - declared.day).days) <= 1:
            return shown, f"stated on the page: {stated.line!r}" + (f" (htmldate: {day})" if day and day != shown else "")
    updates = [d for d in found if d.kind == "updated"]
    if updates and (day is None or day > updates[0].day.isoformat()):
        return updates[0].day.isoformat(), f"stated on the page (an update, no first date shown): {updates[0].line!r}"
    return day, basis
