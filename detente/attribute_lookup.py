"""The model's attribute-ruler rules applied by table lookup instead of spaCy's Matcher.

``en_core_web_sm``'s attribute ruler maps each fine-grained tag to its coarse POS and morphology, and fixes a few
dozen words ("that" as a relative pronoun, "something" as a pronoun). Its rules are fixed-length token patterns
of equality, set membership and a few regexes, yet the generic Matcher tries every rule at every token: it cost
13-16 ms of a ~90 ms parse per article in a stage profile of a 1k ingest. Here the same rules, read from the loaded model, are
indexed by the value of one attribute each, so a token only checks the few rules that could match it. The
attributes each rule sets, and the order in which later rules win, are the ruler's own. A model whose rules
use anything beyond equality, IN, NOT_IN and REGEX (operators, extension attributes) keeps spaCy's component
(:func:`compile_rules` returns ``None``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# (token offset in the pattern, column, test): a test is a set of accepted values, ("not", rejected values) or
# a compiled regex searched in the attribute's string
Test = frozenset[int] | tuple[str, frozenset[int]] | re.Pattern[str]
Check = tuple[int, int, Test]

# Attributes a rule may test, read for the whole doc at once with Doc.to_array; the first one a rule tests
# in this order is the one it is indexed by (the most selective first).
COLUMNS = ("LOWER", "ORTH", "TAG", "DEP", "POS", "IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA", "SHAPE")
ALIASES = {"TEXT": "ORTH"}


@dataclass(frozen=True)
class Rule:
    order: int  # the ruler's rule number: a later rule's attributes win
    length: int  # tokens in the pattern
    index: int  # which of them the attributes go to (negative counts from the end)
    checks: tuple[Check, ...]


@dataclass
class CompiledRules:
    vocab: Vocab
    columns: list[int]  # attribute ids read from the doc
    anchors: list[int]  # the positions in ``columns`` that some rule is indexed by
    # (column position, value at a rule's first token) -> (rules that hit that token outright, rules to check)
    by_key: dict[tuple[int, int], tuple[tuple[int, ...], tuple[Rule, ...]]]
    unanchored: list[Rule]  # rules whose first token has no set of accepted values: tried at every token
    attrs: list[dict]  # the ruler's normalized attributes per rule number
    merged: dict[tuple[int, ...], dict]  # the attributes of a set of rules that hit one token, later rules winning
    searched: dict[tuple[int, int], bool] = field(default_factory=dict)  # (regex id, value hash) -> found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array(self.columns).tolist()
        by_key, anchors, n = self.by_key, self.anchors, len(table)
        if len(self.searched) > SEARCHED_MAX:  # the long tail of words: keep the cache bounded
            self.searched.clear()
        extra = self._first_token_matches(table) if self.unanchored else {}
        hits: dict[int, list[int]] = {}
        for i, row in enumerate(table):
            for column in anchors:
                entry = by_key.get((column, row[column]))
                if entry is None:
                    continue
                direct, rules = entry
                if direct:
                    hits.setdefault(i, []).extend(direct)
                for rule in rules:
                    if i + rule.length <= n and self._holds(table, i, rule):
                        hits.setdefault(i + rule.index % rule.length, []).append(rule.order)
            for rule in extra.get(i, ()):
                if i + rule.length <= n and self._holds(table, i, rule):
                    hits.setdefault(i + rule.index % rule.length, []).append(rule.order)
        merged = self.merged
        for i, orders in hits.items():
            key = tuple(sorted(set(orders)))
            attrs = merged.get(key)
            if attrs is None:
                attrs = merged[key] = {k: v for order in key for k, v in self.attrs[order].items()}
            set_token_attrs(doc[i], attrs)
        return doc

    def _holds(self, table: list[list[int]], i: int, rule: Rule) -> bool:
        for offset, column, test in rule.checks:
            value = table[i + offset][column]
            if isinstance(test, frozenset):
                if value not in test:
                    return False
            elif isinstance(test, tuple):
                if value in test[1]:
                    return False
            elif not self._search(test, value):
                return False
        return True

    def _search(self, test: re.Pattern[str], value: int) -> bool:
        key = (id(test), value)
        found = self.searched.get(key)
        if found is None:
            found = self.searched[key] = test.search(self.vocab.strings[value]) is not None
        return found

    def _first_token_matches(self, table: list[list[int]]) -> dict[int, list[Rule]]:
        """The tokens where an unanchored rule's first-token regex holds, each distinct value searched once."""
        found: dict[int, list[Rule]] = {}
        for rule in self.unanchored:
            first = [test for offset, _, test in rule.checks if offset == 0 and isinstance(test, re.Pattern)]
            column = next((c for offset, c, test in rule.checks if offset == 0 and isinstance(test, re.Pattern)), None)
            if column is None:  # no regex to narrow it down: try it everywhere
                for i in range(len(table)):
                    found.setdefault(i, []).append(rule)
                continue
            values = {row[column] for row in table}
            matching = {v for v in values if all(self._search(t, v) for t in first)}
            for i, row in enumerate(table):
                if row[column] in matching:
                    found.setdefault(i, []).append(rule)
        return found


SEARCHED_MAX = 200_000
FLAGS = ("IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA")


def _test(vocab: Vocab, column: str, value: object) -> Test | None:
    """One pattern entry as a test on the integers Doc.to_array gives, or None if it is beyond this module."""
    def as_int(v: object) -> int | None:
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, str) and column not in FLAGS:
            return vocab.strings.add(v)
        return None

    if not isinstance(value, dict):
        one = as_int(value)
        return None if one is None else frozenset([one])
    if len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "REGEX" and isinstance(arg, str) and column not in FLAGS:
        return re.compile(arg)
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        values = [as_int(v) for v in arg]
        if any(v is None for v in values):
            return None
        accepted = frozenset(v for v in values if v is not None)
        return accepted if op == "IN" else ("not", accepted)
    return None


def compile_rules(ruler: AttributeRuler) -> CompiledRules | None:
    """The ruler's rules as lookup tables, or None when one of them is beyond equality, sets and regexes."""
    rules: list[tuple[Rule, Check | None]] = []
    for order, spec in enumerate(ruler.patterns):
        if "_" in spec["attrs"]:
            return None
        for pattern in spec["patterns"]:
            index = spec.get("index", 0)
            if not isinstance(pattern, list) or not pattern or not -len(pattern) <= index < len(pattern):
                return None  # spaCy's component reports a bad index; leave that to it
            checks: list[Check] = []
            for offset, entry in enumerate(pattern):
                for key, value in entry.items():
                    name = ALIASES.get(key, key)
                    test = _test(ruler.vocab, name, value) if name in COLUMNS else None
                    if test is None:
                        return None
                    checks.append((offset, COLUMNS.index(name), test))
            indexable = [c for c in checks if c[0] == 0 and isinstance(c[2], frozenset)]
            anchor = min(indexable, key=lambda c: c[1]) if indexable else None
            rules.append((Rule(order, len(pattern), index, tuple(c for c in checks if c is not anchor)), anchor))
    # read only the attributes some rule tests, renumbered in that order
    used = sorted({c for rule, anchor in rules for _, c, _ in rule.checks + ((anchor,) if anchor else ())})
    place = {column: i for i, column in enumerate(used)}
    by_key: dict[tuple[int, int], tuple[list[int], list[Rule]]] = {}
    unanchored: list[Rule] = []
    for rule, anchor in rules:
        rule = Rule(rule.order, rule.length, rule.index, tuple((off, place[c], t) for off, c, t in rule.checks))
        if anchor is None:
            unanchored.append(rule)
            continue
        for value in anchor[2]:  # type: ignore[union-attr]
            direct, checked = by_key.setdefault((place[anchor[1]], value), ([], []))
            if rule.length == 1 and not rule.checks:
                direct.append(rule.order)
            else:
                checked.append(rule)
    anchors = sorted({column for column, _ in by_key})
    frozen = {key: (tuple(direct), tuple(checked)) for key, (direct, checked) in by_key.items()}
    return CompiledRules(ruler.vocab, [IDS[COLUMNS[c]] for c in used], anchors, frozen, unanchored,
                         list(ruler.attrs), {})


@Language.factory("detente_attribute_lookup", default_config={"source": "attribute_ruler"})
def make_attribute_lookup(nlp: Language, name: str, source: str) -> CompiledRules:
    """The rules of the pipeline's attribute ruler ``source`` as lookup tables (see :func:`use_attribute_lookup`)."""
    compiled = compile_rules(nlp.get_pipe(source))
    if compiled is None:
        raise ValueError(f"the rules of {source!r} go beyond equality, sets and regexes; keep that component")
    return compiled


def use_attribute_lookup(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the lookup in place of the model's attribute ruler; False (ruler kept) if its rules do not compile."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    if compile_rules(nlp.get_pipe(name)) is None:
        return False
    nlp.add_pipe("detente_attribute_lookup", after=name, config={"source": name})
    nlp.remove_pipe(name)
    return True
