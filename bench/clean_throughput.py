"""Throughput of the clean + metadata stages alone, on real news HTML, against trafilatura's own extraction.

    python -m bench.clean_throughput [--limit N] [--repeat R]

Pages: the article-extraction-benchmark HTML (../shared/peer-suites/boilerplate/, 181 news pages). For each page
we time ``clean_document`` + ``extract_metadata`` (trafilatura default and precision passes, sibling-paragraph
recovery, htmldate plus the declared-stamp check, the line pass, title/outlet/byline) and, on the same HTML in the
same run, ``trafilatura.extract`` with its defaults. Reported: articles per second for each, and our time as a
ratio to trafilatura's (the number to compare across machines). Text dumps (examples/corpus/*.txt) are timed too:
they skip trafilatura entirely. Results are printed and written to --out (default under ~/.cache/detente/bench, printed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import trafilatura

from bench import OUT_HELP, results_path
from detente.clean import clean_document, extract_metadata
from detente.records import RawDocument

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared" / "peer-suites" / "boilerplate" / "article-extraction-benchmark"
TEXTS = ROOT / "examples" / "corpus"


def load_pages(limit: int | None = None) -> list[tuple[str, str, str]]:
    """(page id, url, html) for the suite's pages, sorted by id."""
    truth = json.loads((SUITE / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [(pid, truth[pid].get("url") or "",
             gzip.decompress((SUITE / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", errors="replace"))
            for pid in ids]


def ours(page_id: str, url: str, text: str, kind: str = "html") -> None:
    raw = RawDocument(source=page_id, doc_name=page_id, text=text, kind=kind, hints={"url": url} if url else {})
    extract_metadata(raw, clean_document(raw))


def theirs(url: str, html: str) -> None:
    trafilatura.extract(html, url=url or None)


def run(limit: int | None = None, repeat: int = 1) -> dict:
    pages = load_pages(limit)
    ours(*pages[0])  # warm caches (tables, trafilatura's config) outside the timed loop
    theirs(pages[0][1], pages[0][2])
    ours_s = theirs_s = 0.0
    for _ in range(repeat):
        for page_id, url, html in pages:
            start = time.perf_counter()
            ours(page_id, url, html)
            ours_s += time.perf_counter() - start
            start = time.perf_counter()
            theirs(url, html)
            theirs_s += time.perf_counter() - start
    texts = sorted(TEXTS.glob("*.txt"))
    text_s = 0.0
    for _ in range(repeat):
        for path in texts:
            body = path.read_text(encoding="utf-8")
            start = time.perf_counter()
            ours(path.stem, "", body, kind="text")
            text_s += time.perf_counter() - start
    n = len(pages) * repeat
    return {
        "html_pages": n,
        "detente_html_articles_per_s": round(n / ours_s, 2),
        "trafilatura_articles_per_s": round(n / theirs_s, 2),
        "ratio_detente_to_trafilatura": round(ours_s / theirs_s, 2),
        "text_dumps": len(texts) * repeat,
        "detente_text_articles_per_s": round(len(texts) * repeat / text_s, 1) if text_s else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="time only the first N pages")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the pages")
    parser.add_argument("--out", default=None, help=OUT_HELP)
    args = parser.parse_args()
    result = run(args.limit, args.repeat)
    print(f"HTML pages: {result['html_pages']}")
    print(f"detente clean+metadata  {result['detente_html_articles_per_s']:8.2f} articles/s")
    print(f"trafilatura extract     {result['trafilatura_articles_per_s']:8.2f} articles/s")
    print(f"ratio (detente / trafilatura time): {result['ratio_detente_to_trafilatura']:.2f}")
    print(f"text dumps: {result['text_dumps']}, detente clean+metadata {result['detente_text_articles_per_s']} articles/s")
    out = results_path(args.out, f"{time.strftime('%Y%m%d-%H%M%S')}-clean-throughput.json")
    out.write_text(json.dumps(result, indent=2))
    print(f"results written to {out}")


if __name__ == "__main__":
    main()
