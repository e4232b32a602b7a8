"""What a reporting verb reports: its content, found by the dependency parse in the verb's frames.

- clause: the verb's clausal complement after it ("said the talks would resume"), a "that" clause the parser
  hung elsewhere, the clause before it ("The talks will resume, officials said"), or the clause around it
  ("The talks, officials said, will resume").
- to / of / for / object / name: the verb and its object phrase ("urged Oslo to ...", "accused X of ...",
  "called for an inquiry", "ruled out talks", "called the plan a sham"); the verb is kept as a lead-in because
  the object alone would not say what was reported.
- "according to X": the rest of the sentence, or the clause the phrase hangs from inside it.
- a speech noun's "that" clause ("the minister's warning that ..."), said by its possessor.

A participle or conjoined reporting verb with no subject of its own ("..., adding that ...", "... and urged
...") is a reporting act of its own: the content of the verb above it stops before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.clean.datelines import story_dateline_end
from detente.nlp import doc_text
from detente.quotes.verbs import frames_of

CLAUSE_POS = ("VERB", "AUX")
CLOSING_MARKS = ('"', "”", "’", "'", "''")
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
# nouns after "according to" that name data, not a source that says something ("according to a study")
DATA_SOURCES = {
    "study", "survey", "poll", "data", "figure", "statistic", "estimate", "census", "research", "analysis",
    "index", "tally", "count", "calculation", "model", "projection", "ranking", "record", "database", "chart",
}
# reporting verbs that take no noun object: what the parser gives them as one is the subject of their content
OBJECTLESS = {"say", "add", "state", "insist", "stress", "argue", "claim", "note", "contend", "assert", "allege",
              "explain", "declare", "emphasize", "emphasise", "predict", "suggest", "reiterate", "concede"}
# verbs a reporting infinitive may hang from and still report speech ("continues to insist"); any other
# ("declined to say", "is expected to announce", "it is important to note") reports nothing said
CARRY_ON = {"continue", "go", "proceed", "repeat", "hasten", "rush", "move", "keep", "begin", "start", "be"}


@dataclass
class Content:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    lead_in: bool  # the span starts at the verb (object frames), not at the reported clause

    def chars(self, doc: Doc) -> tuple[int, int]:
        last = doc[self.end - 1]
        return doc[self.start].idx, last.idx + len(last)


def own_subject(verb: Token) -> bool:
    """Has the verb a subject of its own (one in quoted words is the parser lost in them, not a subject)?"""
    return any(c.dep_ in SUBJECTS and not _inside_quote_marks(c) for c in verb.children)


def embedded(verb: Token) -> bool:
    """A reporting verb with its own subject inside another's reported clause ("Pompeo said Washington had
    concluded ...") is part of that report, not an act of its own."""
    if not own_subject(verb):
        return False
    node = verb
    while node.dep_ in ("ccomp", "xcomp") and node.head.i != node.i:
        node = node.head
        if node.pos_ in CLAUSE_POS and "clause" in frames_of(node):
            return True
    return False


def borrows_subject(token: Token) -> bool:
    """A reporting verb that reports on its own but takes its subject from above ("adding", "and warned")."""
    if token.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "parataxis") or own_subject(token):
        return False
    if token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False  # "the plan, announced last week, ...": a participle describing a thing
    return token.pos_ in CLAUSE_POS and bool(frames_of(token))


def content_of(verb: Token, frames: frozenset[str]) -> Content | None:
    """The reported content of ``verb`` in the first frame that finds one."""
    if "clause" in frames:
        found = _clause(verb)
        if found is not None:
            return found
    for frame, finder in (("to", _to), ("of", _of), ("against", _against), ("for", _for), ("object", _object_frame),
                          ("name", _name)):
        if frame in frames:
            found = finder(verb)
            if found is not None:
                return _cut(found, verb)
    return None


def _trimmed(doc: Doc, start: int, end: int, lead_in: bool) -> Content | None:
    """A span without leading "that"/commas and trailing punctuation (closing quotation marks stay)."""
    while start < end and ((doc[start].is_punct and doc[start].text not in ('"', "“", "‘", "'")) or doc[start].is_space
                           or (doc[start].lower_ == "that" and not lead_in and end - start > 3)):
        start += 1  # "announced that Sasha was found": the parser may take "that" for a determiner
    while end > start and (doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
                           or (doc[end - 1].is_punct and doc[end - 1].text not in CLOSING_MARKS)):
        end -= 1
    start = after_dateline(doc, start, end)
    if end - start < 2:
        return None
    return Content(start, end, lead_in)


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """ "MANILA — Chinese ships fired ...": the place the story was filed from is not what was said."""
    text = doc_text(doc)[doc[start].idx : doc[end - 1].idx]
    found = story_dateline_end(text)
    if not found or doc[start].idx != doc[start].sent.start_char:
        return start
    offset = doc[start].idx + found
    while start < end and doc[start].idx < offset:
        start += 1
    return start


def _is_clause(token: Token) -> bool:
    return token.pos_ in CLAUSE_POS or any(c.dep_ in SUBJECTS for c in token.children)


def _clause(verb: Token) -> Content | None:
    doc = verb.doc
    for child in verb.children:  # "said (that) the talks would resume"
        clause = child.dep_ == "ccomp" and child.right_edge.i > child.left_edge.i and any(
            t.pos_ in CLAUSE_POS for t in child.subtree)  # "declared most settlements legal" reports no wording
        if child.i > verb.i and (clause or (child.dep_ == "parataxis" and _is_clause(child))):
            end = child.right_edge.i + 1
            for sibling in verb.children:  # "asserts X directed and monitored ...": the parser hung the second verb high
                loose = sibling.dep_ == "conj" and not own_subject(sibling) and not frames_of(sibling)
                if sibling.i > child.i and (loose or sibling.dep_ == "ccomp"):  # or split the clause in two ccomps
                    end = max(end, sibling.right_edge.i + 1)
            found = _trimmed(doc, _clause_start(verb, child), end, False)
            if found is not None:
                return _cut(found, verb)
    misparsed = _object_clause(verb)
    if misparsed is not None:
        return _cut(misparsed, verb)
    made_clear = _made_clear(verb)
    if made_clear is not None:
        return made_clear
    that = _that_clause(verb)
    if that is not None:
        return _cut(that, verb)
    for child in verb.children:  # "The talks will resume, officials said": the clause comes first
        if child.i < verb.i and child.dep_ in ("ccomp", "parataxis") and _is_clause(child):
            found = _trimmed(doc, child.left_edge.i, min(child.right_edge.i + 1, verb.i), False)
            if found is not None:
                return _cut(found, verb)
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp") and own_subject(verb) and head.i != verb.i and _is_clause(head) \
            and not any(c.dep_ == "mark" for c in verb.children) and not frames_of(head):
        # "The talks, officials said, will resume" / "The talks will resume, officials said": said hangs from the clause
        left, right = verb.left_edge.i, verb.right_edge.i + 1
        if head.left_edge.i < left:
            end = left if right > head.right_edge.i else head.right_edge.i + 1
            found = _trimmed(doc, head.left_edge.i, end, False)
            if found is not None:
                return _cut(found, verb, skip=(left, right))
    return None


def _clause_start(verb: Token, clause: Token) -> int:
    """Where the content opens: after a "that" following the verb, or at a subject the parser hung on the verb
    as its object ("said the most likely reason ... is fear": "reason" as object, "is" as the clause)."""
    start = clause.left_edge.i
    between = verb.doc[verb.i + 1 : start]
    that = next((t for t in between if t.lower_ == "that" and t.pos_ in ("SCONJ", "ADP")), None)
    if that is not None:
        return that.i + 1
    if verb.lemma_.lower() in OBJECTLESS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
        if obj is not None:
            return obj.left_edge.i
    return _past_saying_time(verb, clause, start)


def _past_saying_time(verb: Token, clause: Token, start: int) -> int:
    """ "China said on Tuesday it would retaliate": with no "that", a time phrase right after the verb and before
    the clause's subject says when it was said; the parse may hang it on the clause all the same."""
    if start != verb.i + 1:
        return start
    first = next((c for c in clause.children if c.left_edge.i == start), None)
    if first is None or first.dep_ not in ("prep", "npadvmod", "advmod") or not any(
            t.ent_type_ in ("DATE", "TIME") for t in first.subtree):
        return start
    if not any(c.dep_ in SUBJECTS and c.i > first.right_edge.i for c in clause.children):
        return start
    return first.right_edge.i + 1


def _object_clause(verb: Token) -> Content | None:
    """ "said the provocative actions launched on Monday trigger concern": a clause the parser read as the
    object of a verb that takes no object (one says words, not things)."""
    if verb.lemma_.lower() not in OBJECTLESS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.right_edge.i - obj.left_edge.i < 4 or not any(t.pos_ in CLAUSE_POS for t in obj.subtree):
        return None
    return _trimmed(verb.doc, obj.left_edge.i, obj.right_edge.i + 1, False)


def _made_clear(verb: Token) -> Content | None:
    """ "made (it) clear that ...": the clause hangs from "clear"."""
    if verb.lemma_.lower() != "make":
        return None
    for clear in (t for t in verb.subtree if t.lower_ == "clear"):
        for child in clear.children:
            if child.i > clear.i and _is_clause(child):
                return _trimmed(verb.doc, child.left_edge.i, child.right_edge.i + 1, False)
        nxt = clear.i + 1
        if nxt < len(verb.doc) and verb.doc[nxt].lower_ == "that":
            head = verb.doc[nxt].head
            if head.i > nxt:
                return _trimmed(verb.doc, nxt, head.right_edge.i + 1, False)
    return None


def _that_clause(verb: Token) -> Content | None:
    """ "told Albanese at the Great Hall of the People that relations were ...": the small parser often hangs the
    clause on the nearest noun as a relative clause. A "that" after the verb's own objects and phrases, opening a
    clause with a subject of its own, is the reported content all the same."""
    doc = verb.doc
    for token in doc[verb.i + 1 : verb.sent.end]:
        if (token.pos_ in CLAUSE_POS and token.dep_ not in ("aux", "auxpass")) or token.text in (";", ":", '"', "“"):
            return None  # another clause began first: whatever follows is not this verb's content
        if token.lower_ != "that":
            continue
        head = token.head
        if head.i <= token.i or head.pos_ not in CLAUSE_POS or verb not in head.ancestors:
            return None
        if not any(c.dep_ in SUBJECTS and c.i != token.i for c in head.children):
            return None  # "told reporters that had gathered": a true relative clause
        return _trimmed(doc, token.i, head.right_edge.i + 1, False) if head.i - token.i < 12 else None
    return None


def _direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)


def _span_from_verb(verb: Token, last: int) -> Content | None:
    start = verb.i
    aux = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.i >= verb.i - 3]
    if aux and verb.doc[min(aux)].tag_ != "TO":
        start = min(aux)  # "has ruled out ...": the gold-style lead-in keeps the auxiliary
    return _trimmed(verb.doc, start, last + 1, True)


ANONYMITY = {"identify", "name", "quote", "cite"}  # "asked not to be identified": a condition of the interview


def _to(verb: Token) -> Content | None:
    """ "urged Oslo to reopen ...", "called on Oslo to ...", "asked their governments to help"."""
    if any(t.lemma_.lower() in ANONYMITY and t.tag_ == "VBN" for t in verb.subtree if t.i > verb.i):
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("xcomp", "ccomp") and any(c.tag_ == "TO" for c in child.children):
            return _span_from_verb(verb, child.right_edge.i)
    targets = [_direct_object(verb), *(p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to"))]
    for target in (t for t in targets if t is not None):
        for node in target.subtree:
            if node.dep_ in ("xcomp", "ccomp", "acl", "relcl") and any(c.tag_ == "TO" for c in node.children):
                return _span_from_verb(verb, node.right_edge.i)
    return None


def _of(verb: Token) -> Content | None:
    """ "accused X of ...", "warned of ..."."""
    return _prep_frame(verb, "of")


def _against(verb: Token) -> Content | None:
    """ "warned Seoul against further provocations", "cautioned Tokyo against rearming"."""
    return _prep_frame(verb, "against")


def _prep_frame(verb: Token, prep: str) -> Content | None:
    """The verb's words up to the end of its (or its object's) ``prep`` phrase."""
    obj = _direct_object(verb)
    places = [verb] + ([obj] if obj is not None else [])
    if verb.dep_ == "acl" and verb.head.head.i != verb.head.i:
        places.append(verb.head.head)  # "issued a statement warning Riga against ...": the parse may hang the phrase
    for place in places:  # on the verb that issued the text
        for child in place.children:
            if child.dep_ == "prep" and child.lower_ == prep and child.i > verb.i and len(list(child.subtree)) >= 2:
                return _span_from_verb(verb, child.right_edge.i)
    return None


def _for(verb: Token) -> Content | None:
    """ "called for an inquiry into ..."."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "for" and child.i > verb.i and len(list(child.subtree)) >= 2:
            return _span_from_verb(verb, child.right_edge.i)
    return None


def _object_frame(verb: Token) -> Content | None:
    """ "claimed responsibility for the attack", "ruled out talks", "demanded the release of the crew"."""
    obj = _direct_object(verb)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None  # "will only demand more"
    last = obj.right_edge.i
    for child in verb.children:  # "claimed responsibility for ...": the parser may hang "for" on the verb
        if child.dep_ == "prep" and child.i == last + 1 and child.lower_ in ("for", "of", "on", "to"):
            last = child.right_edge.i
    return _span_from_verb(verb, last)


def _name(verb: Token) -> Content | None:
    """ "called the plan a sham": an object and what it is called (a second object or a small clause)."""
    obj = _direct_object(verb)
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("oprd", "ccomp", "xcomp") and (obj is None or child.i > obj.i):
            if obj is not None or any(c.dep_ in SUBJECTS for c in child.children):
                return _span_from_verb(verb, child.right_edge.i)
    return None


def _cut(found: Content, verb: Token, skip: tuple[int, int] | None = None) -> Content:
    """Stop the content before a reporting verb that reports on its own ("..., adding that ...", "and urged ...",
    "and the envoy said ...")."""
    doc = verb.doc
    for token in doc[found.start : found.end]:
        if token.i == verb.i or (skip and skip[0] <= token.i < skip[1]):
            continue
        if token.head == verb and token.dep_ in ("xcomp", "ccomp"):
            continue  # "asked him to explain ...": the verb's own complement, not a second act
        if (borrows_subject(token) or _coordinated_report(token)) and token.i > found.start \
                and not _inside_quote_marks(token):
            end = token.i
            while end - 1 > found.start and doc[end - 1] in token.subtree and doc[end - 1].text not in ("”", '"') \
                    and not _inside_quote_marks(doc[end - 1]):
                end -= 1  # the verb's own auxiliaries and adverbs ("and also urged"), not quoted words it swallowed
            trimmed = _trimmed(doc, found.start, end, found.lead_in)
            return trimmed if trimmed is not None else found
    return found


def _coordinated_report(token: Token) -> bool:
    """ "... and the envoy said ...", "..., while Lithuania warned ...": another source's act joined on."""
    return token.dep_ in ("conj", "advcl") and token.pos_ in CLAUSE_POS and own_subject(token) \
        and bool(frames_of(token))


def _inside_quote_marks(token: Token) -> bool:
    """A verb inside quoted words is the speaker's own wording, not a second act."""
    text = doc_text(token.doc)
    sent = token.sent
    before = text[sent.start_char : token.idx]
    opened = before.count("“") - before.count("”") + (before.count('"') % 2)
    return opened > 0


def according_to(doc: Doc) -> list[tuple[Token, Content]]:
    """ "according to X": (the source's head noun, the clause it qualifies) for every such phrase with a source."""
    found = []
    for token in doc:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None or source.lemma_.lower() in DATA_SOURCES or source.pos_ == "PRON":
            continue
        head = token.head
        if head.i == token.i or not _is_clause(head):
            continue
        sent = token.sent
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        left, right = token.left_edge.i, token.right_edge.i + 1
        if not words:
            continue
        if right > words[-1].i:  # "..., according to X.": the sentence before the phrase
            content = _trimmed(doc, sent.start, left, False)
        elif left <= words[0].i:  # "According to X, ...": the sentence after it
            named = _name_in_apposition(doc, right)  # "According to his aunt, Jane Starner, “...”": she speaks
            if named is not None:
                source, right = named
            content = _trimmed(doc, right, sent.end, False)
        else:  # inside the sentence: the clause it hangs from
            content = _trimmed(doc, head.left_edge.i, head.right_edge.i + 1, False)
        if content is not None:
            found.append((source, content))
    return found


def _name_in_apposition(doc: Doc, i: int) -> tuple[Token, int] | None:
    """ ", Jane Starner," at token ``i``: a person's name set off by commas after a source, which the parse may fold
    into what follows; (the name's last token, the token after the second comma)."""
    if i >= len(doc) or doc[i].text != ",":
        return None
    ent = next((e for e in doc.ents if e.start == i + 1 and e.label_ == "PERSON"), None)
    if ent is None or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return doc[ent.end - 1], ent.end + 1


def noun_reports(doc: Doc) -> list[tuple[Token, Content]]:
    """ "the minister's announcement that the two countries had reached a deal": (the possessor, the clause)."""
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or "noun-that" not in frames_of(noun):
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > noun.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if owner is None or clause is None:
            continue
        content = _trimmed(doc, clause.left_edge.i, clause.right_edge.i + 1, False)
        if content is not None:
            found.append((owner, content))
    return found
