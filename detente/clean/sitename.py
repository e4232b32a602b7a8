"""The site as it names itself, and that name taken off the end of a headline ("Title | Site", "Title - Site").

A page names itself in ``og:site_name``, ``application-name`` and the tail of its ``<title>``; each of these can
also hold something else (a URL, the web developer's app name, a wire service, "Site - City, State"). A name is
trusted when it agrees with the page's web address: the host's main label spelled from the name's words, whole,
by initials or by a prefix ("nytimes" from "The New York Times", "chron" from "Houston Chronicle").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlparse

SEPARATOR = re.compile(r"\s+[|–—\-:·•»]\s+|\s*\|\s*")
NAME_WORD = re.compile(r"[^\W_]+", re.U)
CORPORATE = re.compile(r",?\s+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|Co\.|Corp\.?|Corporation|plc|GmbH|S\.A\.)\s*$", re.I)
URLISH = re.compile(r"^(?:https?://|www\.)|^[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}/", re.I)
GENERIC_LABELS = frozenset("www m amp mobile news edition en home web".split())


def host_label(url: str | None) -> str | None:
    """The distinctive label of a page's host: "nytimes" for www.nytimes.com, "bbc" for www.bbc.co.uk."""
    host = (urlparse(url or "").hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in {"co", "com", "org", "net", "gov", "ac", "gv", "or", "ne"}:
        labels = labels[:-1]  # bbc.co.uk, abc.net.au
    rest = [label for label in labels if label not in GENERIC_LABELS]
    return (rest or labels)[-1].replace("-", "")


def names_host(name: str, label: str | None) -> bool:
    """Whether ``label`` can be spelled from ``name``'s words in order, each taken whole, by its initial or by a
    prefix of four letters or more, any word may be skipped ("thephiladelphiainquirer" ~ "inquirer")."""
    if not label:
        return False
    tokens = [w.lower() for w in NAME_WORD.findall(name)]
    joined = "".join(tokens)
    if label == joined or (len(label) >= 4 and label in joined):
        return True
    return _spell(label, tokens)


@lru_cache(maxsize=4096)
def _spell_cached(label: str, tokens: tuple[str, ...]) -> bool:
    if not label:
        return True
    if not tokens:
        return False
    word, rest = tokens[0], tokens[1:]
    if _spell_cached(label, rest):
        return True
    for cut in {len(word), 1, *range(4, len(word))}:
        if cut <= len(word) and label.startswith(word[:cut]) and _spell_cached(label[cut:], rest):
            return True
    return False


def _spell(label: str, tokens: list[str]) -> bool:
    return bool(tokens) and len(tokens) <= 12 and _spell_cached(label, tuple(tokens))


def tidy_name(name: str) -> str:
    """A site name without a corporate suffix or stray punctuation ("The Philadelphia Inquirer, LLC" -> "...")."""
    name = " ".join(name.split()).strip(" .,:;|-–—")
    name = CORPORATE.sub("", name).strip(" .,:;|-–—")
    return name


def self_name(candidates: list[str | None], url: str | None) -> str | None:
    """The first candidate that names the page's site: a URL is not a name; when a candidate has several parts
    ("Monroe News - Monroe, Michigan") the part that agrees with the host is the name; without a host to check
    against, the first candidate stands."""
    label = host_label(url)
    for candidate in candidates:
        if not candidate or URLISH.search(candidate.strip()):
            continue
        name = tidy_name(candidate)
        parts = [tidy_name(p) for p in SEPARATOR.split(name) if p.strip()]
        if label is None:
            return parts[0] if parts and len(parts) > 1 and _looks_like_place(parts[1:]) else name or None
        if names_host(name, label) and (len(parts) == 1 or not any(names_host(p, label) for p in parts)):
            return name
        for part in parts:
            if names_host(part, label):
                return part
    return None


def _looks_like_place(parts: list[str]) -> bool:
    """"Monroe, Michigan", "Springfield, IL": the town a local paper adds to its name."""
    return all(re.fullmatch(r"[A-Z][\w.'’]+(?: [A-Z][\w.'’]+)*, [A-Z][\w.'’]+(?: [A-Z][\w.'’]+)*", p) for p in parts)


def strip_site_suffix(title: str, site: str | None, url: str | None,
                      known: Callable[[str], bool] | None = None) -> str:
    """The headline without the site's name appended by the ``<title>``: drop the first separated segment that is
    the site (equal to ``site``, agreeing with the host, a bare domain, or a name ``known`` says is an outlet) and
    everything after it, then section names (one or two capitalised words) standing just before it."""
    parts = re.split(r"(\s+[|–—\-·•»]\s+|\s*\|\s*)", title)
    segments = parts[0::2]
    if len(segments) < 2:
        return title
    label = host_label(url)
    site_key = _key(site) if site else None
    cut = None
    for i in range(1, len(segments)):
        seg = segments[i].strip()
        if len(seg.split()) > 6:
            continue
        if (site_key and _key(seg) == site_key) or names_host(seg, label) or _is_domain(seg) or (known and known(seg)):
            cut = i
            break
    if cut is None:
        return title
    while cut > 1 and _is_section(segments[cut - 1]) and len(" ".join(segments[: cut - 1]).split()) >= 4:
        cut -= 1
    head = "".join(parts[: 2 * cut - 1]).strip()
    return head or title


def _key(text: str) -> str:
    return " ".join(w.lower() for w in NAME_WORD.findall(text))


def _is_domain(text: str) -> bool:
    return bool(re.fullmatch(r"(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|info|news|co|io|[a-z]{2})", text.strip(), re.I))


def _is_section(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() or w == "&" for w in words)
