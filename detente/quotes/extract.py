"""Find quotations and attribute them.

Direct quotes are spans between quotation marks; indirect ones are the
complement clause of a speech verb ("Poling noted that ..."); mixed ones embed
a short quoted fragment in reported speech. The speaker is the subject of the
speech verb; a pronoun or a quote with no attribution goes to the last speaker.
"""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.records import Quote

SPEECH_VERBS = {
    "say", "tell", "note", "add", "stress", "write", "describe", "warn", "argue", "explain", "state", "insist",
    "claim", "declare", "announce", "emphasize", "emphasise", "remark", "observe", "point", "suggest", "believe",
    "contend", "maintain", "reply", "respond", "comment", "acknowledge", "admit", "express", "assert", "predict",
    "urge", "conclude", "continue", "caution", "recall", "quip", "elaborate",
}
QUOTE_SPAN = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]|‘([^‘’]{12,}?)’(?!\w)")
PRONOUNS = {"he", "she", "they", "it"}
CHANNEL = re.compile(
    r"\b(in an? (?:email|e-mail|interview|statement|article|post|op-ed|letter|message|speech|tweet)[^,.;]{0,60}"
    r"|(?:over|by|on) the (?:phone|telephone)(?: from \w+)?|on (?:X|Twitter|Facebook|social media)"
    r"|told [A-Z][\w ]{1,30}?(?= over| that| in|,|\.))",
)
ANONYMOUS = re.compile(r"\b(on condition of anonymity|declined to be named|who asked not to be (?:named|identified)|anonymous)\b", re.I)


def _quote_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{article_id}|{start}|{end}".encode()).hexdigest()[:16]


def _speech_verb(sent: Span) -> Token | None:
    verbs = [t for t in sent if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else None


def _subject(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subtree = list(child.subtree)
            # keep the name and its apposition's head, not the relative clause
            end = subtree[-1].i + 1
            for t in subtree:
                if t.dep_ in ("relcl", "acl") or (t.text == "," and t.i > child.i):
                    end = t.i
                    break
            return verb.doc[subtree[0].i : end]
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp") and verb.head is not verb:
        return _subject(verb.head)
    return None


class _Attributor:
    def __init__(self, doc: Doc, actors: ActorResult) -> None:
        self.doc = doc
        self.actors = actors
        self.last_speaker: tuple[str, str | None] | None = None
        self.mentions = sorted(actors.mentions, key=lambda m: m.char_start)

    def actor_at(self, span: Span) -> str | None:
        for mention in self.mentions:
            if mention.char_start >= span.start_char and mention.char_end <= span.end_char:
                actor = self.actors.actor(mention.actor_id)
                if actor and actor.kind == "person":
                    return actor.id
        return None

    def speaker_for(self, sent: Span) -> tuple[str | None, str | None, str | None]:
        """(speaker text, actor id, channel) for a sentence, following pronouns to the last speaker."""
        verb = _speech_verb(sent)
        channel_match = CHANNEL.search(sent.text)
        channel = channel_match.group(0) if channel_match else None
        if verb is not None:
            subject = _subject(verb)
            if subject is not None:
                text = subject.text.strip()
                if text.lower() in PRONOUNS or text.lower().startswith(("the researcher", "the spokesperson", "the analyst", "the official")):
                    if self.last_speaker:
                        return self.last_speaker[0], self.last_speaker[1], channel
                actor_id = self.actor_at(subject)
                if actor_id is None and len(subject) <= 2:
                    actor_id = self._actor_by_name(text)
                self.last_speaker = (text, actor_id)
                return text, actor_id, channel
        return None, None, channel

    def _actor_by_name(self, text: str) -> str | None:
        for actor in self.actors.actors:
            if actor.kind == "person" and text in actor.name.split():
                return actor.id
        return None


def extract_quotes(doc: Doc, article_id: str, actors: ActorResult) -> list[Quote]:
    attributor = _Attributor(doc, actors)
    quotes: list[Quote] = []
    body = doc.text
    for s_index, sent in enumerate(doc.sents):
        marks = [m for m in QUOTE_SPAN.finditer(sent.text)]
        speaker, actor_id, channel = attributor.speaker_for(sent)
        if marks:
            if speaker is None and attributor.last_speaker and sum(len(m.group(0)) for m in marks) > len(sent.text) * 0.6:
                speaker, actor_id = attributor.last_speaker  # a quote running on from the previous paragraph
            if speaker is None:
                continue
            quoted = sum(len(m.group(0)) for m in marks)
            first = marks[0]
            start = sent.start_char + first.start()
            end = sent.start_char + marks[-1].end()
            kind = "direct"
            if quoted < len(sent.text.strip()) * 0.5 and first.start() > 0 and not re.search(r"[,:]\s*$", sent.text[: first.start()]):
                kind = "mixed"
                start = _clause_start(sent, first.start())
            quotes.append(_quote(article_id, body, start, end, kind, speaker, actor_id, channel, s_index, sent.text))
        elif speaker is not None:
            verb = _speech_verb(sent)
            comp = next((c for c in verb.children if c.dep_ == "ccomp"), None) if verb is not None else None
            if comp is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in comp.children):
                start = verb.idx
                subj = _subject(verb)
                if subj is not None and subj.start_char < start:
                    start = subj.start_char
                end = sent.end_char
                quotes.append(_quote(article_id, body, start, end, "indirect", speaker, actor_id, channel, s_index, sent.text))
    return quotes


def _clause_start(sent: Span, quote_offset: int) -> int:
    """Start of a mixed quote: the reported clause that holds the quoted fragment."""
    abs_offset = sent.start_char + quote_offset
    for token in sent:
        if token.idx >= abs_offset:
            node = token
            for _ in range(6):
                if node.dep_ in ("ccomp", "xcomp", "advcl", "pcomp") or node.head is node:
                    break
                node = node.head
            left = min(t.idx for t in node.subtree)
            return min(left, abs_offset)
    return abs_offset


def _quote(article_id, body, start, end, kind, speaker, actor_id, channel, s_index, sent_text) -> Quote:
    return Quote(
        id=_quote_id(article_id, start, end),
        article_id=article_id,
        char_start=start,
        char_end=end,
        text=body[start:end],
        quote_type=kind,
        speaker=speaker,
        speaker_actor=actor_id,
        channel=channel,
        anonymous=bool(ANONYMOUS.search(sent_text)),
        sentence_index=s_index,
    )
