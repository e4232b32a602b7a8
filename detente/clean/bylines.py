"""Bylines as the gold writes them: the person author(s) only, "A and B" ("A, B and C" for more).

A printed byline carries more than names: "By", job titles ("AP National Security Writer"), the agency or paper
that supplied the story ("The Associated Press", "Reuters" run on after the last name), a place ("PTI, Washington,"),
a date, an e-mail or handle. Those parts are split off; a part that is not shaped like a person's name is dropped,
and a credit with no person left (an agency only) gives None. The agency and outlet names come from
``data/outlets.tsv``; a place from ``data/cities.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detente.tables import load_table, split_multi

LEAD = re.compile(
    r"^\s*(?:(?:written|words|story|text|reporting|reported|compiled|posted|photos?|video)\s+by|by|from|author|"
    r"authors?|text|words|story|reporter)\b\s*[:\-–—]?\s*", re.I
)
EMAIL = re.compile(r"\(?\s*[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*\)?")
URL = re.compile(r"(?:https?://\S+|www\.\S+|\b[\w\-]+\.(?:com|org|net|info|co\.uk|in|az|io)\b\S*)", re.I)
HANDLE = re.compile(r"\(?@\w+\)?")
DATE_TAIL = re.compile(
    r"\b(?:posted|published|updated|modified|last updated|first published)\b.*$"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*$"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b.*$"
    r"|\b\d{1,2}[:.]\d\d\b.*$|\b\d{4}-\d\d-\d\d\b.*$|\b\d{1,2}/\d{1,2}/\d{2,4}\b.*$",
    re.I,
)
SPLIT = re.compile(r"\s*(?:;|,|\||\s+and\s+|\s*&\s*|\s+with\s+)\s*", re.I)
ROLE = re.compile(
    r"\b(?:writer|correspondent|reporter|editor|journalist|columnist|contributor|producer|photographer|staff|"
    r"intern|analyst|bureau|chief|anchor|host|critic|desk|team|service|services|agency|agencies|wire|wires|"
    r"syndicate|newsroom|board|network|digital|online|web|news|media|press|special|guest|freelance)\b",
    re.I,
)
PARTICLES = frozenset("de da di del della der den van von la le du dos das bin bint ibn al el ben y e st".split())
NOT_NAME_WORDS = frozenset("""the of for in on at to this that our your my his her its their we you
sign log login logout register subscribe subscription account profile settings newsletter menu search home
share follow comment comments print email e-mail save more close open watch listen read video photo photos
gallery live sections section edition weather welcome guest user password forgot remember submit continue
view author archive feed rss get about contact us privacy terms cookies accept advertisement sponsored
top stories latest trending popular world politics business opinion sport sports tech culture lifestyle
click here updated published posted source sources credit credits image images file getty""".split())


@lru_cache(maxsize=1)
def credit_names() -> frozenset[str]:
    """Outlet and agency names and aliases (lower case), plus generic agency credits."""
    names = {"news agencies", "agencies", "agency", "wire services", "wires", "staff", "web desk", "news desk"}
    for row in load_table("outlets.tsv"):
        for alias in [row["name"], *split_multi(row.get("aliases", ""))]:
            names.add(alias.lower())
            if alias.lower().startswith("the "):
                names.add(alias[4:].lower())
    return frozenset(names)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    return frozenset(row["city"].lower() for row in load_table("cities.tsv"))


def _strip_credit_tail(part: str) -> str:
    """"Suleiman Al-Khalidi Reuters" -> "Suleiman Al-Khalidi": an agency run on after the last name."""
    words = part.split()
    for size in range(min(4, len(words) - 2), 0, -1):
        if " ".join(words[-size:]).lower().strip(".,") in credit_names():
            return " ".join(words[:-size])
    return part


def person_name(part: str) -> str | None:
    """``part`` as a person's name ("Robert Burns", "Spencer S. Hsu", "Ngozi de la Cruz"), or None."""
    part = part.strip(" .,:;-–—()[]\"'“”")
    if not part or part.lower() in credit_names() or part.lower() in place_names() or ROLE.search(part):
        return None
    words = part.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in part):
        return None
    if any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words):
        return None
    if not all(_name_token(w) or w.lower() in PARTICLES for w in words):
        return None
    if words[0] in PARTICLES or sum(1 for w in words if len(w.strip(".")) > 1) < 2:
        return None
    if part.isupper():
        part = " ".join(w if len(w.strip(".")) == 1 else w.title() for w in words)
    return part


def _name_token(word: str) -> bool:
    """A capitalised word of letters, hyphens and apostrophes ("Al-Khalidi", "O'Connell", "ROBERT"), or an initial."""
    bare = word.rstrip(".")
    if len(bare) == 1:
        return bare.isalpha() and bare.isupper()
    return bare[:1].isupper() and bare[:1].isalpha() and all(c.isalpha() or c in "-'’" for c in bare)


def person_names(credit: str) -> list[str]:
    """The person names in a byline or credit line, in order, without titles, agencies, places, dates, contacts."""
    text = " ".join(credit.split())
    text = EMAIL.sub(" ", text)
    text = HANDLE.sub(" ", text)
    text = URL.sub(" ", text)
    text = LEAD.sub("", text)
    text = DATE_TAIL.sub("", text)
    names: list[str] = []
    for part in SPLIT.split(text):
        name = person_name(_strip_credit_tail(part.strip()))
        if name and name not in names:
            names.append(name)
    return names


def join_names(names: list[str]) -> str | None:
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def normalize_byline(credit: str | None) -> str | None:
    """"By LIA EUSTACHEWICH; Yaron Steinbuch, AP Writer" -> "Lia Eustachewich and Yaron Steinbuch"; None when no
    person is named (an agency credit, a desk, a widget's words)."""
    return join_names(person_names(credit or ""))


REPORTING_BY = re.compile(r"^\(?\s*(?:reporting|reported|writing) by\s+(?P<who>.+?)(?:;|\)|$)", re.I)
BY_LINE = re.compile(r"^\s*by\s+\S", re.I)
PHOTO_CREDIT = re.compile(r"\b(?:photo|image|picture|credit|getty|afp|ap photo|reuters/|/ ?ap\b|/ ?reuters\b)", re.I)


def reporting_credit(lines: list[str]) -> str | None:
    """Person names from a "(Reporting by A and B; Editing by C)" credit: the writers of a wire story."""
    for line in lines:
        match = REPORTING_BY.match(line.strip())
        if match:
            who = re.split(r"\s+in\s+[A-Z]|;|\bediting by\b", match.group("who"), flags=re.I)[0]
            found = normalize_byline(who)
            if found:
                return found
    return None


def byline_from_lines(lines: list[str]) -> tuple[str | None, bool]:
    """(byline, credited): the first "By ..." line naming a person, else the first short line that is only a
    credit: names with a title, agency or outlet ("Colleen Barry, The Associated Press"); a bare pair of
    capitalised words is not enough ("PMN Health" under "Filed under"). ``credited`` is True
    when a credit line was seen that names no person ("Reuters", "PTI, Washington,"): the story is the agency's."""
    credited = False
    for line in lines:
        if BY_LINE.match(line) and len(line.split()) <= 25:
            found = normalize_byline(line)
            if found:
                return found, credited
    for line in lines:
        text = line.strip()
        if len(text.split()) > 15 or PHOTO_CREDIT.search(text) or "/" in text or text.endswith((".", "?", "!")):
            continue
        parts = [p for p in SPLIT.split(LEAD.sub("", text)) if p.strip(" ,")]
        if not parts:
            continue
        names = person_names(text)
        credits = [p for p in parts if _is_credit_part(p)]
        if names and credits and len(names) + len(credits) >= len(parts):
            return join_names(names), credited
        if not names and credits and len(credits) >= len(parts) - 1 and _is_credit_part(parts[0]):
            credited = True
    return None, credited


def _is_credit_part(part: str) -> bool:
    """An agency or outlet (a known one, or "The" and capitalised words: persons are not "The ..."), a newsroom
    title, or a place in a credit line."""
    p = part.strip(" .,:;")
    if re.fullmatch(r"The(?: [A-Z][\w&.'’\-]*){1,5}", p):
        return True
    p = p.lower()
    return bool(p) and (p in credit_names() or p in place_names() or bool(ROLE.search(p)))
