"""Find quotations and attribute them.

Direct quotes are passages between quotation marks (:mod:`detente.quotes.spans`);
mixed quotes are short quoted fragments embedded in reported speech ("describing
the visit as “a face-saving trip”"); indirect quotes are the complement clause
of a speech verb ("Poling noted that ..."). The speaker is the subject of the
speech verb outside the quotation marks; a pronoun, "the researcher" or a
quote with no attribution of its own goes to the last speaker named.
"""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.quotes.spans import quote_spans, word_count
from detente.records import Quote

SPEECH_VERBS = {
    "say", "tell", "note", "add", "stress", "write", "describe", "warn", "argue", "explain", "state", "insist",
    "claim", "declare", "announce", "emphasize", "emphasise", "remark", "observe", "point", "suggest", "contend",
    "maintain", "reply", "respond", "comment", "acknowledge", "admit", "express", "assert", "predict", "conclude",
    "caution", "recall", "quip", "elaborate", "call", "accuse", "urge", "deny", "vow", "pledge", "concede", "question",
}
PRONOUNS = {"he", "she", "they", "i", "we"}
RELATIVE = {"who", "that", "which"}
BACK_REFERENCE = re.compile(r"^the (researcher|spokesperson|spokesman|spokeswoman|analyst|official|expert|diplomat|scholar|professor|minister|envoy|source)\b", re.I)
GENERIC_PLURAL = re.compile(r"^(observers|analysts|experts|some|many|others|critics|officials|both experts|diplomats|sources|they)$", re.I)
CHANNEL = re.compile(
    r"\b(in an? (?:email|e-mail|interview|statement|article|post|op-ed|letter|message|speech|tweet|briefing)[^,.;“”\"]{0,60}"
    r"|(?:over|by|on) the (?:phone|telephone)(?: from [A-Z]\w+)?|by (?:phone|telephone)|on (?:X|Twitter|Facebook|social media)"
    r"|told [A-Z][\w ]{1,30}?(?= over| that| in|,|\.))",
)
ANONYMOUS = re.compile(r"\b(on condition of anonymity|declined to be named|who asked not to be (?:named|identified)|anonymous)\b", re.I)
MIN_QUOTE_WORDS = 4  # shorter quoted fragments are names, titles or scare quotes


def _quote_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}|{start}|{end}".encode()).hexdigest()[:16]


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def _speech_verbs(sent: Span, spans: list[tuple[int, int]]) -> list[Token]:
    return [t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX") and not _inside(t, spans)]


def _subject(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                head = verb.head
                return head.doc[head.left_edge.i : head.i + 1]
            subtree = list(child.subtree)
            end = subtree[-1].i + 1
            for t in subtree:
                if t.dep_ in ("relcl", "acl") or (t.text == "," and t.i > child.i):
                    end = t.i
                    break
            return verb.doc[subtree[0].i : end]
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "pcomp") and verb.head is not verb:
        return _subject(verb.head)
    return None


class _Speakers:
    """Resolves subjects to speakers and remembers the last one for pronouns and continuations."""

    def __init__(self, actors: ActorResult) -> None:
        self.actors = actors
        self.mentions = sorted(actors.mentions, key=lambda m: m.char_start)
        self.last: tuple[str, str | None] | None = None
        self.descriptions: list[tuple[str, str | None]] = []

    def person_in(self, span: Span) -> str | None:
        for mention in self.mentions:
            if span.start_char <= mention.char_start and mention.char_end <= span.end_char:
                actor = self.actors.actor(mention.actor_id)
                if actor and actor.kind == "person":
                    return actor.id
        return None

    def resolve(self, subject: Span) -> tuple[str, str | None] | None:
        text = subject.text.strip()
        lower = text.lower()
        if lower in PRONOUNS or BACK_REFERENCE.match(text):
            if BACK_REFERENCE.match(text):
                noun = BACK_REFERENCE.match(text).group(1).lower()
                for described in reversed(self.descriptions):
                    if noun in described[0].lower():
                        return described
            return self.last
        if GENERIC_PLURAL.match(text) or lower == "it" or not _can_speak(subject):
            return None
        actor_id = self.person_in(subject) or self._by_name(text)
        if actor_id is None and subject.root.ent_type_ in ("GPE", "NORP") and len(subject) <= 3:
            return None  # "India said ...": a state's position, coded as an event, not a quote
        found = (text, actor_id)
        if actor_id is None:
            self.descriptions.append(found)
        self.last = found
        return found

    def named_outside(self, sent: Span, spans: list[tuple[int, int]]) -> tuple[str, str | None] | None:
        """The one person named in the sentence outside the quotation marks, when the parse gave no subject."""
        people = {
            m.actor_id: m.text for m in self.mentions
            if sent.start_char <= m.char_start < sent.end_char and not any(s <= m.char_start < e for s, e in spans)
            and (a := self.actors.actor(m.actor_id)) is not None and a.kind == "person"
        }
        if len(people) != 1:
            return None
        actor_id, text = next(iter(people.items()))
        self.last = (text, actor_id)
        return self.last

    def _by_name(self, text: str) -> str | None:
        for actor in self.actors.actors:
            if actor.kind == "person" and (text == actor.name or text in actor.name.split()):
                return actor.id
        return None


SPEAKING_BODIES = {"government", "ministry", "embassy", "guard", "force", "office", "agency", "department", "council",
                   "statement", "commission", "committee", "army", "military", "navy", "party", "parliament", "kremlin"}


def _can_speak(subject: Span) -> bool:
    """People, roles and institutions speak; summits, dates and generic plurals ("Foreign policy experts") do not."""
    from detente.actors.resolve import titles

    root = subject.root
    if root.pos_ == "PRON":
        return True
    if root.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in subject):
        return True
    if root.tag_ in ("NNS", "NNPS") and not any(t.ent_type_ == "PERSON" for t in subject):
        return False
    lemma = root.lemma_.lower()
    if lemma in titles() or root.lower_ in titles() or lemma in SPEAKING_BODIES or root.ent_type_ == "ORG":
        return True
    return root.pos_ == "PROPN" and root.ent_type_ in ("", "NORP", "GPE")


def _kind(sent: Span, start: int, body: str) -> str:
    """Direct when the quotation stands as its own clause, mixed when it is embedded in reported speech."""
    before = body[sent.start_char : start].rstrip()
    if not before or before.endswith((":", ",", "—", "–")) or before[-1:] in "“\"":
        return "direct"
    return "mixed"


def extract_quotes(doc: Doc, article_id: str, actors: ActorResult) -> list[Quote]:
    body = doc.text
    spans = [s for s in quote_spans(body) if word_count(body[s[0] : s[1]]) >= MIN_QUOTE_WORDS and not _is_name(body[s[0] : s[1]])]
    speakers = _Speakers(actors)
    quotes: list[Quote] = []
    sentences = list(doc.sents)
    used_spans: set[tuple[int, int]] = set()
    for s_index, sent in enumerate(sentences):
        in_sent = [sp for sp in spans if sp[0] < sent.end_char and sp[1] > sent.start_char]
        verbs = _speech_verbs(sent, spans)
        speaker = None
        verb = None
        for candidate in verbs:
            subject = _subject(candidate)
            if subject is not None and not any(s <= subject.start_char < e for s, e in spans):
                speaker, verb = speakers.resolve(subject), candidate
                if speaker is not None:
                    break
        if speaker is None and verbs:
            speaker = speakers.named_outside(sent, spans)  # "…,” Nguyen Huu Vinh, an activist, told VOA.
        channel_match = CHANNEL.search(sent.text)
        channel = channel_match.group(0) if channel_match else None
        new_spans = [sp for sp in in_sent if sp not in used_spans]
        if new_spans:
            if speaker is None and verb is None:
                speaker = speakers.last if _ends_paragraph_quote(new_spans, sent) else None
            if speaker is None:
                continue
            start, end = new_spans[0][0], new_spans[-1][1]
            used_spans.update(new_spans)
            kind = _kind(sent, max(start, sent.start_char), body)
            quotes.append(_quote(article_id, body, start, end, kind, speaker, channel, s_index, sent.text, actors))
        elif speaker is not None and verb is not None:
            complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if complement is None or complement.i < verb.i:
                continue
            subject = _subject(verb)
            start = subject.start_char if subject is not None and subject.start_char < verb.idx else verb.idx
            quotes.append(_quote(article_id, body, start, sent.end_char, "indirect", speaker, channel, s_index, sent.text, actors))
    return quotes


def _is_name(quoted: str) -> bool:
    """“Two Corridors, One Economic Circle”: every word capitalised is a name or a slogan, not speech."""
    words = re.findall(r"[A-Za-z][\w’'-]*", quoted)
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "with"}
    return bool(words) and all(w[0].isupper() or w in small for w in words) and not re.search(r"[.!?]", quoted)


def _ends_paragraph_quote(spans: list[tuple[int, int]], sent: Span) -> bool:
    """A quotation with no attribution of its own that fills its sentence: the last speaker goes on."""
    covered = sum(min(e, sent.end_char) - max(s, sent.start_char) for s, e in spans)
    return covered >= 0.6 * len(sent.text.strip())


def _quote(article_id, body, start, end, kind, speaker, channel, s_index, sent_text, actors: ActorResult) -> Quote:
    text, actor_id = speaker
    actor = actors.actor(actor_id) if actor_id else None
    return Quote(
        id=_quote_id(article_id, start, end),
        article_id=article_id,
        char_start=start,
        char_end=end,
        text=body[start:end],
        quote_type=kind,
        speaker=text,
        speaker_actor=actor_id,
        speaker_role=actor.role if actor else None,
        speaker_affiliation=actor.affiliation if actor else None,
        speaker_country=actor.country if actor else None,
        channel=channel,
        anonymous=bool(ANONYMOUS.search(sent_text)),
        sentence_index=s_index,
    )
