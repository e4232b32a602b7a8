"""Find quotations and attribute them.

One quotation is one act of speech: a speech verb, its speaker, and what it
governs. Passages in quotation marks (:mod:`detente.quotes.spans`) are tied to
their verb through the parse (:mod:`detente.quotes.cues`); a quoted full
utterance is ``direct``, a quoted fragment inside reported speech is ``mixed``
(the span then starts at the verb: "describing the visit as “a face-saving
trip”"), and a speech verb with a clausal complement and no quotation marks is
``indirect``. A quotation with no verb of its own continues the previous one
(same paragraph: the span grows; next paragraph: a new quote by the same
speaker). Short quoted names and scare quotes with no speech verb are skipped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.nlp import doc_text
from detente.quotes.cues import channel_of, complement, cues, governing_cue, inside, is_cue
from detente.quotes.spans import quote_spans, word_count
from detente.quotes.speakers import Speaker, SpeakerMemory, subject_of
from detente.records import Quote

MIN_QUOTE_WORDS = 4  # a quotation with no speech verb shorter than this is a name, a title or a scare quote
SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by"}


@dataclass
class _Unit:
    speaker: Speaker
    start: int
    end: int
    kind: str
    channel: str | None
    paragraph: int
    verb: Token | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def extract_quotes(doc: Doc, article_id: str, actors: ActorResult) -> list[Quote]:
    """Direct, mixed and indirect quotations of one parsed article, with speakers resolved to actors."""
    body = doc_text(doc)
    spans = [s for s in quote_spans(body) if not _is_name(body[s[0] : s[1]])]
    claims: dict[int, list[tuple[int, int]]] = {}
    unclaimed: list[tuple[int, int]] = []
    for span in spans:
        verb = governing_cue(span, doc, spans)
        if verb is None:
            unclaimed.append(span)
        else:
            claims.setdefault(verb.i, []).append(span)
    items: list[tuple[int, object]] = []
    for verb in cues(doc, spans):
        anchor = min([verb.idx, *(s[0] for s in claims.get(verb.i, []))])
        items.append((anchor, verb))
    items.extend((span[0], span) for span in unclaimed)
    items.sort(key=lambda item: item[0])

    memory = SpeakerMemory(actors)
    units: list[_Unit] = []
    by_verb: dict[int, _Unit] = {}
    for _, item in items:
        if isinstance(item, Token):
            unit = _from_cue(item, claims.get(item.i, []), spans, memory, by_verb, body)
            if unit is not None:
                by_verb[item.i] = unit
                if unit not in units:
                    units.append(unit)
        else:
            unit = _continuation(item, doc, body, units, by_verb)
            if unit is not None:
                units.append(unit)
    return [_quote(article_id, body, doc, u, actors) for u in sorted(units, key=lambda u: u.start)]


def _paragraph(body: str, offset: int) -> int:
    return len(re.findall(r"\n+", body[:offset]))


def _from_cue(verb: Token, claimed: list[tuple[int, int]], spans, memory: SpeakerMemory,
              by_verb: dict[int, _Unit], body: str) -> _Unit | None:
    parent = by_verb.get(verb.head.i) if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ == "VBG" else None
    if parent is not None and parent.spans:  # '"...," he wrote, adding that "...": one act of speech
        end = max([parent.end, *(s[1] for s in claimed)])
        comp = complement(verb)
        parent.end = max(end, comp.end_char if comp is not None and not claimed else end)
        parent.spans.extend(claimed)
        return parent
    found = subject_of(verb)
    if found is None or inside(found[1], spans):  # a "subject" inside quoted words is the parser lost in them
        found = memory.named_before(verb, spans)
    if found is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    subject, head = found
    if subject.text.lower() == "it" and any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children):
        return None  # "it can be argued that": no one in particular
    if not claimed and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None  # "it is important to note that": an infinitive reports nothing said
    if not claimed and complement(verb) is None:
        return None  # "..., the military said": nothing reported after the verb, and no speaker to remember
    speaker = memory.resolve(subject, head)
    if speaker is None:
        return None
    paragraph = _paragraph(body, verb.idx)
    if claimed:
        first = min(claimed)
        kind = "direct" if _is_full(body, first, _sent_start(body, first[0])) else "mixed"
        start = first[0] if kind == "direct" or first[0] < verb.idx else verb.idx
        end = max(s[1] for s in claimed)
        if kind == "mixed":
            comp = complement(verb)
            if comp is not None and comp.start_char <= end:
                end = max(end, _cut_at_cue(comp, verb, spans))
        return _Unit(speaker, start, end, kind, channel_of(verb, head), paragraph, verb, sorted(claimed))
    comp = complement(verb)
    if comp is None:
        return None
    start = verb.idx
    nsubj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if nsubj is not None and nsubj.i < verb.i and nsubj.lower_ not in ("who", "that", "which") and not inside(nsubj, spans):
        start = verb.doc[nsubj.left_edge.i].idx
    return _Unit(speaker, start, _cut_at_cue(comp, verb, spans), "indirect", channel_of(verb, head), paragraph, verb)


def _cut_at_cue(comp: Span, verb: Token, spans: list[tuple[int, int]]) -> int:
    """End of the reported content, before a second speech act joined to it ("... and said weapons ...")."""
    nested = next((t for t in comp if t.i != verb.i and t.dep_ == "conj" and is_cue(t, spans)), None)
    if nested is None:
        return comp.end_char
    end = nested.i
    while end > comp.start and (comp.doc[end - 1].dep_ in ("cc", "punct", "advmod") or comp.doc[end - 1].is_space):
        end -= 1
    return comp.doc[end - 1].idx + len(comp.doc[end - 1])


def _continuation(span: tuple[int, int], doc: Doc, body: str, units: list[_Unit], by_verb) -> _Unit | None:
    """A quotation with no speech verb of its own goes on from the previous one, or is a scare quote."""
    if word_count(body[span[0] : span[1]]) < MIN_QUOTE_WORDS or not units:
        return None
    last = max(units, key=lambda u: u.end)
    para = _paragraph(body, span[0])
    sent = doc.char_span(span[0], span[1], alignment_mode="expand")
    sentence = sent.sent if sent is not None else None
    for unit in reversed(units):  # another quotation in the sentence of a speech verb
        if unit.verb is not None and sentence is not None and unit.verb.sent == sentence and span[0] > unit.verb.idx:
            unit.end = max(unit.end, span[1])
            unit.spans.append(span)
            unit.kind = "mixed" if unit.kind == "indirect" else unit.kind
            return None
    if sentence is not None and any(t.lemma_ in ("say", "tell", "add", "write") and not (span[0] <= t.idx < span[1]) for t in sentence):
        return None  # attributed to someone we could not resolve: do not guess
    if not _is_full(body, span, _sent_start(body, span[0])):
        return None  # a quoted fragment inside someone else's sentence: a name or a scare quote
    same_paragraph = para == last.paragraph and span[0] >= last.end
    para_start = body.rfind("\n", 0, span[0]) + 1
    next_paragraph = body[para_start : span[0]].strip() == "" and 0 < para - last.paragraph <= 1
    if same_paragraph and last.kind == "direct" and last.verb is not None and _next_sentence(body, last.verb.sent, span):
        # '"...," he said. "...": the quotation resumes after its attribution, one act of speech
        last.end = span[1]
        last.spans.append(span)
        return None
    if same_paragraph or next_paragraph:  # the next quoted sentence is the same speaker's, a new quotation
        return _Unit(last.speaker, span[0], span[1], "direct", last.channel if same_paragraph else None, para)
    return None


def _next_sentence(body: str, sentence: Span, span: tuple[int, int]) -> bool:
    """Does the quotation open the sentence right after the one holding the speech verb?"""
    return sentence.end_char <= span[0] and not body[sentence.end_char : span[0]].strip()


def _sent_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _is_full(body: str, span: tuple[int, int], sent_start: int) -> bool:
    """A quoted utterance stands as its own clause (after nothing, a comma or a colon) or is a whole sentence."""
    before = re.split(r"[.!?][”\"’']?\s+", body[sent_start : span[0]])[-1].rstrip()
    if not before or before.endswith((":", ",", "—", "–", "“", '"')):
        return True
    inner = body[span[0] + 1 : span[1] - 1].strip()
    return bool(inner) and inner[0].isupper() and inner.rstrip("”\"’'").endswith((".", "!", "?")) and word_count(inner) >= MIN_QUOTE_WORDS


def _is_name(quoted: str) -> bool:
    """“Two Corridors, One Economic Circle”: every word capitalised is a name or a slogan, not speech."""
    words = re.findall(r"[A-Za-z][\w’'-]*", quoted)
    return bool(words) and all(w[0].isupper() or w in SMALL_WORDS for w in words) and not re.search(r"[.!?]", quoted)


def _quote(article_id: str, body: str, doc: Doc, unit: _Unit, actors: ActorResult) -> Quote:
    speaker = unit.speaker
    actor = actors.actor(speaker.actor_id) if speaker.actor_id else None
    sentence_index = next((i for i, s in enumerate(doc.sents) if s.start_char <= unit.start < s.end_char), 0)
    return Quote(
        id=hashlib.sha1(f"{article_id}|{unit.start}|{unit.end}".encode()).hexdigest()[:16],
        article_id=article_id,
        char_start=unit.start,
        char_end=unit.end,
        text=body[unit.start : unit.end],
        quote_type=unit.kind,
        speaker=speaker.text,
        speaker_actor=speaker.actor_id,
        speaker_role=speaker.role or (actor.role if actor else None),
        speaker_affiliation=speaker.affiliation,
        speaker_country=speaker.country,
        channel=unit.channel,
        anonymous=speaker.anonymous,
        sentence_index=sentence_index,
    )
