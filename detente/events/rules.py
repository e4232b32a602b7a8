"""The lexicon-and-parse proposer: a trigger word from the lexicon, its parties read off the dependency parse.

For each trigger (a verb or event noun from ``data/event_lexicon.tsv``) the source comes from the subject, agent
("by ..."), possessor ("Xi's visit") or a country adjective, and the target from objects and prepositions ("to Hanoi",
"with the US", "between China and Vietnam"). Plural references ("the two countries", "both sides") stand for the
sentence's two states, else the article's pair. When the parse gives one side only, the other is the sentence's only
other state, or (for a hostile act) the story's counterpart.

Its proposals go to :mod:`detente.events.extract`, where the learned classifier confirms or drops them and adds the
acts it finds that the lexicon does not name. Only parties by :func:`detente.events.mentions.party_code` count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise, permutations, product

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResult
from detente.actors.codes import nonstate_nouns
from detente.actors.states import EXAMPLE_PREPS, first_conjunct
from detente.events.conditions import preconditions
from detente.events.generic import any_kind, dated_background_noun, generic_noun, internal_conflict
from detente.events.mentions import ROLE_HEADS, STATE_NOUNS
from detente.events.ontology import UNDIRECTED, Trigger, plover_info, triggers
from detente.events.parties import WATER_NOUNS, ActorIndex, name_halves
from detente.events.roles import (
    FORCE_NOUNS,
    ISSUING_VERBS,
    SUBJECT_DEPS,
    match_trigger,
    noun_roles,
    object_tokens,
    obliged_doer,
    reaction_verb,
    sentence_triggers,
    subject_tokens,
    wants_of_another,
)
from detente.events.status import EXPRESSIVE_NOUNS, REFUSED_HEADS, condition_mark, event_status
from detente.nlp import paragraph_starts
from detente.quotes.verbs import frames_of
from detente.tables import load_table

_PAIR_PHRASES = (
    r"the two (?:[\w-]+ ){0,3}(countries|nations|neighbours|neighbors|sides|governments|leaders|states|parties|powers|allies|"
    r"ministers|foreign ministers|defence ministers|defense ministers|presidents|prime ministers|heads of state|"
    r"delegations|militaries|armies|navies|rivals|adversaries|capitals)|both (?:[\w-]+ )?(sides|countries|nations|"
    r"governments|parties)|bilateral"
)
# Words that stand for the story's pair ("the two nuclear-armed neighbours"): the phrases anywhere in a sentence;
# "they"/"their" only in the act's own clause or as its subject, and only with the pair in view (_stands_for_pair)
PAIR_PHRASES = re.compile(rf"\b({_PAIR_PHRASES})\b", re.I)
PAIR_WORDS = re.compile(rf"\b({_PAIR_PHRASES}|their|they)\b", re.I)
# Verbs whose subject undergoes the act their object names: "drew criticism from", "faced pressure from"
RECEIVING_VERBS = {"draw", "face", "receive", "attract", "earn", "suffer", "endure", "get", "win"}
# Plural nationality nouns ("Pakistanis", "Ukrainians", "Britons"): people; no state's name ends so
PEOPLE_PLURAL = re.compile(r"[a-z](an|i|on)s$")
MAX_SIDES = 6  # "border controls on frontiers with Austria, Switzerland, France, Luxembourg and Denmark": one act each
# Prepositions that set a clause in a meeting or visit of its subject: "during a visit to Beijing, Macron said"
SETTING_PREPS = {"during", "after", "following", "before", "ahead", "at", "on"}
RECOGNISING = {"recognize", "recognise", "recognition"}
CHARACTERISING_VERBS = {"call", "describe", "label", "brand", "term", "characterise", "characterize", "denounce"}
EVERYONE_NOUNS = {"side", "party", "country", "nation", "state", "government", "claimant", "actor", "power"}
CO_SUBJECT_WORDS = re.compile(r"\b(the two|both)\b", re.I)
# Types whose co-subjects act on each other ("the two countries agreed", "fought"); an accusation or a demand by
# "the two leaders" is aimed at a third party
RECIPROCAL = UNDIRECTED | {"ASSAULT", "MOBILIZE"}


@dataclass
class RuleAct:
    token: Token  # the trigger word (for a multi-word noun trigger, the phrase's head noun)
    trigger: Trigger
    source: str
    target: str
    source_actor: str | None
    target_actor: str | None
    trigger_span: tuple[int, int]  # characters of the trigger words
    unread: bool = False  # a party the classifier never read (a released citizen's state): it cannot veto the act


JUDGING_VERBS = CHARACTERISING_VERBS | {"view", "regard", "see", "consider", "deem", "find"}


@lru_cache(maxsize=1)
def _evaluations() -> dict[str, str]:
    return {row["word"].lower(): row["type"] for row in load_table("evaluations.tsv")}


def _judgement(verb: Token) -> str | None:
    """The type a verb of calling or viewing carries through its predicate: "called the decision illegal",
    "described X's stance as fair", "viewed the move as a violation" (data/evaluations.tsv)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in JUDGING_VERBS or any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("longer", "more")) for c in verb.children):
        return None  # "no longer consider settlements illegal", "does not view it as a violation"
    words = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN")]
    words += [t for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
              for t in p.subtree]
    words += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
    found = {_evaluations().get(w.lemma_.lower()) for w in words if not any(n.dep_ == "neg" for n in w.children)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _judged(verb: Token) -> tuple[str, str] | None:
    """Verbs of calling or viewing whose predicate judges: an ACCUSE or a SUPPORT of their own."""
    etype = _judgement(verb)
    return (etype, "disapprove" if etype == "ACCUSE" else "praise") if etype else None


# Adjectives of a declared readiness: "stands ready to support", "is willing to withdraw", "prepared to lift"
INTENT_ADJECTIVES = {"ready", "willing", "prepared"}


def _intentions(found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """"Syria is willing to withdraw its troops": a state's declared readiness for a cooperative act is the PLOVER
    manual's AGREE ("indicate willingness or commitment to cooperate"), one event at the adjective in place of the
    act, which has not happened."""
    out: list[tuple[Token, Trigger]] = []
    for token, trig in found:
        head = token.head
        if trig.pos == "VERB" and token.dep_ == "xcomp" and head.pos_ == "ADJ" \
                and head.lemma_.lower() in INTENT_ADJECTIVES and plover_info(trig.type).quad.endswith("cooperation"):
            out.append((head, Trigger(head.lemma_.lower(), "VERB", "AGREE", None, frozenset())))
            continue
        out.append((token, trig))
    return sorted(out, key=lambda pair: pair[0].i)


# "could not guarantee the safety of Turkish aircraft": disowning another state's safety is a veiled threat
GUARANTEE_VERBS = {"guarantee", "ensure", "vouch"}
SAFETY_NOUNS = {"safety", "security"}


def _veiled_threat(verb: Token) -> tuple[str, str] | None:
    """"Russia said it could not guarantee the safety of Turkish aircraft over Syria": a state's refusal to answer
    for another's safety is a THREATEN ("coercive or forceful warnings"), made when it is said."""
    disowned = verb.pos_ == "VERB" and verb.lemma_.lower() in GUARANTEE_VERBS \
        and any(c.dep_ == "neg" for c in verb.children) \
        and any(c.dep_ == "dobj" and c.lemma_.lower() in SAFETY_NOUNS for c in verb.children)
    return ("THREATEN", "conditional") if disowned else None


def _characterisations(found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """"Kuleba called the attack 'a full-scale invasion'": naming a conflict act is an accusation by the speaker, not
    a new act. A conflict noun that is the object or predicate of a verb of calling becomes one ACCUSE at that verb."""
    out: list[tuple[Token, Trigger]] = []
    done: set[int] = set()
    for token, trig in found:
        head = token.head
        if trig.pos == "NOUN" and token.dep_ in ("dobj", "oprd", "attr") and head.lemma_.lower() in CHARACTERISING_VERBS \
                and plover_info(trig.type).quad.endswith("conflict"):
            if head.i not in done:
                done.add(head.i)
                out.append((head, Trigger(head.lemma_.lower(), "VERB", "ACCUSE", "disapprove", frozenset())))
            continue
        out.append((token, trig))
    return sorted(out, key=lambda pair: pair[0].i)


# A demand that sets a deadline is an ultimatum, which PLOVER codes THREATEN (REAL-DEV.md 7): "demanded that Syrian
# forces withdraw by the end of the month", "ordered the envoy to leave within 48 hours or face expulsion"
DEMANDING_VERBS = {"demand", "order", "tell", "insist"}
DEADLINE_PREPS = {"by", "within", "before"}
DEADLINE_NOUNS = {"end", "deadline", "midnight", "noon", "hour", "day", "week", "month", "weekend"}


def _sets_deadline(verb: Token) -> bool:
    """The content of a demand names a deadline ("by Friday", "within 48 hours") or a penalty ("or face ...")."""
    content = [t for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree]
    for t in content:
        if t.dep_ == "prep" and t.lower_ in DEADLINE_PREPS and any(
                o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in DEADLINE_NOUNS)
                for o in t.children):
            return True
        if t.lower_ == "face" and t.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in t.head.children):
            return True
    return False


def _wanted_of_another(verb: Token) -> tuple[str, None] | None:
    """"Beijing wants Trump to eliminate the tariffs", "Russia said Sudan must return the helicopter": a REQUEST at
    the verb of wanting or saying."""
    return ("REQUEST", None) if wants_of_another(verb) or obliged_doer(verb) else None


# Readers of acts that no lexicon word names, each giving (type, mode) at a word of the sentence; the first that
# reads a word decides
UNNAMED_ACTS = (_wanted_of_another, _judged, _veiled_threat)


def _unnamed_acts(sent: Span, found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """The sentence's lexicon triggers and, at words that are none, the acts ``UNNAMED_ACTS`` read there."""
    taken = {t.i for t, _ in found}
    extra = [(t, Trigger(t.lemma_.lower(), "VERB", act[0], act[1], frozenset())) for t in sent if t.i not in taken
             and (act := next((a for read in UNNAMED_ACTS if (a := read(t))), None))]
    return sorted(found + extra, key=lambda pair: pair[0].i)


def _ultimatums(found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """A demand with a deadline becomes a THREATEN of the same words."""
    return [(t, Trigger(trig.phrase, trig.pos, "THREATEN", "ultimatum", trig.objects)
             if trig.type == "REQUEST" and trig.pos == "VERB" and t.lemma_.lower() in DEMANDING_VERBS
             and _sets_deadline(t) else trig) for t, trig in found]


# Not ruling out a coercive act is holding it over the other side, which PLOVER codes THREATEN: "has not ruled out
# military action against Kyiv", "refused to rule out new sanctions on Minsk", "would not exclude the use of force"
UNEXCLUDED_FORCE = {"force", "military", "strike", "invasion", "war", "retaliation"}


def _unexcluded_threats(found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """A negated or refused "rule out" whose object is a coercive act becomes a THREATEN of the same words (the
    refusing verb's, when the lexicon folded "refused to rule out" into it); the act it keeps open is then no act
    of its own (``_conditional_threats`` drops what hangs from a threat). Its mode marks a threat made when said."""
    coercive = {t.i for t, trig in found if plover_info(trig.type).quad == "material-conflict"}

    def kept_open(verb: Token) -> bool:
        excluding = verb.lemma_.lower() == "exclude" or (
            verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))
        return excluding and any(g.i in coercive or g.lemma_.lower() in UNEXCLUDED_FORCE
                                 for c in verb.children if c.dep_ == "dobj" for g in c.subtree)

    def refusing(verb: Token) -> bool:
        return verb.lemma_.lower() in REFUSED_HEADS and verb.lemma_.lower() != "reject"

    out = []
    for t, trig in found:
        if trig.pos == "VERB" and (
                (any(c.dep_ == "neg" for c in t.children) and kept_open(t))  # "has not ruled out"
                or (t.dep_ == "xcomp" and refusing(t.head) and kept_open(t))  # "refused to rule out"
                or (refusing(t) and any(c.dep_ == "xcomp" and kept_open(c) for c in t.children))):  # folded into it
            trig = Trigger(trig.phrase, trig.pos, "THREATEN", "conditional", trig.objects)
        out.append((t, trig))
    return out


# A coercive act a state says it will take if another does (or unless it does) something is a threat, which PLOVER
# codes THREATEN ("coercive or forceful warnings"): "will impose tariffs if Beijing retaliates", "will withdraw its
# troops unless Mogadishu pays for their upkeep"
FUTURE_AUX = {"will", "would", "could", "may", "might", "shall", "'ll"}
POSSIBLE_AUX = {"would", "could", "may", "might"}


def _condition(verb: Token) -> str | None:
    """"if" or "unless" of a condition on the verb's future or possible act (none for a negated act)."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) or not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
        return None
    return condition_mark(verb)


def _conditional_threats(found: list[tuple[Token, Trigger]],
                         speculation: Callable[[Token], bool]) -> list[tuple[Token, Trigger]]:
    """A future coercive act on a condition becomes a THREATEN of the same words, made when it is said; what it
    would impose is no act of its own ("will impose new tariffs if ...": one threat, no tariffs). ``speculation``
    tells a commentator's guess ("analysts say the US could impose sanctions if ..."), which threatens nothing."""
    out = []
    for t, trig in found:
        mark = _condition(t) if trig.pos == "VERB" else None
        if mark and (plover_info(trig.type).quad == "material-conflict" or (trig.type == "RETREAT" and mark == "unless")) \
                and not speculation(t):
            trig = Trigger(trig.phrase, trig.pos, "THREATEN", "conditional", trig.objects)
        out.append((t, trig))
    threats = {t.i for t, trig in out if trig.type == "THREATEN" and trig.pos == "VERB"}
    return [(t, trig) for t, trig in out if t.i in threats or not threatened(t, threats)]


def threatened(token: Token, threats: set[int]) -> bool:
    """The word is what a threat would impose ("threatened to impose sanctions", "will impose tariffs if ..."): it
    hangs from the threatening verb, not from its condition or a clause describing a noun ("a zone agreed by")."""
    node = token
    while node.head != node and node.dep_ not in ("advcl", "relcl", "acl"):
        node = node.head
        if node.i in threats:
            return True
    return False


def _absolute_with(token: Token) -> bool:
    """The trigger carries an absolute "with X doing" phrase ("with the US president looking on")."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(g.pos_ == "VERB" and g.tag_ == "VBG" for g in c.subtree)
               for c in token.children)


# Verbs of give-and-take: "traded threats", "exchanged fire", "swapped prisoners" is each side's act on the other
EXCHANGE_VERBS = {"trade", "exchange", "swap"}


def _exchanged(token: Token, trig: Trigger) -> bool:
    """The act is traded between its co-subjects: the trigger is an exchange verb, or the noun it takes."""
    if trig.pos == "VERB":
        return token.lemma_.lower() in EXCHANGE_VERBS
    return token.dep_ == "dobj" and token.head.lemma_.lower() in EXCHANGE_VERBS


def _partner_named(trigger: Token, states: dict[int, str]) -> bool:
    """The partner of an act done together is named with "with", and it is no state ("talks with world powers",
    "met with rebel leaders"): on the trigger, its object or its subject ("Iran's talks with world powers resumed").
    Not for a demand: "demanded a truce with the rebels" names what is asked for."""
    nodes = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))]
    return any(p.lower_ == "with" and o.dep_ == "pobj" and not any(t.i in states for t in _with_modifiers(o))
               for n in nodes for p in n.children if p.dep_ == "prep" for o in p.children)


def _named_as_examples(tokens: list[Token]) -> bool:
    """"partners including Japan and Canada": the states are examples of a group, not an act's several sides."""
    return any(t.dep_ == "prep" and t.lower_ in EXAMPLE_PREPS for t in tokens)


def _reciprocal(tokens: list[Token]) -> bool:
    """"each other", "one another" as the object."""
    words = [t.lower_ for t in tokens]
    return any(a in ("each", "one") and b in ("other", "another") for a, b in pairwise(words))


def _everyone(tokens: list[Token]) -> bool:
    """"all sides", "all parties", "every country", "intimidation by any claimant", "the world", "the international
    community": a target that is everybody, or anybody."""
    return any((t.lemma_.lower() in EVERYONE_NOUNS and any(c.lower_ in ("all", "every", "each", "any") and c.dep_ == "det"
                                                           for c in t.children))
               or _the_world(t) for o in tokens for t in o.subtree)


def _the_world(token: Token) -> bool:
    """"urged the world to stop Putin", "called on the international community": everybody."""
    lemma = token.lemma_.lower()
    return (lemma == "world" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in ("amod", "compound") for c in token.children)) or (
        lemma == "community" and any(c.dep_ == "amod" and c.lower_ == "international" for c in token.children))


# Craft that an attack verb without an object has as its victim: "US Chinook helicopter shot down" (a headline's
# passive without "was"), against "Turkish jets shot down a Syrian plane"
CRAFT = {"helicopter", "plane", "jet", "warplane", "aircraft", "drone", "airliner", "fighter", "bomber", "chopper",
         "jetliner", "superjumbo"}


# Words of retaliation: the lexicon codes them THREATEN; ``_retaliations`` keeps those still to come
RETALIATION_WORDS = {"retaliate", "retaliation"}


# Prepositions by which a shot names where it goes: "fired two missiles into the sea", "into the Gulf of Oman"
AIMING_PREPS = {"into", "onto", "toward", "towards"}


# Happenings that are no doer: "the explosion killed ten Iraqis, Iran said" names no perpetrator, and the sentence's
# other state (often the one reporting it) is no better a guess; coercive acts named by a lexicon noun ("the strike
# wounded three", "sanctions have hit Russia's army") are happenings too, but not cooperative acts ("the visit
# strengthened ties with Hanoi, Beijing said": the speaker's visit)
HAPPENINGS = {"explosion", "blast", "earthquake", "quake", "storm", "flood", "flooding", "fire", "blaze", "wildfire",
              "crash", "accident", "collision", "landslide", "typhoon", "hurricane", "cyclone", "tsunami", "eruption",
              "outbreak", "epidemic", "pandemic", "virus", "disease", "violence", "fighting", "unrest", "war", "conflict",
              "shelling", "bombing", "bomb"}


def _happening(token: Token) -> bool:
    """A common noun naming something that happened rather than someone who acts."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in HAPPENINGS or any(
        plover_info(t.type).quad == "material-conflict" and t.phrase == lemma
        for t in triggers().get((lemma, "NOUN"), ())))


# Participles of a stance its subject takes: "Israel is opposed to French mediation" (Israel opposes it)
STANCE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote"}


def _bare_passive_conjunct(verb: Token) -> bool:
    """A past participle coordinated without a subject or auxiliary of its own is passive unless it continues an
    active past ("shelled the town and killed ...") or perfect ("has attacked and destroyed"); the parser may hang
    "beaten and tortured" on the clause's main verb instead of on "being shot"."""
    if verb.tag_ != "VBN" or verb.dep_ != "conj" or verb.head == verb \
            or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    head = verb.head
    if head.tag_ == "VBD":
        return False
    if head.tag_ == "VBN":
        return any(c.dep_ == "auxpass" for c in head.children) or _bare_passive_conjunct(head) or (
            head.dep_ == "pcomp" and not any(c.dep_ == "aux" for c in head.children))
    return head.pos_ in ("VERB", "AUX")


def _passive_without_agent(verb: Token) -> bool:
    children = list(verb.children)
    if verb.lemma_.lower() in STANCE_PARTICIPLES and any(c.dep_ == "prep" and c.lower_ == "to" for c in children):
        return False
    if any(c.dep_ == "nsubjpass" for c in children):
        return not any(c.dep_ == "agent" for c in children)
    first = first_conjunct(verb)  # "being shot, beaten and tortured": the conjuncts share the first one's "being"
    if first.dep_ in ("pcomp", "advcl", "xcomp") and any(c.dep_ == "auxpass" for c in first.children):
        return not any(c.dep_ == "agent" for c in children)  # "seeking damages for being shot and tortured"
    if _bare_passive_conjunct(verb):
        return not any(c.dep_ == "agent" for c in children)
    return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("dobj", "agent", "aux", "auxpass") for c in children) \
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in CRAFT for c in children) \
        and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in children)


# texts an act can take as its object, and the prepositions that name what they are about
TEXT_NOUNS = {"resolution", "report", "statement", "declaration", "bill", "law", "motion", "draft", "letter", "text",
              "communique", "communiqué", "document", "study", "article"}
TOPIC_PREPS = {"on", "about", "regarding", "concerning"}
VOTING_VERBS = {"vote", "veto", "block", "abstain", "oppose"}  # not "sponsor": a sponsor is an author
COERCIVE_TYPES = {"THREATEN", "SANCTION", "COERCE"}
# Verbs whose subject makes the request noun they take: "made a request", "renewed its appeal", "issued a call"
ASKING_VERBS = ISSUING_VERBS | {"renew", "repeat", "reiterate", "lodge", "file", "submit", "put", "present", "extend",
                                "voice", "launch"}


def _headline_passive_with(verb: Token) -> bool:
    """"Iran threatened with sanctions": a coercive verb with a subject, no object and no auxiliary, and a "with" phrase
    is a passive whose auxiliary headline style drops (actively one threatens someone with something)."""
    children = list(verb.children)
    return verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "nsubj" for c in children) \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in children) \
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "xcomp", "ccomp", "dative") for c in children)


def _names_someone(tokens: list[Token]) -> bool:
    """The object names who is addressed, a name or a noun of private people ("urged the American public", "accused
    the Democrats"): when that is no state, a statement is not aimed at the story's other state. A pronoun ("urged
    them") or a thing said ("rejected that account") may still be the other state's."""
    return any(t.dep_ in ("dobj", "dative", "pobj") and (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "NORP", "ORG")
                                                         or t.lemma_.lower() in nonstate_nouns()) for t in tokens)


def _phrase_heads(tokens: list[Token]) -> list[Token]:
    """The words of a phrase whose head lies outside it."""
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head.i == t.i]


def _with_modifiers(noun: Token) -> list[Token]:
    """A noun and the words naming whose it is: "Chinese officials", "Hezbollah fighters", "Japan's envoy"."""
    return [noun, *(c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss"))]


# Words that count what their "of" names: "arrested tens of thousands of people", "dozens of activists"
QUANTITY_NOUNS = {"ten", "dozen", "score", "hundred", "thousand", "million", "number", "group", "handful", "batch"}


def _counted(token: Token) -> Token:
    """The noun a quantity stands for: "tens of thousands of people" → people."""
    for _ in range(4):
        if not (token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_NOUNS):
            break
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None:
            break
        token = noun
    return token


def _private_people(token: Token, parties: dict[int, str]) -> bool:
    """A person's name, a noun of private people ("hostages", "the public", "thousands of people") or people of a
    non-state group ("Taliban prisoners"). A bare name taken for an organisation is left out: the parser takes places
    for them ("seized Crimea")."""
    token = _counted(token)
    if token.lemma_.lower() in ("people", "person") and not any(c.dep_ in ("amod", "compound") for c in token.children):
        return True  # "arrested thousands of people"; "the Chinese people" may be the nation
    return token.i not in parties and (token.ent_type_ == "PERSON" or token.lemma_.lower() in nonstate_nouns() or (
        token.pos_ == "NOUN" and any(c.ent_type_ in ("NORP", "ORG") and c.dep_ in ("compound", "amod")
                                     and c.i not in parties for c in token.children)))


def _group(token: Token, parties: dict[int, str]) -> bool:
    """A named person, group or organisation that is no party ("the Taliban", "the FARC rebels", "Hamas"; not
    "Israeli officials")."""
    return _private_people(token, parties) or (token.i not in parties and token.ent_type_ in ("NORP", "ORG"))


def _handling_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("vetoed a resolution", "voted against
    the resolution")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def _own_object(token: Token, trigger: Token) -> bool:
    """An object of the trigger itself, not a noun inside it ("raised the case of Yang Hengjun")."""
    return (token.dep_ in ("dobj", "dative") and token.head.i == trigger.i) or (
        token.dep_ == "pobj" and token.head.head.i == trigger.i)


def _clause_text(token: Token) -> str:
    """The words of the clause the trigger belongs to: its verb's subtree without the other clauses hanging from
    that verb ("..., and they agreed" is not the clause of "talks resumed")."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    inner = {t.i for c in node.children if c.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis")
             and c.i != token.i and token.i not in {x.i for x in c.subtree} for t in c.subtree}
    # a relative clause further down is about its own noun ("concessions they might not have made")
    inner |= {t.i for c in node.subtree if c.dep_ == "relcl" and token.i not in {x.i for x in c.subtree}
              for t in c.subtree}
    return " ".join(t.text for t in node.subtree if t.i not in inner)


# Acts that answer another's act: their doer is whom the act answered was put to ("rejected a US request")
ANSWER_TYPES = {"REJECT", "AGREE", "CONCEDE"}


def _answers(verb: Token) -> bool:
    matched = match_trigger(verb) if verb.pos_ == "VERB" else None
    return matched is not None and matched[0].type in ANSWER_TYPES


# Verbs by which the one an apology, condolences or thanks were addressed to takes them: "Turkey accepted Israel's
# apology" (Israel apologised to Turkey)
ACCEPTING_VERBS = {"accept", "receive", "welcome", "acknowledge"}


def _received(noun: Token) -> bool:
    return noun.lemma_.lower() in EXPRESSIVE_NOUNS and noun.head.lemma_.lower() in ACCEPTING_VERBS


def _co_subjects(tokens: list[Token]) -> bool:
    """Two parties named as joint actors: "X and Y", "the two leaders", "both sides" (not "Bosnian Serbs", one actor
    with two country words, nor "Pakistan, a US ally")."""
    return any(t.dep_ == "cc" for t in tokens) or bool(CO_SUBJECT_WORDS.search(" ".join(t.text for t in tokens)))


# A state's envoys and missions abroad: the place they are posted to is their host, not their sender
ENVOY_NOUNS = {"ambassador", "envoy", "emissary", "consul", "embassy", "consulate", "mission", "representative",
               "delegation", "delegate", "attaché", "attache", "chargé", "charge"}
LEAVING_NOUNS = {"withdrawal", "exit", "departure", "pullout", "exodus"}  # "withdrawal from the treaty": left, not leaver
WELCOMING_VERBS = {"welcome", "hail", "thank", "celebrate"}  # "welcomed Iran's release of two Britons"
# Heads of a phrase naming a state's organs, whose place is the state: "officials in Tokyo", "police in Guinea"
ORGAN_HEADS = ROLE_HEADS | STATE_NOUNS | {"authority", "police", "force"}


def _organ(tokens: list[Token]) -> bool:
    """The phrase names a state's organ ("officials in Tokyo", "the minister")."""
    return any(h.lemma_.lower() in ORGAN_HEADS for h in _phrase_heads(tokens))


class RuleCoder:
    """The lexicon-and-parse proposals of one article, sentence by sentence."""

    def __init__(self, doc: Doc, actors: ActorResult, pair: list[str]) -> None:
        self.index = ActorIndex(doc, actors)
        self.pair = pair
        # words of acts whose other side the parse names as no state, or whose doer the text does not name, or that
        # a declared readiness stands for: the classifier does not re-cast them
        self.non_state_acts: set[int] = set()
        self.referents: dict[int, list[str]] = {}  # the sentence's resolved pronouns and descriptions → their states
        self.nationals_acts: set[tuple[int, str]] = set()  # (trigger, state) of releases of that state's citizens
        name_halves(doc, self.index, actors)

    def acts(self, sent: Span, referents: dict[int, list[str]] | None = None) -> list[RuleAct]:
        """The sentence's proposals; ``referents``: token → state of a pronoun or description the mentions resolved
        ("we" inside a quotation: its speaker's; "he": the official named last; "the ministry")."""
        self.referents = referents or {}
        found = sentence_triggers(sent, self.index.name_tokens)
        found = _unnamed_acts(sent, found)
        found = [(t, trig) for t, trig in found if not self._own_duty(t, trig)]
        found = _intentions(found)
        self.non_state_acts.update(c.i for t, trig in found if t.pos_ == "ADJ" and trig.type == "AGREE"
                                   for c in t.children if c.dep_ == "xcomp")  # the readiness stands for its act
        found = _conditional_threats(_unexcluded_threats(_ultimatums(_characterisations(found))), self._speculation)
        found = self._retaliations(found, sent)
        found = self._diplomatic_protests(found)  # acts whose type the parse tells
        found = preconditions(sent, found)
        out: list[RuleAct] = []
        verbal: set[tuple] = set()  # "agreed ... in a deal brokered by China": the deal is the agreement itself
        for token, trig in found:
            for act in self._acts(sent, token, trig):
                key = (act.trigger.type, frozenset((act.source, act.target)))
                if trig.pos == "NOUN" and act.trigger.type in UNDIRECTED and key in verbal:
                    continue
                if trig.pos == "VERB" and act.trigger.type in UNDIRECTED:
                    verbal.add(key)
                out.append(act)
        return out

    def _own_duty(self, verb: Token, trig: Trigger) -> bool:
        """"Putin said Russia must defend itself", "said Moscow and Beijing should deepen their ties": what a speaker
        says its own state must do, alone or with others, is no demand; nor is what it says others must do when they
        are no state ("said European countries should work together"), or when the speaker is no state the parse
        names."""
        if trig.type != "REQUEST" or trig.pos != "VERB" or not (doer := obliged_doer(verb)):
            return False
        obliged, speaker = set(self._countries(doer)), set(self._countries(subject_tokens(verb)))
        return not obliged or not speaker or bool(obliged & speaker)

    def _retaliations(self, found: list[tuple[Token, Trigger]], sent: Span) -> list[tuple[Token, Trigger]]:
        """"Vowed to retaliate against the US", "will retaliate if ...", "warned of retaliation": a retaliation still to
        come is a threat made when it is said (REAL-DEV.md 7: threats of retaliation are THREATEN); one carried out
        ("retaliated with tariffs", "in retaliation for") is the act it was carried out with, coded from its own words,
        and a commentator's guess ("analysts say Beijing could retaliate") threatens nothing."""
        out = []
        for t, trig in found:
            if trig.phrase in RETALIATION_WORDS:
                if event_status(t, sent) == "happened" or self._speculation(t):
                    continue
                trig = Trigger(trig.phrase, trig.pos, "THREATEN", "conditional", trig.objects)
            out.append((t, trig))
        return out

    def _speculation(self, verb: Token) -> bool:
        """The act is what a speaker who is no state says could happen ("analysts say the US could impose sanctions")."""
        node = verb
        while node.dep_ in ("ccomp", "conj") and node.head != node:
            node = node.head
            if node.pos_ == "VERB" and (speaker := subject_tokens(node)):
                return self._non_state_doer(speaker) or not (self._countries(speaker) or _organ(speaker))
        # said by nobody: "Canada will impose tariffs if ..." reports a stated policy, "the EU could impose
        # sanctions if ..." the writer's guess
        return any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX for c in verb.children)

    def _non_state_doer(self, tokens: list[Token]) -> bool:
        """The doer named is private people or a non-state organisation and no state ("gunmen", "the Taliban",
        "Houthi rebels", "most Americans"), whatever place its phrase names ("militants based in Lebanon")."""
        heads = [next((c for c in h.children if c.dep_ == "pobj"), h) if h.dep_ in ("agent", "prep") else h
                 for h in _phrase_heads(tokens)]
        heads = [first_conjunct(_counted(h)) for h in heads]
        return bool(heads) and all(
            (h.lemma_.lower() in nonstate_nouns() or any(t.i in self.index.nonstate_tokens for t in _with_modifiers(h))
             or h.i in self.index.nationals)
            and h.i not in self.index.by_token and not self._countries(_with_modifiers(h)) for h in heads)

    def _diplomatic_protests(self, found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
        """"Japan protested the incursion", "the ministry protested to Beijing": a state's protest is a diplomatic
        one, which the PLOVER manual codes ACCUSE (disapprove); PROTEST is people demonstrating."""
        return [(t, Trigger(trig.phrase, trig.pos, "ACCUSE", "disapprove", trig.objects)
                 if trig.type == "PROTEST" and trig.pos == "VERB" and t.lemma_.lower() == "protest"
                 and self._state_subject(subject_tokens(t)) else trig) for t, trig in found]

    def _state_subject(self, tokens: list[Token]) -> bool:
        """The subject is a state or its organs ("Japan", "Chinese officials"), not people ("Pakistanis", "thousands
        of Pakistanis")."""
        heads = [_counted(h) for h in _phrase_heads(tokens)]
        return bool(heads) and all(h.ent_type_ != "NORP" and not PEOPLE_PLURAL.search(h.text)
                                   and h.lemma_.lower() not in nonstate_nouns() for h in heads) \
            and any(self._countries(_with_modifiers(h)) for h in heads)  # not "opponents of Rwanda's Senate"

    def _countries(self, tokens: list[Token], pronouns: bool = True) -> list[str]:
        """The states the words name or refer to; "the two countries" (and, with ``pronouns``, "they", "their") the
        pair the sentence or story is about."""
        found = self.index.countries_in(tokens)
        found += [code for t in tokens for code in self.referents.get(t.i, ()) if code not in found]
        if not found and tokens and self._stands_for_pair(" ".join(t.text for t in tokens), tokens[0].sent, pronouns):
            return self._pair_for(tokens[0].sent)
        if not found:
            found = self._listed_before(tokens)
        if not found and not pronouns:
            found = self._clause_subject_states(tokens)
        return found

    def _listed_before(self, tokens: list[Token]) -> list[str]:
        """"talks with partners including Japan, Canada and Mexico, publicly threatening them with tariffs": "them" as
        an object stands for the states listed together (two or more, coordinated) before it in the sentence, not for
        its own clause's subject."""
        them = next((t for t in tokens if t.lower_ == "them" and t.dep_ in ("dobj", "dative", "pobj")), None)
        if them is None:
            return []
        groups: dict[int, list[str]] = {}
        for t in them.sent:
            if t.i >= them.i:
                break
            code = self.index.by_token.get(t.i)
            if code and not self.index.only_as_location(code, [t]) and (t.dep_ == "conj" or any(
                    c.dep_ == "conj" for c in t.children)):
                group = groups.setdefault(first_conjunct(t).i, [])
                if code not in group:
                    group.append(code)
        listed = [g for g in groups.values() if len(g) >= 2]
        return listed[-1] if listed else []

    def _clause_subject_states(self, tokens: list[Token]) -> list[str]:
        """"The United States and Japan declared their opposition": "they"/"their" are the clause's subject when it
        names states."""
        for t in tokens:
            if t.lower_ not in ("they", "their", "them"):
                continue
            for verb in (v for v in t.ancestors if v.pos_ in ("VERB", "AUX")):
                subject = [w for w in subject_tokens(verb) if w.lower_ not in ("they", "their", "them")]
                if subject:  # "Russia and Iran said they would supply": the nearest subject that is no pronoun
                    return self.index.countries_in(subject)
        return []

    def _stands_for_pair(self, words: str, sent: Span, pronouns: bool) -> bool:
        """"the two countries", "both sides" name the pair; with ``pronouns``, "they"/"their" do too when the pair is
        in view: both of its states named in this sentence or the one before ("These sites offered no evidence for
        their estimates", "They flew to Chile" of two travellers, do not), and no private people the sentence names
        as its subject are who "they" are."""
        if PAIR_PHRASES.search(words):
            return True
        if not pronouns or not PAIR_WORDS.search(words):
            return False
        if any(t.ent_type_ == "PERSON" and t.i not in self.index.by_token and t.dep_ in ("nsubj", "conj")
               and (t.dep_ == "nsubj" or t.head.dep_ == "nsubj") for t in sent):
            return False  # "Tinsley and Phalen hope they'll fly home": they are the people the sentence names
        pair = self._pair_for(sent)
        doc = sent.doc
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = set(self.index.countries_in(doc[start : sent.end]))
        return len(pair) == 2 and set(pair) <= named

    def _pair_for(self, sent: Span) -> list[str]:
        """What "the two leaders" means here: the sentence's two states if it names exactly two, else the article's
        pair. Which side is "first" in "the two countries fought" is unknown: a fixed order."""
        named = [c for c in self.index.countries_in(list(sent)) if len(c) == 3]
        if len(named) == 2:
            return sorted(named)
        return sorted(self.pair) if len(self.pair) == 2 else []

    def _acts(self, sent: Span, token: Token, trig: Trigger) -> list[RuleAct]:
        """One act per (source, target) pair: "Egypt and Syria attacked Israel" is two."""
        length = len(trig.phrase.split())
        words = token.doc[token.i : min(token.i + length, sent.end)]
        trigger_span = (words.start_char, words.end_char)
        if trig.pos == "NOUN" and length > 1 and token.i + length - 1 < sent.end:
            token = token.doc[token.i + length - 1]  # "turned water cannon on X": the phrase's head noun has the roles
        if trig.pos == "VERB" and token.pos_ == "ADJ" and (
                content := next((c for c in token.children if c.dep_ == "xcomp"), None)) is not None:
            # "stands ready to support Kabul": the readiness is the subject's, toward the act's object
            source_tokens = subject_tokens(token.head if token.dep_ in ("acomp", "oprd") else token)
            target_tokens = object_tokens(content)
        elif trig.pos == "VERB" and trig.type == "THREATEN" and token.lemma_.lower() in GUARANTEE_VERBS:
            source_tokens = subject_tokens(token)  # whose safety is disowned: "of Turkish aircraft (over Syria)"
            target_tokens = [t for c in token.children if c.dep_ == "dobj" for p in c.children if p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj" for t in _with_modifiers(o)]
        elif trig.pos == "VERB" and trig.type in COERCIVE_TYPES and _headline_passive_with(token):
            # "Hong Kong threatened with Chinese military intervention", "Iran hit with sanctions by the EU": the
            # subject undergoes the act; the doer is the agent, or the state whose act the "with" phrase names
            source_tokens = [t for c in token.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with")
                             for t in c.subtree]
            target_tokens = [t for c in token.children if c.dep_ == "nsubj" for t in c.subtree]
        elif trig.pos == "VERB":
            source_tokens = subject_tokens(token)
            target_tokens = object_tokens(token)
            if _passive_without_agent(token) and trig.type not in UNDIRECTED | {"MOBILIZE"}:
                # the passive subject is the patient (a place the verb governs stays with the doer's side, where it
                # is known as a place); an object of a passive is a misparse, no doer ("were killed on board the
                # Turkish aid ship" with "ship" as the object)
                misparsed = {t.i for c in token.children if c.dep_ == "dobj" for t in c.subtree}
                source_tokens, target_tokens = [t for t in target_tokens if t.i not in misparsed], source_tokens
            elif token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children) \
                    and trig.type not in UNDIRECTED:
                # "the tariffs on Chinese goods imposed on Sept. 1": the noun a participle describes is what was
                # acted on, not the doer (whom the text leaves unnamed)
                clause = {t.i for t in token.subtree}
                where = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "across", "within")
                         for t in c.subtree}  # "carriers banned in the EU": where, not whom (nor who)
                source_tokens = []
                target_tokens = [t for t in target_tokens if t.i not in where] + [
                    t for t in token.head.subtree if t.i not in clause]
            # (forces deployed are their state's: "American troops would not be sent to Ukraine" is the US's act)
            if trig.type in ("MOBILIZE", "RETREAT") and not self.index.countries_in(source_tokens):
                # "one factor being a measure to send Turkish troops into Iraq": whose troops are sent sends them
                owners = {t.i for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in FORCE_NOUNS
                          for m in c.children if m.dep_ in ("amod", "compound", "poss", "nmod") for t in m.subtree}
                if owners:
                    source_tokens = [t for t in target_tokens if t.i in owners]
                    target_tokens = [t for t in target_tokens if t.i not in owners]
        else:
            # "criticism from Peru", "threats from Beijing" come from X; a withdrawal or an expulsion is from a place
            source_tokens, target_tokens = noun_roles(token, from_is_source=trig.type not in ("RETREAT", "COERCE")
                                                      and token.lemma_.lower() not in LEAVING_NOUNS)
            if trig.mode == "visit":
                # "the Malaysia visit", "Xi's Moscow trip": a place name compounded with a visit is where it goes
                places = {t.i for c in token.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC")
                          for t in c.subtree}
                target_tokens = target_tokens + [t for t in source_tokens if t.i in places]
                source_tokens = [t for t in source_tokens if t.i not in places]
            if token.dep_ == "dobj" and token.head.lemma_.lower() in RECEIVING_VERBS:
                # "Chile drew criticism from Peru": the subject receives the act, "from" names who did it
                source_tokens = source_tokens + [t for c in token.head.children if c.dep_ == "prep"
                                                 and c.lower_ == "from" for t in c.subtree]
                target_tokens = target_tokens + subject_tokens(token.head)
            elif trig.type == "CONSULT" and token.dep_ == "pobj" and token.head.lower_ in SETTING_PREPS \
                    and token.head.head.pos_ in ("VERB", "AUX") and not self.index.countries_in(source_tokens) \
                    and self.index.countries_in(target_tokens) and not any(c.dep_ == "poss" and c.pos_ != "PRON"
                                                                           for c in token.children):
                # "During a visit to Beijing, Macron said", "condemned the move after a call with Merkel": the
                # visitor or caller is the clause's subject (when the text names whom they met, and the noun names
                # no one of its own: not "after Pelosi's visit to Taiwan")
                source_tokens = source_tokens + subject_tokens(token.head.head)
            elif token.dep_ in ("dobj", "attr") and not reaction_verb(token.head, token):
                # "Egypt launched a surprise attack on Israel" (but "protested the sanctions" are someone else's)
                if not self.index.countries_in(source_tokens):
                    source_tokens = source_tokens + subject_tokens(token.head)
                if not self.index.countries_in(target_tokens):
                    target_tokens = target_tokens + [t for t in object_tokens(token.head) if t.i not in
                                                     {x.i for x in token.subtree}]
        said_in_content: set[str] = set()
        if trig.pos == "VERB":
            # "warned Kyiv against joining NATO", "deterred Seoul from buying the system": what the addressee is told
            # not to do names no other addressee
            content = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "from")
                       for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for t in c.subtree}
            # "vetoed a resolution on Syria", "rejected a report about Iran": what a text is about is its topic
            content |= {t.i for o in token.children if o.dep_ == "dobj" and o.lemma_.lower() in TEXT_NOUNS
                        for c in o.children if (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS)
                        or (c.dep_ == "acl" and c.tag_ == "VBG") for t in c.subtree}  # nor what it says ("condemning")
            target_tokens = [t for t in target_tokens if t.i not in content]
            said_in_content = set(self.index.countries_in([token.doc[i] for i in content]))
            # "requested the extradition of a Russian spy from Germany", "demanded compensation from Japan": whom
            # a thing is asked from is the addressee; the rest is what is asked for
            objects = [g for c in token.children if c.dep_ == "dobj" for g in c.subtree]
            asked = [t for c in [*token.children, *objects] if c.dep_ == "prep" and c.lower_ == "from"
                     for t in c.subtree] if trig.type == "REQUEST" else []
            if self.index.countries_in(asked):
                target_tokens = asked
        if trig.pos == "NOUN" and trig.type == "REQUEST":
            # "an appeal for troops along its border with Israel": what is asked for names no addressee
            content = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for t in c.subtree}
            target_tokens = [t for t in target_tokens if t.i not in content]
            if token.dep_ in ("dobj", "attr") and token.head.lemma_.lower() not in ASKING_VERBS:
                # who holds, sees or wins a request is not who made it ("a stance which holds appeal to voters", "saw
                # the request as improper"); who makes, issues or renews one is
                own = {t.i for c in token.children for t in c.subtree}
                source_tokens = [t for t in source_tokens if t.i in own]
        source_tokens = self._without_descriptions(source_tokens)
        target_tokens = self._without_descriptions(target_tokens)
        sources, targets = self._sides(sent, token, trig, source_tokens, target_tokens)
        if said_in_content and targets and set(targets) <= said_in_content \
                and not self.index.countries_in(target_tokens):
            # "Russia vetoed a resolution condemning Syria": a state named only in what the text says or in what the
            # addressee is told not to do is not whom the act is aimed at, nor the sentence's other party to fill in
            self.non_state_acts.add(token.i)
            return []
        if trig.pos == "VERB" and _passive_without_agent(token) and trig.type not in UNDIRECTED | {"MOBILIZE"} and not [
                c for c in self.index.countries_in(source_tokens) if not self.index.only_as_location(c, source_tokens)]:
            self.non_state_acts.add(token.i)  # nor does the classifier get to say
            return []  # "their helicopter was shot down", "were arrested in Egypt": the text does not say by whom
        pairs = list(product(sources, targets))
        joint = self.index.countries_in(source_tokens)
        if trig.type in UNDIRECTED and len(joint) >= 3 and set(sources) | set(targets) <= set(joint):
            pairs = list(combinations(sources + targets, 2))  # "agreed by Turkey, Russia and Iran": every pair of them
        if (_exchanged(token, trig) or _reciprocal(target_tokens)) and len(sources) >= 2 and not targets:
            pairs = list(permutations(sources, 2))  # "Turkey and Russia traded threats", "accused each other"
        elif trig.type not in UNDIRECTED and (_reciprocal(target_tokens) or _exchanged(token, trig)):
            pairs += [(t, s) for s, t in pairs]  # "troops from both sides faced each other": each side at the other
        if trig.type == "CONSULT" and trig.mode != "third-party" and len(sources) == 1 and len(targets) >= 2 \
                and not _named_as_examples(target_tokens):
            pairs += list(combinations(targets, 2))  # "X will host Y and Z": a trilateral meeting
        out: list[RuleAct] = []
        for source, target in pairs:
            if source == target or (trig.type in UNDIRECTED and any((a.source, a.target) == (target, source) for a in out)):
                continue
            out.append(RuleAct(token, trig, source, target, self.index.actor_in(source_tokens),
                               self.index.actor_in(target_tokens), trigger_span,
                               unread=(token.i, target) in self.nationals_acts))
        return out

    def _named_in_paragraph(self, sent: Span, code: str) -> bool:
        """The state is named in the sentence's paragraph or the one before, up to the sentence's end."""
        sents = list(sent.doc.sents)
        starts = paragraph_starts(sent.doc)
        here = starts[next(i for i, s in enumerate(sents) if s.start == sent.start)]
        start = sents[starts[here - 1] if here > 0 else 0].start_char
        return any(c == code and start <= sent.doc[i].idx < sent.end_char for i, c in self.index.by_token.items())

    def _without_descriptions(self, tokens: list[Token]) -> list[Token]:
        """The words less what describes a named state ("Egypt, a close US ally," "Pakistan - a rival of India -")
        and the posting of an envoy ("China's ambassador to Britain", "the Chinese embassy in London"): a state
        named there is the named state's relation or its envoy's host, not a party to the act."""
        described = {t.i for t in tokens if t.dep_ == "appos" and t.pos_ == "NOUN" and t.head.i in self.index.by_token
                     and t.i > t.head.i}
        described |= {t.i for t in tokens if t.dep_ == "prep" and t.lower_ in ("to", "in", "at")
                      and t.head.lemma_.lower() in ENVOY_NOUNS}
        if not described:
            return tokens
        drop = {x.i for t in tokens if t.i in described for x in t.subtree}
        return [t for t in tokens if t.i not in drop]

    def _placed_in_object(self, country: str, tokens: list[Token], trigger: Token) -> bool:
        """The country is named only as where the object's thing is ("movements of displaced persons within Syria"),
        not as the act's own destination ("apologized to Brazil", "an apology to Brazil")."""
        hits = [t for t in tokens if self.index.by_token.get(t.i) == country]
        for t in hits:
            x = t
            while x.dep_ in ("compound", "amod", "poss", "nmod") and x.head != x:
                x = x.head
            if not (x.dep_ == "pobj" and x.head.head.pos_ in ("NOUN", "PROPN") and x.head.head != trigger):
                return False
        return bool(hits)

    def _nationals_government(self, token: Token, target_tokens: list[Token], sources: list[str]) -> list[str]:
        """"The department announced Egypt's release of an Egyptian American citizen": a release of foreign
        nationals is an act toward their state when that state's government is the one reporting or welcoming it
        (REAL-DEV.md 4); otherwise the people released are no party."""
        nations = list(dict.fromkeys(self.index.nationals[t.i] for t in target_tokens if t.i in self.index.nationals))
        nations = [c for c in nations if c not in sources]
        reporter = next((v for v in token.ancestors if v.pos_ == "VERB" and (
            frames_of(v) or v.lemma_.lower() in WELCOMING_VERBS)), None)
        if not nations or reporter is None:
            return []
        return [c for c in nations if c in self._countries(subject_tokens(reporter))]

    def _non_party_partner(self, trigger: Token, source_tokens: list[Token], target_tokens: list[Token],
                           trig: Trigger, targets: list[str]) -> bool:
        """The act's other side is named and is no state: a non-state co-subject of a reciprocal act ("Washington
        and the Taliban held talks"), or private people or a company as the object ("freed three Taliban
        prisoners", "a visit to IDT Biologika, a German company"); a place named beside them is where it happened,
        not a party (REAL-DEV.md 4: companies and individuals are never source or target)."""
        if trig.type in RECIPROCAL and any(t.dep_ == "conj" and _group(t, self.index.by_token) for t in source_tokens):
            return True
        return all(self.index.only_as_location(c, target_tokens) for c in targets) and any(
            _own_object(t, trigger) and (_private_people(t, self.index.by_token) or self._company(t))
            for t in target_tokens)

    def _aimed_elsewhere(self, token: Token, trig: Trigger, target_tokens: list[Token]) -> bool:
        """A noun act whose own words name what it is aimed at, a place that is no state ("Israel's blockade of Gaza")
        or, for an inquiry, a thing ("the Israeli investigation into the incident"), or a shot fired into a named
        sea ("fired a missile into the Sea of Japan, Tokyo said"): no other state of the sentence or story is made
        its target."""
        if trig.pos == "VERB":
            return trig.type == "ASSAULT" and any(
                c.dep_ == "prep" and c.lower_ in AIMING_PREPS and any(
                    g.lemma_.lower() in WATER_NOUNS | {"water"} for g in c.subtree) for c in token.children)
        return trig.pos == "NOUN" and any(
            (t.ent_type_ in ("GPE", "LOC") and t.i not in self.index.by_token)
            or (trig.mode == "investigate" and t.pos_ == "NOUN") for t in target_tokens)

    def _company(self, token: Token) -> bool:
        """A named organisation the text calls a company or other non-state body ("IDT Biologika, a German
        company": nonstate_nouns.tsv), or one the organisations table lists as non-state."""
        if token.i in self.index.by_token or token.ent_type_ != "ORG":
            return False
        return token.i in self.index.nonstate_tokens or any(
            c.dep_ == "appos" and c.lemma_.lower() in nonstate_nouns() for c in token.children)

    def _sides(self, sent: Span, token: Token, trig: Trigger,
               source_tokens: list[Token], target_tokens: list[Token]) -> tuple[list[str], list[str]]:
        """Source and target parties of a trigger: from the parse, else the sentence's other party, else the pair."""
        # "they"/"their" stand for the pair only in an act two sides do together or to each other ("they met",
        # "their talks"), not "their release" (of whoever was held)
        mutual = trig.type in RECIPROCAL
        sources = self._countries(source_tokens, mutual)
        # "the Red Cross operating in Iraq", "monitors in Ukraine": where the doer is, not who it is (but "officials
        # in Tokyo", "security forces in Guinea" are that state's organs)
        subject_is_doer = trig.pos == "VERB" or (token.dep_ in ("dobj", "attr")
                                                 and token.head.lemma_.lower() not in RECEIVING_VERBS)
        doers_place = [c for c in sources if subject_is_doer and self.index.only_as_location(c, source_tokens)
                       and not _organ(source_tokens)]
        sources = [c for c in sources if c not in doers_place]
        targets = [c for c in self._countries(target_tokens, mutual) if c not in sources]
        placed = [c for c in targets if self.index.only_as_location(c, target_tokens)]
        if placed and len(placed) < len(targets):
            targets = [c for c in targets if c not in placed]  # a place among the targets is the venue
        venue: list[str] = []
        partner_named = mutual and _partner_named(token, self.index.by_token)
        if placed and targets == placed and partner_named:
            venue, targets = placed, []  # "held talks with world powers in Vienna": the partner named is no state, the
            self.non_state_acts.add(token.i)  # place is where they met (nor does the classifier make it a party)
        if trig.type == "SUPPORT" and targets and all(self.index.only_as_location(c, target_tokens)
                                                      and self._placed_in_object(c, target_tokens, token) for c in targets):
            venue, targets = targets, []  # "we support dignified movements of displaced persons within Syria": what is
            self.non_state_acts.add(token.i)  # supported there is no state's
        if targets and ((len(sources) >= 2 and (trig.type in UNDIRECTED or _exchanged(token, trig)))
                        or (sources and set(sources) <= self.index.bodies and trig.type == "CONSULT")) \
                and all(self.index.only_as_location(c, target_tokens) for c in targets):
            venue, targets = targets, []  # co-subjects or a body's members meeting somewhere, trading threats over a
            self.non_state_acts.add(token.i)  # place: the place is not a party (nor does the classifier make it one)
        one_way = trig.type not in RECIPROCAL and _co_subjects(source_tokens)
        if len(sources) >= 2 and not one_way and (not targets or (trig.type in UNDIRECTED and _absolute_with(token))):
            sources, targets = sources[:1], sources[1:]  # co-subjects of a reciprocal act act on each other
        if not sources and targets and len(targets) >= 2 and trig.type in ("CONSULT", "AGREE", "COOPERATE", "ASSAULT") \
                and not _named_as_examples(target_tokens):
            # "talks between Peru and Chile" are theirs; "talks with partners including Japan and Canada" are not
            sources, targets = targets[:1], targets[1:]
        if trig.type == "RETREAT" and not targets:
            targets = self._nationals_government(token, target_tokens, sources)
            self.nationals_acts.update((token.i, c) for c in targets)
        in_sentence = self.index.countries_in(list(sent))
        if not targets and _everyone(target_tokens + [c for c in token.children if c.dep_ == "prep"]):
            self.non_state_acts.add(token.i)  # nor does the classifier pick a party for it
            return [], []  # addressed to everybody: no dyad
        if token.lemma_.lower() in RECOGNISING and all(self.index.only_as_location(c, target_tokens) for c in targets):
            self.non_state_acts.add(token.i)  # "recognised two separatist republics in Donbas": what is recognised is
            return [], []  # the recipient; entities inside a state, or no state at all, are no support of a state
        # a noun act whose "between" names its two sides is theirs, not its broker's ("brokered a ceasefire between
        # Israel and Jordan"), and no act between states when one side is none ("between Israel and Hamas")
        between = [t for c in token.children if c.dep_ == "prep" and c.lower_ == "between" for t in c.subtree] \
            if trig.pos == "NOUN" else []
        sides = self._countries(between, True) if between else []
        if len(sides) == 1 and any(_group(t, self.index.by_token) for t in between if t.dep_ in ("pobj", "conj")):
            self.non_state_acts.add(token.i)  # nor does the classifier pick a party for it
            return [], []
        if len(sides) == 2:
            return sides[:1], sides[1:]
        if generic_noun(token, trig) and not (sources and targets):
            return [], []  # a kind of act ("armed attacks on ships"), nobody's act
        if any_kind(token, trig) and not (event_status(token, sent) == "denied" and any(
                c.dep_ == "neg" for n in token.ancestors for c in n.children)):
            self.non_state_acts.add(token.i)  # nor does the classifier make one of it
            return [], []  # "any Israeli attack": a kind of act; "did not carry out any attack" denies one
        if internal_conflict(token, trig):
            self.non_state_acts.add(token.i)
            return [], []  # "Syria's civil war": no act between states (nor does the classifier make it one)
        states = [c for c in in_sentence if len(c) == 3]
        hostile = plover_info(trig.type).quad.endswith("conflict")
        if self._non_state_doer(source_tokens):
            self.non_state_acts.update(t.i for t in token.subtree)
            return [], []  # "abducted by gunmen ... in the Afghan capital": a group's act is not its host state's
        if not targets and any(_own_object(t, token) and self._company(t) for t in target_tokens):
            self.non_state_acts.add(token.i)
            return [], []  # "a visit to IDT Biologika, a German company": a company's host is no state
        if len(sources) == 1 and self._non_party_partner(token, source_tokens, target_tokens, trig, targets):
            self.non_state_acts.update(t.i for t in token.subtree)  # and what it governs ("agreed to a truce")
            return [], []  # "Washington and the Taliban held talks": the other side is no state
        # "France's ban was copied by Italy", "Italy praised France's ban": who handles another's act is no party to it
        # (but who answers it is whom it was put to: "Serbia rejected an Australian ultimatum")
        handlers: list[str] = []
        if sources and trig.pos == "NOUN" and token.dep_ in ("dobj", "nsubjpass") and not _answers(token.head) \
                and not _received(token):
            handling = subject_tokens(token.head)  # ("exporters in Benin fear a tariff": Benin is only their place)
            handlers = [c for c in self._countries(handling, False) if not self.index.only_as_location(c, handling)]
        elif trig.pos == "VERB" and token.dep_ == "acl" and token.head.lemma_.lower() in TEXT_NOUNS \
                and (handled := _handling_verb(token.head)) is not None \
                and (handled.lemma_.lower() in VOTING_VERBS or match_trigger(handled) is not None):
            # "Russia vetoed a resolution condemning Syria": the text condemns, and who acts on it (vetoes, rejects,
            # votes against it) is not its author; who drafts, sends or signs it may be
            handling = subject_tokens(handled)
            handlers = [c for c in self._countries(handling, False) if not self.index.only_as_location(c, handling)]
        # a request noun names its asker itself ("Kyiv's request", "a request from Kyiv"): "there will be no competing
        # request", "the policy holds appeal to voters" leave nobody asking
        unasked = trig.pos == "NOUN" and trig.type == "REQUEST" and not sources
        if sources and not targets and self._aimed_elsewhere(token, trig, target_tokens):
            self.non_state_acts.add(token.i)  # nor does the classifier pick a target for it
            return sources[:MAX_SIDES], []
        # a visit verb whose subject is a craft or a model number, or that the parse gave no subject ("After the 787
        # ... arrives in Tokyo, the airline will ...", "the new jet arrives in Seoul") names no visitor: the sentence's
        # other state is no better a guess than the aircraft
        unvisited = trig.pos == "VERB" and trig.mode == "visit" and not sources and (
            not source_tokens or any(t.dep_ in SUBJECT_DEPS and t.head.i == token.i and (
                t.lemma_.lower() in CRAFT or t.pos_ == "NUM" or t.ent_type_ == "PRODUCT") for t in source_tokens))
        # nor a visit noun owned by a person the text ties to no state ("after Pelosi's visit to Taiwan")
        unvisited = unvisited or (trig.pos == "NOUN" and trig.mode == "visit" and not sources and any(
            c.dep_ == "poss" and c.pos_ == "PROPN" and c.i not in self.index.by_token for c in token.children))
        # nor an act whose subject is a happening ("an explosion in Baghdad killed five Iraqis, Iran said")
        undone = trig.pos == "VERB" and not sources and any(
            t.dep_ == "nsubj" and t.head.i == token.i and _happening(t) for t in source_tokens)
        if bool(sources) != bool(targets) and not unasked and not unvisited and not undone and (len(in_sentence) == 2 or (
                hostile and len(states) == 2 and (sources or targets)[0] in states)):
            known = sources or targets  # one side from the parse, the other the sentence's only other party
            other = [c for c in (in_sentence if len(in_sentence) == 2 else states) if c not in known + doers_place + venue]
            if sources and partner_named:
                other = [c for c in other if not self.index.only_as_location(c, list(sent))]  # a venue, as above
            other = [c for c in other if c not in handlers]
            if len(other) == 1:
                sources, targets = (sources, other) if sources else (other, targets)
        if trig.mode == "third-party" and sources and not targets:
            targets = [c for c in states if c not in sources][:2]  # a mediator's parties
        if not sources and not targets and self._stands_for_pair(_clause_text(token), sent, mutual):
            pair = self._pair_for(sent)
            sources, targets = pair[:1], pair[1:]
        if not sources and not targets and dated_background_noun(token, trig) and len(states) == 2:
            sources, targets = states[:1], states[1:]  # "under a 1951 treaty with Manila"
        if len(sources) == 1 and not targets and len(self.pair) == 2 and sources[0] in self.pair and hostile \
                and trig.type != "REQUEST" and not _co_subjects(source_tokens):
            counterpart = next(c for c in self.pair if c != sources[0])
            if counterpart in in_sentence and counterpart not in handlers:
                targets = [counterpart]  # a hostile act of one side of the story, aimed at the other side named here
        if len(sources) == 1 and not targets and len(self.pair) == 2 and sources[0] in self.pair \
                and not (plover_info(trig.type).quad.startswith("verbal") and _names_someone(target_tokens)):
            others = set(in_sentence) - {sources[0]}
            # a call addressed to no state is a plain appeal, which is not coded (REAL-DEV.md 7); an inquiry whose
            # object is unnamed is into people or an incident, not the other state
            counterpart = [c for c in self.pair if c != sources[0]]
            if not others and trig.type not in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST") \
                    and trig.mode != "investigate" and self._named_in_paragraph(sent, counterpart[0]):
                targets = counterpart  # the counterpart is implicit (when the paragraph or the one before names
                # it: a domestic act in a story about two states, "Sweden also banned public gatherings", has none)
        if unasked and not sources:
            self.non_state_acts.add(token.i)  # nor does the classifier pick an asker for it
        return sources[:MAX_SIDES], targets[:MAX_SIDES]
