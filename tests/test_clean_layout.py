"""Whole-page text dumps: the article's run of paragraphs and its headline among menus, teasers and widgets.
Every page here is invented."""

from __future__ import annotations

from detente.clean import clean_document, extract_metadata
from detente.clean.layout import body_run
from detente.clean.lines import Line, classify_lines, is_caption, is_furniture, is_teaser
from detente.records import RawDocument

ARTICLE = [
    "Fisheries officials from the two island states met in the harbour town on Monday and agreed to share patrol "
    "data for the first time since the dispute began.",
    "The agreement still needs the approval of both parliaments, which are expected to vote on it next month.",
    "Diplomats said a second round would take up the harder question of where the boundary runs.",
    "Fishing crews on both sides welcomed the deal but said they would wait to see the first joint patrols.",
]
MENU = ["Home", "World", "Islands", "Business", "Sport", "Opinion", "Podcasts", "Weather", "Newsletters", "Jobs",
        "Obituaries", "Classifieds", "Contact us"]
TEASERS = ["Lighthouse keeper named after long search", "Storm closes northern ferry route for a week",
           "Harbour board approves new dredging plan", "Island schools to reopen after repairs"]


def _dump(lines: list[str]):
    raw = RawDocument(source="a.txt", doc_name="a", text="\n".join(lines), kind="text")
    cleaned = clean_document(raw)
    return cleaned, extract_metadata(raw, cleaned)


def _labelled(*specs: tuple[str, str]) -> list[Line]:
    return [Line(i, text, label) for i, (label, text) in enumerate(specs)]


def test_body_run_keeps_paragraphs_across_a_small_widget_and_drops_a_lone_sentence_far_away():
    para = ("paragraph", "A sentence of prose long enough to be a paragraph of the article itself here.")
    lines = _labelled(("paragraph", "Thanks for writing to us. We have received your message today."),
                      *[("short", f"Menu item {i}") for i in range(14)],
                      para, para, ("furniture", "Advertisement"), ("short", "A related story"), para, para,
                      *[("short", f"Teaser {i}") for i in range(14)], ("paragraph", "This story has been shared 40 times."))
    assert body_run(lines) == (15, 20)


def test_the_headline_is_the_line_over_the_byline_not_a_teaser_or_the_standfirst():
    page = [*MENU, "Most read", *TEASERS, "Island states agree to share patrol data",
            "The deal ends a year of disputes over the boundary between the two fishing grounds, officials say",
            "By Mira Okonjo", "March 4, 2021", *ARTICLE, "More from the islands", *TEASERS, "© 2021 Harbour Ledger"]
    cleaned, meta = _dump(page)
    assert meta.title == "Island states agree to share patrol data"
    assert meta.byline == "Mira Okonjo" and meta.pub_date == "2021-03-04"
    assert cleaned.body.split("\n\n") == ARTICLE


def test_a_sentence_shaped_standfirst_over_the_byline_is_not_the_body():
    page = ["Island states agree to share patrol data",
            "Officials say the deal ends a year of disputes over the boundary between the two fishing grounds.",
            "By Mira Okonjo", "Updated March 4, 2021", *ARTICLE]
    cleaned, meta = _dump(page)
    assert cleaned.body.split("\n\n") == ARTICLE and meta.pub_date == "2021-03-04"


def test_a_box_signature_inside_the_body_is_not_the_byline():
    page = ["Island states agree to share patrol data", *ARTICLE[:2], "Ilse Brandt, islands correspondent",
            *ARTICLE[2:]]
    assert _dump(page)[1].byline is None


def test_teaser_headlines_photo_credits_and_comment_policies():
    assert is_teaser("Storm closes northern ferry route for a week...")
    assert is_teaser("'Boats will sail again' says harbour chief...")
    assert not is_teaser("“We will wait and see...") and not is_teaser("So what comes next ...")
    assert is_caption("Mira Okonjo / AP") and not is_caption("Harbour / Sea")
    labels = [line.label for line in classify_lines(f"{ARTICLE[0]}\nThe ministers shake hands at the quay on Monday.\n"
                                                    f"Mira Okonjo / AP\n{ARTICLE[1]}")]
    assert labels == ["paragraph", "caption", "caption", "paragraph"]
    assert is_furniture("The Harbour Ledger welcomes comments from readers and asks that they stay civil; every "
                        "comment is moderated before it is posted, which can take up to an hour.")
    assert not is_furniture("His comments on the moderates in the fleet drew a sharp reply from the harbour chief, "
                            "who said the readers of the report would judge.")
