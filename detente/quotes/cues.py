"""Speech cues: the verbs that introduce reported speech, what they govern, and the channel.

A quotation belongs to a speech verb when the parse links them through the
verb's content (its clausal complement, object, "as"-phrase, or the verb hangs
from inside the quotation as in "“...,” he said"); a quotation reached only
through an adjunct ("in his article “A New Vista”") is not what was said.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {
    "say", "tell", "note", "add", "stress", "write", "describe", "warn", "argue", "explain", "state", "insist",
    "claim", "declare", "announce", "emphasize", "emphasise", "remark", "observe", "point", "suggest", "contend",
    "maintain", "reply", "respond", "comment", "acknowledge", "admit", "express", "assert", "predict", "conclude",
    "caution", "recall", "quip", "elaborate", "call", "accuse", "urge", "deny", "concede",
    "convey", "hail", "define", "promulgate", "proclaim", "tweet", "complain", "reiterate", "affirm", "underline",
    "underscore", "confirm", "allege", "assure", "lament", "dismiss", "brand", "label",
}
OBJECT_SPEECH = {"accuse", "urge", "warn", "describe", "brand", "label", "hail", "dismiss", "convey", "tell"}
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis", "advcl", "npadvmod", "dep", "conj"}
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
    """A speech verb outside quotation marks ("call on/for" is a request, "point" needs "out")."""
    lemma = token.lemma_.lower()
    if lemma == "make" and any(c.lower_ == "clear" for c in token.children):
        return not inside(token, spans)  # "made clear that ..."
    if lemma not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX") or inside(token, spans):
        return False
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    if lemma == "call" and particles & {"on", "for", "off", "up"}:
        return False
    if lemma == "point" and "out" not in particles:
        return False
    return True


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
                if node.dep_ in CONTENT_DEPS or quoted_prep or (node.dep_ == "prep" and node.lower_ in ("as", "that", "of", "from")):
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


def complement(verb: Token) -> Span | None:
    """The reported content of an indirect quotation: a clause after the verb, or "urged X to ...", "accused X of ..."."""
    doc = verb.doc
    for child in verb.children:
        if child.i > verb.i and child.dep_ == "ccomp" and len(list(child.subtree)) >= 3:
            return doc[child.left_edge.i : _end(child)]
    if verb.lemma_.lower() in OBJECT_SPEECH:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
        if obj is not None:
            extra = [c for c in obj.children if c.lower_ == "of"] if verb.lemma_.lower() in ("accuse", "warn") else []
            for child in [*verb.children, *extra]:  # "accused X of ...": the parse hangs "of" on either
                if child.i > obj.i and (child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ in ("of", "to", "as"))):
                    if len(list(child.subtree)) >= 3:
                        return doc[obj.left_edge.i : _end(child)]
    return _that_clause(verb)


def _that_clause(verb: Token) -> Span | None:
    """"told Albanese at the Great Hall of the People that relations were ...": the small parser often hangs the
    clause on the nearest noun as a relative clause. A "that" after the verb's own objects and phrases, opening a
    clause with a subject of its own, is the reported content all the same."""
    doc = verb.doc
    for token in doc[verb.i + 1 : verb.sent.end]:
        if (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")) or token.text in (";", ":", '"', "“"):
            return None  # another clause began first: whatever follows is not this verb's content
        if token.lower_ != "that":
            continue
        head = token.head
        if head.i <= token.i or head.pos_ not in ("VERB", "AUX") or verb not in head.ancestors:
            return None
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != token.i for c in head.children):
            return None  # "told reporters that had gathered": a true relative clause
        return doc[token.i : _end(head)] if head.i - token.i < 12 else None
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
