"""Our quote extraction against textacy's ``direct_quotations`` on the gold-annotated articles.

Both run on the same cleaned bodies and the same spaCy parse, and are scored the way ``detente eval``
scores quotes (a prediction matches a gold quote when its span overlaps the gold ``text_start``; the
speaker is judged with the harness's ``speaker_ok``). textacy only finds direct quotations, so the
table also shows recall on each kind of gold quote (direct, mixed, indirect) alone: real news reports
most speech indirectly ("officials said the talks would resume"), which quotation marks never find.
kind_acc is how often a matched prediction has the gold's kind (textacy's are all "direct").

    python -m bench.quotes_vs_textacy                 # real-dev and seeds (../shared), examples/
    python -m bench.quotes_vs_textacy --misses        # list what each system missed or invented
    python -m bench.quotes_vs_textacy --sets real-dev # one set only

textacy is not a dependency of Détente. To include it, install it next to the package, e.g. in a
scratch venv that can see ours (a .pth file pointing at .venv's site-packages), then
``pip install textacy==0.13.0`` there; the script prints the exact commands when textacy is missing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    ("real-dev", ROOT.parent / "shared" / "corpus" / "real-dev", ROOT.parent / "shared" / "gold" / "real-dev.json"),
    ("seeds", ROOT.parent / "shared" / "corpus" / "seeds", ROOT.parent / "shared" / "gold" / "seeds.json"),
    ("examples", ROOT / "examples" / "corpus", ROOT / "examples" / "gold.json"),
]


@dataclass
class Pred:
    start: int
    end: int
    speaker: str | None
    text: str
    actor_name: str | None = None
    kind: str | None = None  # direct | mixed | indirect; None when the system does not say


KINDS = ("direct", "mixed", "indirect")


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    hits: int = 0
    speaker_ok: int = 0
    kind_ok: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    hits_by_kind: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    notes: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        p = self.hits / self.predicted if self.predicted else 0.0
        r = self.hits / self.gold if self.gold else 0.0
        row: dict[str, float] = {
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        }
        for kind in KINDS:
            gold = self.gold_by_kind.get(kind, 0)
            row[f"recall_{kind}"] = round(self.hits_by_kind.get(kind, 0) / gold, 3) if gold else "-"
        row.update({"speaker_acc": round(self.speaker_ok / self.hits, 3) if self.hits else 0.0,
                    "kind_acc": round(self.kind_ok / self.hits, 3) if self.hits else 0.0,
                    "predicted": self.predicted, "gold": self.gold})
        return row


def ours(doc: Doc) -> list[Pred]:
    from detente.actors import resolve_actors
    from detente.quotes import extract_quotes

    captions = doc.user_data.get("captions", [])  # the pipeline resolves caption people too: speakers may be named there
    actors = resolve_actors(doc, captions=captions)
    names = {a.id: a.name for a in actors.actors}
    quotes = extract_quotes(doc, "bench", actors)
    return [Pred(q.char_start, q.char_end, q.speaker, q.text, names.get(q.speaker_actor or ""), q.quote_type)
            for q in quotes]


def textacy_quotes(doc: Doc) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    preds = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on an odd number of quotation marks (quotes running over paragraphs)
        return []
    for triple in triples:
        who = sorted(t.i for t in triple.speaker)
        speaker = doc[who[0] : who[-1] + 1].text if who else None
        content = triple.content
        preds.append(Pred(content.start_char, content.end_char, speaker, content.text, kind="direct"))
    return preds


def score(docs: list[tuple[dict, Doc]], system: Callable[[Doc], list[Pred]]) -> Score:
    from detente.eval.fields_quotes import speaker_ok
    from detente.eval.normalize import find_all

    total = Score()
    for gold_article, doc in docs:
        gold = gold_article.get("quotes", [])
        preds = system(doc)
        total.gold += len(gold)
        for g in gold:
            total.gold_by_kind[g.get("kind", "direct")] = total.gold_by_kind.get(g.get("kind", "direct"), 0) + 1
        total.predicted += len(preds)
        candidates = []
        for gi, g in enumerate(gold):
            for span in find_all(doc.text, g["text_start"]):
                for pi, p in enumerate(preds):
                    overlap = min(span[1], p.end) - max(span[0], p.start)
                    if overlap > 0:
                        candidates.append((overlap, gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            total.hits += 1
            kind = gold[gi].get("kind", "direct")
            total.hits_by_kind[kind] = total.hits_by_kind.get(kind, 0) + 1
            ok = speaker_ok(gold[gi]["speaker"], preds[pi].speaker, preds[pi].actor_name)
            total.speaker_ok += ok
            total.kind_ok += preds[pi].kind == kind
            if preds[pi].kind != kind:
                total.notes.append(f"{gold_article['id']}: kind {preds[pi].kind}, gold {kind}: {gold[gi]['text_start'][:50]!r}")
            if not ok:
                total.notes.append(f"{gold_article['id']}: speaker {preds[pi].speaker!r}, gold {gold[gi]['speaker']!r}")
        total.notes += [f"{gold_article['id']}: missed {gold[i].get('kind')} {gold[i]['text_start'][:60]!r} by {gold[i]['speaker']!r}"
                        for i in range(len(gold)) if i not in used_g]
        total.notes += [f"{gold_article['id']}: extra {preds[i].text[:60]!r}" for i in range(len(preds)) if i not in used_p]
    return total


def load_docs(folder: Path, gold_path: Path) -> list[tuple[dict, Doc]]:
    from detente.ingest import iter_documents
    from detente.nlp import load_nlp
    from detente.pipeline import prepare

    gold = {a["id"]: a for a in json.loads(gold_path.read_text(encoding="utf-8"))["articles"] if "quotes" in a}
    prepared = [prepare(raw) for raw in iter_documents([folder]) if getattr(raw, "doc_name", None) in gold]
    docs = list(load_nlp().pipe([p.cleaned.body for p in prepared]))
    for p, doc in zip(prepared, docs, strict=True):
        doc.user_data["captions"] = list(p.cleaned.captions)
    return [(gold[p.raw.doc_name], doc) for p, doc in zip(prepared, docs, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses, extras and wrong speakers")
    parser.add_argument("--sets", nargs="*", default=[name for name, _, _ in SETS], help="which gold sets to score")
    args = parser.parse_args()
    systems: dict[str, Callable[[Doc], list[Pred]]] = {"detente": ours}
    try:
        import textacy  # noqa: F401

        systems["textacy.direct_quotations"] = textacy_quotes
    except ImportError:
        print("textacy is not installed, so only Détente is scored. To compare, install it where this package is "
              "importable (it is not a Détente dependency), e.g.:\n"
              "  python -m venv /tmp/tx\n"
              "  .venv/bin/python -c 'import site; print(site.getsitepackages()[0])' > /tmp/tx/lib/python3.11/site-packages/detente.pth\n"
              "  /tmp/tx/bin/pip install textacy==0.13.0\n"
              "  /tmp/tx/bin/python -m bench.quotes_vs_textacy\n")
    results = {}
    for name, folder, gold_path in SETS:
        if name not in args.sets:
            continue
        if not gold_path.exists():
            print(f"{name}: {gold_path} not found, skipped")
            continue
        docs = load_docs(folder, gold_path)
        for system, fn in systems.items():
            result = score(docs, fn)
            results[f"{name}/{system}"] = result.row()
            if args.misses:
                print(f"--- {name} / {system}")
                print("\n".join(f"  {n}" for n in result.notes))
    header = ["set/system", "precision", "recall", "f1", *(f"recall_{k}" for k in KINDS), "speaker_acc", "kind_acc", "predicted", "gold"]
    print(" ".join(f"{h:>15}" if i else f"{h:<36}" for i, h in enumerate(header)))
    for key, row in results.items():
        print(f"{key:<36}" + " ".join(f"{row[h]!s:>15}" for h in header[1:]))


if __name__ == "__main__":
    main()
