"""Event status from the words that govern a trigger: negation scoped to its predicate, nouns and infinitives that
are plans or requests, hedges, fears, cancellations, and objects that exist whatever is done to them.

Sentences invented for these tests; the trigger is the word given beside each.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.events.status import event_status
from detente.nlp import load_nlp


def _status(text: str, trigger: str) -> str:
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == trigger)
    return event_status(token, token.sent)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # negation: the predicate, and what it controls, not its subject nor a "but" coordinate
    ("Norway did not sign the accord.", "sign", "denied"),
    ("The recent strikes did not stop the talks.", "strikes", "happened"),
    ("Peru does not recognise the vote but instead has expelled the envoy.", "expelled", "happened"),
    ("Chile did not sign or ratify the treaty.", "ratify", "denied"),
    ("The sanctions might not prevent an escalation.", "prevent", "hypothetical"),
    # "no" on the act or on what the act takes denies it; "no fewer than" counts
    ("Bolivia made no request to Chile on Monday.", "request", "denied"),
    ("There was no attack on the convoy, the army said.", "attack", "denied"),
    ("No sanctions were imposed on Peru last year.", "imposed", "denied"),
    ("Ghana sent no troops to Mali.", "sent", "denied"),
    ("No fewer than ten airstrikes hit the town on Monday.", "airstrikes", "happened"),
    ("Peru will raise tariffs if no deal is reached by June.", "reached", "hypothetical"),
    # what is put off is still to come; what is pushed for is asked
    ("The talks between Chile and Peru were postponed.", "talks", "planned"),
    ("The trade deal could now be pushed into next year, experts say.", "deal", "planned"),
    ("Chile lobbied Peru to sign the deal.", "sign", "hypothetical"),
    ("Engine troubles delay the tour of the new airliner.", "troubles", "happened"),
    # infinitives under nouns and verbs
    ("Ghana signed a contract to supply grain to Togo.", "supply", "planned"),
    ("Ghana was the first country to recognise the new government.", "recognise", "happened"),
    ("Kenya retains the right to expel the diplomats.", "expel", "hypothetical"),
    ("The council urged Tehran to release the sailors.", "release", "hypothetical"),
    ("The summit is to be held in Lima.", "held", "planned"),
    ("The trial is set to begin on Monday.", "trial", "planned"),
    # hedges and fears
    ("The shipment is believed to be worth $2 billion.", "be", "hypothetical"),
    ("Markets fell on fears that Oslo will impose tariffs.", "impose", "hypothetical"),
    ("Markets fell on fears that the recent sanctions will hurt exports.", "sanctions", "happened"),
    # readiness announces an intention; a condition is only possible, negated or not
    ("Norway is willing to send ships to help Iceland.", "send", "planned"),
    ("Japan stands ready to contribute troops to the mission.", "contribute", "planned"),
    ("Japan has been unwilling to sign the accord with Seoul.", "sign", "refused"),
    ("Hanoi was reluctant to commit to a meeting.", "meeting", "refused"),
    # a negated act of one's own future declines it; a past one is denied; a conditioned one is possible
    ("Russia will not withdraw its troops from Syria, Putin said.", "withdraw", "refused"),
    ("China said it would not attend the summit with Japan.", "attend", "refused"),
    ("Azerbaijan did not cross into Armenian territory.", "cross", "denied"),
    ("Russia would not attack Ukraine if NATO stopped expanding.", "attack", "hypothetical"),
    ("Officials said lifting the sanctions on Myanmar is out of the question.", "lifting", "refused"),
    ("Oslo will impose tariffs if Reykjavik does not sign the accord.", "sign", "hypothetical"),
    # reported future
    ("The ministry said the delegation would visit Hanoi in May.", "visit", "planned"),
    # nouns acted on: cancelled, negotiated, promised, lifted
    ("The planned summit was cancelled.", "summit", "denied"),
    ("Both sides negotiated a ceasefire.", "ceasefire", "hypothetical"),
    ("Japan offered aid to the islands.", "aid", "planned"),
    ("Washington will lift the sanctions next month.", "sanctions", "happened"),
    ("Ankara would stop buying gas from Baku.", "buying", "denied"),
    ("The Dow nearly broke the record.", "broke", "denied"),
    ("The two sides were on the verge of a deal.", "deal", "hypothetical"),
    # a noun its own words mark as arranged is a plan, whatever doubt the clause around it voices
    ("Firms are uncertain whether a tariff that Oslo had planned to impose would go into effect.", "tariff", "planned"),
    ("Officials doubt that the scheduled visit by Xi to Hanoi will happen.", "visit", "planned"),
    ("A possible visit by Xi to Hanoi could come next month.", "visit", "hypothetical"),
    # what is plainly said happened
    ("Egypt expelled the ambassador on Tuesday.", "expelled", "happened"),
])
def test_status(text: str, trigger: str, expected: str) -> None:
    assert _status(text, trigger) == expected


def test_a_decided_act_is_in_force_from_the_day_it_was_set_for():
    from datetime import date

    from detente.actors import resolve_actors
    from detente.events import extract_events
    from detente.nlp import load_nlp

    text = "Austria decided to introduce border controls on its frontier with Italy from Monday."
    doc = load_nlp()(text)
    monday = date(2020, 3, 16)
    on_the_day = extract_events(doc, "a", resolve_actors(doc), (monday, monday))
    before = extract_events(doc, "a", resolve_actors(doc), (date(2020, 3, 14), date(2020, 3, 14)))
    assert {e.status for e in on_the_day if e.type == "COERCE"} == {"happened"}
    assert {e.status for e in before if e.type == "COERCE"} == {"planned"}  # Monday had not come yet


def test_yet_to_and_no_reason_to_say_it_has_not_happened():
    from datetime import date

    from detente.actors import resolve_actors
    from detente.events import extract_events
    from detente.nlp import load_nlp

    pub = (date(2024, 1, 24), date(2024, 1, 24))
    for text in ("Austria is now the only member yet to ratify Ukraine's membership.",
                 "Austria has yet to ratify Ukraine's membership."):
        doc = load_nlp()(text)
        assert {e.status for e in extract_events(doc, "a", resolve_actors(doc), pub)} == {"denied"}, text
    # no will or ground to act declines it (REAL-DEV.md 7: declining to meet or commit is a REJECT; its declined act
    # has status refused)
    for text in ("The Austrian chancellor said he saw no reason to negotiate with Ukraine at this point.",
                 "Austria said it had no intention of lifting sanctions on Serbia."):
        doc = load_nlp()(text)
        assert {e.status for e in extract_events(doc, "a", resolve_actors(doc), pub)} == {"refused"}, text


def test_an_until_or_once_clause_in_the_present_has_not_happened_yet():
    assert _status("Seoul will keep the sanctions until Pyongyang signs a nuclear agreement.", "agreement") == "hypothetical"
    assert _status("Talks will resume once Moscow accepts the ceasefire.", "accepts") == "hypothetical"
    assert _status("The two armies fought until an armistice was signed in 1953.", "signed") == "happened"


def test_what_a_pending_or_conditional_passive_clause_would_make_is_not_made():
    assert _status("Seoul will keep the sanctions until a deal with Pyongyang is signed.", "deal") == "hypothetical"
    assert _status("If an agreement with Tehran is reached, Washington will lift sanctions.", "agreement") == "hypothetical"


def test_committing_to_a_meeting_is_the_subjects_act_and_reluctance_refuses_it():
    doc = load_nlp()("Seoul has proposed a summit, but Tokyo has been reluctant to commit to a meeting.")
    events = extract_events(doc, "t", resolve_actors(doc), (date(2024, 4, 11), date(2024, 4, 11)))
    assert any(e.type == "CONSULT" and e.source == "JPN" and e.target == "KOR" and e.status == "refused" for e in events)
