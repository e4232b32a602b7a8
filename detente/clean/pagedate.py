"""The publication day a page declares in its structured data, as the publisher's local day.

htmldate finds a page's date well but reads a timestamp's day as written: "2020-08-25T00:23:33Z" from a
Canadian newsroom is the evening of August 24 where it was published. Pages declare their publication time
in JSON-LD (``datePublished``), Open Graph/``article:published_time`` meta tags and ``itemprop`` elements;
a UTC stamp is moved into the publisher's zone, taken from the page itself (the offset most of its other
timestamps carry) or from its country (the URL's country domain, the ``lang``/``og:locale`` region), via
``data/country_zones.tsv``. Formats htmldate does not read ("Tue, Sep 15 2020 10:01:41 EDT") parse here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as date_parser

from detente.tables import load_table

LD_SCRIPT = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
LD_FIELD = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
META = re.compile(r"<meta\b[^>]*>", re.I)
ATTR = re.compile(r'([\w:.\-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
ITEMPROP = re.compile(r"<(?:time|span|div|p)\b[^>]*itemprop=[\"']datePublished[\"'][^>]*>", re.I)
PUBLISHED_KEYS = {
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "article.published", "parsely-pub-date", "sailthru.date", "publish-date", "publishdate", "pubdate",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "cxenseparse:recs:publishtime",
}
OFFSET_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?([+\-]\d\d):?(\d\d)")
LANG_REGION = re.compile(r"<html\b[^>]*\blang=[\"']?[a-z]{2,3}[-_]([A-Za-z]{2})\b", re.I)
HTML_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([a-z]{2,3})\b", re.I)
LOCALE = re.compile(r"og:locale[\"'][^>]*content=[\"'][a-z]{2,3}_([A-Za-z]{2})\b", re.I)
# North American zone abbreviations dateutil does not know by itself.
TZ_NAMES = {name: offset * 3600 for name, offset in {
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "IST": 5.5, "JST": 9, "KST": 9,
}.items()}
TLD_COUNTRY = {"uk": "GB"}
ENGLISH_DEFAULT_ZONE = "America/New_York"


@dataclass(frozen=True)
class DeclaredDate:
    day: date
    basis: str
    written: str


@lru_cache(maxsize=1)
def country_zones() -> dict[str, str]:
    return {row["country"].upper(): row["zone"] for row in load_table("country_zones.tsv")}


def declared_values(html: str) -> list[tuple[str, str]]:
    """(source, value) of every publication timestamp the page declares, JSON-LD first."""
    found: list[tuple[str, str]] = []
    for block in LD_SCRIPT.findall(html):
        for value in _ld_dates(block):
            found.append(("JSON-LD datePublished", value))
    for tag in META.findall(html):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in PUBLISHED_KEYS and attrs.get("content"):
            found.append((f"meta {key}", attrs["content"]))
    for tag in ITEMPROP.findall(html):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in ATTR.finditer(tag)}
        value = attrs.get("datetime") or attrs.get("content")
        if value:
            found.append(("itemprop datePublished", value))
    return found


def _ld_dates(block: str) -> list[str]:
    try:
        data = json.loads(block)
    except ValueError:
        return LD_FIELD.findall(block)
    out: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                out.append(value)
            stack.extend(v for k, v in item.items() if isinstance(v, (dict, list)) and k != "datePublished")
    return out


def parse_stamp(value: str) -> datetime | None:
    """A timestamp with its offset when it states one (naive otherwise); None when it is not a date."""
    text = value.strip()
    if not re.search(r"\d{4}", text) or re.fullmatch(r"\d{9,}", text):
        return None
    try:
        return date_parser.parse(text, tzinfos=TZ_NAMES, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None


def publisher_zone(html: str, url: str | None) -> tuple[timezone | ZoneInfo | None, str]:
    """The publisher's zone: the offset most of the page's own stamps carry, else its country's zone (by the URL's
    country domain or the page's language region), else US Eastern for an English page on a generic domain."""
    offsets = Counter(
        (int(h), int(m)) for h, m in OFFSET_STAMP.findall(html) if (int(h), int(m)) != (0, 0)
    )
    if offsets:
        (hours, minutes), _ = offsets.most_common(1)[0]
        sign = -1 if hours < 0 else 1
        return timezone(timedelta(hours=hours, minutes=sign * minutes)), "offset of the page's other timestamps"
    for country, how in ((_url_country(url), "URL's country domain"), (_page_region(html), "page language region")):
        zone = country_zones().get(country or "")
        if zone:
            try:
                return ZoneInfo(zone), f"{how} ({country}, {zone})"
            except ZoneInfoNotFoundError:
                continue
    lang = HTML_LANG.search(html[:20000])
    if lang and lang.group(1).lower() == "en" and _url_country(url) is None:
        # An English page on a generic domain with no region: most such news sites are American.
        return ZoneInfo(ENGLISH_DEFAULT_ZONE), f"English page of no stated country ({ENGLISH_DEFAULT_ZONE})"
    return None, ""


def _url_country(url: str | None) -> str | None:
    host = urlparse(url or "").hostname or ""
    tld = host.rsplit(".", 1)[-1].lower()
    return TLD_COUNTRY.get(tld, tld.upper()) if len(tld) == 2 else None


def _page_region(html: str) -> str | None:
    head = html[:20000]
    match = LANG_REGION.search(head) or LOCALE.search(head)
    return match.group(1).upper() if match else None



def day_first(html: str, url: str | None) -> bool:
    """Whether the page writes numeric dates day first (05/12/2020 = 5 December): everywhere but the United
    States, by the URL's country domain or the page's language region; an English page of no known country is
    read month first."""
    country = _url_country(url) or _page_region(html)
    if country:
        return country != "US"
    match = HTML_LANG.search(html[:20000])
    return bool(match) and match.group(1).lower() != "en"


def declared_date(html: str, url: str | None) -> DeclaredDate | None:
    """The first declared publication timestamp that parses, as the publisher's local day."""
    for source, value in declared_values(html):
        stamp = parse_stamp(value)
        if stamp is None or not 1990 <= stamp.year <= 2100:
            continue
        offset = stamp.utcoffset()
        if offset is None or offset != timedelta(0) or not re.search(r"T?\d\d:\d\d", value):
            return DeclaredDate(stamp.date(), f"{source} {value!r}", value)
        zone, how = publisher_zone(html, url)
        if zone is None:
            return DeclaredDate(stamp.date(), f"{source} {value!r} (UTC; publisher's zone unknown)", value)
        local = stamp.astimezone(zone)
        return DeclaredDate(local.date(), f"{source} {value!r} is {local:%Y-%m-%d %H:%M} in the publisher's zone ({how})",
                            value)
    return None


MONTHS = {  # month names and common abbreviations in the languages of the news the project sees most
    1: "january jan janvier janv enero ene gennaio gen januar jänner janeiro januari",
    2: "february feb février févr febrero febbraio febr februar fevereiro fev februari",
    3: "march mar mars marzo märz março maart",
    4: "april apr avril avr abril aprile abr",
    5: "may mai mayo maggio mag maio mei",
    6: "june jun juin junio giugno giu juni junho",
    7: "july jul juillet juil julio luglio lug juli julho",
    8: "august aug août agosto ago augustus",
    9: "september sep sept septembre septiembre settembre set setembro",
    10: "october oct octobre octubre ottobre ott oktober outubro okt",
    11: "november nov novembre noviembre novembre novembro",
    12: "december dec décembre déc diciembre dic dicembre dezember dezembro dez",
}
MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names.split()}
VISIBLE_DATE = re.compile(
    r"(?i)\b(?:(?P<m1>[a-zéûä]{3,10})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})\.?\s+(?:de\s+)?(?P<m2>[a-zéûä]{3,10})\.?,?\s+(?:de\s+)?(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<mo3>\d\d)-(?P<d3>\d\d))\b"
)
SCRIPT_OR_STYLE = re.compile(r"(?is)<(script|style|noscript)\b.*?</\1>")
TAG = re.compile(r"<[^>]+>")
URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/\-_]?([01]\d)[/\-_]?([0-3]\d)(?!\d)")


def visible_days(html: str) -> Counter[date]:
    """Days written out in the page's visible text ("July 9, 2020", "06 Dicembre 2020", "2020-07-09")."""
    text = " ".join(TAG.sub(" ", SCRIPT_OR_STYLE.sub(" ", html)).split())
    found: Counter[date] = Counter()
    for m in VISIBLE_DATE.finditer(text):
        if m.group("y3"):
            parts = int(m.group("y3")), int(m.group("mo3")), int(m.group("d3"))
        else:
            name = (m.group("m1") or m.group("m2")).lower()
            if name not in MONTH_NUMBER:
                continue
            parts = int(m.group("y1") or m.group("y2")), MONTH_NUMBER[name], int(m.group("d1") or m.group("d2"))
        try:
            found[date(*parts)] += 1
        except ValueError:
            continue
    return found


def url_day(url: str | None) -> date | None:
    match = URL_DAY.search(urlparse(url or "").path)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


# Twitter/X post IDs are "snowflakes": the high bits count milliseconds since this epoch (2010-11-04 01:42:54.657 UTC).
SNOWFLAKE_EPOCH_MS = 1288834974657
POST_HOST = re.compile(r"^(?:www\.|mobile\.)?(?:twitter|x)\.com$")
STATUS_PATH = re.compile(r"/status(?:es)?/(\d{15,20})(?:/|$)")
LD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]{6,40})"')


def url_stated_day(url: str | None) -> tuple[date, str] | None:
    """The day a URL itself states exactly: a post on Twitter/X is named by an ID that encodes its creation time
    (the page around it shows the viewer's timeline, dated anything)."""
    parts = urlparse(url or "")
    match = STATUS_PATH.search(parts.path) if POST_HOST.match((parts.hostname or "").lower()) else None
    if not match:
        return None
    instant = datetime.fromtimestamp(((int(match.group(1)) >> 22) + SNOWFLAKE_EPOCH_MS) / 1000, tz=UTC)
    if not 2010 <= instant.year <= 2100:
        return None
    return instant.date(), f"the post ID in the URL encodes {instant:%Y-%m-%d %H:%M} UTC"


def revision_day(html: str, url: str | None) -> tuple[date, str] | None:
    """A wiki page opened at a revision or a diff (``?oldid=`` / ``?diff=``) shows that revision, not the article's
    creation: its date is the revision's, which the page declares as ``dateModified``."""
    query = parse_qs(urlparse(url or "").query)
    if not ({"oldid", "diff"} & query.keys()) or "title" not in query:
        return None
    for block in LD_SCRIPT.findall(html):
        for value in LD_MODIFIED.findall(block):
            stamp = parse_stamp(value)
            if stamp is not None and 1990 <= stamp.year <= 2100:
                return stamp.date(), f"the revision shown (JSON-LD dateModified {value!r})"
    return None


def choose_page_day(html: str, url: str | None, found: str | None) -> tuple[str | None, str]:
    """Reconcile htmldate's day with the page's declared timestamp (as written and as the publisher's local day).

    When they agree, or the page declares nothing, htmldate's day stands. When they differ (a UTC stamp near
    midnight, a URL dated the day before a late-evening stamp, a format htmldate misread), the day the page's
    visible text writes out most decides, then the URL's date; without either, the stamp's day in the publisher's
    zone when that zone is known, else htmldate's day within a day of the stamp, and the stamp as written beyond."""
    declared = declared_date(html, url)
    if declared is None:
        return found, "htmldate"
    written = parse_stamp(declared.written)
    candidates = {declared.day}
    if written is not None:
        candidates.add(written.date())
    if found:
        try:
            candidates.add(date.fromisoformat(found[:10]))
        except ValueError:
            pass
    if len(candidates) == 1:
        return (found or declared.day.isoformat()), (f"htmldate; {declared.basis}" if found else declared.basis)
    shown = visible_days(html)
    ranked = sorted(candidates, key=lambda day: shown[day], reverse=True)
    if shown[ranked[0]] and shown[ranked[0]] > shown[ranked[1]]:
        return ranked[0].isoformat(), f"written on the page ({shown[ranked[0]]}x); {declared.basis}"
    in_url = url_day(url)
    if in_url in candidates:
        return in_url.isoformat(), f"the URL's date; {declared.basis}"
    as_written = written.date() if written else declared.day
    if written is not None and declared.day != as_written:
        return declared.day.isoformat(), declared.basis
    if found and abs((as_written - date.fromisoformat(found[:10])).days) <= 1:
        return found, "htmldate"
    return as_written.isoformat(), f"{declared.basis}, not htmldate's {found}" if found else declared.basis
