"""A corpus of hostile inputs, generated on demand (never checked in: one of them is 200 MB); shared by the tests and
the reliability benches (bench/hostile.py re-exports it).

``write_bad`` writes inputs that must each be refused with one named error line and leave the store
untouched; ``write_odd`` writes awkward but genuine articles (UTF-16, mixed encodings, stray invalid bytes,
NUL bytes) that must be read and stored with their text intact. Both return what the tests check.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

HUGE_BYTES = 200 * 1024 * 1024
NESTING = 10_000

# Short articles of our own (not the seeds: this module must work without ../shared), distinct from each other.
ARTICLES = [
    "Vietnam and China signed a border trade agreement in Hanoi on Tuesday, officials said. The deal follows talks "
    "between the two foreign ministers in Beijing last month, and it opens two new crossings for trucks.",
    "Japan protested to Russia on Friday over military drills near islands claimed by both countries, the foreign "
    "ministry in Tokyo said. Moscow rejected the protest and said the exercises would continue through the weekend.",
    "The Philippines accused China of firing water cannon at a supply boat near a disputed shoal on Saturday. Manila "
    "summoned the Chinese ambassador, and the coast guard said two crew members were hurt.",
    "India and Bangladesh agreed to extend a river water-sharing treaty for another decade during talks in Dhaka on "
    "Monday. Officials from both governments said the new terms would be published next week.",
    "Germany pledged new aid to Ukraine on Wednesday, including air-defence systems and ammunition. The defence "
    "minister announced the package in Berlin after meeting his Ukrainian counterpart.",
    "Australia and Indonesia held maritime security talks in Jakarta on Thursday, their ministers said. The two "
    "countries agreed to expand joint patrols and to share information about illegal fishing.",
]


@dataclass(frozen=True)
class Bad:
    """An input that must be refused: ``reason`` is a word the error must contain; ``line`` for JSONL lines;
    ``skipped``: passed over on purpose (a symlink back into the tree), listed as skipped, not as a failure."""

    path: Path
    reason: str
    line: int | None = None
    skipped: bool = False


@dataclass(frozen=True)
class Odd:
    """An awkward but genuine article: stored once, its body containing every phrase in ``keeps``."""

    path: Path
    keeps: tuple[str, ...]


def _write_huge_line(path: Path, size: int = HUGE_BYTES, prefix: bytes = b"") -> None:
    """One line of ``size`` bytes, written in 1 MB chunks (no 200 MB string in memory)."""
    chunk = b"word " * (1 << 18) if not prefix else b"x" * (1 << 20)
    with path.open("wb") as fh:
        fh.write(prefix)
        written = len(prefix)
        while written < size:
            fh.write(chunk)
            written += len(chunk)
        fh.write(b'"}\n' if prefix else b"\n")


def write_huge(folder: Path) -> list[Bad]:
    """A 200 MB one-line text file and a JSONL file whose first line is 200 MB."""
    _write_huge_line(folder / "huge.txt")
    _write_huge_line(folder / "huge.jsonl", prefix=b'{"id": "huge", "text": "')
    return [Bad(folder / "huge.txt", "limit"), Bad(folder / "huge.jsonl", "limit", 1)]


def _jsonl_feed(path: Path) -> list[Bad]:
    """Broken lines, missing fields and wrong types, one per line."""
    lines = [
        '{"id": "cut", "text": "The talks were',  # truncated
        "not json at all",
        json.dumps({"id": "nobody", "title": "No text field"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "listed", "text": ["a", "list"]}),
        json.dumps({"id": "nulled", "text": None, "html": None}),
        json.dumps(["an", "array"]),
        json.dumps("a bare string"),
        json.dumps({"id": "blank", "text": "   "}),
        json.dumps({"id": "binary", "text": "\x00" * 400}),
        "[" * 100_000 + "]" * 100_000,  # nesting past the JSON parser's recursion limit
        json.dumps({"id": "surrogate\ud800", "text": "\ud800\udc00" * 2 + "\ud800"}),  # too short once repaired
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reasons = ["JSON", "JSON", "no 'text'", "string", "string", "no 'text'", "JSON object", "JSON object", "whitespace",
               "binary", "JSON", "no article text"]
    return [Bad(path, reason, number) for number, reason in enumerate(reasons, start=1)]


def write_bad(folder: Path, *, huge: bool = True) -> list[Bad]:
    """Inputs that must be refused, each with one error line (or one skipped line); ``huge=False`` leaves out the
    200 MB files."""
    folder.mkdir(parents=True, exist_ok=True)
    bad: list[Bad] = []

    def put(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        bad.append(Bad(folder / name, reason))

    put("empty.txt", b"", "empty")
    put("blank.txt", b"  \n\t\r\n   \n", "whitespace")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG")
    put("archive.txt", b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)), "ZIP")
    put("nul.txt", b"\x00\x01\x02\x00The talks\x00" * 200, "binary")
    put("noise.txt", random.Random(11).randbytes(8192), "binary")
    put("[bold]markup[red].txt", b"", "empty")  # a name the terminal would read as markup
    put("line\nbreak.txt", b"", "empty")  # a name that would split the one-line error
    nested = "<html><body>" + "<div>" * NESTING + f"<p>{ARTICLES[0]}</p>" + "</div>" * NESTING + "</body></html>"
    put("nested.html", nested.encode(), "nests")
    script = "<html><head><script>" + "var a = 1;\n" * 2000 + "</script></head><body>" + \
        "<script>document.write('Vietnam and China signed a deal')</script>" * 200 + "</body></html>"
    put("script.html", script.encode(), "no article text")
    if huge:
        bad += write_huge(folder)
    bad += _jsonl_feed(folder / "feed.jsonl")
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    bad.append(Bad(folder / "sub" / "loop", "symlink", skipped=True))
    (folder / "self.txt").symlink_to(folder / "self.txt")
    bad.append(Bad(folder / "self.txt", "symbolic links"))
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    bad.append(Bad(folder / "dangling.txt", "No such file"))
    os.mkfifo(folder / "pipe.txt")
    bad.append(Bad(folder / "pipe.txt", "regular file"))
    locked = folder / "locked.txt"
    locked.write_text(ARTICLES[1], encoding="utf-8")
    locked.chmod(0)
    if not os.access(locked, os.R_OK):  # root reads anything: then the case does not apply
        bad.append(Bad(locked, "permission denied"))
    else:
        locked.unlink()
    return bad


def write_odd(folder: Path) -> list[Odd]:
    """Awkward encodings of genuine articles: each must be stored with its text intact."""
    folder.mkdir(parents=True, exist_ok=True)
    odd: list[Odd] = []

    def put(name: str, data: bytes, *keeps: str) -> None:
        (folder / name).write_bytes(data)
        odd.append(Odd(folder / name, keeps))

    put("utf16le.txt", "\ufeff".encode("utf-16-le") + ("Hà Nội. " + ARTICLES[2]).encode("utf-16-le"),
        "Hà Nội", "water cannon")
    put("utf16be.txt", "\ufeff".encode("utf-16-be") + ARTICLES[3].encode("utf-16-be"), "river water-sharing")
    put("mixed.txt", ("Hà Nội, Đà Nẵng. " + ARTICLES[4]).encode("utf-8") + " Talks in Genève resumed.".encode("cp1252"),
        "Hà Nội", "Đà Nẵng", "Genève", "air-defence")
    put("invalid.txt", ARTICLES[5].replace("Jakarta", "Jakarta \xff").encode("latin-1").replace(b"\xff", b"\xc3\x28"),
        "Jakarta", "illegal fishing")
    put("nuls.txt", ARTICLES[0].replace(" on ", " on\x00 ").encode("utf-8"), "Hanoi on Tuesday")
    return odd
