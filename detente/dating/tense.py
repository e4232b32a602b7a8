"""Which way a relative time expression points: the tense and aspect of the clause it sits in.

"On Sunday" said of a plan ("will meet on Sunday", "is due to arrive on Sunday", "postponed until Sunday") is the
coming Sunday; said of a past act it is the last one. A month without a year in a plan ("the talks planned for
June") is the next June. Read from the parse: a future or modal auxiliary, a verb of planning or scheduling that
controls the clause, a present progressive ("is meeting on Sunday"); without a parse, from the words alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

FUTURE_WORDS = re.compile(
    r"\b(will|shall|'ll|won't|is expected to|are expected to|is scheduled to|are scheduled to|is set to|are set to|"
    r"plans? to|planned for|scheduled for|is due to|are due to|is to|are to|is going to|are going to|ahead of|"
    r"upcoming|postponed until|postponed to|rescheduled for|next)\b", re.I)
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
MODAL_AUX = {"would", "could", "should", "might", "may", "must", "can", "ca"}  # point ahead unless "could have"
PLAN_HEADS = {"expect", "schedule", "set", "plan", "due", "intend", "aim", "hope", "prepare", "postpone", "delay",
              "reschedule", "push", "move"}


def future_text(text: str) -> bool:
    """The words alone say the sentence speaks of what is to come."""
    return bool(FUTURE_WORDS.search(text))


def _clause_future(verb: Token) -> bool:
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in children):
        return True
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in children):
        return any(c.dep_ in ("npadvmod", "prep") for c in children)  # "is meeting (on) Sunday"
    node = verb
    for _ in range(3):  # "is expected to visit", "plans to travel": the controlling verb's clause
        if node.dep_ != "xcomp" or node.head == node:
            break
        node = node.head
        if node.lemma_.lower() in PLAN_HEADS:
            return True
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in node.children):
            return True
    return False


def will_future(verb: Token) -> bool:
    """"will lift", "shall meet": a verb the future auxiliary governs (not "would", which past reports also use)."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX
                                                for c in verb.children)


def future_sentence(sent: Span) -> bool:
    """The sentence's main clause, or any clause of it, speaks of what is to come."""
    text = sent.text
    if future_text(text):
        return True
    return any(_clause_future(t) for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj"))


PAST_TAGS = {"VBD"}
FORWARD_PREPS = {"until", "till", "through", "by", "next", "from"}
NOUN_MODIFYING = {"acl", "relcl"}
FIRSTS = {"first", "last", "only", "second", "latest"}


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _past(verb: Token) -> bool:
    """A clause in the past: "met", "had met", "was signed", "has said" (the perfect reports what is done)."""
    if verb.tag_ in PAST_TAGS:
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not aux:
        return True  # "a statement published Oct. 25": a participle describing what was done
    return any(a.tag_ == "VBD" or (a.lemma_ == "have" and verb.tag_ == "VBN") for a in aux)


def future_at(sent: Span, start_char: int, end_char: int, sentence_future: bool | None = None) -> bool:
    """The tense of the clause holding the expression at these offsets: future if that clause (or the verb that
    controls it) is future, or an infinitive or present clause with "until"/"by"/"through"; past if that clause is
    past, whatever the rest of the sentence says; else the sentence's own tense."""
    doc = sent.doc
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if sentence_future is None:
        sentence_future = future_sentence(sent)
    if span is None:
        return sentence_future
    verb = _governing_verb(span.root)
    if verb is None:
        return sentence_future
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "ccomp" and subjects and verb.head.i < span.root.i < subjects[0].i:
        verb = verb.head  # "said on Tuesday it could not ...": between the reporting verb and the reported subject, the
        # parser often hangs the time on the reported verb; it is when it was said
    if _clause_future(verb) or verb.lemma_.lower() in PLAN_HEADS - {"push", "move", "set"}:
        return True  # "a June 3 hearing has been scheduled": what is scheduled lies ahead
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & MODAL_AUX and "have" not in aux:
        return True  # "should be completed in October"
    if _past(verb):
        return False
    before = doc[max(span.start - 1, sent.start)].lower_ if span.start > sent.start else ""
    if verb.tag_ in ("VB", "VBZ", "VBP", "VBG") and before in FORWARD_PREPS:
        return True  # "for the program to run through June", "talks continue until Friday"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if verb.dep_ in NOUN_MODIFYING:  # "a contract to supply tankers from June": an infinitive looks ahead,
            return not any(c.lower_ in FIRSTS or c.tag_ == "JJS" for c in head.children)  # "the first to visit" not
        if verb.dep_ == "advcl" and head != verb:  # a purpose shares its clause's time: "stepped over to shake hands"
            return _clause_future(head) or (not _past(head) and sentence_future)
    return sentence_future
