"""Readers: every input kind, and every bad input reported with its file name and reason."""

from __future__ import annotations

import json

from detente.ingest import IngestError, iter_documents
from detente.records import RawDocument


def _items(*paths, **kw):
    return list(iter_documents(paths, **kw))


def test_text_file_is_read_and_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u0065\u0301 talks\r\nend\u00a0here".encode())
    [doc] = _items(path)
    assert isinstance(doc, RawDocument)
    assert doc.doc_name == "a" and doc.kind == "text"
    assert "Café" in doc.text and "\r" not in doc.text


def test_folder_is_walked_recursively_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("second article text")
    (tmp_path / "sub" / "a.txt").write_text("nested article text")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    names = [d.doc_name for d in _items(tmp_path)]
    assert names == ["b", "a"]


def test_html_detected_by_suffix_and_content(tmp_path):
    (tmp_path / "p.html").write_text("<html><body><p>Hi there</p></body></html>")
    (tmp_path / "q.txt").write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    kinds = {d.doc_name: d.kind for d in _items(tmp_path)}
    assert kinds == {"p": "html", "q": "html"}


def test_bad_inputs_each_get_a_named_error(tmp_path):
    cases = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "archive.txt": b"PK\x03\x04" + b"\x00" * 64,
        "nul.txt": b"\x00\x01\x02\x00" * 100,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    errors = {e.source.rsplit("/", 1)[-1]: e.reason for e in _items(tmp_path) if isinstance(e, IngestError)}
    assert set(errors) == set(cases)
    assert "empty" in errors["empty.txt"]
    assert "whitespace" in errors["blank.txt"]
    assert "PNG" in errors["image.txt"]
    assert "ZIP" in errors["archive.txt"]
    assert "binary" in errors["nul.txt"]


def test_utf16_with_bom_and_latin1_decode(tmp_path):
    (tmp_path / "u16.txt").write_bytes("Hà Nội và Bắc Kinh ký kết".encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes("Déjà vu in Genève, the talks resumed at the Palais.".encode("latin-1"))
    docs = {d.doc_name: d.text for d in _items(tmp_path)}
    assert docs["u16"].startswith("Hà Nội")
    assert "Genève" in docs["latin"]


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    [error] = _items(path, max_bytes=1000)
    assert isinstance(error, IngestError) and "limit" in error.reason and "huge.txt" in str(error)


def test_missing_path_and_unreadable_file(tmp_path):
    [error] = _items(tmp_path / "nope.txt")
    assert "no such file" in str(error)


def test_jsonl_reports_broken_lines_by_number_and_keeps_the_rest(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "one", "text": "First article body.", "title": "One", "date": "2024-04-10"}),
        "{not json",
        json.dumps({"id": "two"}),
        json.dumps({"id": "three", "text": 42}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "four", "html": "<html><body><p>Fourth</p></body></html>"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = _items(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [d.doc_name for d in docs] == ["one", "four"]
    assert docs[0].hints == {"title": "One", "date": "2024-04-10"} and docs[1].kind == "html"
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert all(str(e).startswith(f"{path}:") for e in errors)


def test_symlink_loop_does_not_trap_the_walk(tmp_path):
    (tmp_path / "a.txt").write_text("an article")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    items = _items(tmp_path)
    assert [d.doc_name for d in items if isinstance(d, RawDocument)] == ["a"]
    [error] = [e for e in items if isinstance(e, IngestError)]
    assert error.source == str(tmp_path / "loop") and "symlink" in error.reason


def test_symlinked_folder_is_read_once(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("an article")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "zlink").symlink_to(tmp_path / "real", target_is_directory=True)
    items = _items(tmp_path)
    assert [d.doc_name for d in items if isinstance(d, RawDocument)] == ["a"]
    assert sorted(e.source for e in items if isinstance(e, IngestError)) == [str(tmp_path / "other" / "link"),
                                                                             str(tmp_path / "zlink")]


def test_symlink_loop_outside_the_tree_is_walked_once(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "b.txt").write_text("an article")
    (corpus / "out").symlink_to(outside, target_is_directory=True)
    (outside / "back").symlink_to(outside, target_is_directory=True)
    items = _items(corpus)
    assert [d.doc_name for d in items if isinstance(d, RawDocument)] == ["b"]
    [error] = [e for e in items if isinstance(e, IngestError)]
    assert error.source == str(corpus / "out" / "back") and "loop" in error.reason


def test_folder_reads_only_article_files_and_lists_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("An article about talks in Lima.")
    (tmp_path / "b.htm").write_text("<html><body><p>Another article.</p></body></html>")
    (tmp_path / "SOURCES.md").write_text("# Sources\n\n- a.txt: from a newspaper, CC BY\n")
    (tmp_path / "README.txt").write_text("These files were collected in March.")
    (tmp_path / "notes.csv").write_text("id,label\n1,x\n")
    skipped: list[str] = []
    names = [d.doc_name for d in iter_documents([tmp_path], skipped=skipped)]
    assert names == ["a", "b"]
    assert sorted(p.rsplit("/", 1)[-1] for p in skipped) == ["README.txt", "SOURCES.md", "notes.csv"]


def test_a_file_named_on_its_own_is_read_whatever_its_extension(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("A dispatch kept as Markdown by its author.")
    [doc] = _items(path)
    assert isinstance(doc, RawDocument) and doc.kind == "text"


def test_json_file_holds_one_article_or_a_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "Envoys met in Quito.", "title": "Envoys meet"}))
    (tmp_path / "many.json").write_text(json.dumps([{"id": "x1", "text": "First story."},
                                                     {"html": "<p>Second story.</p>"}]))
    docs = {d.doc_name: d for d in _items(tmp_path)}
    assert set(docs) == {"one", "x1", "many-2"}
    assert docs["one"].hints["title"] == "Envoys meet" and docs["many-2"].kind == "html"


def test_json_without_articles_is_skipped_in_a_folder_and_an_error_on_its_own(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"articles": [], "version": 2}))
    skipped: list[str] = []
    assert list(iter_documents([tmp_path], skipped=skipped)) == [] and skipped == [str(path)]
    [error] = _items(path)
    assert isinstance(error, IngestError) and "'text' or 'html'" in error.reason
