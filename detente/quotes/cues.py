"""Speech cues: the reporting verbs, the quotations they govern, and the channel.

A quotation belongs to a speech verb when the parse links them through the
verb's content (its clausal complement, object, "as"-phrase, or the verb hangs
from inside the quotation as in "“...,” he said"); a quotation reached only
through an adjunct ("in his article “A New Vista”") is not what was said.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from detente.quotes.verbs import frames_of

CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis", "advcl", "npadvmod", "dep", "conj"}
CONTENT_PREPS = {"as", "that", "of", "from", "for", "against"}  # "warned of “...”", "called for “...”"
CHANNEL_PREPS = {"in", "over", "by", "on", "via", "through", "during"}
CHANNEL_NOUNS = {
    "email", "e-mail", "interview", "statement", "article", "post", "op-ed", "letter", "message", "speech", "tweet",
    "briefing", "phone", "telephone", "call", "address", "conference", "video", "broadcast", "column", "editorial",
    "podcast", "x", "twitter", "facebook", "telegram", "weibo", "television", "radio", "newspaper", "remarks",
    "communique", "communiqué", "blog", "essay", "commentary", "readout", "text", "note",
}


def inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def is_cue(token: Token, spans: list[tuple[int, int]]) -> bool:
    """A reporting verb (see ``data/reporting_verbs.tsv``) outside quotation marks."""
    if token.pos_ not in ("VERB", "AUX") or inside(token, spans):
        return False
    return bool(frames_of(token))


def cues(doc: Doc, spans: list[tuple[int, int]]) -> list[Token]:
    return [t for t in doc if is_cue(t, spans)]


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start in [start, end), found by bisection: token offsets only grow along the doc."""
    first = bisect_left(range(len(doc)), start, key=lambda i: doc[i].idx)
    tokens = []
    for i in range(first, len(doc)):
        token = doc[i]
        if token.idx >= end:
            break
        tokens.append(token)
    return tokens


def governing_cue(span: tuple[int, int], doc: Doc, spans: list[tuple[int, int]]) -> Token | None:
    """The speech verb a quotation is the content of, by the dependency parse."""
    tokens = [t for t in tokens_between(doc, span[0], span[1]) if not t.is_punct and not t.is_space]
    for t in tokens:
        node = t
        while node.head.i != node.i:
            head = node.head
            if span[0] <= head.idx < span[1]:
                node = head
                continue
            if is_cue(head, spans):
                quoted_prep = node.dep_ == "prep" and span[0] <= node.idx < span[1]  # "conveyed the protest “in the strongest terms”"
                evaluative = node.dep_ == "prep" and frames_of(head) & {"quoted", "as-quoted"}  # "cheered on the “historic” move"
                if node.dep_ in CONTENT_DEPS or quoted_prep or evaluative or (node.dep_ == "prep" and node.lower_ in CONTENT_PREPS):
                    return head
                break
            if inside(head, spans):
                break
            node = head
    for t in tokens:  # "“...,” he said": the verb hangs from a word inside the quotation
        for child in t.children:
            if not (span[0] <= child.idx < span[1]) and is_cue(child, spans) and child.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep"):
                return child
    return None


def _end(token: Token) -> int:
    """End of a subtree, without a trailing comma or full stop."""
    end = token.right_edge.i + 1
    while end - 1 > token.i and token.doc[end - 1].is_punct and token.doc[end - 1].text not in ("”", '"', "’"):
        end -= 1
    return end


def channel_of(verb: Token, subject: Token | None = None) -> str | None:
    """How it was said: "in an email to VOA Vietnamese", "told VOA Vietnamese over the phone from Hanoi".

    Looked for on the verb, on the verb it hangs from ("..., adding", "... and stated"), and on the
    subject ("Xi, in his article in Nhan Dan, expressed ..." often parses with the phrase on "Xi").
    """
    parts: list[tuple[int, str]] = []
    doc = verb.doc
    above = [a for a in verb.ancestors if a.pos_ == "VERB"][:1] if verb.dep_ in ("advcl", "xcomp", "conj") else []
    for v in (verb, *above, subject):
        if v is None:
            continue
        for child in v.children:
            if child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and (pobj.lower_ in CHANNEL_NOUNS or pobj.lemma_.lower() in CHANNEL_NOUNS):
                    end = pobj.i + 1
                    for sub in pobj.children:
                        named = sub.dep_ == "appos" or (sub.dep_ in ("prep", "acl") and sub.lower_ in ("to", "in", "from", "with", "on", "published"))
                        if named and sub.i > pobj.i:
                            end = max(end, _end(sub))
                    parts.append((child.i, doc[child.i : end].text))
            if v.lemma_ == "tell" and child.dep_ in ("dobj", "dative") and _is_outlet(child):
                parts.append((v.i, f"{v.text} {doc[child.left_edge.i : child.i + 1].text}"))
        if parts:
            last = max(parts)[0]
            origin = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > last), None)
            if origin is not None and any(t.ent_type_ in ("GPE", "LOC") for t in origin.subtree):
                parts.append((origin.i, doc[origin.i : _end(origin)].text))  # "over the phone from Hanoi"
            break
    if not parts:
        return None
    return " ".join(text for _, text in sorted(parts))


def _is_outlet(token: Token) -> bool:
    """ "told VOA Vietnamese", "told Reuters": a news organisation, not a person being addressed."""
    words = list(token.subtree)
    return any(t.ent_type_ == "ORG" for t in words) or (token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "GPE"))
