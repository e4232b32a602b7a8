"""Who is speaking: the subject of a speech verb resolved to a person, an institution or a description.

A speaker is remembered so that later attributions that only point back at it
("he said", "the researcher said", "it accused ...") resolve to the one named
or described earlier. Descriptions ("a researcher from the Chinese Academy of
Social Sciences") keep their role, affiliation and country from the mentions
inside them, and are marked anonymous when the text says the source asked not
to be named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.actors import ActorResult
from detente.actors.resolve import titles
from detente.quotes.cues import SPEECH_VERBS

PERSON_PRONOUNS = {"he", "she"}
THING_PRONOUNS = {"it"}
RELATIVE = {"who", "that", "which"}
GENERIC_PLURAL = re.compile(
    r"^(both |some |many |other |most |several |the )?(observers|analysts|experts|some|many|others|critics|officials|"
    r"diplomats|sources|they|people|residents|reports?)$", re.I)
ANONYMOUS = re.compile(
    r"\b(on (the )?condition of anonymity|declined to be (named|identified)|asked not to be (named|identified)"
    r"|(was|is|were) not authori[sz]ed to (speak|talk)|anonymous|unnamed|requested anonymity)\b", re.I)
SPEAKING_BODIES = {"government", "ministry", "embassy", "guard", "force", "office", "agency", "department", "council",
                   "statement", "commission", "committee", "army", "military", "navy", "party", "parliament",
                   "kremlin", "readout", "palace", "house", "cabinet",
                   "presidency", "secretariat", "administration", "mission", "delegation", "command", "service"}
NOT_SPEAKERS = {"DATE", "TIME", "EVENT", "LAW", "LOC", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "PRODUCT"}
HUMAN_NOUNS = {"researcher", "spokesperson", "spokesman", "spokeswoman", "analyst", "official", "expert", "diplomat",
               "scholar", "professor", "envoy", "source", "fellow", "officer", "activist", "lawmaker", "adviser",
               "advisor", "aide", "economist", "historian", "resident", "fisherman", "witness", "commander",
               "negotiator", "academic", "director", "journalist", "observer"}


@dataclass
class Speaker:
    text: str  # as written (the first time)
    actor_id: str | None = None
    person: bool = True  # a person (named or described) rather than an institution
    anonymous: bool = False
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    at: int = 0  # where it was last used, so pronouns pick the nearest


def subject_of(verb: Token) -> tuple[Span, Token] | None:
    """The subject phrase (without appositions and relative clauses) and its head token.

    Participles and conjoined verbs ("..., saying", "noted ... and stressed") borrow
    the subject of the verb they hang from; a relative clause's "who" is its antecedent.
    """
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in RELATIVE and verb.dep_ == "relcl":
            head = verb.head
            return _trim(head), head
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _trim(child), child
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "relcl") and verb.head.i != verb.i:
        if verb.dep_ == "relcl":
            return _trim(verb.head), verb.head
        if verb.dep_ == "conj":  # "expressed that X and stated that Y": the subject of the speech verb above
            for ancestor in verb.ancestors:
                if ancestor.lemma_.lower() in SPEECH_VERBS and ancestor.pos_ == "VERB":
                    return subject_of(ancestor)
        return subject_of(verb.head)
    return None


def _trim(head: Token) -> Span:
    subtree = list(head.subtree)
    end = subtree[-1].i + 1
    for t in subtree:
        if t.i > head.i and (t.dep_ in ("relcl", "acl", "appos") or t.text in (",", "—", "–")):
            end = t.i
            break
    while end - 1 > head.i and head.doc[end - 1].text in ("(", ",", "-", "–", "—"):
        end -= 1
    return head.doc[subtree[0].i : end]


def can_speak(subject: Span) -> bool:
    """People, roles and institutions speak; summits, dates and generic plurals ("Foreign policy experts") do not."""
    root = subject.root
    if root.pos_ == "PRON":
        return True
    if any(t.ent_type_ == "PERSON" for t in subject):
        return True
    if root.tag_ in ("NNS", "NNPS"):
        return False
    lemma = root.lemma_.lower()
    table = titles()
    if lemma in table or root.lower_ in table or lemma in SPEAKING_BODIES or lemma in HUMAN_NOUNS:
        return True
    if root.ent_type_ in ("ORG", "FAC"):
        return True
    return root.pos_ == "PROPN" and root.ent_type_ not in NOT_SPEAKERS


class SpeakerMemory:
    """Resolves subjects to speakers and remembers them for pronouns and back-references."""

    def __init__(self, actors: ActorResult) -> None:
        self.actors = actors
        self.mentions = sorted(actors.mentions, key=lambda m: m.char_start)
        self.history: list[Speaker] = []

    def resolve(self, subject: Span, head: Token) -> Speaker | None:
        speaker = self._resolve(subject, head)
        if speaker is not None:
            speaker.at = max(speaker.at, head.idx)
        return speaker

    def _resolve(self, subject: Span, head: Token) -> Speaker | None:
        text = subject.text.strip()
        lower = text.lower()
        if lower in PERSON_PRONOUNS:
            return self._same_sentence_person(head) or self._nearest_person(head)
        if lower in THING_PRONOUNS:
            return self._last(person=False)
        if head.pos_ == "PRON" or GENERIC_PLURAL.match(text):
            return None
        full = head.doc[head.left_edge.i : head.right_edge.i + 1]
        for appos in (c for c in head.children if c.dep_ == "appos"):  # "China's top diplomat, Wang Yi, ..."
            named = self._person_mention_in(head.doc[appos.left_edge.i : appos.right_edge.i + 1])
            if named is not None and not self._actor_in(subject, ("person",)):
                return self._remember(self._build(named[0], named[1], full, named[2]))
        if not self._actor_in(subject, ("person",)) and not _human_or_body(subject.root):
            inner = self._person_mention_in(full)  # a misparse put the speaker inside the subject's modifiers
            if inner is not None:
                return self._remember(self._build(inner[0], inner[1], inner[1], inner[2]))
        if not can_speak(subject):
            return None
        back = self._back_reference(subject)
        if back is not None:
            return self._remember(back)
        actor_id = self._actor_in(subject, ("person",)) or self._by_name(text)
        if actor_id is None and self._is_state(subject):
            return None  # "India said ...": a state's stated position is an event, not a quote
        if actor_id is None and len(subject) == 1:
            earlier = next((s for s in reversed(self.history) if s.text.split()[-1] == text), None)
            if earlier is not None:  # "Abuza" after "Zachary Abuza, a professor ..."
                return self._remember(earlier)
        return self._remember(self._build(text, subject, full, actor_id))

    def _build(self, text: str, subject: Span, full: Span, actor_id: str | None) -> Speaker:
        actor = self.actors.actor(actor_id) if actor_id else None
        org_id = self._actor_in(full, ("org", "igo"))
        org = self.actors.actor(org_id) if org_id else None
        state = next((m.actor_id for m in self._mentions_in(full) if re.fullmatch(r"[A-Z]{3}", m.actor_id)), None)
        if actor is not None:
            return Speaker(text, actor.id, actor.kind == "person", False, actor.role,
                           actor.affiliation or (org.name if org else None), actor.country or (org.country if org else None))
        root = subject.root
        person = root.lemma_.lower() not in SPEAKING_BODIES and (_human_or_body(root) or (
            root.pos_ == "PROPN" and root.ent_type_ not in ("ORG", "GPE", "NORP", "FAC")))
        anonymous = person and bool(ANONYMOUS.search(full.sent.text if full.sent else full.text))
        role = root.lemma_.lower() if person and root.pos_ == "NOUN" else None
        org_actor = self._actor_in(subject, ("org", "igo"))
        return Speaker(text, org_actor if not person else None, person, anonymous, role,
                       org.name if org else None, (org.country if org and org.country else state))

    def _is_state(self, subject: Span) -> bool:
        root = subject.root
        return any(re.fullmatch(r"[A-Z]{3}", m.actor_id) and m.char_start <= root.idx < m.char_end
                   for m in self._mentions_in(subject))

    def _back_reference(self, subject: Span) -> Speaker | None:
        """ "the researcher", "the spokesperson": the one introduced earlier with that head noun."""
        first = subject[0].lower_
        if first != "the" or any(t.pos_ == "PROPN" for t in subject):
            return None
        noun = subject.root.lemma_.lower()
        for speaker in reversed(self.history):
            if speaker.role == noun or re.search(rf"\b{re.escape(noun)}\b", speaker.text.lower()):
                return speaker
        return None

    def _same_sentence_person(self, pronoun: Token) -> Speaker | None:
        """ "Biden, who condemned what he called ...": a subject named earlier in the same sentence."""
        sent = pronoun.sent
        for mention in reversed(self.mentions):
            if sent.start_char <= mention.char_start < pronoun.idx:
                actor = self.actors.actor(mention.actor_id)
                span = pronoun.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
                if actor and actor.kind == "person" and span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                    return self._remember(self._build(span.text, span, span, actor.id))
        return None

    def named_before(self, verb: Token, quoted: list[tuple[int, int]] = ()) -> tuple[Span, Token] | None:
        """No subject in the parse: the person named just before the verb, with only an apposition, a
        parenthetical relative clause or quoted words between ("Albanese, who has said “...”, told reporters
        that ...": a quotation inside the clause is where the parser loses the subject)."""
        doc = verb.doc
        for mention in reversed(self.mentions):
            if not (verb.sent.start_char <= mention.char_start and mention.char_end <= verb.idx):
                continue
            actor = self.actors.actor(mention.actor_id)
            if actor is None or actor.kind != "person":
                continue  # a state named inside the clause does not stand between the person and the verb
            between = doc.char_span(mention.char_end, verb.idx, alignment_mode="contract")
            name = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            clause: set[int] = set()
            if name is not None and name.end + 1 < verb.i and doc[name.end].text == "," \
                    and doc[name.end + 1].lower_ in ("who", "whose", "which"):
                commas = [t.i for t in doc[name.end + 1 : verb.i] if t.text == ","]
                clause = set(range(name.end, commas[-1] + 1)) if commas else set()
            if between is not None and any(
                t.pos_ in ("VERB", "AUX") and t.i not in clause and not any(a <= t.idx < b for a, b in quoted)
                for t in between
            ):
                return None
            return (name, name.root) if name is not None else None
        return None

    def _person_mention_in(self, span: Span) -> tuple[str, Span, str] | None:
        for mention in reversed(self._mentions_in(span)):
            actor = self.actors.actor(mention.actor_id)
            found = span.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            if actor and actor.kind == "person" and found is not None:
                return found.text, found, actor.id
        return None

    def _nearest_person(self, pronoun: Token) -> Speaker | None:
        """ "he": the last person speaking, or a person named as a subject since then ("X spoke to reporters. He said")."""
        last = self._last(person=True)
        doc = pronoun.doc
        for mention in reversed(self.mentions):
            if mention.char_end > pronoun.idx or (last is not None and mention.char_start <= last.at):
                continue
            span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            actor = self.actors.actor(mention.actor_id)
            main_clause = span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.dep_ == "ROOT"
            if actor and actor.kind == "person" and main_clause:
                return self._remember(self._build(span.text, span, doc[span.root.left_edge.i : span.root.right_edge.i + 1], actor.id), span.start_char)
        return self._remember(last, pronoun.idx) if last is not None else None

    def _last(self, person: bool) -> Speaker | None:
        return next((s for s in reversed(self.history) if s.person == person), None)

    def _remember(self, speaker: Speaker, at: int | None = None) -> Speaker:
        speaker.at = max(speaker.at, at or 0)
        self.history.append(speaker)
        return speaker

    def _mentions_in(self, span: Span):
        return [m for m in self.mentions if span.start_char <= m.char_start and m.char_end <= span.end_char]

    def _actor_in(self, span: Span, kinds: tuple[str, ...]) -> str | None:
        for mention in self._mentions_in(span):
            actor = self.actors.actor(mention.actor_id)
            if actor and actor.kind in kinds:
                return actor.id
        return None

    def _by_name(self, text: str) -> str | None:
        for actor in self.actors.actors:
            if actor.kind == "person" and (text == actor.name or text in actor.name.split() or text in actor.aliases):
                return actor.id
        return None


def _human_or_body(token: Token) -> bool:
    """A word for a person by role ("researcher", a title) or for a body that speaks ("ministry")."""
    lemma = token.lemma_.lower()
    return lemma in HUMAN_NOUNS or lemma in SPEAKING_BODIES or lemma in titles() or token.lower_ in titles() or token.ent_type_ == "PERSON"
