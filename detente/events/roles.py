"""Reading triggers and their participants off the dependency parse.

A trigger is a lexicon verb or noun (``data/event_lexicon.tsv``); its source is the subject (climbing through
"agreed to join", "refused to sign"), the agent ("signed by X"), a relative clause's antecedent ("Xi, who visited")
or a noun's possessor ("Xi's visit"); its target the objects and prepositional phrases, without comparisons
("the same level as those with China") or clauses of their own.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from detente.actors.lexicon import cities
from detente.events.ontology import Trigger, plover_info, triggers
from detente.events.status import INTENTION_NOUNS, event_status, governing_words, to_infinitive
from detente.quotes.verbs import frames_of

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Verbs whose object, not subject, does what their infinitive says ("forced Manila to decide", "urged Seoul to join")
OBJECT_CONTROL = {"force", "compel", "urge", "ask", "persuade", "press", "pressure", "invite", "allow", "oblige",
                  "encourage", "push", "tell", "order", "call",
                  # causing someone to act: "the threat prompted Mexico to make concessions"
                  "prompt", "lead", "drive", "spur", "prod", "induce", "convince", "cause",
                  # wanting someone to act: "Beijing wants Trump to eliminate the tariffs"
                  "want", "wish", "like", "need", "expect"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
OBJECT_PREPS = {"to", "with", "against", "on", "at", "from", "between", "toward", "towards", "into", "in", "for"}


def match_trigger(token: Token) -> tuple[Trigger, int] | None:
    """The longest lexicon trigger starting at ``token``; returns it and its length in tokens."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    for trig in triggers().get((token.lemma_.lower(), pos), []):
        words = trig.phrase.split()
        following = [t.lemma_.lower() for t in token.doc[token.i : token.i + len(words)]]
        if following == words:
            if trig.objects and not _has_object(token, trig.objects):
                continue
            return trig, len(words)
    return None


def _has_object(token: Token, objects: frozenset[str]) -> bool:
    """One of ``objects`` is what the trigger takes: its object, complement or noun's own words; a possessor inside
    the object is not ("welcomed the president" is a visit, "welcomed the president's statement" is not)."""
    owned = {g.i for c in token.children if c.dep_ == "dobj" for p in c.subtree if p.dep_ == "poss" for g in p.subtree}
    near = list(token.children) + [g for c in token.children if c.dep_ in ("prep", "dobj", "xcomp", "acl")
                                   for g in c.subtree if g.i not in owned]
    if token.dep_ in ("acl", "relcl", "amod"):
        near.append(token.head)
    if token.pos_ == "NOUN":
        near.extend(token.subtree)
    if "@place" in objects and any(t.ent_type_ in ("GPE", "LOC", "FAC") or _bare_place_name(t)
                                   for c in token.children if c.dep_ == "dobj" for t in c.subtree):
        return True
    if "@state" in objects and any(c.dep_ == "dobj" and _state_name(c) for c in token.children):
        return True
    return any(_object_forms(t) & objects for t in near)


def _state_name(token: Token) -> bool:
    """A state's name or a city standing for it ("warned Kyiv"), which the tagger may leave untagged."""
    return token.ent_type_ == "GPE" or (token.pos_ == "PROPN" and not token.ent_type_ and token.text in cities())


def _bare_place_name(token: Token) -> bool:
    """A one-word proper name the tagger calls an organisation but that is no person or acronym ("seized Crimea")."""
    return token.pos_ == "PROPN" and token.ent_type_ == "ORG" and token.dep_ == "dobj" and not token.text.isupper() \
        and not any(c.dep_ == "compound" for c in token.children)


def _object_forms(token: Token) -> set[str]:
    """Lemma and bare forms: the tagger leaves names' plurals alone ("the Camp David Accords" has lemma "Accords")."""
    lower = token.lower_
    return {token.lemma_.lower(), lower, lower[:-1] if lower.endswith("s") else lower}


# Verbs that send a message to someone: a participle hung on the addressee ("wrote to the minister urging ...") is
# the message's, so its doer is the sender
SENDING_VERBS = {"send", "write", "deliver", "hand", "address", "submit", "pass", "present", "forward"}
# verbs whose object is a text that acts for its author: "issued a statement condemning", "adopted a resolution urging"
ISSUING_VERBS = {"issue", "release", "publish", "adopt", "pass", "sign", "send", "deliver", "make", "write"}


# what "by" places an act beside rather than names its doer: "fighting by the border"
BESIDE_NOUNS = {"border", "frontier", "side", "river", "sea", "coast", "shore", "road", "lake", "line", "bank"}


def subject_tokens(verb: Token) -> list[Token]:
    """The subject of ``verb``, climbing through "agreed to join", "refused to sign", "expected to attend"."""
    if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "pobj") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        by = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
              and not any(o.lemma_.lower() in BESIDE_NOUNS for o in c.children if o.dep_ == "pobj") for g in c.subtree]
        if by:  # a gerund used as a noun names its doer with "by": "killed in shelling by Syrian forces"
            return by
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.subtree]
        if agents:
            return agents
        relative = node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON")
        if subjects and not (relative and all(s.lower_ in RELATIVE_PRONOUNS for s in subjects)):
            return [t for s in subjects for t in s.subtree]
        if relative and node.tag_ == "VBG" and node.head.dep_ == "pobj" and node.head.head.lower_ == "to" \
                and node.head.head.head.lemma_.lower() in SENDING_VERBS:
            node = node.head.head.head  # "sent a letter to Egypt's ambassador urging Egypt to halt": the sender urges
            continue
        if relative and node.tag_ == "VBG" and node.head.dep_ == "dobj" and node.head.head.lemma_.lower() in ISSUING_VERBS:
            node = node.head.head  # "issued a statement supporting Azerbaijan": the issuer supports
            continue
        if relative:
            noun = node.head
            if noun.dep_ == "attr":  # "Sadat became the first leader to visit Israel"
                return subject_tokens(noun.head)
            if subjects or node.dep_ == "relcl" or not any(c.dep_ == "auxpass" for c in node.children):
                clause = {t.i for t in node.subtree}
                return [t for t in noun.subtree if t.i not in clause]  # "Xi, who visited Hanoi", "the first leader to visit"
            return []  # "documents signed by X": handled by the agent above
        if node.dep_ == "pcomp" and node.head.lower_ == "for" and node.head.head.pos_ == "VERB" and (
                judged := [c for c in node.head.head.children if c.dep_ == "dobj"]):
            return [t for c in judged for t in c.subtree]  # "condemned Turkey for shooting down the jet": Turkey shot
        if node.head.lemma_.lower() in OBJECT_CONTROL and (node.dep_ == "xcomp" or (
                node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children))):
            # (the parse may hang the infinitive as an adverbial clause: "pushed Japan to impose sanctions")
            controller = [c for c in node.head.children if c.dep_ == "dobj"]
            if controller:  # "force Manila to decide": the object does the deciding
                return [t for c in controller for t in c.subtree]
        if node.dep_ == "conj" and node.tag_ in ("VB", "VBP") and node.head.tag_ == "VBN" \
                and node.head.dep_ == "ccomp" and not any(c.dep_ == "aux" for c in node.children) \
                and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in node.head.children):
            node = node.head.head  # "businesses agree that China has taken advantage ... and support X": a present
            continue  # verb cannot share "has"; it is coordinated with the clause above
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head != node:
            node = node.head
            continue
        if node.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
                and node.head != node:
            node = node.head  # "decide whether to ask": an infinitive's subject is its head's
            continue
        if node.dep_ == "acomp" and node.head != node:  # "was due to announce", "is ready to sign": the copula's subject
            node = node.head
            continue
        prep = _gerund_prep(node)
        if prep is not None:  # "clashed in 1988 before normalizing ties": the gerund's subject is the clause's
            node = prep.head
            continue
        break
    return []


def _gerund_prep(verb: Token) -> Token | None:
    """The preposition of a verb's own clause that a gerund hangs from ("before normalizing ties", "after signing
    the deal"; the parser may read the gerund as a modifier of its object)."""
    if verb.tag_ != "VBG":
        return None
    node = verb.head if verb.dep_ == "amod" and verb.head.dep_ == "pobj" else verb
    if node.dep_ not in ("pcomp", "pobj") or node.head.dep_ != "prep":
        return None
    prep = node.head
    return prep if prep.head.pos_ in ("VERB", "AUX") and prep.head.i != prep.i else None


GENERIC_HEADS = {"mission", "effort", "bid", "process", "initiative", "attempt", "operation", "campaign", "round"}
VENUE_NOUNS = {"summit", "meeting", "forum", "conference", "ministerial", "talks", "session", "gathering", "congress"}
COMPARISON_PREPS = {"as", "than", "like", "unlike"}


def phrase_tokens(token: Token) -> list[Token]:
    """A phrase without its comparisons and clauses: "the same level as those with China" is not about China."""
    out: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children
                     if not (c.dep_ == "prep" and c.lower_ in COMPARISON_PREPS) and c.dep_ not in ("relcl", "acl", "advcl", "xcomp"))
    return sorted(out, key=lambda t: t.i)


# Nouns naming somebody's act, reacted to ("condemned the move announced by Pompeo"): its doer is the reaction's target
MOVE_NOUNS = frozenset({"move", "decision", "step", "policy", "plan", "announcement", "action", "measure", "shift",
                        "declaration", "statement", "remark", "comment", "proposal"})


def _doer_of_move(noun: Token) -> list[Token]:
    """"the move announced on Monday by Pompeo": the agent of a participle describing a move noun; "over its
    decision to ..., while Israel's premier cheered the move": a bare "the move" is the one owned earlier in the
    sentence."""
    if noun.lemma_.lower() not in MOVE_NOUNS:
        return []
    agents = [t for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
              for a in c.children if a.dep_ == "agent" for t in a.subtree]
    if agents or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children) \
            or any(c.dep_ in ("poss", "compound") for c in noun.children):
        return agents
    for earlier in reversed(noun.doc[noun.sent.start : noun.i]):
        owners = [c for c in earlier.children if c.dep_ == "poss"]
        if earlier.lemma_.lower() in MOVE_NOUNS and owners:
            return [t for o in owners for t in o.subtree]
    return []


def object_tokens(head: Token) -> list[Token]:
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd"):
            found.extend(phrase_tokens(child))
            found.extend(_doer_of_move(child))
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and not (
                child.lower_ == "for" and any(c.tag_ == "VBG" for c in child.children)):
            found.extend(phrase_tokens(child))  # (but "for attacking X" is the reason, X not the act's aim)
            found.extend(t for o in child.children if o.dep_ == "pobj" for t in _doer_of_move(o))
    if _wanting(head):
        found.extend(_wanted_doer(head))  # "wants Trump to eliminate ...": Trump is asked
    else:
        found.extend(obliged_doer(head))  # "said on Tuesday that Sudan must return ...": Sudan is asked
    if not found:
        for child in head.children:
            if child.dep_ == "xcomp":  # "agreed to join the alliance"
                found.extend(object_tokens(child))
    return found


# nouns that count or bundle acts: "a package of sanctions", "a new round of talks", "a series of strikes"
COLLECTIVE_NOUNS = frozenset({"package", "round", "set", "series", "wave", "raft", "batch", "slew", "string", "number",
                              "list", "spate", "flurry", "volley", "barrage"})


# Nouns whose "of" names their content, an act of their own author: "the threat of US tariffs", "a warning of
# Russian retaliation" (against "the invasion of Ukraine", "criticism of China", where "of" names the target)
CONTENT_NOUNS = {"threat", "warning", "spectre", "specter"}


def content_of_threat(token: Token) -> bool:
    """An act named as the content of a threat ("the threat of tariffs", "threats of military action"): the threat
    is the act; the threatened measure has not been taken."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in CONTENT_NOUNS


# What a participle describing an act noun aims it at: "sanctions imposed on Russia", "attacks launched against Kyiv"
PARTICIPLE_TARGET_PREPS = {"against", "on", "to", "toward", "towards", "upon"}


# Armed forces: a state's forces that an act noun moves ("withdrawal of US troops") are the state acting
FORCE_NOUNS = {"troop", "force", "soldier", "army", "military", "navy", "warship", "personnel", "peacekeeper",
               "marine", "unit", "contingent", "battalion", "brigade"}


# Verbs by which their subject enters the act named after "to"/"in": "commit to a meeting", "take part in talks"
JOINING_VERBS = {"commit", "agree", "consent", "return", "participate", "engage", "join", "proceed", "part", "resort"}


def noun_roles(noun: Token, from_is_source: bool = False) -> tuple[list[Token], list[Token]]:
    """Source and target tokens around an event noun: "X's visit to Y", "a visit to Y by X", "talks between X and Y";
    with ``from_is_source``, "criticism from X", "pressure from X" (not "a withdrawal from X")."""
    source: list[Token] = []
    target: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
            source.extend(child.subtree)
        elif child.dep_ == "prep" and (child.lower_ == "by" or (from_is_source and child.lower_ == "from")):
            source.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            target.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of" and noun.lemma_.lower() in CONTENT_NOUNS:
            source.extend(child.subtree)  # "the threat of US tariffs": what is threatened is the threatener's
        elif child.dep_ == "prep" and child.lower_ == "of" and (forces := [
                o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in FORCE_NOUNS]):
            # "the withdrawal of US troops", "the deployment of Russian forces": the state whose forces they are acts;
            # what else the phrase names is the act's aim ("of some invasion forces from Panama")
            owner = {t.i for o in forces for c in o.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                     for t in c.subtree}
            source.extend(t for t in child.subtree if t.i in owner)
            target.extend(t for t in child.subtree if t.i not in owner)
        elif child.dep_ == "prep" and child.lower_ == "of":
            target.extend(child.subtree)
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "the strikes launched by Israel against Gaza"
            for grand in child.children:
                if grand.dep_ == "agent":
                    source.extend(grand.subtree)
                elif grand.dep_ == "prep" and grand.lower_ in PARTICIPLE_TARGET_PREPS:
                    target.extend(grand.subtree)
        elif child.dep_ == "relcl" and not any(c.dep_ == "conj" and noun.i < c.i < child.i for c in noun.children) \
                and (doer := _relative_doer(child)):
            # (a clause after a coordinated noun is that noun's: "talks but attacks which the regime carries out")
            source.extend(doer)  # "a tariff that the administration had planned to impose": the clause's subject,
            target.extend(t for c in child.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                          for t in c.subtree)  # and its aim ("the visit that Macron made to Beijing")
        elif reduced_relative(child):  # "a treaty the two countries signed": the parser's apposition is the signers
            clause = {t.i for c in child.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
            source.extend(t for t in child.subtree if t.i not in clause)
    head = noun
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in COLLECTIVE_NOUNS:
        head = head.head.head  # "adopted a new package of sanctions": the package is what the verb takes
    if not source and head.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        source = subject_tokens(head.head) if head.dep_ in ("dobj", "attr") and not reaction_verb(head.head, head) else []
    elif not any(t.ent_type_ for t in source) and head.dep_ == "pobj" and head.head.dep_ == "prep" \
            and head.head.lower_ in ("to", "in") and head.head.head.lemma_.lower() in JOINING_VERBS:
        # "reluctant to commit to a meeting", "agreed to talks", "resorted to military provocations": the subject's
        source = source + subject_tokens(head.head.head)
    return source, target


REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT", "PROTEST"}


def reaction_verb(verb: Token, noun: Token) -> bool:
    """A verb of judging another's act ("protested the sanctions", "welcomed the visit", "rejected the offer"): the
    act it takes is not its subject's; unless the verb only voices the noun ("voiced opposition", "lodged a protest")."""
    matched = match_trigger(verb) if verb.pos_ == "VERB" else None
    return matched is not None and matched[0].type in REACTION_TYPES and not (
        matched[0].objects and _object_forms(noun) & matched[0].objects)


def _relative_doer(clause: Token) -> list[Token]:
    """The subject of a relative clause that has the noun as its object ("the sanctions that Washington imposed",
    "a tariff which the administration planned to impose"), not one whose subject is the noun ("talks that began")."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.lower_ in RELATIVE_PRONOUNS for s in subjects) or clause.pos_ not in ("VERB", "AUX"):
        return []
    return [t for s in subjects for t in s.subtree]


def reduced_relative(child: Token) -> bool:
    """"a security treaty the two countries signed in 1960": a relative clause without "that", which the parser reads
    as an apposition ("the two countries") carrying a verb; the apposition is the clause's subject."""
    return child.dep_ == "appos" and child.i > child.head.i and any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > child.i and c.tag_ in ("VBD", "VBN") for c in child.children) \
        and any(c.dep_ == "det" for c in child.children)


NAMED_CONFLICTS = {"war", "conflict", "crisis", "revolution", "uprising"}
ALLEGING_VERBS = {"accuse", "allege", "blame", "claim"}
DENYING_VERBS = {"deny", "dismiss"}


def _complement_of(token: Token) -> Token:
    """The first of a run of coordinated verbs ("restore ... and reopen"): it carries the run's dependency."""
    node = token
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node


def _named_or_alleged(token: Token, trig: Trigger) -> bool:
    """Not an event of this sentence: a named historical period ("the Cold War", "the Korean War") or the content
    of an accusation or denial ("accused a Philippine vessel of ramming", "denied it had any plan to invade"), which
    the ACCUSE or REJECT event itself stands for."""
    if trig.pos == "NOUN" and token.lemma_.lower() in NAMED_CONFLICTS and token.text[:1].isupper() \
            and token.i > token.sent.start:
        return True
    node = token
    for _ in range(6):
        if node.head == node:
            break
        if node.dep_ in ("pcomp", "ccomp", "xcomp", "acl", "pobj", "prep", "conj", "dobj") or node.head.pos_ != "VERB":
            if node.head.lemma_.lower() in ALLEGING_VERBS and node.head != token and node.dep_ != "conj":
                return True
            node = node.head
            continue
        break
    return False


STATE_PREPS = {"at"}  # "still at war", "at peace": a standing condition, not an act
ALTERNATIVE_WORDS = {"rather", "instead"}  # "an armistice rather than a peace treaty": the treaty never happened
COMMENT_VERBS = {"describe", "call", "comment", "say", "name", "label", "characterise", "characterize", "confirm",
                 "discuss", "speculate", "elaborate", "identify", "specify", "term"}
REFUSING_VERBS = {"decline", "refuse"}
FRAME_PREPS = {"under"}
# Verbs whose object is a goal: "seek agreement", "pursue a deal", "push for an accord", "hope for a treaty"
GOAL_VERBS = {"seek", "pursue", "want", "hope", "push", "aim", "strive", "press", "call"}
ENDING_VERBS = {"end", "lift", "ease", "scrap", "remove", "suspend", "halt", "stop", "overcome", "withhold"}
DEMAND_VERBS = {"ask", "urge", "call", "press", "pressure", "demand", "request", "appeal", "implore", "exhort",
                "invite", "apply"}  # "applied to join the alliance", "applied for membership": asked to be admitted
# Nouns of demand: what they ask for is their content, not an act ("Trump's request to the president to investigate")
DEMAND_NOUNS = {"request", "demand", "call", "appeal", "plea", "order", "ultimatum", "invitation", "pressure"}
OFFER_NOUNS = {"proposal", "offer", "suggestion", "proposition"}  # "a Russian proposal to resume talks"
# Nouns of want or need: what they are "for" is wanted, not done ("stressed the need for talks", "hopes for a deal")
NEED_NOUNS = {"need", "necessity", "hope", "desire", "appetite", "push", "quest", "wish", "case", "argument"}


# Verbs of wanting: what their subject wants to do is a wish, not an act ("they want to make a deal"); what it
# wants another to do is a demand, coded by the lexicon where a demand verb says so
DESIRE_VERBS = {"want", "wish", "hope", "desire", "like", "love", "prefer"}
DESIRE_FORMS = DESIRE_VERBS | {f + e for f in ("want", "wish") for e in ("s", "es", "ed", "ing")} | {
    "hopes", "hoped", "hoping", "likes", "liked", "desires", "desired", "prefers", "preferred"}  # the lemmatizer's "hop"


def demanded(token: Token) -> bool:
    """The trigger is what someone is asked or urged to do ("will ask the ICC to open an investigation", "urged
    Tehran to release the sailors", "said Sudan must return the helicopter"): the demand is the act (REAL-DEV.md 7),
    its content is not one of its own."""
    chain = governing_words(token)
    if chain[-1] in _obliging_clauses(chain[-1].head):  # the chain stops below a clause with its own subject
        return True
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in DEMAND_VERBS and not any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in top.children):
        return True  # "demanded that its partners refuse to recognize Albania": what is demanded is not done (but
        # "asked whether Biden withheld aid" asks about an act)
    return any(node.pos_ == "VERB" and (
        (below.dep_ in ("xcomp", "ccomp") and (node.lemma_.lower() in DEMAND_VERBS or wants_of_another(node)))
        # what is called for, or what the invited or asked come for: "called for talks", "invited Kristersson to
        # Budapest for talks", "... to negotiate"
        or (node.lemma_.lower() in DEMAND_VERBS and (
            (below.dep_ == "prep" and below.lower_ == "for")
            or (below.dep_ == "advcl" and to_infinitive(below) and any(c.dep_ in ("dobj", "dative") for c in node.children)))))
        for below, node in pairwise(chain))


CONDITION_NOUNS = {"condition", "precondition", "prerequisite", "demand", "request"}


def _asked_for(noun: Token) -> bool:
    """An act noun that is what a request asks for: the object of a verb of asking ("sought an apology", "requested
    aid", "demanded compensation") or set beside the conditions or demands it spells out ("two conditions - an
    apology and compensation")."""
    node = noun
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ == "dobj" and node.head.pos_ == "VERB":
        matched = match_trigger(node.head)
        if matched is not None and matched[0].type == "REQUEST":
            return True
    return node.dep_ == "appos" and node.head.lemma_.lower() in CONDITION_NOUNS


# Modals by which a speaker lays an obligation on another: "Russia said Sudan must return the helicopter", "China
# said the United States should stop interfering" (a demand, REAL-DEV.md 7)
OBLIGING_MODALS = {"must", "should"}
OBLIGING_VERBS = {"have", "need"}  # "China has to make a deal", "Tehran needs to release them"


def _obliging_clauses(verb: Token) -> list[Token]:
    """The content clauses of a verb of saying that lay an obligation on a named subject (not a pronoun, which is
    often the speaker itself: "said it must act")."""
    if verb.pos_ != "VERB" or "clause" not in frames_of(verb):
        return []
    found = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(s.dep_ == "nsubj" and s.pos_ != "PRON" for s in clause.children):
            continue
        if any(a.dep_ == "aux" and a.lower_ in OBLIGING_MODALS for a in clause.children) or _has_to(clause):
            found.append(clause)
    return found


def _has_to(verb: Token) -> bool:
    """"has to make", "needs to release", "is going to have to make": an obligation, through a chain of xcomps."""
    for _ in range(3):
        if verb.lemma_.lower() in OBLIGING_VERBS and any(x.dep_ == "xcomp" and to_infinitive(x) for x in verb.children):
            return True
        verb = next((x for x in verb.children if x.dep_ == "xcomp"), None)
        if verb is None:
            return False
    return False


def obliged_doer(verb: Token) -> list[Token]:
    """The one a speaker says must act ("Russia said Sudan must return the helicopter": Sudan is asked)."""
    return [t for clause in _obliging_clauses(verb) for s in clause.children if s.dep_ == "nsubj" for t in s.subtree]


def wants_of_another(verb: Token) -> bool:
    """"Beijing wants Trump to eliminate the tariffs": wanting another to act is a demand (REAL-DEV.md 7)."""
    return _wanting(verb) and (
        (any(c.dep_ == "dobj" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children))
        or bool(_wanted_doer(verb)))


def _wanted_doer(verb: Token) -> list[Token]:
    """The one wanted to act when the parser reads "wants Trump to eliminate" as a clause with its own subject."""
    return [t for c in verb.children if c.dep_ == "ccomp" and to_infinitive(c)
            for s in c.children if s.dep_ == "nsubj" for t in s.subtree]


def _wanting(verb: Token) -> bool:
    """A verb of wanting (the lemmatizer reads "hopes" as "hop", so its forms are matched too)."""
    return verb.pos_ == "VERB" and (verb.lemma_.lower() in DESIRE_VERBS or verb.lower_ in DESIRE_FORMS)


def desired(token: Token) -> bool:
    """The trigger is what its own subject wants to do: "They want to make a deal", "would like to visit Beijing"."""
    chain = governing_words(token)
    for below, node in pairwise(chain):
        if below.dep_ == "xcomp" and _wanting(node) and not any(c.dep_ == "dobj" for c in node.children):
            return True
    return False


# Verbs that name a street protest only when they take no object: "thousands demonstrated outside the embassy", not
# "as demonstrated by his departure", "demonstrated its resolve", "rallied support"
INTRANSITIVE_PROTESTS = {"demonstrate", "rally", "march"}


def not_an_act(token: Token, trig: Trigger) -> bool:
    """A trigger word that names no act: a state ("at war"), a rejected alternative ("rather than a treaty"), a
    refusal to comment ("declined to describe it as an invasion": declining to use a word is no REJECT), the content
    of a threat ("the threat of tariffs") or a protest verb in its sense of showing ("as demonstrated by")."""
    if trig.pos == "NOUN" and trig.type != "THREATEN" and content_of_threat(token):
        return True
    if desired(token):
        return True
    if demanded(token):
        return True
    if trig.pos == "NOUN" and _asked_for(token):
        return True  # "Erdogan has long sought an apology", "two conditions - an apology and compensation": wanted
    if any(n.dep_ == "acl" and n.head.lemma_.lower() in DEMAND_NOUNS | OFFER_NOUNS and to_infinitive(n)
           and not _in_order_to(n.head) for n in governing_words(token)):
        return True  # "the request to investigate", "calls to withdraw", "a proposal to resume talks": the demand
        # or offer is the act; what it would have done is not one
    if trig.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for" \
            and token.head.head.lemma_.lower() in NEED_NOUNS | DEMAND_NOUNS:
        return True  # "the need for more talks", "calls for sanctions", "hopes for a deal": wanted, not done
    if trig.pos == "NOUN" and trig.type == "THREATEN" and token.dep_ == "attr" and token.head.lemma_.lower() == "be":
        return True  # "the street battles are an existential threat to the regime": a judgement, not a threat made
    if trig.pos == "NOUN" and token.lower_ == "protests" and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.i > token.i and c.lower_ in ("by", "from", "to", "with"))
            for c in token.children) \
            and not (token.dep_ == "dobj" and token.head.lemma_.lower() in PROTEST_VERBS):
        return True  # "Hong Kong protests", "amid protests": people demonstrating (but "Japan's protests to China")
    if trig.pos == "NOUN" and trig.type == "REQUEST" and any(
            c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and o.lemma_.lower() in PRESS_ASKS
                                                         for o in c.children) for c in token.children):
        return True  # "did not respond to requests for comment": a reporter's question, not a state's request
    if trig.pos == "NOUN" and trig.type == "ACCUSE" and token.dep_ in ("dobj", "pobj") \
            and any(c.dep_ == "det" and c.lower_ in ("these", "this", "those", "such") for c in token.children):
        return True  # "rejected these accusations": the accusation reported before, not a new one
    if trig.pos == "VERB" and token.lemma_.lower() in INTRANSITIVE_PROTESTS and any(
            c.dep_ in ("dobj", "ccomp", "nsubjpass", "auxpass", "agent") for c in token.children):
        return True
    if trig.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in STATE_PREPS \
            and not any(c.dep_ in ("det", "poss") for c in token.children):
        return True
    if trig.pos == "NOUN" and token.dep_ == "pobj" and (
            (token.head.lower_ == "than" and any(t.lower_ in ALTERNATIVE_WORDS for t in token.doc[max(0, token.head.i - 1): token.head.i]))
            or (token.head.lower_ == "of" and token.head.i > 0 and token.doc[token.head.i - 1].lower_ == "instead")):
        return True
    if trig.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in FRAME_PREPS \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) \
            and not any(c.dep_ in ("prep", "relcl", "acl", "amod", "compound", "nummod", "poss") for c in token.children):
        return True  # "Under the deal, the ministers will meet": the frame of what follows, an agreement named before
    if trig.pos == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in ENDING_VERBS \
            and not any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children):  # "the tariffs imposed on Sept. 1"
        return True  # "ending a long freeze on contacts", "lifted the embargo": the ending is the news, not the freeze
    if trig.pos == "NOUN" and trig.type == "AGREE" and (
            (token.dep_ == "dobj" and token.head.lemma_.lower() in GOAL_VERBS)
            or (token.dep_ == "pobj" and token.head.head.lemma_.lower() in GOAL_VERBS)):
        return True  # "met to seek agreement", "talks pursuing a deal", "push for an accord": a goal, not an agreement
    if any(n is not token and n.lemma_.lower() in INTENTION_NOUNS and any(c.dep_ == "det" and c.lower_ == "any" for c in n.children)
           for n in governing_words(token)) and event_status(token) != "denied":
        # "opposition to any effort by China to alter the status quo through pressure": no act at all (but "denied
        # it had any plan to invade" is the denied invasion)
        return True
    if trig.pos == "VERB" and token.lemma_.lower() in ASSERTING_DEMANDS and asserts(token):
        return True  # "Turkey has insisted it seeks no conflict": a claim, not a demand
    if trig.pos == "NOUN" and plover_info(trig.type).quad.endswith("cooperation") and _opposed(token):
        return True  # "rejected an offer of direct talks", "is opposed to French mediation": never took place
    return token.lemma_.lower() in REFUSING_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS for c in token.children)


# Verbs by which a state makes a protest: "lodged protests with Beijing"
PROTEST_VERBS = {"lodge", "file", "make", "send", "deliver", "issue", "voice", "register", "submit", "express"}
# What reporters ask for: "a request for comment", "requests for an interview"
PRESS_ASKS = {"comment", "comments", "interview", "reaction"}


def _in_order_to(noun: Token) -> bool:
    """"in order to": a purpose, not an order."""
    return noun.lower_ == "order" and noun.dep_ == "pobj" and noun.head.lower_ == "in"


# Verbs whose object is turned down or forbidden: what is rejected, opposed or banned (an offer of talks, a mediation,
# aid to rebels) did not happen
OPPOSING_VERBS = {"reject", "refuse", "decline", "rebuff", "dismiss", "oppose", "veto", "spurn", "resist", "prohibit", "ban",
                  "repudiate", "renounce", "abrogate",
                  "forbid", "bar", "block"}


def _opposed(noun: Token) -> bool:
    """The noun is what a verb of rejection turns down, directly or as the content of an offer or proposal ("rejected
    a fresh offer for talks", "opposed to French mediation")."""
    node = noun
    for _ in range(5):
        if node.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or node.head == node:
            return False
        node = node.head
        if node.pos_ == "VERB" and (node.lemma_.lower() in OPPOSING_VERBS or (
                node.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in node.children))):
            return True  # "rejected an offer of talks", "ruled out talks"
    return False


# Verbs of demand that also report a claim: "insisted that Moscow withdraw" demands, "insisted it seeks no conflict"
# asserts, and the mood of the complement tells which.
ASSERTING_DEMANDS = {"insist"}
DEMAND_MODALS = {"should", "must"}


def asserts(verb: Token) -> bool:
    """The verb's only complement is a clause in the indicative ("insisted it seeks", "insists his tactics will be
    worth it"): no object, no "on"/"that ... withdraw" demand (a bare subjunctive, or "should", "must")."""
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("on", "upon")) for c in children):
        return False
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    clause = clauses[0]
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in DEMAND_MODALS for a in auxes):
        return False
    if auxes or clause.tag_ in ("VBZ", "VBD"):
        return True
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    # "that Russia leave": a singular subject with the bare form is a subjunctive; "they seek" is indicative
    return clause.tag_ == "VBP" and bool(subjects) and subjects[0].tag_ not in ("NN", "NNP")


def sentence_triggers(sent: Span, names: set[int]) -> list[tuple[Token, Trigger]]:
    """Lexicon triggers of a sentence in order, multi-word ones consuming their words; none inside an org's name."""
    found: list[tuple[Token, Trigger]] = []
    consumed: set[int] = set()
    for token in sent:
        if token.i in consumed or token.idx in names:
            continue
        matched = match_trigger(token)
        if matched is not None and matched[1] == 1 and token.pos_ == "NOUN" and token.dep_ == "compound" \
                and token.head.lemma_.lower() not in GENERIC_HEADS:
            continue  # "36 cooperation documents", "the visit programme": a modifier, not the event
        if matched is not None:
            trig, length = matched
            consumed.update(range(token.i, token.i + length))
            found.append((token, trig))
    found = [(t, trig) for t, trig in found if not _named_or_alleged(t, trig) and not not_an_act(t, trig)]
    types = {token.i: trig.type for token, trig in found}
    # "agreed to join the community": the joining is what was agreed, one AGREE event, not two; so is a coordinated
    # second complement ("agreed to restore relations and reopen embassies")
    kept = [(t, trig) for t, trig in found if not (_complement_of(t).dep_ == "xcomp"
                                                  and types.get(_complement_of(t).head.i) == trig.type)]
    # "an agreement they signed in 2001", "a treaty concluded in 1960": the clause's verb is the event, not its noun
    described = {t.head.i for t, trig in kept if t.dep_ in ("relcl", "acl") and types.get(t.head.i) == trig.type}
    # "the Kremlin denied it had any plan to invade": the invasion, with status denied, is the event
    denials = {t.i for t, trig in kept if t.lemma_.lower() in DENYING_VERBS
               if any(o.i in {g.i for c in t.children if c.dep_ == "ccomp" for g in c.subtree} for o, _ in kept)}
    described |= denials
    return [(t, trig) for t, trig in kept if t.i not in described]
