"""Event status against factuality gold: the MEANTIME test split of the unified factuality corpus (Stanovsky et al.
2017, values in [-3, 3]) and the full MEANTIME English event mentions (four classes).

    python -m bench.peer_factuality [--suite unified|meantime|all] [--errors N]

Our status is read for each gold event token with ``detente.events.status.event_status`` on the project's spaCy
parse of the sentence (the corpus's own tokens, so every gold token is one of ours) and mapped to the scale by
``STATUS_SCALE`` below, the one table that says what each status means on it.

unified: mean absolute error and Pearson r over the valued tokens (each scored once), beside the published
supervised model (its released predictions, rescored here the same way) and the trivial "everything is factual"
(3.0) answer. meantime: four classes from MEANTIME's three axes -- negated (polarity NEG), uncertain (certainty
PROBABLE or POSSIBLE), future (time FUTURE), else fact -- against ours (``STATUS_CLASS``); accuracy and per-class
F1 over the mentions of sentences 0-5, beside the all-fact answer.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc, Token

from bench.timeml_suites import SUITES, read_meantime

UNIFIED = SUITES / "factuality" / "meantime-unified"

# Our status on the unified factuality scale. The scale (Stanovsky et al. 2017, after Saurí and Pustejovsky's
# FactBank) measures the author's commitment that the event does or will happen and ignores its time: MEANTIME's
# "certain, positive, future" is 3.0. So a plan ("will visit", "is due to sign") is as factual as a past act; a
# hypothetical is MEANTIME's POSSIBLE (0.75); a denied act (the text negates it) and a refused one (the declined
# action of "refused to sign") are certainly not (-3.0).
STATUS_SCALE = {"happened": 3.0, "planned": 3.0, "hypothetical": 0.75, "denied": -3.0, "refused": -3.0}
# Our status as MEANTIME's four classes (see the module docstring for theirs).
STATUS_CLASS = {"happened": "fact", "planned": "future", "hypothetical": "uncertain", "denied": "negated",
                "refused": "negated"}
PUBLISHED = "Stanovsky et al. 2017 supervised (ACL 2017; recomputed from the released predictions): MAE 0.243, r 0.412"


def _spaces(words: list[str]) -> list[bool]:
    from bench.timeml_suites import NO_SPACE_AFTER, NO_SPACE_BEFORE

    return [i + 1 < len(words) and not NO_SPACE_BEFORE.match(words[i + 1]) and w not in NO_SPACE_AFTER
            for i, w in enumerate(words)]


def _read_conll(path: Path) -> list[list[list[str]]]:
    sentences: list[list[list[str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        sentences[-1].append(line.split("\t"))
    return [s for s in sentences if s]


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (sx * sy) if sx and sy else float("nan")


def run_unified(errors: list[str] | None = None) -> dict[str, tuple[float, float]]:
    from detente.nlp import load_nlp

    nlp = load_nlp()
    gold_sents = _read_conll(UNIFIED / "test.conll")
    pred_sents = _read_conll(UNIFIED / "pred_stanovsky2017_supervised.conll")
    gold: list[float] = []
    ours: list[float] = []
    theirs: list[float] = []
    for sent, their_sent in zip(gold_sents, pred_sents, strict=True):
        words = [row[1] for row in sent]
        doc = nlp(Doc(nlp.vocab, words=words, spaces=_spaces(words)))
        for i, row in enumerate(sent):
            if row[2] == "_":
                continue
            value = float(row[2])
            status = event_status_of(doc[i])
            gold.append(value)
            ours.append(STATUS_SCALE[status])
            their = their_sent[i][2]
            theirs.append(3.0 if their in ("_", "DEFAULT") else float(their))
            if errors is not None and STATUS_SCALE[status] != value:
                errors.append(f"gold {value:+.2f} ours {status:12s} {row[1]!r}: {' '.join(words)}")
    out = {}
    for name, values in (("detente", ours), ("stanovsky2017", theirs), ("all factual", [3.0] * len(gold))):
        mae = sum(abs(a - b) for a, b in zip(values, gold, strict=True)) / len(gold)
        out[name] = (mae, _pearson(values, gold))
    out["_n"] = (len(gold), 0.0)
    return out


def meantime_class(certainty: str, polarity: str, time: str) -> str:
    if polarity == "NEG":
        return "negated"
    if certainty in ("PROBABLE", "POSSIBLE"):
        return "uncertain"
    if time == "FUTURE":
        return "future"
    return "fact"


def run_meantime(errors: list[str] | None = None) -> dict[str, object]:
    from detente.nlp import load_nlp

    nlp = load_nlp()
    pairs: list[tuple[str, str]] = []
    for doc_gold in read_meantime():
        doc = nlp(doc_gold.text)
        for event in doc_gold.events:
            if event.start >= (doc_gold.scored_until or len(doc_gold.text)):
                continue
            if "UNDERSPECIFIED" in (event.certainty, event.polarity, event.time) or not event.certainty:
                continue
            span = doc.char_span(event.start, event.end, alignment_mode="expand")
            if span is None:
                continue
            token = span.root
            status = event_status_of(token)
            gold = meantime_class(event.certainty, event.polarity, event.time)
            pairs.append((gold, STATUS_CLASS[status]))
            if errors is not None and STATUS_CLASS[status] != gold:
                errors.append(f"gold {gold:9s} ours {status:12s} {event.text!r}: {token.sent.text.strip()[:150]}")
    return {"pairs": pairs}


def event_status_of(token: Token) -> str:
    from detente.events.status import event_status

    return event_status(token, token.sent)


def _class_table(pairs: list[tuple[str, str]]) -> list[str]:
    lines = []
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    baseline = sum(g == "fact" for g, _ in pairs) / len(pairs)
    lines.append(f"  {len(pairs)} mentions: accuracy {accuracy:.3f} (all-fact answer {baseline:.3f})")
    gold_counts, pred_counts = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    for cls in ("fact", "future", "uncertain", "negated"):
        tp = sum(g == p == cls for g, p in pairs)
        p = tp / pred_counts[cls] if pred_counts[cls] else 0.0
        r = tp / gold_counts[cls] if gold_counts[cls] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"    {cls:9s} gold {gold_counts[cls]:4d} ours {pred_counts[cls]:4d}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
    confusion = Counter(pairs)
    lines.append("    confusion (gold -> ours): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(confusion.items())
                                                           if g != p))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", choices=["unified", "meantime", "all"], default="all")
    parser.add_argument("--errors", type=int, default=0, help="print the first N disagreements")
    args = parser.parse_args()
    if args.suite in ("unified", "all"):
        errors: list[str] = []
        result = run_unified(errors)
        print(f"unified MEANTIME test: {int(result['_n'][0])} valued event tokens")
        for name in ("detente", "stanovsky2017", "all factual"):
            mae, r = result[name]
            print(f"  {name:14s} MAE {mae:.3f}  r {r:.3f}")
        print(f"  published: {PUBLISHED}; all-factual baseline MAE 0.315")
        for line in errors[: args.errors]:
            print("   ", line)
    if args.suite in ("meantime", "all"):
        errors = []
        result = run_meantime(errors)
        print("MEANTIME English, four factuality classes (sentences 0-5, all three axes specified)")
        for line in _class_table(result["pairs"]):
            print(line)
        print("  published: none for this setting")
        for line in errors[: args.errors]:
            print("   ", line)


if __name__ == "__main__":
    main()
