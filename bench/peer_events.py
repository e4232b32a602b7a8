"""Event types on the PLOVER gold-standard records (``python -m bench.peer_events [--errors N]``).

../shared/peer-suites/events/PLOVER_GSR_CAMEO.txt holds 322 sentences hand-coded in PLOVER v0.5 by the
OEDA (Parus Analytics) from the CAMEO manual's examples; its old type names are mapped to the current 16
(FIGHT → ASSAULT, DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE). Dates in it are placeholders,
so only the type and the dyad are scored. Reported:

- type recall: sentences where we code an event of the gold type (any parties), over all sentences;
- the same over the state-to-state subset: sentences whose every coded party is a state or an intergovernmental body
  acting as such (no sector, or a government, military, legislative or judicial sector), with two different parties
  when a target is given. The GSR also codes rebels, police, protesters and civilians with their country's code; by
  our conventions (../shared/gold/REAL-DEV.md section 4) those acts are never coded, so this subset is the fair one;
- dyad+type recall on that subset: an event of the gold type between the gold states (either way for
  undirected types);
- events per sentence coded outside the gold type (a precision proxy: the GSR codes one event per sentence).
The file's records are hand-coded examples, not a coder's output, so there is no published peer figure on it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.events.ontology import plover_category
from detente.nlp import load_nlp
from detente.quotes import extract_quotes

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "events" / "PLOVER_GSR_CAMEO.txt"
OLD_NAMES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
REF = (date(2000, 1, 1), date(2000, 1, 1))


STATE_SECTORS = frozenset({"", "GOV", "MIL", "LEG", "JUD"})
UNDIRECTED = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _parties(value) -> list[dict]:
    if not value:
        return []
    return [a for a in (value if isinstance(value, list) else [value]) if isinstance(a, dict)]


def state_to_state(record: dict) -> bool:
    """Every party a state (or IGO) acting as such, and the target, when given, another party."""
    sources, targets = _parties(record.get("source")), _parties(record.get("target"))
    parties = sources + targets
    if not sources or any(p.get("sector", "") not in STATE_SECTORS for p in parties):
        return False
    return not targets or {p.get("code") for p in sources} != {p.get("code") for p in targets} or len(sources) > 1


def load_records(path: Path = PEER) -> list[dict]:
    """Sentence records with the gold type under current PLOVER names."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    for r in records:
        r["gold"] = OLD_NAMES.get(r["event"], r["event"])
        r["state"] = state_to_state(r)
    return records


def _dyad_ok(record: dict, events) -> bool:
    sources = {p.get("code") for p in _parties(record.get("source"))}
    targets = {p.get("code") for p in _parties(record.get("target"))} or sources
    for e in events:
        if plover_category(e.type, e.status) != record["gold"]:
            continue
        if e.source in sources and e.target in targets:
            return True
        if e.type in UNDIRECTED and e.target in sources and e.source in targets:
            return True
    return False


def score(records: list[dict]) -> dict:
    nlp = load_nlp()
    n = len(records)
    hits = state_n = state_hits = dyad_hits = other = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[tuple[str, str, str, bool]] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold = record["gold"]
        actors = resolve_actors(doc, nlp)
        events = extract_events(doc, "peer", actors, REF, extract_quotes(doc, "peer", actors))
        types = [plover_category(e.type, e.status) for e in events]
        hit = gold in types
        hits += hit
        other += len([t for t in set(types) if t != gold])
        if record["state"]:
            state_n += 1
            state_hits += hit
            dyad_hits += _dyad_ok(record, events)
        if not hit:
            confusion[(gold, types[0] if types else "-")] += 1
            misses.append((gold, ",".join(sorted(set(types))) or "-", record["text"], record["state"]))
    return {
        "sentences": n,
        "type_recall": hits / n,
        "state_sentences": state_n,
        "type_recall_state": state_hits / state_n if state_n else 0.0,
        "dyad_type_recall_state": dyad_hits / state_n if state_n else 0.0,
        "other_types_per_sentence": other / n,
        "confusion": confusion.most_common(12),
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong or uncoded sentences")
    parser.add_argument("--state-only", action="store_true", help="print only misses on state-to-state sentences")
    parser.add_argument("--path", type=Path, default=PEER)
    args = parser.parse_args()
    result = score(load_records(args.path))
    print(f"PLOVER GSR ({result['sentences']} sentences; v0.5 names mapped: FIGHT→ASSAULT, DEMAND→REQUEST, "
          "DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE)")
    print(f"  type recall, all {result['sentences']} sentences   {result['type_recall']:.3f}")
    print(f"  type recall, {result['state_sentences']} state-to-state    {result['type_recall_state']:.3f}")
    print(f"  dyad+type recall, state-to-state {result['dyad_type_recall_state']:.3f}")
    print(f"  other types coded per sentence   {result['other_types_per_sentence']:.3f}")
    print("  most frequent confusions (gold → ours):")
    for (gold, ours), count in result["confusion"]:
        print(f"    {gold:10s} → {ours:10s} {count}")
    misses = [m for m in result["misses"] if m[3] or not args.state_only]
    for gold, ours, text, state in misses[: args.errors]:
        print(f"  [{gold} → {ours}]{' (state)' if state else ''} {text}")


if __name__ == "__main__":
    main()
