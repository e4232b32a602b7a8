"""Event-type accuracy on the PLOVER gold-standard records (``python -m bench.peer_events [--errors N]``).

../shared/peer-suites/events/PLOVER_GSR_CAMEO.txt holds 322 sentences hand-coded in PLOVER v0.5 by the
OEDA (Parus Analytics) from the CAMEO manual's examples; its old type names are mapped to the current 16
(FIGHT → ASSAULT, DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE). Dates in it are placeholders,
so only the type (and, where both sides are states, the dyad) is scored. Reported:

- event coverage: sentences where we code at least one event (source and target found);
- type accuracy: of those, sentences whose first event has the gold type (and where any event has it);
- trigger coverage / accuracy: the same for the lexicon alone, ignoring actors, which says how much of the gap
  is vocabulary and how much is actors that are not states ("police", "rebels", "protesters").
The file's records are hand-coded examples, not a coder's output, so there is no published peer figure on it;
PETRARCH-2's authors report CAMEO root accuracy only on their own validation records (see the report).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.events.roles import sentence_triggers
from detente.nlp import load_nlp

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "events" / "PLOVER_GSR_CAMEO.txt"
OLD_NAMES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
REF = (date(2000, 1, 1), date(2000, 1, 1))


def load_records(path: Path = PEER) -> list[dict]:
    """Sentence records with the gold type under current PLOVER names."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    for r in records:
        r["gold"] = OLD_NAMES.get(r["event"], r["event"])
    return records


def score(records: list[dict]) -> dict:
    nlp = load_nlp()
    n = len(records)
    covered = first_ok = any_ok = trig_cov = trig_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[tuple[str, str, str]] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = record["gold"]
        actors = resolve_actors(doc, nlp)
        events = extract_events(doc, "peer", actors, REF)
        triggers = [trig.type for sent in doc.sents for _, trig in sentence_triggers(sent, set())]
        if triggers:
            trig_cov += 1
            trig_ok += triggers[0] == gold
        if not events:
            if not triggers:
                misses.append((gold, "-", record["text"]))
            continue
        covered += 1
        first = events[0].type
        first_ok += first == gold
        any_ok += any(e.type == gold for e in events)
        if first != gold:
            confusion[(gold, first)] += 1
            misses.append((gold, first, record["text"]))
    return {
        "sentences": n,
        "event_coverage": covered / n,
        "type_accuracy_first": first_ok / covered if covered else 0.0,
        "type_accuracy_any": any_ok / covered if covered else 0.0,
        "trigger_coverage": trig_cov / n,
        "trigger_type_accuracy": trig_ok / trig_cov if trig_cov else 0.0,
        "confusion": confusion.most_common(12),
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong or uncoded sentences")
    parser.add_argument("--path", type=Path, default=PEER)
    args = parser.parse_args()
    result = score(load_records(args.path))
    print(f"PLOVER GSR ({result['sentences']} sentences; v0.5 names mapped: FIGHT→ASSAULT, DEMAND→REQUEST, "
          "DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE)")
    for key in ("event_coverage", "type_accuracy_first", "type_accuracy_any", "trigger_coverage", "trigger_type_accuracy"):
        print(f"  {key:24s} {result[key]:.3f}")
    print("  most frequent confusions (gold → ours):")
    for (gold, ours), count in result["confusion"]:
        print(f"    {gold:10s} → {ours:10s} {count}")
    for gold, ours, text in result["misses"][: args.errors]:
        print(f"  [{gold} → {ours}] {text}")


if __name__ == "__main__":
    main()
