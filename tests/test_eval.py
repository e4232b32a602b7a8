"""The evaluation harness on small hand-made gold and record lists (not the seeds): the metrics themselves."""

from __future__ import annotations

import pytest

from detente.eval import evaluate, load_gold
from detente.eval.fields_events import date_ok, match_events
from detente.eval.fields_quotes import speaker_ok
from detente.eval.gold import validate_gold
from detente.eval.index import RecordIndex
from detente.eval.normalize import find_all, norm

BODY = "Ministers met in Lima on Monday. “We agreed,” said Ana Ruiz, a senior analyst. Peru then sent aid."


def _gold(**over) -> dict:
    article = {
        "id": "doc1", "title": "T", "outlet": "O", "byline": None, "pub_date": "2024-03-05",
        "pub_date_range": ["2024-03-05", "2024-03-05"], "body_first_sentence": "Ministers met in Lima on Monday.",
        "body_last_sentence": "Peru then sent aid.", "clutter_lines": [], "countries": ["PER", "CHL"],
        "persons": [{"name": "Ana Ruiz", "role": "senior analyst", "country": "PER"}],
        "events": [{"source": "CHL", "target": "PER", "type": "CONSULT", "status": "happened", "date": "2024-03",
                    "sentence": "Ministers met in Lima"}],
        "quotes": [{"speaker": "Ana Ruiz", "kind": "direct", "text_start": "“We agreed,”"}],
        "duplicate_of": None, "derivative_of": None, "story": "s1",
    }
    article.update(over)
    return {"articles": [article]}


def _records(event: dict | None = None, quote: dict | None = None) -> list[dict]:
    return [
        {"record": "article", "id": "a1", "doc_name": "doc1", "source": "x.txt", "title": "T", "outlet": "O",
         "byline": None, "pub_date": "2024-03-05", "pub_date_range": ["2024-03-05", "2024-03-05"], "body": BODY,
         "duplicate_of": None, "derivative_of": None, "story_id": "st1"},
        {"record": "actor", "id": "PER", "kind": "state", "name": "Peru", "country": "PER", "article_ids": ["a1"], "roles": []},
        {"record": "actor", "id": "CHL", "kind": "state", "name": "Chile", "country": "CHL", "article_ids": ["a1"], "roles": []},
        {"record": "actor", "id": "person:ana-ruiz", "kind": "person", "name": "Ana Ruiz", "country": "PER",
         "role": "a senior analyst", "article_ids": ["a1"], "roles": []},
        {"record": "event", "article_id": "a1", "source": "PER", "target": "CHL", "type": "CONSULT", "status": "happened",
         "date_start": "2024-03-04", "date_end": "2024-03-04", "date_precision": "day", "text": "Ministers met in Lima on Monday.",
         **(event or {})},
        {"record": "quote", "article_id": "a1", "char_start": 33, "char_end": 45, "text": BODY[33:45], "quote_type": "direct",
         "speaker": "Ana Ruiz", "speaker_actor": "person:ana-ruiz", **(quote or {})},
    ]


def _row(report, name):
    return report[name]


def test_perfect_predictions_score_one():
    report = evaluate(_gold(), _records())
    for name in ("title", "outlet", "countries", "persons", "events", "quotes", "stories"):
        assert _row(report, name).f1 == pytest.approx(1.0), name
    for name in ("person_roles", "event_status", "event_dates", "quote_speakers", "quote_kinds", "body_start", "body_end"):
        assert _row(report, name).accuracy == pytest.approx(1.0), name


def test_undirected_types_match_in_reverse_but_directed_do_not():
    assert evaluate(_gold(), _records())["events"].recall == 1.0  # CONSULT PER→CHL vs gold CHL→PER
    gold = _gold(events=[{"source": "CHL", "target": "PER", "type": "ACCUSE", "status": "happened", "date": "2024-03",
                          "sentence": "met"}])
    report = evaluate(gold, _records({"type": "ACCUSE"}))
    assert report["events"].recall == 0.0 and report["events"].precision == 0.0


def test_dates_match_at_gold_precision():
    assert date_ok("2024-03", {"date_start": "2024-03-04", "date_end": "2024-03-04", "date_precision": "day"})
    assert not date_ok("2024-03", {"date_start": "2024-01-01", "date_end": "2024-12-31", "date_precision": "year"})
    assert date_ok("1979", {"date_start": "1979-01-01", "date_end": "1979-12-31", "date_precision": "year"})
    assert not date_ok("2024-03-05", {"date_start": "2024-03-01", "date_end": "2024-03-31", "date_precision": "month"})


def test_b_cubed_of_a_known_split():
    gold = {"articles": [dict(_gold()["articles"][0], id=f"d{i}", story="s") for i in range(4)]}
    records = [{"record": "article", "id": f"a{i}", "doc_name": f"d{i}", "body": BODY,
                "story_id": "x" if i < 2 else "y"} for i in range(4)]
    stories = evaluate(gold, records)["stories"]
    assert stories.precision == pytest.approx(1.0) and stories.recall == pytest.approx(0.5)


def test_quotes_are_located_through_unicode_normalisation():
    body = "He said: \u201cWe\u00a0agreed to talk,\u201d adding more."
    spans = find_all(body, '"We agreed to talk,"')
    assert spans and body[spans[0][0]:spans[0][1]].startswith("\u201cWe")
    assert norm("a\u00a0 b") == "a b"


def test_speaker_matching_rules():
    assert speaker_ok("Lena Haas", "Haas", None)
    assert speaker_ok("an economist at the Andean Policy Forum", "an economist at the state-funded Andean Policy Forum (APF)", None)
    assert speaker_ok("a U.S. State Department spokesperson", "the spokesperson", None)
    assert not speaker_ok("Lena Haas", "Tomas Berg", None)


def test_empty_records_score_zero_recall():
    from tests.conftest import EXAMPLES_GOLD

    report = evaluate(load_gold(EXAMPLES_GOLD), [])
    assert report.matched_articles == 0 and report.gold_articles == 13
    assert report["events"].recall == 0.0 and report["quotes"].recall == 0.0


def test_bad_gold_file_is_reported_with_its_name(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"articles": [{"id": 3}]}')
    with pytest.raises(ValueError, match=r"gold\.json"):
        load_gold(path)


def _perfect_records(gold: dict, folder) -> list[dict]:
    """Records made from the gold itself: bodies sliced from the raw files between first and last sentence."""
    records: list[dict] = []
    for ga in gold["articles"]:
        raw = (folder / f"{ga['id']}.txt").read_text(encoding="utf-8")
        start = raw.index(ga["body_first_sentence"])
        body = raw[start: raw.rindex(ga["body_last_sentence"]) + len(ga["body_last_sentence"])]
        aid = f"id-{ga['id']}"
        records.append({"record": "article", "id": aid, "doc_name": ga["id"], "source": f"{ga['id']}.txt",
                        "body": body, "title": ga["title"], "outlet": ga["outlet"], "byline": ga["byline"],
                        "pub_date": ga["pub_date"], "pub_date_range": ga["pub_date_range"], "story_id": ga["story"]})
        for e in ga["events"]:
            records.append({"record": "event", "article_id": aid, "source": e["source"], "target": e["target"],
                            "type": e["type"], "status": e["status"], "date_start": e["date"], "date_end": None,
                            "date_precision": None, "text": e["sentence"]})
        for q in ga["quotes"]:
            s = body.index(q["text_start"])
            records.append({"record": "quote", "article_id": aid, "char_start": s, "char_end": s + len(q["text_start"]),
                            "text": q["text_start"], "quote_type": q["kind"], "speaker": q["speaker"],
                            "speaker_actor": None})
    return records


@pytest.mark.parametrize("corpus", [pytest.param("seeds", marks=pytest.mark.seeds), "examples"])
def test_gold_fed_back_as_records_scores_full_recall(corpus):
    from tests.conftest import EXAMPLES, EXAMPLES_GOLD, SEEDS, SEEDS_GOLD

    folder, gold_path = (SEEDS, SEEDS_GOLD) if corpus == "seeds" else (EXAMPLES, EXAMPLES_GOLD)
    gold = load_gold(gold_path)
    gold["articles"] = [ga for ga in gold["articles"] if (folder / f"{ga['id']}.txt").exists()]  # text dumps only
    assert len(gold["articles"]) >= 5
    report = evaluate(gold, _perfect_records(gold, folder), read_raw=lambda rec: (folder / rec["source"]).read_text())
    assert report.matched_articles == report.gold_articles
    assert report["body"].f1 >= 0.95
    assert report["body_start"].accuracy == 1.0 and report["body_end"].accuracy == 1.0
    assert report["events"].recall == 1.0 and report["quotes"].recall == 1.0
    assert report["event_status"].accuracy == 1.0 and report["event_dates"].accuracy == 1.0
    assert report["quote_speakers"].accuracy == 1.0 and report["quote_kinds"].accuracy == 1.0
    assert report["stories"].f1 == pytest.approx(1.0)


def test_html_raw_is_read_as_text_so_tags_are_not_body_tokens(tmp_path):
    from detente.eval.raw import read_raw

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>T</title><script>var x = '<p>';</script></head><body>"
                    "<p class='lead'>Leaders met in <b>Hanoi</b> &amp; signed.</p><div>Second<br>line</div></body></html>",
                    encoding="utf-8")
    text = read_raw({"source": str(page)})
    assert text == "Leaders met in Hanoi & signed.\nSecond\nline"
    plain = tmp_path / "plain.txt"
    plain.write_text("A <b> is kept in plain text", encoding="utf-8")
    assert read_raw({"source": str(plain)}) == "A <b> is kept in plain text"


def test_html_gold_clutter_snippets_are_searched_in_the_body_and_left_out_of_the_gold_body():
    from detente.eval.fields_article import gold_body, snippets_left

    visible = ("Menu\nMinisters met in Lima on Monday.\nA caption under the photo (File: Agency)\n"
               "Peru then sent aid. Story continues below\nRelated: other talks")
    ga = {"body_first_sentence": "Ministers met in Lima on Monday.", "body_last_sentence": "Peru then sent aid.",
          "clutter_snippets": ["A caption under the photo", "Related: other talks"]}
    assert gold_body(visible, ga) == "Ministers met in Lima on Monday.\nPeru then sent aid."
    body = "Ministers met in Lima on Monday. Related: other talks\n\nPeru then sent aid."
    assert snippets_left(body, ga["clutter_snippets"]) == ["Related: other talks"]
    assert snippets_left("Ministers met. A caption under the photographs.", ["A caption under the photo"]) == []
    gold = _gold(clutter_snippets=["said Ana Ruiz, a senior analyst", "Sign up now"])
    report = evaluate(validate_gold(gold), _records())
    assert report["clutter_left"].accuracy == pytest.approx(0.5) and report["body"].accuracy == 0.0


def test_event_matching_pairs_as_many_gold_records_as_it_can():
    gold = [
        {"source": "CHN", "target": "USA", "type": "CONSULT", "status": "planned", "sentence": "a signing would take place"},
        {"source": "CHN", "target": "USA", "type": "REJECT", "status": "happened", "sentence": "reluctant to commit to a meeting"},
    ]
    pred = [
        {"source": "CHN", "target": "USA", "type": "CONSULT", "status": "refused",
         "text": "A signing would take place, but they have been reluctant to commit to a meeting."},
        {"source": "USA", "target": "CHN", "type": "CONSULT", "status": "hypothetical", "text": "an embarrassing trip"},
    ]
    # greedy by kind would give the refusal to the CONSULT record and leave the REJECT unmatched
    assert match_events(gold, pred, RecordIndex()) == [(0, 1), (1, 0)]
