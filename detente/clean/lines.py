"""Line classifier for text dumps: which lines are the article, which are furniture.

A dump is what a browser's "select all" or a scraper gives: the article's
paragraphs among widgets, captions, pull quotes, related links and footers.
Each line gets a label from features that hold across sites (length, sentence
shape, position, repetition within the page, widget vocabularies kept in
``data/furniture.txt``); the body is the run from the first to the last
paragraph-shaped line, minus furniture found inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from detente.clean import datelines
from detente.clean.layout import body_run, choose_title
from detente.records import Cleaned
from detente.tables import load_lines

WORD = re.compile(r"[\w’'\-]+")
TERMINAL = re.compile(r"[.?!…:;][\"”’')\]]*\s*$")
BULLET = re.compile(r"^\s*[•▪◦·●■\-–*]\s+")
BYLINE_ROLE = re.compile(
    r"^(?:(?:text|words|author|story|report)\s*:\s*)?(?P<name>[A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){1,3})"
    r"(?:\s*,\s*(?P<role>(?:[\w\-]+\s+){0,3}(?:correspondent|reporter|editor|writer|journalist|columnist|staff|contributor|bureau chief)))?\s*$",
    re.I,
)
BYLINE = re.compile(r"^(?:by|written by|words by|story by)\s+([A-Z][\w.’'\-]+(?:\s+(?:[A-Z][\w.’'\-]+|de|van|von|bin|al|and|&|,))*)\s*[,|]?.*$", re.I)
# Credit and editor lines closing (or heading) a story: who reported, edited or supplied it, and where it came from.
CONTRIBUTOR = re.compile(
    r"(contributed (reporting )?to this (report|story|article)"
    r"|\bcontributed(?: additional)?(?: reporting| research| writing)?(?: from [\w ,.'’\-]{2,60})?\.?\)?$"
    r"|^\(?(?:additional |with )?(?:reporting|writing|editing|research|compiled|produced|translated) by\b"
    r"|^(?:sources?|credits?)\s*:\s*(?=.{2,80}$)(?!.*[.?!]\s+[A-Z])"
    r"|^this (?:article|story|report|content) (?:has been|was|is) (?:adapted|updated|corrected|amended|edited"
    r"|produced|republished|originally published|reproduced)\b)",
    re.I,
)
# A teaser for another page: an excerpt cut off with a bracketed ellipsis ("... on the occa (...)").
TEASER_CUT = re.compile(r"(?:\(\s*(?:\.\s*){3}\)|\[\s*(?:\.\s*){3}\]|[(\[]…[)\]])\s*$")
# A rule between parts of a page ("- - -", "_____", "* * *"): inside an article it parts sections, at its end
# it parts the article from what follows.
SEPARATOR = re.compile(r"[\-–—_*=~•·#.\s]{3,}")
SIGNED_CHANGE = re.compile(r"(?:^|\s|\()[+\-−–]\s?\d[\d.,]*\s?%|[▲▼↑↓]")
NUMERIC_TOKEN = re.compile(r"^[+\-−–$€£¥(]*\d[\d.,:/]*[%)kKmMbB]*$")
# A caption ends with a credit, or places people in the frame.
CAPTION_CREDIT = re.compile(
    r"(\b(photo|image|picture|credit|photograph)s?( by| credit)?\s*[:/]\s*[\w .,&/'’\-]{1,60}$"
    r"|\((?:[\w .'’\-]+/)?(?-i:AP|AFP|Reuters|Getty( Images)?|EPA|Xinhua|Pool|Bloomberg|Kyodo|Yonhap|Handout|File)[\w .'’/\-]*\)\s*$"
    r"|\b(Getty Images|Shutterstock|Reuters|AFP|AP Photo|EPA-EFE|handout)\s*$"
    r"|^(?:photo )?caption\s*:)",
    re.I,
)
# A photographer's credit on its own line under the photo's caption: "Ana Ruiz / AP", "Tomas Reyes/The Ledger".
SLASH_CREDIT = re.compile(
    r"^[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Pool|Bloomberg|Xinhua"
    r"|The [A-Z][\w ]{2,40})\s*$"
)
FRAME_POSITION = re.compile(
    r"\((?:left|right|centre|center|front|second left|second right|top|bottom)\)"
    r"|,\s*(?:\w+\s+)?(?:left|right|centre|center)\s*,|\bfrom left\b|\bpictured\b|\bseen (?:here|above)\b",
    re.I,
)
MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATE_IN_LINE = re.compile(
    rf"\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b|\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b",
    re.I,
)


@lru_cache(maxsize=1)
def furniture_patterns() -> re.Pattern[str]:
    """All furniture regexes from the data file, compiled once into one alternation."""
    parts = load_lines("furniture.txt", regex=True)  # the package's patterns, then $DETENTE_DATA/furniture.txt
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in parts) + r")[\s.:!]*", re.I)


def words(line: str) -> list[str]:
    return WORD.findall(line)


def is_name_role_byline(line: str) -> bool:
    """"Marek Halloran, Europe correspondent", "Text: Henrik Aalto": a name with a newsroom role or label."""
    match = BYLINE_ROLE.match(line.strip())
    return bool(match and (match.group("role") or re.match(r"^(text|words|author|story|report)\s*:", line.strip(), re.I)))


def is_furniture(line: str) -> bool:
    return bool(furniture_patterns().fullmatch(line.strip()))


def is_dateline(line: str) -> bool:
    """A line that is mostly a date ("Nov. 24, 2017 | | 0 comments", "Published 11 April 2024 09:15 GMT",
    "segunda-feira, 22 de janeiro de 2018 às 0:13", "05/10/2018 - Publicado por: ... - Categoria: ...")."""
    if TERMINAL.search(line.rstrip(" |")):
        return False
    if DATE_IN_LINE.search(line) and len(words(DATE_IN_LINE.sub(" ", line))) <= 6:
        return True
    return datelines.is_dateline(line)


def is_tag_list(line: str) -> bool:
    """A keyword list ("stock car 2018, stock car brasil, stock car cascavel, ..."): many short comma-separated
    items and no sentence."""
    items = [item.strip() for item in line.split(",") if item.strip()]
    return (len(items) >= 5 and all(len(item.split()) <= 6 for item in items)
            and not TERMINAL.search(line) and sum(1 for item in items if item[:1].islower()) >= len(items) / 2)


def is_caption(line: str) -> bool:
    stripped = line.strip()
    if CAPTION_CREDIT.search(stripped) or SLASH_CREDIT.match(stripped):
        return True
    # "(left)", "pictured": a caption is one or two sentences about the frame, not a first-person paragraph
    sentences = len(re.findall(r"[.?!](?:\s|$)", stripped))
    return bool(FRAME_POSITION.search(stripped)) and len(words(stripped)) < 60 and sentences <= 2 and not re.search(
        r"\b(?:I|we|my|our)\b", stripped
    )


def is_bio(line: str) -> bool:
    """Content-farm author bios: a run of short verbless fragments ("Music specialist. Coffee lover. ...")."""
    stripped = line.strip()
    if re.search(r"[\d\"“”!?:;(\[]", stripped) or not stripped.endswith("."):
        return False  # quoted speech, scores, prices: fragments with a voice or figures are not a bio
    fragments = [f for f in re.split(r"\.\s*", stripped) if f]
    if len(fragments) < 3 or any(f[0].islower() for f in fragments):
        return False
    short = sum(1 for f in fragments if len(words(f)) <= 5)
    return short >= 3 and short >= len(fragments) - 1 and all(len(words(f)) <= 9 for f in fragments)


def is_data_row(line: str) -> bool:
    """A line of live figures, not prose: mostly numbers and prices with a signed change ("DOW 28,051.41 -1.2%",
    "Nikkei ▲ 1.2%"), as a market ticker or a live data table prints them. Scores, standings and schedules carry
    no signed change: they are often the article itself."""
    tokens = [t for t in line.replace("|", " ").split() if any(c.isalnum() for c in t)]
    if not tokens or (TERMINAL.search(line.rstrip(" |")) and len(tokens) > 6):
        return False
    numeric = sum(1 for t in tokens if NUMERIC_TOKEN.match(t))
    lower = sum(1 for t in tokens if t[:1].islower())
    return bool(SIGNED_CHANGE.search(line)) and numeric >= max(1, 0.5 * len(tokens)) and lower <= 2


TEASER_HEADLINE = re.compile(r"^(?:[\"'‘“][^\"'’”]{5,120}[\"'’”][^.?!]{0,60}?|[A-Z0-9][^.?!]{10,120}?)(?<=[\w'’\"”])(?:\.\.\.|…)$")


def is_teaser(line: str) -> bool:
    """An excerpt of another article cut off with a bracketed ellipsis, or another story's headline cut short
    ("Envoys warn of new border row..."): one fragment of a dozen words or fewer, ending in an ellipsis."""
    text = line.strip()
    return bool(TEASER_CUT.search(text)) or (bool(TEASER_HEADLINE.match(text)) and len(words(text)) <= 12)


def is_paragraph(line: str) -> bool:
    """Sentence-shaped prose: enough words, ends like a sentence, mostly lower-case words."""
    stripped = line.strip()
    n = len(words(stripped))
    if n < 8:
        return False
    if not TERMINAL.search(stripped) and n < 30:
        return False
    lower = sum(1 for w in words(stripped) if w[:1].islower())
    return lower >= n * 0.3


def is_headline(line: str) -> bool:
    stripped = line.strip()
    n = len(words(stripped))
    return 2 <= n <= 30 and not stripped.endswith((".", ",", ";")) and not BULLET.match(stripped)


@dataclass
class Line:
    index: int
    text: str
    label: str = ""


def _norm_key(text: str) -> str:
    return " ".join(words(text.lower()))


def classify_lines(text: str) -> list[Line]:
    """Label every non-blank line: body, furniture, caption, pullquote, related, byline, dateline, bio, title, summary."""
    lines = [Line(i, raw.strip()) for i, raw in enumerate(text.split("\n")) if raw.strip()]
    keys = [_norm_key(line.text) for line in lines]
    for line in lines:
        t = line.text
        if SEPARATOR.fullmatch(t):
            line.label = "separator"
        elif is_furniture(t) or is_teaser(t) or is_tag_list(t):
            line.label = "furniture"
        elif (BYLINE.match(t) and len(words(t)) <= 12) or (is_name_role_byline(t)):
            line.label = "byline"
        elif CONTRIBUTOR.search(t) and len(words(t)) <= 25:
            line.label = "contributor"
        elif is_dateline(t):
            line.label = "dateline"
        elif re.fullmatch(r"[—–]\s*[A-Z][\w.’'\-]+(\s+[A-Z][\w.’'\-]+){0,3}", t):
            line.label = "furniture"  # "— Lucia Ferrer": the attribution of a pull quote
        elif is_caption(t):
            line.label = "caption"
        elif is_data_row(t):
            line.label = "furniture"
        elif is_bio(t):
            line.label = "bio"
        elif is_paragraph(t):
            line.label = "paragraph"
        else:
            line.label = "short"
    _demote_headline_lead(lines)
    _mark_live_tables(lines)
    _mark_credited_captions(lines)
    # Pull quotes: a line repeated inside a longer line of the page; exact repeats keep the first copy only.
    seen: set[str] = set()
    for line, key in zip(lines, keys, strict=True):
        if line.label not in ("paragraph", "short", "caption") or len(key) < 12:
            continue
        if key in seen:
            line.label = "repeat" if line.label != "caption" else "caption"
            continue
        seen.add(key)
        if line.label == "paragraph" and any(key != other and key in other for other in keys if len(other) > len(key)):
            line.label = "pullquote"
        elif line.label == "paragraph" and _is_quoted_excerpt(line.text, key, keys):
            line.label = "pullquote"
    return lines


def _mark_credited_captions(lines: list[Line]) -> None:
    """A sentence directly above a photographer's credit line ("Ana Ruiz / AP") is the photo's caption."""
    for above, below in pairwise(lines):
        if above.label == "paragraph" and SLASH_CREDIT.match(below.text):
            above.label = "caption"


def _mark_live_tables(lines: list[Line]) -> None:
    """A table ("| a | b |" rows) whose rows are mostly live figures with signed changes is a ticker, not the
    article's table (results and schedules have no +1.2% or ▲): every row of it goes, header included."""
    i = 0
    while i < len(lines):
        if not lines[i].text.startswith("|"):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].text.startswith("|"):
            j += 1
        rows = [line for line in lines[i:j] if re.search(r"\w", line.text)]
        live = sum(1 for line in rows if SIGNED_CHANGE.search(line.text) and is_data_row(line.text))
        if rows and live >= 0.5 * len(rows):
            for line in lines[i:j]:
                line.label = "furniture"
        i = j


def _is_quoted_excerpt(text: str, key: str, keys: list[str]) -> bool:
    """A line that is only a quotation whose words nearly all recur in one longer line: a pull quote."""
    stripped = text.strip()
    if not (stripped[:1] in "\"“‘'" and stripped.rstrip()[-1:] in "\"”’'") or len(key.split()) > 40:
        return False
    mine = set(key.split())
    for other in keys:
        if other != key and len(other) > len(key) and len(mine & set(other.split())) >= 0.8 * len(mine):
            return True
    return False


def _demote_headline_lead(lines: list[Line]) -> None:
    """A question or exclamation headline above the body looks like prose; a lone one before non-prose is a title."""
    paragraphs = [i for i, line in enumerate(lines) if line.label == "paragraph"]
    if not paragraphs:
        return
    i = paragraphs[0]
    text = lines[i].text
    single_sentence = len(re.findall(r"[.?!](?:\s|$)", text)) <= 1
    nxt = next((line for line in lines[i + 1 :] if line.label not in ("furniture",)), None)
    if single_sentence and text.rstrip("”’\"' ").endswith(("?", "!")) and len(words(text)) <= 30:
        if nxt is not None and nxt.label != "paragraph":
            lines[i].label = "short"


def clean_text(text: str) -> Cleaned:
    """Split a text dump into body paragraphs and the lines kept aside (title, summary, captions, boilerplate)."""
    lines = classify_lines(text)
    run = body_run(lines)
    if run is None:
        # No sentence-shaped line at all (a list, a stub): keep every non-furniture line rather than nothing.
        keep = [line.text for line in lines if line.label in ("short", "paragraph")]
        return Cleaned(body="\n\n".join(keep), boilerplate=[line.text for line in lines if line.text not in keep])
    first, last = _after_standfirst(lines, *run)
    cleaned = Cleaned(body="")
    lead = " ".join(line.text for line in lines[first : last + 1] if line.label == "paragraph")[:1500]
    candidates = [i for i, line in enumerate(lines[:first]) if _title_candidate(line)]
    title_at = choose_title(lines, candidates, lead)
    body: list[str] = []
    for i, line in enumerate(lines):
        if i < first:
            _header_line(line, cleaned, is_title=i == title_at, after_title=title_at is not None and i > title_at)
        elif i > last:
            cleaned.footer_lines.append(line.text)
            cleaned.boilerplate.append(line.text)
        elif line.label == "paragraph":
            body.append(line.text)
        elif line.label == "short" and len(words(line.text)) <= 5 and not line.text.endswith(("?", ":")):
            body.append(line.text)  # a subheading inside the article
        elif line.label == "short" and _short_sentence(line.text):
            body.append(line.text)  # a one-sentence paragraph of the story ("Athens denied the incident on Monday.")
        elif line.label == "caption":
            cleaned.captions.append(line.text)
            cleaned.boilerplate.append(line.text)
        else:
            cleaned.boilerplate.append(line.text)  # a byline or date inside the run is a box's, not the article's
    cleaned.body = "\n\n".join(body)
    cleaned.captions = list(dict.fromkeys(cleaned.captions))  # a caption printed twice is one caption
    return cleaned


def _short_sentence(text: str) -> bool:
    """A sentence too short for a paragraph on its own but shaped like one inside the article: it ends with a full
    stop and most of its words are lower-case."""
    stripped = text.strip()
    tokens = words(stripped)
    return len(tokens) >= 4 and bool(re.search(r"\.[”’\"']?$", stripped)) and not stripped.endswith("..") \
        and sum(1 for w in tokens if w[:1].islower()) >= len(tokens) * 0.4


def _after_standfirst(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """A sentence-shaped standfirst heads the run when a byline or a date stands between it and the next
    paragraph: the article starts after them."""
    nxt = next((i for i in range(first + 1, last + 1) if lines[i].label == "paragraph"), None)
    if nxt is not None and any(line.label in ("byline", "dateline") for line in lines[first + 1 : nxt]):
        return nxt, last
    return first, last


def _title_candidate(line: Line) -> bool:
    """A headline-shaped line: short, not furniture, and not a masthead (all capitals, or a menu of capitalised
    words with no punctuation)."""
    return line.label in ("short", "repeat") and is_headline(line.text) and _looks_like_title(line.text)


def _looks_like_title(text: str) -> bool:
    tokens = words(text)
    menu_like = all(w[:1].isupper() for w in tokens) and not re.search(r"[,:;?!'’\"“”]", text) and len(tokens) < 5
    return len(tokens) >= 3 and not text.isupper() and not menu_like


def _header_line(line: Line, cleaned: Cleaned, *, is_title: bool, after_title: bool) -> None:
    """Lines before the body: the chosen headline is the title, a standfirst under it is the summary."""
    text = line.text
    if line.label == "caption":
        cleaned.captions.append(text)
    elif is_title:
        cleaned.title = text
        cleaned.header_lines.append(text)
        return
    elif line.label == "short" and after_title and BULLET.match(text):
        cleaned.summary.append(BULLET.sub("", text))
        return
    elif line.label == "short" and after_title and len(words(text)) >= 8 and not cleaned.summary:
        cleaned.summary.append(text)
        return
    elif line.label in ("byline", "dateline", "contributor", "short", "furniture", "repeat"):
        cleaned.header_lines.append(text)
    cleaned.boilerplate.append(text)
