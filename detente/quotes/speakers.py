"""Who is speaking: the subject of a reporting verb resolved to a source of a known kind.

Sources are people (named or described: "a senior Turkish security official"), groups of people ("analysts",
"people familiar with the talks"), organisations ("the Pentagon", "China's commerce ministry"), states ("Turkey
said ...", "Damascus said ..."), documents ("the lawsuit asserts ...") and outlets ("the magazine reported").
The kind is kept so that exports and the web app can filter by it. A dateline ("WASHINGTON"), a date or a place
is never a speaker.

A speaker is remembered so that later attributions that only point back at it ("he said", "the researcher
said", "it accused ...", "the statement said") resolve to the one named or described earlier; "the president"
resolves to the person the article gives that role. Descriptions keep their role, affiliation and country from
the mentions inside them, and are marked anonymous when the text says the source asked not to be named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from detente.actors import ActorResult
from detente.actors.names import leader_aliases
from detente.actors.resolve import titles
from detente.clean.datelines import story_dateline_end
from detente.nlp import doc_text
from detente.quotes.content import after_dateline, embedded
from detente.quotes.verbs import frames_of
from detente.tables import load_table, split_multi

PERSON = "person"
GROUP = "group"
ORGANISATION = "organisation"
STATE = "state"
DOCUMENT = "document"
OUTLET = "outlet"
KINDS = (PERSON, GROUP, ORGANISATION, STATE, DOCUMENT, OUTLET)

PERSON_PRONOUNS = {"he", "she", "him", "her"}  # "him": "quoted him as saying"
THING_PRONOUNS = {"it"}
GROUP_PRONOUNS = {"they", "them"}
RELATIVE = {"who", "that", "which"}
ANONYMOUS = re.compile(
    r"\b(on (the )?condition of anonymity|declined to be (named|identified)|asked not to be (named|identified)"
    r"|(was|is|were|are) not authori[sz]ed to (speak|talk)|anonymous|unnamed|requested anonymity)\b", re.I)
SPEAKING_BODIES = {"government", "ministry", "embassy", "guard", "force", "office", "agency", "department", "council",
                   "commission", "committee", "army", "military", "navy", "party", "parliament", "kremlin", "palace",
                   "house", "cabinet", "presidency", "secretariat", "administration", "mission", "delegation",
                   "command", "service", "authority", "court", "tribunal", "prosecutor", "coalition", "alliance",
                   "federation", "association", "union", "organisation", "organization", "observatory", "group",
                   "monitor", "centre", "center", "institute", "bank", "company", "firm", "pentagon", "police",
                   "junta", "regime", "movement", "network", "foundation", "board", "chamber", "senate", "congress",
                   "legislature", "assembly", "bureau", "directorate", "headquarters", "spokesman's office"}
DOCUMENT_NOUNS = {"statement", "report", "letter", "suit", "lawsuit", "complaint", "filing", "document", "memo",
                  "memorandum", "email", "e-mail", "resolution", "communique", "communiqué", "readout", "declaration",
                  "indictment", "ruling", "order", "note", "cable", "notice", "petition", "editorial", "article",
                  "post", "tweet", "transcript", "motion", "brief", "decree", "verdict", "judgment", "judgement",
                  "text", "draft", "bill", "proposal", "message", "affidavit", "testimony", "certification"}
OUTLET_NOUNS = {"newspaper", "magazine", "daily", "broadcaster", "television", "tv", "media", "outlet", "website",
                "tabloid", "channel", "weekly", "paper", "wire", "radio"}
# last words of newspaper names ("The Daily Telegraph", "the Chronicle")
MASTHEAD_WORDS = {"chronicle", "times", "post", "journal", "herald", "tribune", "gazette", "telegraph", "daily",
                  "inquirer", "examiner", "courier", "bulletin", "globe", "dispatch", "mirror", "express", "observer"}
# plural words for people that speak as a group ("both men", "both sides", "executives", "some")
GROUP_WORDS = {"people", "man", "woman", "side", "some", "many", "other", "member", "resident", "source", "witness",
               "critic", "supporter", "opponent", "protester", "rebel", "insurgent", "militant", "executive",
               "prosecutor", "investigator", "lawyer", "attorney", "authority", "leader", "expert", "analyst",
               "observer", "official", "diplomat", "lawmaker", "legislator", "activist", "advocate", "group",
               "worker", "farmer", "student", "villager", "settler", "voter", "economist", "scholar", "researcher",
               "adviser", "advisor", "aide", "negotiator", "officer", "soldier", "commander", "minister", "doctor",
               "organizer", "organiser", "participant", "survivor", "relative", "family", "democrat", "republican",
               "both", "they", "agency", "government", "country", "ally", "partner", "owner", "operator", "trader",
               "investor", "banker", "manager", "staff", "employee", "journalist", "reporter", "campaigner"}
HUMAN_NOUNS = {"researcher", "spokesperson", "spokesman", "spokeswoman", "analyst", "official", "expert", "diplomat",
               "scholar", "professor", "envoy", "source", "fellow", "officer", "activist", "lawmaker", "adviser",
               "advisor", "aide", "economist", "historian", "resident", "fisherman", "witness", "commander",
               "negotiator", "academic", "director", "journalist", "observer", "correspondent", "judge", "lawyer",
               "attorney", "prosecutor", "representative", "owner", "head", "chief", "founder", "chairman",
               "chairwoman", "chair", "president", "minister", "secretary", "ambassador", "general", "leader",
               "member", "candidate", "senator", "governor", "mayor", "premier", "monarch", "king", "queen", "prince",
               "person", "man", "woman", "worker", "farmer", "veteran", "doctor", "reporter", "editor", "executive",
               "sister", "brother", "wife", "husband", "son", "daughter", "mother", "father", "widow", "uncle", "aunt"}
# verbs that put words in someone's mouth: "quoted him as saying", "was cited as saying"
QUOTING = {"quote", "cite"}
# verbs whose object is a document its subject wrote ("sent a letter urging ...")
ISSUING = {"send", "write", "issue", "sign", "release", "publish", "deliver", "submit", "file", "pen", "post"}
# a role word and the titles it stands for in a later reference ("the premier" is the prime minister)
ROLE_SYNONYMS = {"premier": ("prime minister",), "diplomat": ("ambassador", "envoy"), "envoy": ("ambassador",),
                 "lawmaker": ("senator", "rep.", "representative", "congressman", "congresswoman", "mp")}
# nouns that can point back at whichever organisation spoke last ("the association", "the group")
GENERIC_BODIES = {"association", "federation", "organisation", "organization", "group", "body", "agency", "union",
                  "alliance", "coalition", "movement", "network", "foundation", "institute", "company", "firm"}
NOT_SPEAKERS = {"DATE", "TIME", "EVENT", "LAW", "LOC", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "PRODUCT",
                "WORK_OF_ART", "LANGUAGE"}


@dataclass
class Speaker:
    text: str  # as written (the first time); a named person's full name
    actor_id: str | None = None
    kind: str = PERSON  # one of KINDS
    anonymous: bool = False
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    channel: str | None = None  # how it last spoke ("in a statement"), so "the statement said" finds it
    at: int = 0  # where it was last used, so pronouns pick the nearest

    @property
    def person(self) -> bool:
        return self.kind in (PERSON, GROUP)


@cache
def _titles() -> frozenset[str]:
    return frozenset(titles())


@cache
def _outlet_names() -> frozenset[str]:
    names = set()
    for row in load_table("outlets.tsv"):
        names.add(row["name"].lower())
        names.update(a.lower() for a in split_multi(row.get("aliases", "")))
    return frozenset(names)


def subject_of(verb: Token) -> tuple[Span, Token] | None:
    """The subject phrase (without appositions and relative clauses) and its head token.

    Participles and conjoined verbs ("..., adding", "noted ... and stressed") borrow the subject of the
    reporting verb above them, else of the verb they hang from; a relative clause's "who" is its antecedent.
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:  # two subjects is a misparse of one long name ("Wikileaks editor-in-chief Kristinn Hrafnsson")
        child = _past_dateline(min(subjects, key=lambda c: abs(verb.i - c.i)))
        if child is None:
            return None
        if child.lower_ in RELATIVE and verb.dep_ == "relcl":
            return _trim(verb.head), verb.head
        return _trim(child), child
    if quoted_as(verb):  # "quoted him as saying", "Putin was quoted as saying": whom the words are put in the mouth of
        quoted = next((c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return (_trim(quoted), quoted) if quoted is not None else None
    if rootless(verb):
        return _trim(verb.head), verb.head  # "The Authority - which ... - called for ...": the parse found no main verb
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "relcl", "acl") and verb.head.i != verb.i:
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
                return _document_author(verb.head)  # "a letter from 11 lawmakers urging ..."
            if verb.dep_ == "acl":
                return None  # "resolutions declaring ...": a description of a thing, not an act of speech
            return (_trim(verb.head), verb.head) if verb.dep_ == "relcl" else None
        for ancestor in verb.ancestors:  # the reporting verb above ("said X, adding that Y")
            if ancestor.pos_ in ("VERB", "AUX") and frames_of(ancestor) and not embedded(ancestor):
                return subject_of(ancestor)
            if _reported_before(ancestor):  # "X sent a letter urging ..., the magazine reported": X urged
                return subject_of(ancestor)
        return subject_of(verb.head)
    return None


def _past_dateline(subject: Token) -> Token | None:
    """ "TALLINN, Estonia — Estonia's foreign minister said": a parse that makes the dateline the subject hangs the
    real one from it as an apposition; the place a story was filed from never speaks."""
    sent = subject.sent
    end = story_dateline_end(sent.text)
    if not end or subject.idx >= sent.start_char + end:
        return subject
    limit = sent.start_char + end
    return next((t for t in subject.subtree if t.dep_ == "appos" and t.idx >= limit and t.head.idx < limit), None)


def quoted_as(verb: Token) -> bool:
    """ "quoted him as saying", "was cited as saying": the verb of saying under a verb of quoting someone."""
    return (verb.dep_ == "pcomp" and verb.head.lower_ == "as"
            and verb.head.head.lemma_.lower() in QUOTING)


def _reported_before(clause: Token) -> bool:
    """A clause with its own subject reported by a verb after it ("Russia rejected the claim, saying ..., the
    ministry said"): a participle inside it belongs to that subject."""
    head = clause.head
    return (clause.dep_ in ("ccomp", "parataxis") and clause.i < head.i and bool(frames_of(head))
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children))


def rootless(verb: Token) -> bool:
    """A sentence the parser rooted on its subject noun, the verb hanging from it as a modifier."""
    return (verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
            and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN") and verb.i > verb.head.i)


def _document_author(noun: Token) -> tuple[Span, Token] | None:
    """ "a letter from 11 lawmakers urging ...", "X sent a letter urging ...": the letter's authors; with none
    named, no one."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return _trim(pobj), pobj
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ISSUING:
        return subject_of(noun.head)
    return None


def _trim(head: Token) -> Span:
    subtree = list(head.subtree)
    end = subtree[-1].i + 1
    for t in subtree:
        if t.i > head.i and (t.dep_ in ("relcl", "appos") or (t.dep_ == "acl" and t.tag_ != "VBN")
                             or t.text in (",", "—", "–", "(") or _adjunct(t)):
            end = t.left_edge.i if t.dep_ in ("relcl", "acl") and t.left_edge.i > head.i else t.i
            break
    while end - 1 > head.i and (head.doc[end - 1].text in ("(", ",", "-", "–", "—") or head.doc[end - 1].dep_ == "case"):
        end -= 1  # and a possessive "’s" ("the minister’s announcement that ...")
    start = min(after_dateline(head.doc, subtree[0].i, end), head.i)  # "KYIV, Ukraine — Ukraine's president said"
    while start < head.i and head.doc[start].is_punct:
        start += 1
    return head.doc[start:end]


def _adjunct(token: Token) -> bool:
    """ "the government through its embassy on June 21": how or when it spoke, not who."""
    if token.dep_ != "prep":
        return False
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    return token.lower_ in ("through", "via") or (pobj is not None and pobj.ent_type_ in ("DATE", "TIME"))


def is_dateline(subject: Span) -> bool:
    """ "WASHINGTON —", "VENICE, Italy (AP)": the place a story was filed from, never a speaker."""
    words = [t for t in subject if t.is_alpha]
    if words and all(t.text.isupper() and len(t.text) > 1 for t in words) and any(
            t.ent_type_ in ("GPE", "LOC") for t in subject):
        return True
    sent = subject.sent
    text = doc_text(subject.doc)
    before = text[sent.start_char : subject.start_char]
    after = text[subject.end_char : subject.end_char + 8]
    return not before.strip() and bool(re.match(r"\s*(\(\w+\)|[—–-]{1,2}\s)", after)) and subject.root.ent_type_ in ("GPE", "LOC")


def kind_of(subject: Span, actors: ActorResult, mentions: list) -> str | None:
    """The kind of source a subject phrase names, or None when it cannot speak ("the move", "last week")."""
    root = subject.root
    lemma = root.lemma_.lower()
    if root.ent_type_ in NOT_SPEAKERS or is_dateline(subject):
        return None
    if root.pos_ == "PRON":
        return None
    if root.pos_ == "PROPN" and root.lower_ in MASTHEAD_WORDS and subject[0].lower_ == "the":
        return OUTLET  # "The San Francisco Chronicle reported": a newspaper's name, whatever the NER made of it
    text = subject.text.lower().removeprefix("the ").strip()
    mentioned = [m for m in mentions if subject.start_char <= m.char_start and m.char_end <= subject.end_char]
    on_root = [m for m in mentioned if m.char_start <= root.idx < m.char_end]
    for mention in on_root:
        actor = actors.actor(mention.actor_id)
        if actor is None:
            continue
        if actor.kind == "person":
            return PERSON
        if actor.kind == "state":
            return STATE
        if actor.org_type == "media":
            return OUTLET
        if actor.kind in ("org", "igo"):
            return ORGANISATION
        if actor.kind == "group":
            return GROUP
    if root.pos_ == "PROPN" and len(subject) == 1 and root.text in leader_aliases():
        return PERSON  # "Lavrov said": an office-holder's short name, whatever label the model gave it
    if text in _outlet_names() or lemma in OUTLET_NOUNS or root.lower_ in OUTLET_NOUNS:  # "media" (lemma "medium")
        return OUTLET
    if lemma in DOCUMENT_NOUNS:
        return DOCUMENT
    if any(t.ent_type_ == "PERSON" and not _possessor(t, root) for t in subject) and root.tag_ not in ("NNS", "NNPS"):
        return PERSON  # not "Erdogan's office": a person's office speaks as a body
    if lemma in SPEAKING_BODIES or root.lower_ in SPEAKING_BODIES:
        return ORGANISATION
    plural = root.tag_ in ("NNS", "NNPS") or any(t.lower_ == "both" for t in subject) or (
        root.ent_type_ == "NORP" and root.lower_.endswith("s"))
    if plural:
        if lemma in GROUP_WORDS or lemma in _titles() or lemma in HUMAN_NOUNS or root.ent_type_ == "NORP":
            return GROUP
        return None
    if lemma in HUMAN_NOUNS or lemma in _titles() or root.lower_ in _titles():
        return PERSON
    if root.ent_type_ in ("ORG", "FAC", "NORP"):
        return ORGANISATION
    if root.ent_type_ == "GPE":
        return STATE
    if root.pos_ == "PROPN":
        return PERSON
    return None


def _possessor(token: Token, root: Token) -> bool:
    """Is the token inside a possessive on the root ("Erdogan's" in "Erdogan's office")?"""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


class SpeakerMemory:
    """Resolves subjects to speakers and remembers them for pronouns and back-references."""

    def __init__(self, actors: ActorResult, quoted: list[tuple[int, int]] = ()) -> None:
        self.actors = actors
        # a name inside quoted words is what the speaker talked about, not who is speaking
        self.mentions = sorted((m for m in actors.mentions if not any(a <= m.char_start < b for a, b in quoted)),
                               key=lambda m: m.char_start)
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
            return self._last((ORGANISATION, STATE, DOCUMENT, OUTLET))
        if lower in GROUP_PRONOUNS:
            return self._last((GROUP,), within=head.idx - 600)
        if head.pos_ == "PRON" and lower not in ("both", "some", "many", "others"):
            return None
        full = head.doc[head.left_edge.i : head.right_edge.i + 1]
        for appos in (c for c in head.children if c.dep_ == "appos"):  # "China's top diplomat, Wang Yi, ..."
            named = self._person_mention_in(head.doc[appos.left_edge.i : appos.right_edge.i + 1])
            if named is not None and not self._actor_in(subject, ("person",)):
                return self._remember(self._build(named[0], named[1], full, named[2], PERSON))
        kind = kind_of(subject, self.actors, self._mentions_in(subject))
        leader = self._led_by(head) if kind in (STATE, ORGANISATION) else None
        if leader is not None:  # "Beijing under President Xi promulgated ...": the leader speaks for it
            return self._remember(self._build(leader[0], leader[1], leader[1], leader[2], PERSON))
        if self._coordinated(subject) and kind in (PERSON, GROUP, None):
            return self._remember(Speaker(text, None, GROUP))  # "Vindman and Williams said": both of them
        unknown_name = kind == PERSON and subject.root.pos_ == "PROPN" and not self._actor_in(subject, ("person",))
        if (kind is None or unknown_name) and not _human_or_body(subject.root):
            inner = self._person_mention_in(full)
            if inner is not None:  # a misparse put the speaker inside the subject's modifiers
                return self._remember(self._build(inner[0], inner[1], inner[1], inner[2], PERSON))
        if kind is None:
            return None
        back = self._back_reference(subject, kind)
        if back is not None:
            return self._remember(back)
        actor_id = self._person_at(subject) if kind == PERSON else None
        actor_id = actor_id or (self._by_name(text) if kind == PERSON else None)
        if kind == PERSON and actor_id is None:
            actor_id = self._role_holder(subject)
        if kind == PERSON and actor_id is None and len(subject) == 1:
            earlier = next((s for s in reversed(self.history) if s.text.split()[-1] == text), None)
            if earlier is not None:  # "Abuza" after "Zachary Abuza, a professor ..."
                return self._remember(earlier)
        return self._remember(self._build(text, subject, full, actor_id, kind))

    def _build(self, text: str, subject: Span, full: Span, actor_id: str | None, kind: str) -> Speaker:
        actor = self.actors.actor(actor_id) if actor_id else None
        org_id = self._actor_in(full, ("org", "igo"))
        org = self.actors.actor(org_id) if org_id else None
        state = next((m.actor_id for m in self._mentions_in(full) if re.fullmatch(r"[A-Z]{3}", m.actor_id)), None)
        if actor is not None and actor.kind == "person":
            return Speaker(actor.name, actor.id, PERSON, False, actor.role,
                           actor.affiliation or (org.name if org else None), actor.country or (org.country if org else None))
        root = subject.root
        if kind == STATE:
            iso = next((m.actor_id for m in self._mentions_in(subject) if re.fullmatch(r"[A-Z]{3}", m.actor_id)), None)
            return Speaker(text, iso, STATE, False, None, None, iso)
        if kind in (ORGANISATION, OUTLET):
            own = self._actor_in(subject, ("org", "igo"))
            own_actor = self.actors.actor(own) if own else None
            return Speaker(text, own, kind, False, None, own_actor.name if own_actor else (org.name if org else None),
                           (own_actor.country if own_actor and own_actor.country else state))
        anonymous = kind in (PERSON, GROUP) and bool(ANONYMOUS.search(full.sent.text if full.sent else full.text))
        role = root.lemma_.lower() if kind in (PERSON, GROUP) and root.pos_ == "NOUN" else None
        return Speaker(text, None, kind, anonymous, role, org.name if org else None,
                       (org.country if org and org.country else state))

    def _back_reference(self, subject: Span, kind: str) -> Speaker | None:
        """ "the researcher", "the spokesperson", "the statement": the one introduced earlier with that head noun."""
        first = subject[0].lower_
        if first != "the" or any(t.pos_ == "PROPN" for t in subject):
            return None
        noun = subject.root.lemma_.lower()
        if kind == DOCUMENT:  # "the statement said": whoever spoke "in a statement"; "the department notice"
            issuer = next((s for s in reversed(self.history) if s.channel and noun in s.channel.lower()), None)
            bodies = [c.lower_ for c in subject.root.children if c.dep_ == "compound" and c.lemma_.lower() in SPEAKING_BODIES]
            named = next((s for s in reversed(self.history) if s.kind in (ORGANISATION, STATE)
                          and any(re.search(rf"\b{b}\b", s.text.lower()) for b in bodies)), None)
            return named or issuer
        for speaker in reversed(self.history):
            if speaker.kind != kind:
                continue
            if speaker.role == noun or re.search(rf"\b{re.escape(noun)}\b", speaker.text.lower()):
                return speaker
        if kind == ORGANISATION and noun in GENERIC_BODIES and len(subject) == 2:
            return self._last((ORGANISATION,), within=subject.start_char - 1500)  # "the association said"
        return None

    def _role_holder(self, subject: Span) -> str | None:
        """ "the president", "the Wikileaks founder": the person the article gives that role, named before."""
        if subject[0].lower_ != "the" or subject.root.ent_type_ == "PERSON":
            return None
        noun = subject.root.lemma_.lower()
        if noun not in _titles() and noun not in HUMAN_NOUNS:
            return None
        first_named: dict[str, int] = {}
        for m in self.mentions:
            first_named.setdefault(m.actor_id, m.char_start)
        words = {noun, *ROLE_SYNONYMS.get(noun, ())}
        holders = []
        for actor in self.actors.actors:
            if actor.kind != "person" or actor.id not in first_named or not actor.role:
                continue
            role = actor.role.lower()
            if any(re.search(rf"\b{re.escape(w)}\b", role) for w in words):
                before = first_named[actor.id] < subject.start_char
                title = any(role == w or role.endswith(" " + w) for w in words)  # "President" beats "president of X"
                holders.append((title, before, first_named[actor.id] if before else -first_named[actor.id], actor.id))
        return max(holders)[3] if holders else None  # a title, named before it, the latest; else the first after

    def _same_sentence_person(self, pronoun: Token) -> Speaker | None:
        """ "Biden, who condemned what he called ...": a subject named earlier in the same sentence."""
        sent = pronoun.sent
        for mention in reversed(self.mentions):
            if sent.start_char <= mention.char_start < pronoun.idx:
                actor = self.actors.actor(mention.actor_id)
                span = pronoun.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
                if actor and actor.kind == "person" and span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
                    return self._remember(self._build(span.text, span, span, actor.id, PERSON))
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
        last = self._last((PERSON,))
        doc = pronoun.doc
        for mention in reversed(self.mentions):
            if mention.char_end > pronoun.idx or (last is not None and mention.char_start <= last.at):
                continue
            span = doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            actor = self.actors.actor(mention.actor_id)
            root = span.root if span is not None else None
            if root is not None and root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass") \
                    and root.ent_type_ == "PERSON":
                root = root.head  # "Mr. Trump's tendency ... He ...": the possessor of the subject
            main_clause = root is not None and root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"
            if actor and actor.kind == "person" and main_clause:
                described = doc[span.root.left_edge.i : span.root.right_edge.i + 1]
                return self._remember(self._build(span.text, span, described, actor.id, PERSON), span.start_char)
        return self._remember(last, pronoun.idx) if last is not None else None

    def _last(self, kinds: tuple[str, ...], within: int | None = None) -> Speaker | None:
        found = next((s for s in reversed(self.history) if s.kind in kinds), None)
        if found is not None and within is not None and found.at < within:
            return None
        return found

    def _remember(self, speaker: Speaker, at: int | None = None) -> Speaker:
        speaker.at = max(speaker.at, at or 0)
        self.history.append(speaker)
        return speaker

    def _person_at(self, subject: Span) -> str | None:
        """The person a subject names: the mention on its head ("Beblawi attorney Timothy Broas" is Broas)."""
        people = [(m, self.actors.actor(m.actor_id)) for m in self._mentions_in(subject)]
        people = [(m, a) for m, a in people if a is not None and a.kind == "person"]
        root = subject.root
        on_root = [a.id for m, a in people if m.char_start <= root.idx < m.char_end]
        if on_root:
            return on_root[0]
        return people[-1][1].id if people and root.pos_ == "PROPN" else None  # "X's source" is not X

    def _led_by(self, head: Token) -> tuple[str, Span, str] | None:
        """The person named in "X under <person>" ("the government under Prime Minister Y")."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "under"):
            found = self._person_mention_in(head.doc[prep.i : prep.right_edge.i + 1])
            if found is not None:
                return found
        return None

    @staticmethod
    def _coordinated(subject: Span) -> bool:
        """ "Vindman and Williams": two or more named sources speaking together."""
        root = subject.root
        return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in root.children) and root.pos_ == "PROPN"

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
    return (lemma in HUMAN_NOUNS or lemma in SPEAKING_BODIES or lemma in _titles() or token.lower_ in _titles()
            or token.ent_type_ == "PERSON")
