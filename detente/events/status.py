"""Event status from modality: happened, planned, hypothetical, denied, refused.

The status of a trigger is read off the chain of words that govern it inside its own clause: its verb's auxiliaries
("will visit", "could impose"), negation ("did not attack"), a controlling verb ("refused to sign", "is expected to
attend", "plans to visit"), a conditional ("if ... ratifies") or a noun of intention ("an interest to strengthen
ties"). The chain stops at a reported clause ("said that ...") or a clause with its own subject ("while the two
sides signed ..., Vietnam refused"), whose modality is not the trigger's.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

PLANNED_HEADS = {"expect", "schedule", "set", "plan", "due", "prepare", "intend", "aim", "hope", "try", "seek",
                 "want", "propose", "agree", "decide", "vow", "pledge", "promise", "offer"}
# adjectives of readiness: "is willing to send material", "stands ready to contribute troops" announce an intention
WILLING_HEADS = {"willing", "ready", "prepared", "eager", "keen", "determined"}
PREPARING_HEADS = {"prepare", "plan", "push", "lobby", "gear", "brace"}
REFUSED_HEADS = {"refuse", "decline", "reject", "resist"}
RELUCTANT_HEADS = {"reluctant", "unwilling", "loath", "loth", "hesitant", "disinclined"}
FAILED_HEADS = {"fail"}  # "failed to reach agreement": it did not happen
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can"}
PLANNED_AUX = {"will", "shall", "'ll", "wo"}
INTENTION_NOUNS = {"interest", "desire", "plan", "need", "intention", "effort", "attempt", "bid", "push", "aim", "goal",
                   "ambition", "proposal", "call", "pressure", "threat", "wish", "hope",
                   "opportunity", "chance", "way", "possibility", "prospect", "option"}
UPCOMING = {"upcoming", "planned", "scheduled", "forthcoming", "proposed", "expected", "possible", "potential", "future",
            "next", "prospective"}
CLIMB = {"xcomp", "pcomp", "pobj", "prep", "acomp", "dobj", "nsubj", "nsubjpass", "attr", "compound", "amod",
         "npadvmod", "appos", "oprd", "agent"}
CLAUSE_LINKS = {"advcl", "conj", "acl"}
TIME_PREPS = {"during", "after", "before", "since", "following", "amid", "throughout", "despite"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words governing it within its clause."""
    chain = [trigger]
    node = trigger
    for _ in range(8):
        head = node.head
        if head == node:
            break
        if node.dep_ == "prep" and node.lower_ in TIME_PREPS:
            break  # "agreed to join ... during a visit": the visit's status is its own
        if node.dep_ == "prep" and node.lower_ in ("to", "of") and head.lemma_.lower() in CAUSE_HEADS:
            break  # "will give cases in response to mounting concerns": the concerns are a fact
        if node.dep_ in CLIMB:
            pass
        elif node.dep_ in CLAUSE_LINKS and not any(c.dep_ in SUBJECTS for c in node.children):
            if node.dep_ == "acl" and head.lemma_.lower() not in INTENTION_NOUNS:
                break  # "the first leader to visit Israel": the noun is the visitor, not a modality
        else:
            break
        node = head
        chain.append(node)
    return chain


def governing_words(trigger: Token) -> list[Token]:
    """The trigger and the words governing it within its clause (what its status and its own dates hang on)."""
    return _chain(trigger)


DENYING_HEADS = {"deny", "dismiss"}
# the content of a fear, worry or warning is only possible: "worries that the government will nationalize banks"
FEAR_HEADS = {"fear", "worry", "concern", "concerned", "speculation", "speculate", "rumour", "rumor", "risk",
              "possibility", "danger", "prospect", "suspicion", "warn", "warning", "anxiety", "doubt"}
# a hedge: "is believed to be worth", "appears to have fired", "possibly", "allegedly"
HEDGE_HEADS = {"believe", "think", "suspect", "allege", "rumour", "rumor", "suppose", "presume", "reckon", "appear",
               "seem", "likely", "unlikely", "possible", "tend"}
ACTIVE_HEDGES = {"appear", "seem", "likely", "unlikely", "possible", "tend"}
HEDGE_ADVERBS = {"possibly", "probably", "perhaps", "maybe", "likely", "allegedly", "purportedly", "supposedly"}
# what someone is asked, urged or allowed to do has not happened: "urged Tehran to release", "will allow X to bid"
REQUEST_HEADS = {"ask", "urge", "allow", "permit", "enable", "let", "invite", "encourage", "require", "tell", "order",
                 "call", "persuade", "pressure", "press", "authorize", "authorise", "request", "demand", "challenge",
                 "lobby"}
# what someone stops doing is no longer done: "would stop selling", "ceased supplying"
ENDING_HEADS = {"stop", "cease", "halt", "quit", "discontinue"}
# an object that these act on already exists: "will lift the sanctions", "will cut 30,000 jobs"
REMOVAL_HEADS = {"lift", "remove", "end", "cut", "ease", "scrap", "drop", "roll", "reverse", "repeal", "relax", "axe", "eliminate",
                 "reduce", "halve", "loosen", "waive", "rescind", "revoke"}
# an object that these promise is still to come: "offers funding", "pledged aid"
PROMISING_HEADS = {"offer", "promise", "pledge", "vow", "plan", "schedule", "propose"}
# what these give by being said, so that offering or pledging them is giving them: "offered condolences to Ankara",
# "pledged its support for Kyiv"
EXPRESSIVE_NOUNS = {"condolence", "sympathy", "congratulation", "apology", "thanks", "praise", "support", "backing",
                    "solidarity"}
# what these act on does not take place: "the visit was cancelled", "the now-cancelled deal"
CANCELLING_HEADS = {"cancel", "kill", "scrap", "abandon", "abort", "veto", "shelve", "call", "torpedo"}
# "nearly broke the record", "on the verge of a deal", "on the brink of war": it did not happen
NEAR_MISS = {"nearly", "almost"}
VERGE_NOUNS = {"verge", "brink", "edge", "threshold", "cusp"}
# "in response to mounting concerns", "due to a string of accidents": a cause is a fact of its own
CAUSE_HEADS = {"response", "reaction", "due", "owing", "thanks", "because", "result", "wake", "aftermath", "light",
               "consequence", "retaliation", "protest"}
# a noun under talks is not yet an act: "negotiates the purchase of", "discussed a ceasefire", "called for a truce"
NEGOTIATING_HEADS = {"negotiate", "discuss", "consider", "propose", "debate", "weigh", "mull", "explore", "study",
                     "seek", "demand", "request", "urge", "call", "press", "push", "lobby", "favour", "favor",
                     "oppose", "rule"}
# nouns whose infinitive is a plan ("a contract to supply", "an agreement to build") or only a capacity
# ("the right to veto", "the ability to strike")
PLAN_NOUNS = {"plan", "agreement", "deal", "contract", "decision", "commitment", "pledge", "promise", "order",
              "invitation", "schedule", "timetable", "deadline", "option", "accord", "treaty", "bid", "offer"}
CAPACITY_NOUNS = {"right", "ability", "power", "capacity", "authority", "permission", "licence", "license", "mandate",
                  "freedom", "means"}
# nouns of a stance taken: "expressed its willingness to support", "the decision to join" report the commitment
# itself, which the infinitive's event stands for (as "agreed to join" does)
STANCE_NOUNS = {"decision", "willingness", "readiness", "determination", "resolve", "eagerness", "commitment"}
FIRSTS = {"first", "last", "only", "second", "third", "latest", "next"}
# a subject's status is its own, except as the subject of a verb that only says it takes place ("the visit will
# take place", "talks are expected")
OCCURRENCE_HEADS = {"take", "happen", "occur", "hold", "go", "begin", "start", "continue", "resume", "come", "follow",
                    "expect", "plan", "schedule", "set", "due", "postpone", "delay", "be", "proceed", "get",
                    "reschedule", "move", "push", "bring"}
# a subject these put off is still to come: "the talks were postponed", "the deal could be pushed into next year"
DEFERRING_HEADS = {"postpone", "delay", "reschedule", "defer", "push"}
REPORTING_HEADS = {"say", "announce", "tell", "state", "confirm", "add", "indicate", "declare", "promise", "pledge",
                   "vow", "insist", "agree", "decide", "write", "report", "explain", "assure", "signal", "disclose",
                   "reveal", "note", "predict", "expect"}
CONDITION_MARKS = {"if", "unless", "whether"}
# participles that say an act is not (yet) carried out: "tariffs planned for October", "a deal proposed by Paris"
UNDONE_PARTICIPLES = (PLANNED_HEADS | PROMISING_HEADS | NEGOTIATING_HEADS | CANCELLING_HEADS | FEAR_HEADS
                      | HEDGE_HEADS | {"threaten", "envisage", "envision", "contemplate", "delay", "postpone", "suspend",
                                       "block", "reject", "need", "require"})


def _status_chain(trigger: Token) -> list[Token]:
    """The words governing the trigger that bear on its status: the governing chain, cut at a subject (the
    predicate's modality and negation are not its subject's) unless the verb only says that it takes place."""
    chain = _chain(trigger)
    for i, node in enumerate(chain[:-1]):
        head = chain[i + 1].lemma_.lower()
        if node.dep_ in SUBJECTS and head not in OCCURRENCE_HEADS and not (
                node.dep_ == "nsubjpass" and head in CANCELLING_HEADS | REMOVAL_HEADS):
            return chain[: i + 1]
    return chain


def _content_of(trigger: Token, heads: set[str]) -> bool:
    """Inside a clause that a word of ``heads`` takes as its content ("denied that it had any plan to invade")."""
    node = trigger
    for _ in range(8):
        if node.head == node:
            return False
        if node.dep_ in ("ccomp", "acl") and node.head.lemma_.lower() in heads:
            return True
        if node.dep_ == "advcl":
            return False  # "..., even as it massed troops": asserted, not denied
        if node.dep_ in SUBJECTS and node.head.lemma_.lower() not in OCCURRENCE_HEADS:
            return False  # "worries that recent moves might not prevent ...": the moves are a fact
        node = node.head
    return False


def _denied_content(trigger: Token) -> bool:
    return _content_of(trigger, DENYING_HEADS)


def _negation_reaches(below: Token | None, node: Token) -> bool:
    """A negation scopes over its own predicate and what it controls, not over a coordinated one ("does not
    attempt to compete but is aimed at ...") unless the coordination is "or"/"nor" ("did not sign or ratify")."""
    if below is None or below.dep_ != "conj":
        return True
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in node.children)


def _reported_future(node: Token) -> bool:
    """"would" in what someone said they would do ("said the deal would be signed in May"): the future of a report."""
    clause = node
    for _ in range(3):
        if clause.dep_ == "ccomp":
            head = clause.head
            return head.lemma_.lower() in REPORTING_HEADS and head.tag_ in ("VBD", "VBN", "VBZ", "VBP")
        if clause.dep_ not in ("conj", "xcomp") or clause.head == clause:
            return False
        clause = clause.head
    return False


def to_infinitive(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_of_verb(node: Token) -> str | None:
    """Status of a to-infinitive under a verb the chain does not climb: "urged Tehran to release" hypothetical,
    "sent troops to secure the border" (a purpose) planned."""
    if not to_infinitive(node) or node.head == node:
        return None
    head = node.head
    if node.dep_ in ("ccomp", "xcomp", "oprd") and head.lemma_.lower() in REQUEST_HEADS:
        return "hypothetical"
    if node.dep_ == "advcl" and not any(c.dep_ == "mark" for c in node.children if c.lower_ not in ("in", "order")):
        return "planned"
    return None


def _demanded_content(node: Token) -> bool:
    """"demanded that Syrian forces withdraw", "insisted that Moscow should pull back": a demand's content in the
    subjunctive or with "should" has not happened."""
    if node.dep_ != "ccomp" or node.head == node or node.head.lemma_.lower() not in REQUEST_HEADS | {"insist"}:
        return False
    aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    return (node.tag_ in ("VB", "VBP") and not aux - {"to"}) or bool(aux & {"should", "must"})


def _infinitive_of_noun(node: Token) -> str | None:
    """Status of an infinitive under a noun: "a contract to supply" planned, "the right to veto" hypothetical,
    "the first leader to visit" none (the noun is the one who did it)."""
    if node.dep_ != "acl" or not to_infinitive(node):
        return None
    noun = node.head
    if any(c.lower_ in FIRSTS or c.tag_ in ("JJS", "RBS") for c in noun.children if c.dep_ in ("amod", "advmod", "det")):
        return None
    lemma = noun.lemma_.lower()
    if lemma in STANCE_NOUNS:
        return None
    if lemma in CAPACITY_NOUNS or lemma in INTENTION_NOUNS:
        return "hypothetical"
    return "planned"


DECIDING_HEADS = {"decide", "agree", "vote", "resolve"}


def decided(trigger: Token, time_at: int | None = None) -> bool:
    """The act is what someone decided to do ("Germany decided to introduce border controls from Monday"): the
    decision is taken, so the act is in force from the day it was set for. A time that dates the decision itself
    (``time_at``, its first character: "agreed on Saturday to provide aid") is not that day."""
    for below, node in pairwise(_chain(trigger)):
        if below.dep_ == "xcomp" and node.lemma_.lower() in DECIDING_HEADS and node.tag_ in ("VBD", "VBN") \
                and not any(c.dep_ in ("aux", "neg") and c.lower_ in HYPOTHETICAL_AUX | PLANNED_AUX | {"not", "n't"}
                            for c in node.children):
            return time_at is None or not (_within(time_at, node) and not _within(time_at, below))
    return False


def _within(char: int, node: Token) -> bool:
    """The character lies in the words of the node's subtree."""
    return node.left_edge.idx <= char < node.right_edge.idx + len(node.right_edge)


def _done_by_participle(noun: Token) -> bool:
    """"a tariff imposed in September", "the deal signed last year": a past participle of its own says the act was
    carried out, whatever the clause around it asks ("whether a tariff imposed in September would remain")."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and not any(a.dep_ in ("aux", "auxpass", "neg") for a in c.children)
        and c.lemma_.lower() not in UNDONE_PARTICIPLES for c in noun.children)


def _yet_to(verb: Token) -> bool:
    """"has yet to ratify", "the only member yet to ratify": it has not happened."""
    return to_infinitive(verb) and verb.head != verb and any(
        c.dep_ == "advmod" and c.lower_ == "yet" and c.i < verb.i for c in verb.head.children)


# Nouns of a will or a ground to act, whose negation ("no reason to", "no intention of") declines the act
WILL_NOUNS = {"reason", "intention", "intent", "plan", "desire", "interest", "wish", "appetite", "inclination"}


WILL_AUX = {"will", "would", "'ll", "wo", "shall"}


PENDING_MARKS = {"until", "till", "before", "once"}  # "until a deal is finalized", "once the tariffs are lifted"
PRESENT_TAGS = {"VBZ", "VBP"}


def _unreached(node: Token) -> bool:
    """A clause that states a condition ("if", "unless", "whether") or what is still pending ("until ... is")."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children) or _pending_clause(node)


def _pending_clause(node: Token) -> bool:
    """A clause of "until", "before" or "once" in the present tense names what has not happened yet ("until a deal
    that includes tariff cuts is finalized"); in the past it is narrative ("fought until the truce was signed")."""
    if node.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in PENDING_MARKS for c in node.children):
        return False
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return all(a.tag_ in PRESENT_TAGS for a in auxes) and not any(a.lemma_.lower() == "have" for a in auxes)
    return node.tag_ in PRESENT_TAGS


def condition_mark(verb: Token) -> str | None:
    """"if" or "unless" when the verb carries such a clause ("would not attack if ...", "will withdraw unless ...")."""
    for clause in verb.children:
        if clause.dep_ == "advcl":
            mark = next((m.lower_ for m in clause.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")), None)
            if mark:
                return mark
    return None


def _out_of_the_question(trigger: Token) -> bool:
    """"Lifting the sanctions is out of the question": the subject clause is refused."""
    node = trigger
    while node.dep_ in ("dobj", "pobj", "prep", "compound", "amod") and node.head != node:
        node = node.head
    if node.dep_ not in ("csubj", "nsubj") or node.head == node:
        return False
    copula = node.head
    return any(c.dep_ == "prep" and c.lower_ == "out" and "question" in {t.lower_ for t in c.subtree}
               for c in copula.children)


def _no_will_to(trigger: Token) -> bool:
    """The act is what someone has no will or ground to do: "saw no reason to negotiate", "has no plan to visit",
    "had no intention of changing the lease"."""
    if trigger.dep_ in ("acl", "relcl") and to_infinitive(trigger):
        noun = trigger.head
    elif trigger.dep_ == "pcomp" and trigger.head.lower_ == "of":
        noun = trigger.head.head
    else:
        return False
    return noun.lemma_.lower() in WILL_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def event_status(trigger: Token, sent: Span | None = None) -> str:
    """happened | planned | hypothetical | denied | refused (the declined action of "refused to sign")."""
    status = _status(trigger, sent)
    if status == "hypothetical" and _own_plan(trigger):
        return "planned"  # "uncertain whether a tariff that Washington had planned to impose would go into effect": the
    return status  # plan is what the text asserts; whether it will be carried out is the doubt


# Verbs of arranging an act ahead of it: "a tariff that the administration had planned to impose", "talks which were
# scheduled for Monday"
ARRANGING_HEADS = {"plan", "schedule", "set", "intend", "propose", "slate"}


def _negative_determiner(noun: Token) -> bool:
    """"no" determines the noun: "no attack", not a comparison ("no fewer than twenty strikes", "no more than")."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ == "no" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ not in COMPARATIVES
        for c in noun.children)


COMPARATIVES = {"fewer", "less", "more", "later", "sooner", "longer", "earlier", "greater", "bigger", "larger"}


def _own_plan(trigger: Token) -> bool:
    """A noun trigger its own words mark as arranged: "the planned tariffs", "a scheduled imposition", "a tariff
    that the administration had planned to impose" (not "possible talks": a possibility is no plan)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    return any((c.dep_ == "amod" and c.lemma_.lower() in ARRANGING_HEADS | {"planned", "scheduled", "proposed"})
               or (c.dep_ in ("relcl", "acl") and c.lemma_.lower() in ARRANGING_HEADS) for c in trigger.children)


def _status(trigger: Token, sent: Span | None) -> str:
    if _done_by_participle(trigger):
        return "happened"
    if _yet_to(trigger):
        return "denied"
    if _out_of_the_question(trigger):
        return "refused"
    if _no_will_to(trigger):
        return "refused"  # "saw no reason to negotiate", "had no intention of changing the lease": a refusal
    if trigger.dep_ in ("acl", "relcl") and to_infinitive(trigger) and any(
            c.dep_ == "det" and c.lower_ == "no" for c in trigger.head.children):
        return "denied"  # "there was no attempt to intervene"
    if (_negative_determiner(trigger) or (trigger.pos_ == "VERB" and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and _negative_determiner(c) for c in trigger.children))) \
            and not any(_unreached(node) for node in _status_chain(trigger)):
        return "denied"  # "made no request", "there was no attack", "no sanctions were imposed", "sent no troops"
    if _denied_content(trigger):
        return "denied"
    if _content_of(trigger, FEAR_HEADS):
        return "hypothetical"
    if trigger.dep_ == "nsubjpass" and _unreached(trigger.head):
        return "hypothetical"  # "until a deal is finalized", "if an agreement is reached": not (yet) made
    chain = _status_chain(trigger)
    for below, node in zip([None, *chain], chain, strict=False):
        controls = below is not None and below.dep_ == "xcomp"  # "expected to attend", not "due to their war"
        children = list(node.children)
        lemma = node.lemma_.lower()
        aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        as_object = below is not None and below.dep_ in ("dobj", "nsubjpass") and trigger.pos_ == "NOUN"
        if as_object and node.pos_ == "VERB" and lemma in REMOVAL_HEADS:
            return "happened"  # "will lift the sanctions", "did not end the blockade": the object exists
        if as_object and node.pos_ == "VERB" and lemma in CANCELLING_HEADS and not any(c.dep_ == "neg" for c in children) \
                and (lemma != "call" or any(c.lower_ == "off" for c in children)):
            return "denied"  # "the visit was cancelled", "called off the talks"
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "advmod" and c.lower_ in NEAR_MISS for c in children):
            return "denied"  # "nearly broke the record"
        if below is not None and below.dep_ == "prep" and below.lower_ == "of" and lemma in VERGE_NOUNS:
            return "hypothetical"  # "on the verge of a deal": close, not reached
        if _unreached(node):
            return "hypothetical"  # "if Beijing does not agree", "until a deal is finalized": only possible, or not yet
        if any(c.dep_ == "neg" for c in children) and node.pos_ in ("VERB", "AUX", "NOUN") \
                and _negation_reaches(below, node):
            if aux & {"might", "may"} or condition_mark(node):
                return "hypothetical"
            # "will not withdraw its troops", "said it would not attend": declining to act (REAL-DEV.md 7: a REJECT
            # that happened, or the declined act as refused); "did not cross" is denied
            return "refused" if aux & WILL_AUX and node is trigger else "denied"  # "might not prevent": possible
        if below is not None and below.dep_ == "nsubjpass" and lemma in DEFERRING_HEADS:
            return "planned"  # "the visit will be rescheduled", "the deal could be pushed into next year": still to come
        if controls and lemma in FAILED_HEADS:
            return "denied"
        if controls and ((lemma in REFUSED_HEADS and node.pos_ == "VERB") or (lemma in RELUCTANT_HEADS and node.pos_ == "ADJ")):
            return "refused"  # "refused to sign", "has been reluctant to commit to a meeting"
        if aux & (HYPOTHETICAL_AUX | PLANNED_AUX) and condition_mark(node):
            return "hypothetical"  # "will retaliate if attacked"
        if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in children):
            return "hypothetical"
        if controls and lemma in REQUEST_HEADS:
            return "hypothetical"  # "urged Tehran to release the sailors"
        if controls and lemma in ENDING_HEADS:
            return "denied"  # "would stop selling": what is stopped is no longer done
        if controls and lemma == "be" and to_infinitive(below):
            return "planned"  # "is to be held", "are to meet"
        if below is not None and below.dep_ in SUBJECTS and lemma in PLANNED_HEADS and \
                any(c.dep_ == "xcomp" for c in children):
            return "planned"  # "the trial is set to begin"
        if controls and lemma in HEDGE_HEADS and (lemma in ACTIVE_HEDGES or "auxpass" in {c.dep_ for c in children}):
            return "hypothetical"  # "is believed to be worth", "appears to have fired"
        if aux & HYPOTHETICAL_AUX:
            if aux & HYPOTHETICAL_AUX == {"would"} and "have" not in aux and _reported_future(node):
                return "planned"
            return "hypothetical"
        if aux & PLANNED_AUX:
            return "planned"
        if controls and node.pos_ in ("VERB", "ADJ") and lemma in PLANNED_HEADS | WILLING_HEADS:
            return "planned"
        if below is not None and below.dep_ == "prep" and below.lower_ == "for" and node.pos_ == "VERB" \
                and lemma in PREPARING_HEADS and trigger.pos_ == "NOUN":
            return "planned"  # "is preparing for his own meeting with Kim"
        if trigger.pos_ == "NOUN" and node is not trigger and node.pos_ == "VERB" and below is not None:
            if lemma in PROMISING_HEADS and as_object and trigger.lemma_.lower() not in EXPRESSIVE_NOUNS:
                return "planned"  # "offers funding"
            if lemma in NEGOTIATING_HEADS and (below.dep_ == "dobj" or (below.dep_ == "prep" and below.lower_ in ("for", "on"))):
                return "hypothetical"  # "negotiates the purchase of", "called for a ceasefire"
        if node is not trigger and node.pos_ == "NOUN" and lemma in INTENTION_NOUNS and (
                trigger.pos_ == "VERB" or any(n.pos_ == "VERB" for n in chain[1 : chain.index(node)])):
            # "a plan to visit", "the need to increase high-level meetings": what is intended has not happened
            return "planned" if lemma == "plan" else "hypothetical"
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lemma_.lower().split("-")[-1] in CANCELLING_HEADS
                                                 for c in trigger.children):
        return "denied"  # "the cancelled summit", "the now-cancelled deal"
    under = _infinitive_of_noun(chain[-1]) or _infinitive_of_verb(chain[-1])
    if under is not None:
        return under
    if _demanded_content(chain[-1]):
        return "hypothetical"
    if trigger.pos_ in ("NOUN", "PROPN") and any(t.lower_ in UPCOMING for t in trigger.children):
        return "planned"
    if _future_time_clause(trigger, sent):
        return "planned"
    return "happened"


TIME_MARKS = {"when", "as", "after", "before", "once", "while"}


def _future_time_clause(trigger: Token, sent: Span | None) -> bool:
    """"China will try to boost ties when Xi visits this week": a present-tense time clause of a future clause is
    future too (English uses the present there)."""
    if trigger.tag_ not in ("VBZ", "VBP") or trigger.dep_ != "advcl" or trigger.head == trigger:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS for c in trigger.children):
        return False
    return event_status(trigger.head, sent) == "planned"
