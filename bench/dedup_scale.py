"""Dedup at scale: copy, rewrite and story linking time and peak memory for N synthetic articles.

`python -m bench.dedup_scale [--sizes 10000 100000]` runs each size in its own process (so peak RSS is per
size) and prints seconds, seconds per 1k articles, the ratio between sizes and the links found against the
planted ones. Articles are built in memory (no spaCy: the parse is not what is measured) and go through the
real writer, `detente.corpus.store_analyses`, into a real SQLite store, then `link_stories`. The corpus
has Zipf-distributed words, names and dyads, so hub names ("Beijing") recur as in real news; ~1% are
syndicated copies of an earlier article and ~0.3% paraphrased rewrites (synonyms, reordered sentences).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from bench import OUT_HELP, results_path
from detente.dedup.derivative import STOP
from detente.records import Actor, Analysis, Article, Mention, Sentence

STATES = ["USA", "CHN", "RUS", "IND", "JPN", "VNM", "PAK", "IRN", "ISR", "TUR", "FRA", "DEU", "GBR", "BRA", "UKR",
          "KOR", "PRK", "AUS", "SAU", "EGY", "NGA", "ZAF", "MEX", "CAN", "IDN", "PHL", "THA", "POL", "SWE", "CUB"]
FUNCTION = sorted(STOP)  # English glue words: about half of running text
SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ne", "si", "do", "ba", "ve", "zu", "pe", "gri", "mon", "tal", "ser"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Generator:
    """Synthetic articles with planted copies and rewrites; remembers recent originals to copy from."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.vocab = list(dict.fromkeys(_word(self.rng) for _ in range(30000)))
        self.names = list(dict.fromkeys(_word(self.rng).title() + " " + _word(self.rng).title() for _ in range(20000)))
        self.synonym = {w: _word(self.rng) for w in self.vocab[:3000]}  # rewrites swap the common words
        self.recent: list[tuple[Article, tuple[str, str]]] = []
        self.planted = {"copies": 0, "rewrites": 0}
        self.links: dict[str, str] = {}  # doc name of a planted copy or rewrite → its original's doc name

    def _zipf(self, pool: list[str]) -> str:
        """Skewed like a word-frequency list: a few common items, a long tail."""
        return pool[int(self.rng.random() ** 3 * len(pool))]

    def _sentence(self, names: list[str]) -> str:
        words = [self.rng.choice(FUNCTION) if self.rng.random() < 0.45 else self._zipf(self.vocab)
                 for _ in range(self.rng.randint(10, 22))]
        for _ in range(self.rng.randint(1, 3)):
            words.insert(self.rng.randrange(1, len(words)), self.rng.choice(names))
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(1, len(words)), str(self.rng.randint(2, 9999)))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def _original(self, n: int) -> tuple[str, tuple[str, str], date]:
        pair = tuple(sorted(self.rng.sample(STATES[: 4 + int(self.rng.paretovariate(0.8)) % 26], 2)))
        names = [self._zipf(self.names) for _ in range(self.rng.randint(4, 9))]
        body = " ".join(self._sentence(names) for _ in range(self.rng.randint(12, 24)))
        return body, pair, date(2000, 1, 1) + timedelta(days=self.rng.randrange(9000))

    def _rewrite(self, body: str) -> str:
        sentences = body.split(". ")
        for _ in range(len(sentences) // 2):
            k = self.rng.randrange(len(sentences) - 1)
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
        return ". ".join(" ".join(self.synonym.get(w, w) for w in s.split()) for s in sentences)

    def articles(self, n: int) -> Iterator[Analysis]:
        for i in range(n):
            roll = self.rng.random()
            byline: str | None = "Staff " + self.rng.choice(self.names)
            if roll < 0.01 and self.recent:
                base, pair = self.rng.choice(self.recent)
                self.links[f"s{i}"] = base.doc_name
                body, when = "Wire copy. " + base.body.replace(" ", "  ", 1) + " Share this.", date.fromisoformat(base.pub_date)
                self.planted["copies"] += 1
            elif roll < 0.013 and self.recent:
                base, pair = self.rng.choice(self.recent)
                self.links[f"s{i}"] = base.doc_name
                body, when, byline = self._rewrite(base.body), date.fromisoformat(base.pub_date) + timedelta(days=1), None
                self.planted["rewrites"] += 1
            else:
                body, pair, when = self._original(i)
            yield self._analysis(i, body, pair, when, byline)

    def _analysis(self, i: int, body: str, pair: tuple[str, str], when: date, byline: str | None) -> Analysis:
        from detente.records import article_id_for

        aid = article_id_for(body)
        article = Article(id=aid, source=f"synthetic/{i}.txt", doc_name=f"s{i}", raw_hash=f"raw{i}", body=body,
                          title=body[:60], byline=byline, pub_date=when.isoformat(), pub_date_range=[when.isoformat()] * 2)
        sentences, start = [], 0
        for k, part in enumerate(body.split(". ")):
            sentences.append(Sentence(aid, k, start, start + len(part) + 1))
            start += len(part) + 2
        actors = [Actor(id=s, kind="state", name=s) for s in pair]
        mentions = [Mention(actor_id=s, char_start=j, char_end=j + 1, text=s, sentence_index=0)
                    for j, s in enumerate(pair)]
        analysis = Analysis(article=article, sentences=sentences, actors=actors, mentions=mentions,
                            acting_states=list(pair))
        if byline:  # only originals are copied or rewritten
            self.recent = ([*self.recent, (article, pair)])[-200:]
        return analysis


def run_one(n: int, batch: int = 64) -> dict:
    """Time one size in this process: the store writer with copy and rewrite linking, then stories."""
    from detente.corpus import IngestReport, store_analyses
    from detente.corpus_passes import link_stories
    from detente.dedup.embed import model
    from detente.scale.heap import release_free_memory, steady_heap
    from detente.store import Store

    steady_heap()  # as detente.corpus.ingest does before it drives this writer
    t0 = time.perf_counter()
    model()  # the one-off import of torch and the model is not what scales: load it before the clock
    load_seconds = time.perf_counter() - t0
    gen = Generator()
    report = IngestReport()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        generate = link = 0.0
        stream = gen.articles(n)
        while True:
            t = time.perf_counter()
            chunk = [a for _, a in zip(range(batch), stream, strict=False)]
            generate += time.perf_counter() - t
            if not chunk:
                break
            t = time.perf_counter()
            store_analyses(store, chunk, report, lambda event, source: None)
            release_free_memory()  # as detente.corpus does after each batch it drives this writer with
            link += time.perf_counter() - t
        t = time.perf_counter()
        link_stories(store)
        stories = time.perf_counter() - t
        n_stories = store.count("stories")
        articles = store.articles()
        names = {a.id: a.doc_name for a in articles}
        found = {a.doc_name: names[a.duplicate_of or a.derivative_of] for a in articles
                 if (a.duplicate_of or a.derivative_of) in names}

    def root(doc: str) -> str:  # a copy of a copy counts as a copy of the first original
        while doc in gen.links:
            doc = gen.links[doc]
        return doc

    correct = sum(k in gen.links and root(k) == v for k, v in found.items())
    return {"articles": n, "dedup_seconds": round(link, 1), "stories_seconds": round(stories, 1),
            "total_seconds": round(link + stories, 1), "generate_seconds": round(generate, 1),
            "model_load_seconds": round(load_seconds, 1), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "duplicates_found": report.duplicates, "copies_planted": gen.planted["copies"],
            "derivatives_found": report.derivatives, "rewrites_planted": gen.planted["rewrites"], "stories": n_stories,
            "links_correct": correct, "links_false": len(found) - correct, "links_missed": len(gen.links) - correct,
            "false_sample": sorted((k, v, gen.links.get(k), gen.links.get(v)) for k, v in found.items() if root(k) != v)[:5]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=OUT_HELP)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, "-m", "bench.dedup_scale", "--one", str(n)], capture_output=True, text=True,
                             check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    if len(results) > 1:
        ratio = results[-1]["total_seconds"] / max(results[0]["total_seconds"], 1e-9)
        size = results[-1]["articles"] / results[0]["articles"]
        print(f"time ratio {ratio:.1f}× for {size:.0f}× the articles ({ratio / size:.2f}× the time per article; "
              f"linear is 1.00); peak RSS {max(r['peak_rss_mb'] for r in results)} MB (target ≤ 2048)")
    out = results_path(args.out, f"{time.strftime('%Y%m%d-%H%M%S')}-dedup-scale.json")
    out.write_text(json.dumps({"command": "python -m bench.dedup_scale --sizes " + " ".join(map(str, args.sizes)),
                               "runs": results}, indent=2))
    print(f"results written to {out}")


if __name__ == "__main__":
    main()
