"""Find reported speech and attribute it: one record per reporting act.

A reporting act is a reporting verb (``data/reporting_verbs.tsv``) with its source and its content, or an
"according to X" phrase with the clause it qualifies. The content is found by the parse
(:mod:`detente.quotes.content`); passages in quotation marks (:mod:`detente.quotes.spans`) are tied to their
verb through the parse too (:mod:`detente.quotes.cues`). A quoted full utterance is ``direct``, reported
speech that embeds quoted words is ``mixed``, reported speech without quotation marks is ``indirect``.

Each verb is its own act: "said X, adding that Y" and "claimed X and asked Y" are two; so is a quotation
interrupted by its attribution ('"A," she said. "B."'), its second part carrying the same speaker. A quotation
with no verb of its own continues the previous speaker (the rest of a paragraph, or a paragraph that is only a
quotation); one running on into the next paragraph without a closing mark is one quotation. Quoted names, scare
quotes and quoted subheadings are not speech.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from detente.actors import ActorResult
from detente.nlp import doc_text
from detente.quotes.content import CARRY_ON, Content, according_to, content_of, embedded, noun_reports, own_subject
from detente.quotes.cues import channel_of, cues, governing_cue, inside, is_cue, tokens_between
from detente.quotes.spans import quote_spans, word_count
from detente.quotes.speakers import Speaker, SpeakerMemory, quoted_as, rootless, subject_of
from detente.quotes.verbs import frames_of, sources_of
from detente.records import Quote

MIN_QUOTE_WORDS = 4  # a quotation with no speech verb shorter than this is a name, a title or a scare quote
# the end of a sentence, not of an abbreviation ("the U.S. certification", "Mr. Trump")
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)[.!?][”\"’']?\s+")
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
    """Direct, mixed and indirect reported speech of one parsed article, with sources resolved to actors."""
    body = doc_text(doc)
    spans = [s for s in quote_spans(body) if not _is_name(body[s[0] : s[1]]) and not _is_heading(body, s)]
    claims: dict[int, list[tuple[int, int]]] = {}
    unclaimed: list[tuple[int, int]] = []
    for span in spans:
        verb = (governing_cue(span, doc, spans) or _attribution_after(span, doc, spans)
                or _tagged(span, doc, body, spans))
        if verb is None:
            unclaimed.append(span)
        else:
            claims.setdefault(verb.i, []).append(span)
    items: list[tuple[int, object]] = []
    for verb in cues(doc, spans):
        anchor = min([verb.idx, *(s[0] for s in claims.get(verb.i, []))])
        items.append((anchor, verb))
    for source, content in according_to(doc) + noun_reports(doc):
        if not inside(source, spans):
            items.append((source.idx, (source, content)))
    items.extend((span[0], span) for span in unclaimed)
    items.sort(key=lambda item: item[0])

    memory = SpeakerMemory(actors, spans)
    units: list[_Unit] = []
    for _, item in items:
        if isinstance(item, Token):
            units.extend(_from_cue(item, claims.get(item.i, []), spans, memory, body))
        elif isinstance(item, tuple) and isinstance(item[0], Token):
            unit = _according(item[0], item[1], spans, memory, body, units)
            if unit is not None:
                units.append(unit)
        else:
            unit = _continuation(item, doc, body, units, memory, spans)
            if unit is not None:
                units.append(unit)
    units = [u for u in units if not _frames_another(u, units)]
    kept: dict[tuple[int, int], _Unit] = {}
    for unit in units:
        kept.setdefault((unit.start, unit.end), unit)
    return [_quote(article_id, body, doc, u, actors) for u in sorted(kept.values(), key=lambda u: u.start)]


def _attribution_after(span: tuple[int, int], doc: Doc, spans: list[tuple[int, int]]) -> Token | None:
    """ '“... implementing this deal?” He Jianxiong, a former official, said.': the parser ended the sentence at
    the question mark, so the attribution that follows is a sentence of its own, with nothing else reported."""
    after = next((t for t in tokens_between(doc, span[1], span[1] + 4) if not t.is_space), None)
    if after is None or after.i != after.sent.start:
        return None
    for token in after.sent:
        if is_cue(token, spans) and subject_of(token) is not None and content_of(token, frames_of(token)) is None:
            subject = subject_of(token)[1]
            return token if subject.left_edge.i == after.i and not own_content_after(token) else None
    return None


def _tagged(span: tuple[int, int], doc: Doc, body: str, spans: list[tuple[int, int]]) -> Token | None:
    """ '“No,” the spokesman said.', '“Absolutely not,” Lavrov said when asked ...': a quotation opening its
    sentence, closed by a comma, "?" or "!", and followed at once by its speaker and verb (either order), when the
    parse links them no other way (it hangs words like "No" or "not at all" from the verb as an interjection or
    adverb, not as its content)."""
    inner = body[span[0] + 1 : span[1] - 1].rstrip()
    sent_start = _sent_start(body, span[0])
    if not inner.endswith((",", "?", "!")) or SENTENCE_END.split(body[sent_start : span[0]])[-1].strip():
        return None
    after = [t for t in tokens_between(doc, span[1], span[1] + 60) if not t.is_space][:5]
    for token in after:
        if token.is_punct:
            return None
        if is_cue(token, spans):
            found = subject_of(token)
            if found is None or not (after[0].i <= found[1].i <= after[-1].i) or own_content_after(token):
                return None
            return token
    return None


def own_content_after(verb: Token) -> bool:
    """Does anything but the verb's channel or time follow it ("said at an event in Washington" has none)?"""
    return any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children if c.i > verb.i)


def _frames_another(unit: _Unit, units: list[_Unit]) -> bool:
    """ "X told the court that the government said, “...”", "Y urged Z to ..., the magazine reported": the
    content is another source's act of speech, recorded with that source; the outer report adds no wording."""
    if unit.kind == "direct" or unit.verb is None:
        return False
    before = unit.end <= unit.verb.idx  # the content precedes its verb: "..., the magazine reported"
    return any(other is not unit and other.verb is not None and other.speaker is not unit.speaker
               and unit.start <= other.verb.idx < unit.end and other.verb is not unit.verb
               and (before or embedded(other.verb)) for other in units)


def _paragraph(body: str, offset: int) -> int:
    return len(re.findall(r"\n+", body[:offset]))


def _reports(verb: Token, spans: list[tuple[int, int]] = ()) -> bool:
    """Does this verb report something said here? Not when negated ("did not say"), asked of someone ("Asked
    whether ..., he said"), passive with no one saying it ("it was announced"), or an infinitive under a verb
    that is not about saying ("declined to comment", "is expected to announce")."""
    if any(c.dep_ == "neg" and not inside(c, spans) for c in verb.children):
        return False  # a "not" inside the quotation ("“Absolutely not,” he said") is what was said
    if verb.dep_ == "pcomp" and not own_subject(verb) and not quoted_as(verb):
        return False  # "measures including calling for a debate": part of what is reported, not an act
    if verb.tag_ == "VBN" and not own_subject(verb) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            and not rootless(verb):
        return False  # "Asked about the talks, the minister said": the participle's subject is someone else
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "it was announced that", "he was accused of": the subject is not the one speaking
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        head = verb.head
        return verb.dep_ == "xcomp" and head.lemma_.lower() in CARRY_ON and head.lemma_.lower() != "be"
    return True


def _from_cue(verb: Token, claimed: list[tuple[int, int]], spans: list[tuple[int, int]], memory: SpeakerMemory,
              body: str) -> list[_Unit]:
    if not _reports(verb, spans):
        return []
    if embedded(verb) and not any(_is_full(body, s, _sent_start(body, s[0])) for s in claimed):
        return []  # "Pompeo said Washington had concluded ...": part of Pompeo's report
    found = subject_of(verb)
    if found is None or inside(found[1], spans):  # a "subject" inside quoted words is the parser lost in them
        found = memory.named_before(verb, spans)
    if found is None:
        return []
    subject, head = found
    if subject.text.lower() == "it" and any(c.dep_ in ("expl",) for c in verb.children):
        return []
    content = content_of(verb, frames_of(verb))
    if not claimed and content is None:
        return []  # "..., the military said" with nothing reported, or "welcomed the deal"
    speaker = memory.resolve(subject, head)
    if speaker is None or (sources_of(verb) and speaker.kind not in sources_of(verb)):
        return []  # "the talks show that ...": only a document shows what it says
    channel = channel_of(verb, head)
    if channel:
        speaker.channel = channel
    paragraph = _paragraph(body, verb.idx)
    doc = verb.doc
    chars = content.chars(doc) if content is not None else None
    if not claimed:
        inner = [s for s in spans if chars[0] <= s[0] and s[1] <= chars[1] + 1]
        kind = "mixed" if inner else "indirect"
        return [_Unit(speaker, chars[0], chars[1], kind, channel, paragraph, verb, inner)]
    units = []
    frames = frames_of(verb)
    for group in _groups(sorted(claimed), verb, body):
        first = group[0]
        full = _is_full(body, first, _sent_start(body, first[0]))
        # the content found by the parse, when it is where these quoted words are (not the other side of the verb)
        near = chars if chars is not None and chars[0] - 2 <= group[-1][1] and first[0] < chars[1] else None
        held = near is not None and near[0] - 2 <= first[0] < near[1]  # the quoted words open inside the content
        full = full or _right_after(verb, first, body)
        if not full and not held and not frames & {"quoted", "as-quoted", "name"}:
            continue  # 'disclosed the “certification of immunity”': a quoted term, not reported wording
        outside = near is not None and near[0] < first[0] - 2 and _words_between(doc_text(doc), near[0], first[0])
        if full and not outside:
            units.append(_Unit(speaker, first[0], group[-1][1], "direct", channel, paragraph, verb, group))
            continue
        start = min(near[0], first[0]) if near is not None else min(verb.idx, first[0])
        end = max(near[1], group[-1][1]) if near is not None else group[-1][1]
        units.append(_Unit(speaker, start, end, "mixed", channel, paragraph, verb, group))
    return units


def _right_after(verb: Token, span: tuple[int, int], body: str) -> bool:
    """ 'saying “time is running out”': a quotation right after its verb stands as the utterance (REAL-DEV 11)."""
    between = body[verb.idx + len(verb.text) : span[0]]
    return verb.idx < span[0] and not between.strip(" ,:\n")


def _words_between(text: str, start: int, quote: int) -> bool:
    """Are there words of the content before the quotation (not only "said: ")?"""
    return bool(re.search(r"\w", text[start:quote]))


def _groups(claimed: list[tuple[int, int]], verb: Token, body: str) -> list[list[tuple[int, int]]]:
    """Quotations on both sides of their attribution ('"A," she said, "B."') are two acts; quoted fragments in
    one clause stay one."""
    before = [s for s in claimed if s[1] <= verb.idx]
    after = [s for s in claimed if s[0] > verb.idx]
    if before and after and _is_full(body, before[0], _sent_start(body, before[0][0])) and _opens_sentence(body, after[0]):
        return [before, after]
    return [claimed]


def _opens_sentence(body: str, span: tuple[int, int]) -> bool:
    inner = body[span[0] + 1 : span[1]].lstrip()
    return bool(inner) and (inner[0].isupper() or body[max(0, span[0] - 2) : span[0]].strip() in (",", ":"))


def _according(source: Token, content: Content, spans: list[tuple[int, int]], memory: SpeakerMemory, body: str,
               units: list[_Unit]) -> _Unit | None:
    """ "The men were flown out, according to a police source": the clause, said by the phrase's source; and
    "the minister's warning that ...": the clause, said by the possessor."""
    doc = source.doc
    start, end = content.chars(doc)
    for unit in units:  # the clause is already the content of a reporting verb: the phrase names its channel
        if unit.verb is not None and unit.start < end and start < unit.end:
            return None
    from detente.quotes.speakers import _trim

    speaker = memory.resolve(_trim(source), source)
    if speaker is None:
        return None
    inner = [s for s in spans if start <= s[0] and s[1] <= end + 1]
    whole = len(inner) == 1 and inner[0][0] <= start + 1 and inner[0][1] >= end - 1  # the content is the quotation
    kind = "direct" if whole else "mixed" if inner else "indirect"
    return _Unit(speaker, start, end, kind, None, _paragraph(body, start), None, inner)


def _continuation(span: tuple[int, int], doc: Doc, body: str, units: list[_Unit], memory: SpeakerMemory,
                  spans: list[tuple[int, int]]) -> _Unit | None:
    """A quotation with no reporting verb of its own: introduced by a colon after its source ("Smith agreed:
    “...”"), going on from the previous speaker, or a scare quote."""
    if any(u.start <= span[0] and span[1] <= u.end + 1 for u in units):
        return None  # quoted words inside reported speech already kept
    if word_count(body[span[0] : span[1]]) < MIN_QUOTE_WORDS:
        return None
    introduced = _after_colon(span, doc, body, memory, spans)
    if introduced is not None or not units:
        return introduced
    last = max(units, key=lambda u: u.end)
    para = _paragraph(body, span[0])
    sent = doc.char_span(span[0], span[1], alignment_mode="expand")
    sentence = sent.sent if sent is not None else None
    for unit in reversed(units):  # another quotation in the sentence of a reporting verb, after it
        if unit.verb is not None and sentence is not None and unit.verb.sent == sentence and span[0] > unit.verb.idx \
                and not _is_full(body, span, _sent_start(body, span[0])):
            unit.end = max(unit.end, span[1])
            unit.spans.append(span)
            unit.kind = "mixed" if unit.kind == "indirect" else unit.kind
            return None
    if sentence is not None and any(frames_of(t) and not (span[0] <= t.idx < span[1]) for t in sentence):
        return None  # attributed to someone we could not resolve: do not guess
    if not _is_full(body, span, _sent_start(body, span[0])):
        return None  # a quoted fragment inside someone else's sentence: a name or a scare quote
    same_paragraph = para == last.paragraph and span[0] >= last.end
    para_start = body.rfind("\n", 0, span[0]) + 1
    next_paragraph = body[para_start : span[0]].strip() == "" and 0 < para - last.paragraph <= 1
    if same_paragraph or next_paragraph:  # the next quoted sentence is the same speaker's, a quotation of its own
        return _Unit(last.speaker, span[0], span[1], "direct", last.channel if same_paragraph else None, para)
    return None


def _after_colon(span: tuple[int, int], doc: Doc, body: str, memory: SpeakerMemory,
                 spans: list[tuple[int, int]]) -> _Unit | None:
    """ "Smith agreed: “It is a different job.”": a full quotation after a colon is said by the subject of the
    clause the colon ends."""
    colon = next((t for t in reversed(tokens_between(doc, max(0, span[0] - 3), span[0])) if not t.is_space), None)
    if colon is None or colon.text != ":" or not _is_full(body, span, _sent_start(body, span[0])):
        return None
    clause = colon.head
    if clause.pos_ not in ("VERB", "AUX") or inside(clause, spans) or any(c.dep_ == "neg" for c in clause.children):
        return None
    found = subject_of(clause)
    if found is None or inside(found[1], spans):
        return None
    speaker = memory.resolve(*found)
    if speaker is None:
        return None
    return _Unit(speaker, span[0], span[1], "direct", None, _paragraph(body, span[0]), clause, [span])


def _sent_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _is_full(body: str, span: tuple[int, int], sent_start: int) -> bool:
    """A quoted utterance stands as its own clause (after nothing, a comma or a colon) or is a whole sentence."""
    before = SENTENCE_END.split(body[sent_start : span[0]])[-1].rstrip()
    if not before or before.endswith((":", ",", "—", "–", "“", '"')):
        return True
    inner = body[span[0] + 1 : span[1] - 1].strip()
    return bool(inner) and inner[0].isupper() and inner.rstrip("”\"’'").endswith((".", "!", "?")) and word_count(inner) >= MIN_QUOTE_WORDS


def _is_name(quoted: str) -> bool:
    """“Two Corridors, One Economic Circle”: every word capitalised is a name or a slogan, not speech."""
    words = re.findall(r"[A-Za-z][\w’'-]*", quoted)
    return bool(words) and all(w[0].isupper() or w in SMALL_WORDS for w in words) and not re.search(r"[.!?]", quoted)


def _is_heading(body: str, span: tuple[int, int]) -> bool:
    """A short quotation that is a whole paragraph and ends with no punctuation is a subheading
    ("“… a face-saving trip”" on a line of its own), not speech."""
    para_start = body.rfind("\n", 0, span[0]) + 1
    para_end = body.find("\n", span[1])
    para_end = len(body) if para_end == -1 else para_end
    if body[para_start : span[0]].strip() or body[span[1] : para_end].strip():
        return False
    inner = body[span[0] + 1 : span[1] - 1].strip()
    return word_count(inner) <= 15 and not re.search(r"[.!?,;:]$", inner.rstrip("”\"’'"))


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
        speaker_kind=speaker.kind,
    )

