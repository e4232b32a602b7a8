"""Paragraphs an extractor left in a second body container of the same kind are put back, in page order."""

from __future__ import annotations

from detente.clean.recover import recover_paragraphs

FIRST = [
    "The council voted on Tuesday to extend the ceasefire monitoring mission for another six months, officials said.",
    "Diplomats said the vote followed weeks of talks over how the monitors would be paid for and who would lead them.",
]
SECOND = [
    "Under the new mandate the monitors will also report on the return of displaced families to their villages.",
    "Critics said the mission had too few staff to cover the whole border and would need more vehicles soon.",
]
CLAIM = "A box above the article repeats one of its claims in the same markup as the body paragraphs here."


def _page(first: list[str], second: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in first)
    rest = "".join(f"<p>{p}</p>" for p in second)
    return (f"<html><body><article><div class='body'><p>{CLAIM}</p></div><div class='body'>{body}</div>"
            f"<aside><p>Sign up for our newsletter to get the day's top stories in your inbox.</p></aside>"
            f"<div class='body'>{rest}</div></article><footer><p>© 2024 Harbour Times. All rights reserved today.</p>"
            f"</footer></body></html>")


def test_second_container_is_recovered_after_the_first():
    text = "\n".join(FIRST)
    out = recover_paragraphs(_page(FIRST, SECOND), text).split("\n")
    assert out == FIRST + SECOND


def test_nothing_before_the_article_and_nothing_from_other_markup():
    lines = recover_paragraphs(_page(FIRST, SECOND), "\n".join(FIRST)).split("\n")
    assert SECOND[0] in lines  # recovery did run on this page, so what it left out was left out by choice
    assert not any(CLAIM in line for line in lines)  # same markup as the body, but above the first kept paragraph
    assert not any("newsletter" in line or "rights reserved" in line for line in lines)  # other markup


def test_kept_text_unchanged_without_a_signature():
    text = "\n".join(FIRST)
    assert recover_paragraphs("<html><body>" + "".join(f"<p>{p}</p>" for p in FIRST) + "</body></html>", text) == text
    assert recover_paragraphs("", text) == text
