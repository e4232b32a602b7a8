"""Duplicates and derivatives end to end, on a synthetic generator: syndicated copies (new clutter, small
edits) and paraphrases (sentence reordering, synonym substitution, a generic bio) are tied to their original;
independent reports of the same event are not."""

from __future__ import annotations

import json
import random
import re

import pytest

from detente.corpus import ingest
from detente.dedup.derivative import THRESHOLD, Side, derivative_score, direction, farm_cues
from detente.dedup.near import facts
from detente.store import Store
from tests.conftest import EXAMPLES, EXAMPLES_GOLD

SYNONYMS = {
    "said": "stated", "says": "states", "visit": "trip", "meeting": "talks", "country": "nation",
    "countries": "nations", "leaders": "heads of state", "important": "significant", "new": "fresh",
    "agreement": "deal", "strengthen": "bolster", "relations": "ties", "told": "informed", "became": "turned into",
    "first": "initial", "also": "additionally", "began": "started", "announced": "unveiled", "called": "urged",
    "including": "such as", "after": "following", "during": "in the course of", "major": "key", "help": "assist",
    "with": "alongside", "about": "regarding", "but": "yet", "many": "numerous", "government": "administration",
    "troops": "forces", "soldiers": "servicemen", "killed": "slain", "between": "among", "more": "additional",
    "because": "since", "would": "was going to", "will": "is set to", "week": "seven days", "officials": "authorities",
    "talks": "discussions", "military": "armed forces", "border": "frontier", "president": "head of state",
    "minister": "secretary", "statement": "declaration", "increase": "boost", "support": "backing", "on": "upon",
    "at": "in", "for": "to benefit", "its": "their", "has": "had", "have": "had", "was": "had been", "were": "had been",
}


def _body_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if len(line.split()) > 12]


def syndicate(text: str, rng: random.Random) -> str:
    """A wire copy: new outlet clutter around the same body, and one small edit."""
    body = _body_lines(text)
    i = rng.randrange(len(body))
    body[i] = body[i].replace(" the ", " a ", 1)
    return "Wire Service Daily\nShare on Facebook\n\n" + "\n\n".join(body) + "\n\nMore from Wire Service Daily\n"


def paraphrase(text: str, rng: random.Random) -> str:
    """A content-farm rewrite: synonyms swapped in, sentences reordered within the text, no byline, a bio."""
    sentences = [s for line in _body_lines(text) for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line)]
    head, rest = sentences[:1], sentences[1:]
    for _ in range(len(rest) // 2):  # swap neighbours: the order changes but the story still reads
        k = rng.randrange(len(rest) - 1)
        rest[k], rest[k + 1] = rest[k + 1], rest[k]

    def swap(m: re.Match) -> str:
        word = m.group(0)
        return SYNONYMS.get(word, word) if rng.random() < 0.8 else word

    pattern = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b")
    sentences = head + rest
    paragraphs = [" ".join(pattern.sub(swap, s) for s in sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs) + "\n\nCoffee lover. Music specialist. Extreme food enthusiast. Writer.\n"


def _ingest_folder(tmp_path, files: dict[str, str]) -> tuple[dict, object]:
    folder = tmp_path / "c"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = ingest(store, [folder])
        articles = {a.doc_name: a for a in store.articles()}
        evidence = {name: store.link_evidence(a.id) for name, a in articles.items()}
    return {"articles": articles, "evidence": evidence}, report


def test_syndicated_copy_is_a_near_duplicate(tmp_path):
    original = (EXAMPLES / "103_india_china_galwan.txt").read_text(encoding="utf-8")
    got, report = _ingest_folder(tmp_path, {"a_original.txt": original, "b_copy.txt": syndicate(original, random.Random(1))})
    articles = got["articles"]
    assert report.duplicates == 1
    assert articles["b_copy"].duplicate_of == articles["a_original"].id
    assert articles["a_original"].duplicate_of is None


@pytest.mark.parametrize("name", ["110_australia_china_albanese.txt", "103_india_china_galwan.txt"])
def test_paraphrase_is_a_derivative_of_its_original_whichever_arrives_first(tmp_path, name):
    original = (EXAMPLES / name).read_text(encoding="utf-8")
    rewrite = paraphrase(original, random.Random(3))
    # the rewrite is ingested first (file order): the link must still point from the rewrite to the original
    got, report = _ingest_folder(tmp_path, {"b_original.txt": original, "a_rewrite.txt": rewrite})
    articles = got["articles"]
    assert report.derivatives == 1 and report.duplicates == 0
    assert articles["a_rewrite"].derivative_of == articles["b_original"].id
    assert articles["b_original"].derivative_of is None
    assert got["evidence"]["a_rewrite"]["aligned"]  # aligned sentence pairs are kept as evidence
    assert articles["a_rewrite"].story_id == articles["b_original"].story_id


def test_scores_separate_rewrites_from_independent_reports(examples_db):
    from detente.corpus_passes.links import fact_index, side

    with Store(examples_db, readonly=True) as store:
        sides = {a.doc_name[:3]: side(store, a.id) for a in store.articles()}
        idf = fact_index(store).idf
    original, rewrite, first, second = sides["101"], sides["102"], sides["104"], sides["105"]
    evidence = derivative_score(rewrite, original, facts, idf, align=True)
    assert evidence.score >= THRESHOLD  # a loose farm rewrite: few sentences restated, its names and numbers kept
    assert direction(rewrite, original, evidence, facts)[0] == 1  # it quotes less, has no byline: it is the copy
    assert derivative_score(original, rewrite, facts, idf).score < THRESHOLD  # the original quotes firsthand
    assert derivative_score(second, first, facts, idf).score < THRESHOLD  # independent reports of one event
    assert derivative_score(first, second, facts, idf).score < THRESHOLD


def test_content_farm_cues():
    assert farm_cues(Side("Text of the story.\n\nPassionate traveller. Tea expert. Lifelong gadget fan.", [])) == [
        "no byline", "generic author bio"]
    assert farm_cues(Side("Text of the story, with a normal ending.", [], byline="A. Writer")) == []


@pytest.mark.seeds
def test_seed_rewrite_is_found_and_independent_reports_are_not_linked(seeds_db):
    with Store(seeds_db, readonly=True) as store:
        articles = {a.doc_name[:3]: a for a in store.articles()}
    assert articles["004"].derivative_of == articles["001"].id
    assert all(articles[k].derivative_of is None and articles[k].duplicate_of is None for k in ("000", "001", "002", "003"))


def test_examples_links_match_gold(examples_db):
    examples_gold = json.loads(EXAMPLES_GOLD.read_text(encoding="utf-8"))
    with Store(examples_db, readonly=True) as store:
        by_id = {a.id: a.doc_name for a in store.articles()}
        got = {a.doc_name: (by_id.get(a.duplicate_of), by_id.get(a.derivative_of)) for a in store.articles()}
    for gold in examples_gold["articles"]:
        assert got[gold["id"]] == (gold["duplicate_of"], gold["derivative_of"]), gold["id"]


def test_signatures_reload_in_a_new_process_and_still_find_copies(tmp_path):
    original = (EXAMPLES / "103_india_china_galwan.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a_original.txt").write_text(original, encoding="utf-8")
    (second / "b_copy.txt").write_text(syndicate(original, random.Random(2)), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest(store, [first])
    with Store(tmp_path / "x.db") as store:  # a new Store: the LSH index is rebuilt from stored signatures
        report = ingest(store, [second])
        articles = {a.doc_name: a for a in store.articles()}
    assert report.duplicates == 1 and articles["b_copy"].duplicate_of == articles["a_original"].id


def test_verbatim_sentences_align_without_the_encoder(monkeypatch):
    from detente.dedup import embed

    original = ["The two foreign ministers met in Geneva on Monday to discuss the ceasefire.",
                "They agreed to open a hotline between their defence ministries by the end of the month.",
                "Neither side said when the next round of talks would be held."]
    encoded: list[str] = []
    real = embed.embed
    monkeypatch.setattr(embed, "embed", lambda sentences: encoded.extend(sentences) or real(sentences))
    copy = [original[1], original[0], "Neither side said when the next round of negotiations would take place."]
    mean, pairs = embed.compare(copy, original)
    assert [(p.candidate, p.original, p.similarity) for p in pairs][:2] == [(0, 1, 1.0), (1, 0, 1.0)]
    assert encoded == [copy[2], original[2]]  # only what no verbatim copy explains reaches the encoder
    assert any(p.candidate == 2 and p.original == 2 for p in pairs)  # the paraphrase still aligns
    assert 0.8 < mean <= 1.0


def test_pasting_a_few_paragraphs_of_another_story_is_not_rewriting_it():
    def paragraphs(path):
        return [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 12]

    def side(text):
        return Side(text, re.split(r"(?<=[.!?])\s+|\n\n+", text))

    original = paragraphs(EXAMPLES / "104_russia_invades_ukraine.txt")
    roundup = "\n\n".join(original[2:4] + paragraphs(EXAMPLES / "111_turkey_sweden_nato.txt")[:6])
    evidence = derivative_score(side(roundup), side("\n\n".join(original)), facts)
    assert evidence.phrase_share > 0.3  # the pasted paragraphs alone would look like heavy rewording
    assert evidence.score < THRESHOLD and evidence.decided  # decided without the encoder: no paraphrase could
    assert evidence.embedding == 0.0  # lift two restated paragraphs of fourteen to a rewrite


def test_a_decided_mostly_copied_link_takes_its_evidence_without_the_encoder(monkeypatch):
    from detente.dedup import embed

    def side(text):
        return Side(text, re.split(r"(?<=[.!?])\s+|\n\n+", text))

    original = (EXAMPLES / "104_russia_invades_ukraine.txt").read_text(encoding="utf-8")
    kept = [p for p in original.split("\n") if p.strip()][:-2]  # the copy drops the last two paragraphs
    copy = "\n\n".join(kept) + "\n\nThis report was compiled from wire services and updated with new figures."
    monkeypatch.setattr(embed, "embed", lambda sentences: pytest.fail("the encoder ran"))
    evidence = derivative_score(side(copy), side(original), facts, align=True)
    assert evidence.score >= THRESHOLD and len(evidence.aligned) >= 10
    assert all(p.similarity == 1.0 for p in evidence.aligned) and any("word for word" in r for r in evidence.reasons)
