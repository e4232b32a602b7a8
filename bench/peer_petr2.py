"""Our PLOVER type against PETRARCH2's codings of its validation sentences (``python -m bench.peer_petr2``).

../shared/peer-suites/events/PETR2_GSR_validation.xml (openeventdata/UniversalPetrarch, MIT) holds 78 news and test
sentences with the CAMEO codes PETRARCH2 produced for them, hand-corrected in 2018. Its codes are a peer's answers,
not ground truth: PETRARCH2 agrees with them by construction (its authors published no accuracy figure on the
file; the file says the codings are "based on the PETR-2 output", so the peer's own figure is ~1.00 less the hand
fixes). We map each CAMEO code to its PLOVER type (the PLOVER table of docs/design.md: 03 AGREE ... 18-20 ASSAULT; 01 statements
and 02 appeals have no PLOVER type and are left out) and report, over sentences with at least one mappable coding:

- coverage: sentences where we code any event;
- type agreement: of the peer's mappable codings, the share for which we give an event of that type in the sentence;
- dyad+type agreement: the same, also requiring our source and target to be the peer's when both are states;
- no-event agreement: of the sentences the peer codes as having no event, the share where we code none.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.nlp import load_nlp

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "events" / "PETR2_GSR_validation.xml"
REF = (date(2008, 8, 6), date(2008, 8, 6))
ROOTS = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "09": "ACCUSE",
         "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
         "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}
UNDIRECTED = {"AGREE", "CONSULT", "COOPERATE"}
TAGS = re.compile(r"<(?P<tag>Sentence|EventCoding)(?P<attrs>[^>]*)/?>|<(?P<tag2>Text)>(?P<body>.*?)</Text>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def plover_type(code: str) -> str | None:
    """PLOVER type of a CAMEO code: 081-083 CONCEDE, 084-087 RETREAT, else by root; None for 01/02."""
    if code.startswith("08"):
        return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
    return ROOTS.get(code[:2])


def load_records(path: Path = PEER) -> list[dict]:
    """[{id, text, codings: [(type, source, target)], noevent}] in file order.

    The file is not well-formed XML (stray closing tags), so its three record tags are read with a pattern.
    """
    text = path.read_text(encoding="utf-8")
    records: list[dict] = []
    for match in TAGS.finditer(text):
        tag, attrs, body = match.group("tag") or match.group("tag2"), dict(ATTR.findall(match.group("attrs") or "")), match.group("body")
        if tag == "Sentence":
            records.append({"id": attrs.get("id"), "text": "", "codings": [], "noevent": False})
        elif tag == "EventCoding" and records:
            if attrs.get("noevents"):
                records[-1]["noevent"] = True
            elif (etype := plover_type(attrs.get("eventcode", ""))) is not None:
                records[-1]["codings"].append((etype, attrs.get("sourcecode", ""), attrs.get("targetcode", "")))
        elif tag == "Text" and records:
            records[-1]["text"] = re.sub(r"\s+", " ", body or "").strip()
    return [r for r in records if r["text"]]


def _state(code: str) -> bool:
    return len(code) >= 3 and code[:3].isalpha() and code[:3] not in ("IGO", "IMG", "NGO", "MNC")


def _dyad_ok(event, etype: str, source: str, target: str) -> bool:
    if not (_state(source) and _state(target)):
        return True  # the peer codes a non-state ("---REB", an IGO): type only
    pair = (event.source, event.target)
    source, target = source[:3], target[:3]  # "USAGOV" is the US government: the state is its first three letters
    return pair == (source, target) or (etype in UNDIRECTED and pair == (target, source))


def score(records: list[dict]) -> dict:
    nlp = load_nlp()
    coded = [r for r in records if r["codings"]]
    quiet = [r for r in records if r["noevent"]]
    covered = type_ok = dyad_ok = total = quiet_ok = 0
    misses: list[tuple[str, str, str]] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        events = extract_events(doc, "peer", resolve_actors(doc, nlp), REF)
        if record["noevent"]:
            quiet_ok += not events
        if not record["codings"]:
            continue
        covered += bool(events)
        for etype, source, target in record["codings"]:
            total += 1
            same_type = [e for e in events if e.type == etype]
            type_ok += bool(same_type)
            dyad_ok += any(_dyad_ok(e, etype, source, target) for e in same_type)
            if not same_type:
                ours = ",".join(sorted({e.type for e in events})) or "-"
                misses.append((f"{etype} {source}→{target}", ours, record["text"]))
    return {
        "sentences": len(coded),
        "codings": total,
        "coverage": covered / len(coded) if coded else 0.0,
        "type_agreement": type_ok / total if total else 0.0,
        "dyad_type_agreement": dyad_ok / total if total else 0.0,
        "noevent_sentences": len(quiet),
        "noevent_agreement": quiet_ok / len(quiet) if quiet else 0.0,
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many codings we miss")
    parser.add_argument("--path", type=Path, default=PEER)
    args = parser.parse_args()
    result = score(load_records(args.path))
    print(f"PETRARCH2 validation ({result['sentences']} sentences with {result['codings']} PLOVER-mappable codings; "
          f"{result['noevent_sentences']} no-event sentences)")
    for key in ("coverage", "type_agreement", "dyad_type_agreement", "noevent_agreement"):
        print(f"  {key:22s} {result[key]:.3f}")
    print("  PETRARCH2 on the same file: ~1.000 by construction (its own output, hand-corrected); no published figure")
    for gold, ours, text in result["misses"][: args.errors]:
        print(f"  [{gold} → {ours}] {text[:160]}")


if __name__ == "__main__":
    main()
