"""Reported speech by its reporting structure (REAL-DEV.md 11), on passages written for these tests."""

from __future__ import annotations

import pytest

from detente.actors import resolve_actors
from detente.nlp import load_nlp
from detente.quotes import extract_quotes
from detente.quotes.spans import quote_spans
from detente.quotes.verbs import FRAMES, reporting_rows


def _quotes(text: str):
    doc = load_nlp()(text)
    return extract_quotes(doc, "a1", resolve_actors(doc))


def _by_text(quotes):
    return {q.text: q for q in quotes}


def test_the_verb_table_is_well_formed():
    rows = reporting_rows()
    assert {"say", "tell", "urge", "accuse"} <= set(rows)
    assert all(row.frames <= FRAMES for found in rows.values() for row in found)
    assert "believe" not in rows and "fear" not in rows  # belief verbs report no wording


@pytest.mark.parametrize(("text", "content", "speaker", "kind"), [
    # the content after the verb, with and without "that"
    ("Rebel commanders said fighting was continuing near the dam.",
     "fighting was continuing near the dam", "Rebel commanders", "group"),
    # the content before the verb
    ("Three soldiers were wounded in the attack, the army said in a statement on Friday.",
     "Three soldiers were wounded in the attack", "the army", "organisation"),
    # the verb inside the content
    ("The talks, two diplomats said, will resume in Geneva next week.",
     "The talks, two diplomats said, will resume in Geneva next week", "two diplomats", "group"),
    # inverted attribution
    ("Fighting continued overnight near the dam, said a spokesman for the rebels.",
     "Fighting continued overnight near the dam", "a spokesman for the rebels", "person"),
    # a state speaks
    ("Norway said it would recall its ambassador from Minsk.",
     "it would recall its ambassador from Minsk", "Norway", "state"),
    # a document speaks
    ("The indictment alleges that the two men smuggled drones across the border.",
     "the two men smuggled drones across the border", "The indictment", "document"),
])
def test_clause_content_before_after_and_around_the_verb(text, content, speaker, kind):
    quotes = _quotes(text)
    assert [(q.text, q.speaker, q.speaker_kind, q.quote_type) for q in quotes] == [(content, speaker, kind, "indirect")]


@pytest.mark.parametrize(("text", "starts"), [
    ("Minister Ilse Varga urged Norway to reopen the crossing before winter.", "urged Norway to reopen"),
    ("Minister Ilse Varga accused Oslo of stalling the fishing talks.", "accused Oslo of stalling"),
    ("Minister Ilse Varga called for an inquiry into the shooting at the border.", "called for an inquiry"),
    ("Minister Ilse Varga called the proposal a provocation.", "called the proposal a provocation"),
    ("Minister Ilse Varga has ruled out any talks with the rebels.", "has ruled out any talks"),
    ("Minister Ilse Varga called on both sides to respect the ceasefire.", "called on both sides to respect"),
])
def test_object_frames_keep_the_verb_as_lead_in(text, starts):
    quotes = _quotes(text)
    assert len(quotes) == 1 and quotes[0].quote_type == "indirect"
    assert quotes[0].text.startswith(starts) and quotes[0].speaker == "Ilse Varga"


def test_according_to_a_source_but_not_to_data():
    sourced = _quotes("The convoy was stopped at the border, according to a police source in Narva.")
    assert [(q.text, q.speaker, q.speaker_kind) for q in sourced] == [
        ("The convoy was stopped at the border", "a police source in Narva", "person")]
    leading = _quotes("According to the Estonian foreign ministry, the envoy left Tallinn on Sunday.")
    assert [(q.text, q.speaker_kind) for q in leading] == [("the envoy left Tallinn on Sunday", "organisation")]
    assert _quotes("Exports fell by a third last year, according to a study by the central bank.") == []


def test_each_reporting_act_is_its_own_record():
    text = ("Foreign Minister Pavel Novak said the navy would stay in the strait, adding that talks remained "
            "possible. Both envoys claimed they had been misled and asked their capitals to intervene.")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == [
        "the navy would stay in the strait", "talks remained possible",
        "they had been misled", "asked their capitals to intervene"]
    assert [q.speaker for q in quotes] == ["Pavel Novak", "Pavel Novak", "Both envoys", "Both envoys"]


def test_a_report_inside_reported_speech_is_part_of_it():
    quotes = _quotes("Minister Ilse Varga said that the court had concluded the ban was lawful, saying she "
                     "trusted the judges.")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("the court had concluded the ban was lawful", "Ilse Varga"), ("she trusted the judges", "Ilse Varga")]


@pytest.mark.parametrize("text", [
    "The two ministers did not say whether the border would reopen.",  # negated
    "Asked whether the border would reopen, the minister declined to comment.",  # asked of someone
    "It was announced on Monday that the border would reopen.",  # passive, no one speaking
    "The minister was accused of hiding the report.",  # passive: the subject is not the accuser
    "The minister declined to say when the border would reopen.",  # an infinitive that reports nothing
    "Officials fear that the ceasefire will not hold.",  # a belief verb
    "Figures show that exports fell by a third.",  # data
    "The government condemned the move and welcomed the exchange of prisoners.",  # bare evaluative acts
    "The two countries signed the “Northern Corridor” accord and promised a “new chapter” of trade.",  # names, scare quotes
    "Courts have declared most of the new settlements legal.",  # a ruling with no reported wording
])
def test_not_reported_speech(text):
    assert _quotes(text) == []


def test_quoted_terms_and_quoted_subheadings_are_not_quotes():
    text = ("Lawyers for the minister disclosed the U.S. “certificate of immunity” in a filing on Friday.\n\n"
            "“… a border that nobody can see”\n\n"
            "The envoy left on Monday.")
    assert _quotes(text) == []


def test_evaluative_verbs_count_with_quoted_wording():
    quotes = _quotes('The prime minister, Erik Halvorsen, hailed the "historic" agreement on Tuesday.')
    assert len(quotes) == 1 and quotes[0].quote_type == "mixed" and "Halvorsen" in quotes[0].speaker
    dismissed = _quotes("Minister Ilse Varga dismissed the claims as “pure fiction”.")
    assert [(q.quote_type, q.text) for q in dismissed] == [("mixed", "dismissed the claims as “pure fiction”")]


def test_quotation_after_saying_is_direct_and_after_a_colon_belongs_to_the_subject():
    text = ("Mayor Tomas Berg urged the ministry to act, saying “time is running out for the harbour.”\n\n"
            "Nora Lind, a fisherman's daughter, agreed: “Nobody here can wait another season.”")
    quotes = _quotes(text)
    assert [(q.quote_type, q.speaker) for q in quotes] == [
        ("indirect", "Tomas Berg"), ("direct", "Tomas Berg"), ("direct", "Nora Lind")]
    assert quotes[1].text == "“time is running out for the harbour.”"


def test_attribution_after_a_question_mark_claims_the_quotation():
    text = ("“Without a ceasefire, what exactly would the talks achieve?” Maria Lopes, a researcher at the "
            "Lisbon Institute, said at a panel in Madrid.")
    quotes = _quotes(text)
    assert [(q.quote_type, q.speaker_actor) for q in quotes] == [("direct", "person:maria-lopes")]


@pytest.mark.parametrize(("text", "content"), [
    ("Latvia said on Tuesday it would retaliate.", "it would retaliate"),
    ("The ministry said last week the envoy had been recalled.", "the envoy had been recalled"),
    ("The ministry said that on Monday the envoy had been recalled.", "on Monday the envoy had been recalled"),
])
def test_a_time_right_after_the_verb_is_when_it_was_said(text, content):
    assert [q.text for q in _quotes(text)] == [content]


def test_dateline_is_never_a_speaker_nor_part_of_the_content():
    quotes = _quotes("JAKARTA — Two patrol vessels shadowed a foreign survey ship near the Natuna Islands on Friday, "
                     "Indonesian officials said.")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Two patrol vessels shadowed a foreign survey ship near the Natuna Islands on Friday", "Indonesian officials")]
    # a dateline the parse hangs on the subject phrase is not part of the speaker's name
    quotes = _quotes("TALLINN, Estonia — Estonia's foreign minister said the ferry crossing would reopen on Monday.")
    assert [q.speaker for q in quotes] == ["Estonia's foreign minister"]


def test_speakers_by_role_back_reference_and_pronoun_it():
    text = ("Prime Minister Erik Halvorsen met the envoy in Oslo on Monday.\n\n"
            "The premier said the fishing dispute was close to a settlement.\n\n"
            "The Lithuanian Foreign Ministry said in a statement that the envoy would return on Friday. "
            "The statement said talks would resume in March. It accused Oslo of leaking the draft.")
    quotes = _quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Erik Halvorsen", "person"),
        ("The Lithuanian Foreign Ministry", "organisation"),
        ("The Lithuanian Foreign Ministry", "organisation"),
        ("The Lithuanian Foreign Ministry", "organisation")]


def test_pronoun_never_resolves_to_a_name_inside_the_quotation():
    text = ("Eva Lund, a trade economist at the Baltic Institute, was blunt. “By raising the stakes, Halvorsen "
            "makes any deal harder,” she said.")
    quotes = _quotes(text)
    assert [q.speaker_actor for q in quotes] == ["person:eva-lund"]


def test_coordinated_names_speak_together():
    text = ("Anna Berg and Jonas Vik testified on Tuesday. Berg and Vik said the request to the minister was "
            "improper.")
    quotes = _quotes(text)
    assert [(q.speaker, q.speaker_kind, q.speaker_actor) for q in quotes] == [("Berg and Vik", "group", None)]


def test_wire_copy_quotation_marks():
    text = "\"We hope to open by June, those who can come by car,'' said the hotel owner, Marco Lenti."
    assert [text[a:b] for a, b in quote_spans(text)] == ["\"We hope to open by June, those who can come by car,''"]
    dash = 'VENICE (AP) " The government announced that the borders would open.'
    assert quote_spans(dash) == []  # a straight mark between spaces stands for a dash
    quotes = _quotes(text)
    assert [(q.quote_type, q.speaker) for q in quotes] == [("direct", "Marco Lenti")]


def test_speaker_kind_is_stored_and_exported(tmp_path):
    from detente.batch import analyse_batch
    from detente.export import iter_records
    from detente.records import RawDocument
    from detente.store import Store

    raw = RawDocument(source="mem", doc_name="k1", text=(
        "Estonia expels envoy\n\nThe Estonian foreign ministry said the envoy had seven days to leave. "
        "Norway said it would recall its ambassador, according to a ministry spokesperson."))
    with Store(tmp_path / "k.db") as store:
        store.add_analyses(analyse_batch([raw]).analyses)
        kinds = {q.speaker_kind for q in store.quotes()}
        exported = [r for r in iter_records(store) if r["record"] == "quote"]
    assert "organisation" in kinds
    assert exported and all("speaker_kind" in r for r in exported)


def test_a_state_under_its_leader_speaks_through_the_leader():
    quotes = _quotes("Norway under Prime Minister Erik Halvorsen announced that the embassy in Minsk would reopen.")
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("Erik Halvorsen", "person")]


def test_a_spaced_straight_mark_closes_an_open_quotation():
    text = '"Who are we as a nation if we answer threats with threats? " she wrote. "We can do better."'
    assert [text[a:b] for a, b in quote_spans(text)] == [
        '"Who are we as a nation if we answer threats with threats? "', '"We can do better."']


def test_a_newspaper_is_an_outlet_whatever_its_name_looks_like():
    quotes = _quotes("The Baltic Chronicle reported that the envoy had been recalled to Vilnius.")
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [("The Baltic Chronicle", "outlet")]


def test_documents_show_what_they_say_but_events_do_not():
    quotes = _quotes("Emails released by the committee show that the minister knew about the shipment.")
    assert [(q.text, q.speaker_kind) for q in quotes] == [("the minister knew about the shipment", "document")]
    assert _quotes("The talks in Oslo show that both sides want a deal.") == []


def test_a_speech_noun_reports_its_possessor_and_a_verb_of_the_same_lemma_stays_a_verb():
    quotes = _quotes("Despite the minister’s announcement on Friday that the two countries had reached a “historic” "
                     "accord, the deal stalled.")
    assert [(q.speaker, q.quote_type, q.text) for q in quotes] == [
        ("the minister", "mixed", "the two countries had reached a “historic” accord")]
    assert _quotes("The claim that the border was sealed turned out to be false.") == []  # nobody's claim


def test_quoted_as_saying_is_said_by_the_one_quoted():
    text = ('Lead attorney Eric Lane spoke to a weekly magazine, which quoted him as saying "The request is an '
            'attempt to call in a political favor."')
    quotes = _quotes(text)
    assert [(q.quote_type, q.speaker_actor) for q in quotes] == [("direct", "person:eric-lane")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Mayor Anton Kessel was quoted as saying that the crossing would stay shut until spring.", "Anton Kessel"),
    ("The envoy was cited as saying the fishing talks had collapsed.", "The envoy"),
    ("Ilse Varga was quoted by a Riga daily as saying the convoy had been turned back.", "Ilse Varga"),
])
def test_a_passive_quoted_as_saying_is_said_by_its_subject(text, speaker):
    assert [(q.speaker, q.quote_type) for q in _quotes(text)] == [(speaker, "indirect")]


@pytest.mark.parametrize("text", [
    "State media reported that the envoy had been recalled from Vilnius.",
    "Latvian state media said the envoy had been recalled from Vilnius.",
])
def test_media_speak_as_an_outlet(text):  # the model's lemma of "media" is "medium"
    assert [q.speaker_kind for q in _quotes(text)] == ["outlet"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Lavrov said the envoy had been recalled from Vilnius.", "person"),  # an office-holder's short name
    ("Merkel's office said the envoy had been recalled from Vilnius.", "organisation"),  # a person's office
    ("Chancellor Merkel said the envoy had been recalled from Vilnius.", "person"),
])
def test_the_kind_of_a_named_speaker(text, kind):
    assert [q.speaker_kind for q in _quotes(text)] == [kind]


@pytest.mark.parametrize(("text", "quoted"), [
    ('The ferry talks resumed in Tallinn. "Absolutely not," the minister said when asked about a delay.',
     '"Absolutely not,"'),
    ('The ferry talks resumed in Tallinn. "Not at all," the spokesman replied.', '"Not at all,"'),
])
def test_a_short_utterance_before_its_speaker_is_direct_speech(text, quoted):
    quotes = _quotes(text)
    assert [(q.text, q.quote_type) for q in quotes] == [(quoted, "direct")]


def test_a_negated_verb_still_reports_nothing():
    assert _quotes("The ferry talks resumed. The minister did not say when the crossing would reopen.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister said the talks had failed and the envoy said the border would stay closed.",
     [("The minister", "the talks had failed"), ("the envoy", "the border would stay closed")]),
    ("Officials in Riga said the border would reopen on Monday, while Lithuania warned that its crossings would "
     "stay shut.",
     [("Officials in Riga", "the border would reopen on Monday"), ("Lithuania", "its crossings would stay shut")]),
    ("The minister said the army, which said last week that it would withdraw, had not moved.",
     [("The minister", "the army, which said last week that it would withdraw, had not moved"),
      ("the army", "it would withdraw")]),
])
def test_two_sources_in_one_sentence_keep_one_act_each(text, expected):
    assert [(q.speaker, q.text) for q in _quotes(text)] == expected


def test_a_report_of_another_source_act_is_recorded_with_that_source():
    quotes = _quotes("Two senators sent a letter urging Oslo to release the crew, the magazine reported.")
    assert [(q.speaker, q.text) for q in quotes] == [("Two senators", "urging Oslo to release the crew")]


def test_a_store_from_before_speaker_kind_stays_readable_and_migrates(tmp_path):
    import sqlite3

    from detente.store import SCHEMA_VERSION, Store
    from detente.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("".join(m + ";" for m in MIGRATIONS[:3]) + "PRAGMA user_version = 3;")
    conn.execute("INSERT INTO articles (id, source, doc_name, raw_hash, body) VALUES ('a', 's', 'd', 'h', 'b')")
    conn.execute("INSERT INTO quotes (id, article_id, char_start, char_end, text, quote_type, speaker, sentence_index) "
                 "VALUES ('q', 'a', 0, 1, 'b', 'indirect', 'Officials', 0)")
    conn.commit()
    conn.close()
    with Store(path, readonly=True) as store:  # not migrated: the new field reads as unknown
        assert [(q.speaker, q.speaker_kind) for q in store.quotes()] == [("Officials", None)]
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [(q.speaker, q.speaker_kind) for q in store.quotes()] == [("Officials", None)]
        assert "speaker_kind" in {r[1] for r in store.conn.execute("PRAGMA table_info(quotes)")}


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Latvia warned Minsk against further provocations at the border.", "Latvia",
     "warned Minsk against further provocations at the border"),
    ("The minister's sister issued a statement warning Riga against further provocations.", "The minister's sister",
     "warning Riga against further provocations"),
])
def test_a_warning_against_something_is_reported_speech_by_its_warner(text, speaker, content):
    assert [(q.speaker, q.text) for q in _quotes(text)] == [(speaker, content)]


def test_a_name_set_off_after_an_according_to_source_is_the_speaker():
    quotes = _quotes("According to his aunt, Mary Collins, “He was reading at an adult level in kindergarten.” "
                     "He played chess.")
    assert [(q.speaker, q.quote_type, q.text) for q in quotes] == [
        ("Mary Collins", "direct", "“He was reading at an adult level in kindergarten.”")]
