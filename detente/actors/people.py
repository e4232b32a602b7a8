"""The people an article names, and which of its mentions are the same person.

The small spaCy model mislabels many names in news about Asia (a scholar as an ORG, a surname as a NORP) and
splits names at hyphens and wrong sentence breaks. We take its PERSON entities, re-admit other entities that a
title or an apposition marks as people, add family-name-first names it missed, and then apply document-level
consistency: once "Zachary Abuza" is a person, every later "Abuza" is him, whatever label the model gave it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from detente.actors.lexicon import title_kind, titles
from detente.actors.names import PARTICLES, SUFFIXES, NameIndex, leader_aliases, slug, surname_conventions

# a name followed by one of these is a place or a body, not a person ("Lai Chau province", "Nobel Peace Prize")
NOT_A_PERSON_AFTER = {
    "province", "city", "district", "county", "river", "island", "islands", "prefecture", "region", "state",
    "street", "university", "institute", "party", "group", "company", "bay", "sea", "strait", "mountains",
    "port", "airport", "square", "palace", "hall", "bridge", "dam", "prize", "award", "doctrine", "initiative",
}
# a name ending in one of these is a place ("Scarborough Shoal", "Mischief Reef")
PLACE_HEADS = {"shoal", "reef", "island", "islands", "atoll", "strait", "sea", "bay", "gulf", "river", "lake", "mountain",
               "peninsula", "valley", "desert", "canal", "cay", "rock", "rocks", "bank", "province", "city"}
# "the Biden administration": the name stands for the government it leads
GOVERNMENT_NOUNS = {"administration", "government", "cabinet", "camp", "regime", "team", "white"}
GIVEN_NAME_MAX = 3
# a short name shorter than this is too often something else ("Kan", Israel's broadcaster; "Abe", "Hu", "Lam") to be
# taken for the office-holder against the model's label
SHORT_NAME = 4


@dataclass
class PersonMention:
    span: Span
    person_id: str
    name: str  # the full name it resolves to


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _attached(doc: Doc, i: int) -> bool:
    """Token ``i`` is glued to the one before it (no space): "Jae" "-" "in"."""
    return i > 0 and doc[i - 1].whitespace_ == ""


def _clean(doc: Doc, span: Span, taken: set[int]) -> Span | None:
    """Trim titles and possessives from an entity; extend it over hyphenated given names, suffixes and bad breaks."""
    table = titles()
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in table or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    while end + 1 < len(doc) and doc[end].text == "-" and _attached(doc, end) and _attached(doc, end + 1) \
            and doc[end + 1].is_alpha and end + 1 not in taken:
        end += 2  # "Moon Jae-in", "Lim Jae-won"
    if end < len(doc) and doc[end].text in SUFFIXES:
        end += 1
    prev = start - 1
    if prev >= 0 and prev not in taken and _capitalised(doc[prev].text) and doc[prev].is_alpha \
            and doc[prev].lower_ not in table and not doc[prev].is_stop and doc[prev].whitespace_ == " " \
            and (doc[prev].ent_type_ == "PERSON" or doc[start].is_sent_start) \
            and (prev == 0 or doc[prev - 1].is_punct or doc[prev - 1].is_space or doc[prev].is_sent_start):
        start = prev  # "Zachary" left in the previous sentence by a wrong sentence break
    out = doc[start:end]
    tokens = [t for t in out if t.text != "-"]
    if not all(_capitalised(t.text) or t.lower_ in PARTICLES or (t.i > start and _attached(doc, t.i)) for t in tokens):
        return None
    if len(tokens) == 1 and tokens[0].text.isupper() and tokens[0].text not in leader_aliases():
        return None  # an acronym ("BRI") is not a person
    if (end < len(doc) and doc[end].lower_ in NOT_A_PERSON_AFTER) or doc[end - 1].lower_ in PLACE_HEADS:
        return None
    return out


def names_government(span: Span) -> bool:
    """"The Biden administration", "the Trump White House": a leader's name used for the government."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in GOVERNMENT_NOUNS and span.root.dep_ in ("compound", "nmod")


def _has_role_after(doc: Doc, span: Span) -> bool:
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and title_kind(c.text) for t in span for c in t.children)


def _office_holders(doc: Doc, covered: set[int]) -> list[Span]:
    """An office-holder's short name the model labelled a place or a body ("Erdogan threatened Greece" with
    "Erdogan" a GPE, "Lavrov" an ORG): a name of the leaders table that stands for one person alone is that person.
    Only a one-word entity or an untagged proper noun ("Trump Tower" and "the Biden administration" are not), and
    only names of :data:`SHORT_NAME` letters or more."""
    aliases = leader_aliases()
    found: list[Span] = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or token.text not in aliases or token.ent_type_ == "PERSON" \
                or len(token.text) < SHORT_NAME:
            continue
        if token.ent_type_ and (token.ent_iob_ != "B" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")):
            continue  # part of a longer entity
        found.append(doc[token.i : token.i + 1])
    return found


def _untagged_with_role(doc: Doc, covered: set[int]) -> list[Span]:
    """Names the model left untagged but that an apposition with a title describes: "Abuza, a professor of …"."""
    found: list[Span] = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not _capitalised(token.text) or token.ent_type_:
            continue
        if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
            continue
        if not any(c.dep_ == "appos" and c.i > token.i and c.pos_ == "NOUN" and title_kind(c.text) for c in token.children):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
                and _capitalised(doc[start - 1].text) and start - 1 not in covered:
            start -= 1
        found.append(doc[start : token.i + 1])
    return found


def _surname_first_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Family-name-first names the model missed: "Nguyen Huu Vinh", "Wang Yi", "Moon Jae-in"."""
    found: list[Span] = []
    surnames = surname_conventions()
    i = 0
    while i < len(doc) - 1:
        token = doc[i]
        if token.text in surnames and i not in taken and not (i > 0 and _capitalised(doc[i - 1].text) and not token.is_sent_start):
            end = i + 1
            while end < len(doc) and end - i <= GIVEN_NAME_MAX and end not in taken and _capitalised(doc[end].text) \
                    and doc[end].is_alpha and doc[end].text.lower() != doc[end].text.upper().lower() and not doc[end].text.isupper():
                end += 1
            if end - i >= 2 and (end >= len(doc) or doc[end].lower_ not in NOT_A_PERSON_AFTER):
                found.append(doc[i:end])
                i = end
                continue
        i += 1
    return found


def candidate_spans(doc: Doc, gaz_taken: set[int]) -> list[Span]:
    """Spans that name a person: PERSON entities plus mislabelled names a title or apposition marks as people."""
    table = titles()
    spans: list[Span] = []
    for ent in doc.ents:
        if any(t.i in gaz_taken for t in ent):
            continue
        if ent.label_ == "PERSON":
            spans.append(ent)
        elif ent.label_ in ("ORG", "NORP", "GPE", "FAC", "WORK_OF_ART") and all(_capitalised(t.text) for t in ent):
            before = doc[ent.start - 1].lower_ if ent.start else ""
            if (before in table and len(ent) >= 2) or _has_role_after(doc, ent):
                spans.append(ent)
    spans.extend(_office_holders(doc, {t.i for s in spans for t in s} | gaz_taken))
    spans.extend(_untagged_with_role(doc, {t.i for s in spans for t in s} | gaz_taken))
    covered = {t.i for s in spans for t in s} | gaz_taken
    covered |= {t.i for ent in doc.ents if ent.label_ in ("ORG", "GPE", "FAC", "LOC", "EVENT") for t in ent}
    spans.extend(_surname_first_names(doc, covered))
    cleaned = [c for s in spans if (c := _clean(doc, s, gaz_taken)) is not None]
    cleaned.sort(key=lambda s: (s.start, -len(s)))
    out: list[Span] = []
    for span in cleaned:  # drop overlaps the extensions created
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def group_people(doc: Doc, spans: list[Span], gaz_taken: set[int]) -> tuple[NameIndex, list[PersonMention]]:
    """Give every person span an id: full names first, then short forms by naming convention, then the doc scan."""
    index = NameIndex()
    resolved: dict[int, tuple[str, str]] = {}
    for span in spans:  # full names, in order of introduction
        name = span.text
        if len(span) >= 2 and index.link(name) is None:
            index.add(name, f"person:{slug(name)}")
    for span in spans:
        pid = index.link(span.text)
        if pid is None:
            full = leader_aliases().get(span.text, span.text)  # "Biden" alone → "Joe Biden"
            pid = f"person:{slug(full)}"
            index.add(full, pid)
            if full != span.text:
                index.full.setdefault(span.text, pid)
        resolved[span.start] = (pid, _name_of(index, pid))
    mentions = [PersonMention(s, *resolved[s.start]) for s in spans]
    mentions += _scan_short_forms(doc, index, {t.i for s in spans for t in s} | gaz_taken)
    mentions.sort(key=lambda m: m.span.start)
    return index, mentions


def _name_of(index: NameIndex, pid: str) -> str:
    return next(name for name in index.order if index.full[name] == pid)


def _scan_short_forms(doc: Doc, index: NameIndex, covered: set[int]) -> list[PersonMention]:
    """Later mentions the model missed or mislabelled ("Abuza" as NORP): any uncovered token that is a known form."""
    forms = index.all_short_forms()
    for name in index.order:
        forms.setdefault(name, index.full[name])
    # a span's text starts with its first token's text: tokens that begin no form are passed over cheaply
    starts = {form[:k] for form in forms for k in range(1, len(form) + 1)}
    found: list[PersonMention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in covered or not _capitalised(token.text) or token.text not in starts:
            i += 1
            continue
        hit = None
        for width in (3, 2, 1):
            if i + width <= len(doc) and not covered.intersection(range(i, i + width)):
                text = doc[i : i + width].text
                if text in forms:
                    hit = (width, forms[text])
                    break
        nxt = doc[i + hit[0]] if hit and i + hit[0] < len(doc) else None
        if hit and not (nxt is not None and _capitalised(nxt.text) and nxt.is_alpha and not nxt.is_sent_start) \
                and not (token.is_sent_start and token.pos_ == "VERB"):
            span = doc[i : i + hit[0]]
            found.append(PersonMention(span, hit[1], _name_of(index, hit[1])))
            i += hit[0]
            continue
        i += 1
    return found
