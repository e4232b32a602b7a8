"""Which words date an event, and who is its patient: passives, complement clauses, noun modifiers, the news peg.

Constructed sentences (written for these tests), not taken from the gold sets.
"""

from __future__ import annotations

from datetime import date

from detente.actors import resolve_actors
from detente.events import extract_events
from detente.nlp import load_nlp

PUB = (date(2024, 4, 11), date(2024, 4, 11))  # a Thursday


def _events(text: str, pub=PUB):
    doc = load_nlp()(text)
    return extract_events(doc, "a1", resolve_actors(doc), pub)


def _find(events, etype):
    found = [e for e in events if e.type == etype]
    assert found, events
    return found[0]


def test_passive_subject_is_the_target():
    event = _find(_events("Twelve Greek sailors were killed in a clash with Turkish troops on Tuesday."), "ASSAULT")
    assert (event.source, event.target) == ("TUR", "GRC")


def test_date_inside_the_agreed_action_does_not_date_the_agreement():
    event = _find(_events("On Wednesday, Peru and Chile agreed to reopen their border crossings from June 1."), "AGREE")
    assert event.status == "happened" and event.date_start == "2024-04-10"


def test_year_modifying_another_noun_does_not_date_the_trigger():
    events = _events("Ottawa pledged on Tuesday to defend Danish ships under a 1958 defence treaty.")
    assert _find(events, "SUPPORT").date_start != "1958-01-01"  # the year is the treaty's, not the defence's
    events = _events("Israel seized the territories from Jordan in the 1967 war.")
    assert _find(events, "ASSAULT").date_start == "1967-01-01"  # "in the 1967 war" does place the act in time
    events = _events("Despite Ottawa's Oct. 11 announcement that Canada and Mexico had reached a trade agreement, no "
                     "deal was signed.")
    assert _find(events, "AGREE").date_start == "2023-10-11"  # the announcement's day dates the act it announces


def test_a_year_on_another_acts_noun_below_the_trigger_dates_that_act():
    events = _events("Peru's president has apologised to Chile for any errors during the 2010 raid on a fishing boat.")
    assert _find(events, "SUPPORT").date_start == "2024-04-11"  # the raid's year, not the apology's


def test_relative_clause_on_the_trigger_noun_dates_it():
    events = _events("They set out terms for an Israeli-Jordanian peace treaty, which followed on October 26, 1994.")
    agree = _find(events, "AGREE")
    assert agree.date_start == "1994-10-26"


def test_planned_event_takes_the_time_of_its_governing_clause():
    event = _find(_events("On Friday, Australian Prime Minister Anthony Albanese is due to hold talks with China."), "CONSULT")
    assert event.status == "planned" and event.date_start == "2024-04-12"


def test_undated_reactions_take_the_news_peg_not_the_publication_day():
    text = ("Chinese coast guard ships fired water cannon at Philippine vessels on Tuesday. The ships were damaged. "
            "Philippine officials condemned the Chinese actions.")
    accuse = _find(_events(text), "ACCUSE")
    assert (accuse.source, accuse.target) == ("PHL", "CHN")
    assert accuse.date_start == "2024-04-09" and "news peg" in accuse.date_basis


def test_multiword_noun_trigger_takes_roles_from_its_head():
    event = _find(_events("Chinese vessels turned water cannon on three Philippine ships on Tuesday."), "ASSAULT")
    assert (event.source, event.target) == ("CHN", "PHL")


def test_a_deadline_does_not_carry_into_the_next_sentence():
    text = "Japan plans to double defence spending by 2027. Japan and Australia criticised China on Wednesday."
    events = _events(text)
    assert all(e.status == "happened" for e in events if e.type == "ACCUSE")


def test_named_wars_and_accusation_contents_are_not_events():
    assert not [e for e in _events("Peru and Chile were rivals during the Cold War.") if e.type == "ASSAULT"]
    events = _events("Chile accused a Peruvian vessel of ramming a Chilean patrol boat on Tuesday.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_calling_an_attack_an_invasion_is_an_accusation():
    events = _events("Ukraine's foreign minister called the Russian attack a full-scale invasion on Wednesday.")
    assert "ACCUSE" in {e.type for e in events} and "ASSAULT" not in {e.type for e in events}


def test_denied_content_is_a_denied_event():
    event = _find(_events("Russia denied that it planned to invade Ukraine."), "ASSAULT")
    assert event.status == "denied"


def test_seizing_a_named_place_is_assault():
    event = _find(_events("Russian troops seized Crimea from Ukraine in 2014."), "ASSAULT")
    assert event.date_start == "2014-01-01"


def test_a_while_clause_keeps_its_own_time():
    text = "Britain announced an asset freeze on Russia's banks, while Germany had halted a Russian pipeline on Tuesday."
    freeze = _find(_events(text), "SANCTION")
    assert freeze.source == "GBR" and not freeze.date_basis.startswith("'on Tuesday'")


def test_planned_this_week_does_not_start_before_publication():
    pub = (date(2023, 12, 1), date(2023, 12, 31))
    event = _find(_events("Chinese President Xi Jinping is scheduled to visit Vietnam this week.", pub), "CONSULT")
    assert event.status == "planned" and event.date_start >= "2023-12-01"


def test_undated_news_mention_is_not_merged_into_a_background_year():
    text = "India and China agreed to talk.\n\nUnder a 1996 agreement, the two sides keep patrols unarmed."
    agrees = [e for e in _events(text, None) if e.type == "AGREE"]
    assert len(agrees) == 2


def test_main_clause_pluperfect_is_background_but_reported_pluperfect_is_not():
    text = "Chile condemned Peru on Tuesday. Santiago had demanded that Lima withdraw its troops."
    demand = _find(_events(text), "REQUEST")
    assert demand.date_start is None
    text = "Chile condemned Peru on Tuesday, saying Peruvian troops had attacked a Chilean border post."
    ram = _find(_events(text), "ASSAULT")
    assert ram.date_start == "2024-04-09"


def test_preparing_for_a_meeting_in_the_coming_weeks_is_planned_and_dated_ahead():
    event = _find(_events("Trump, who is preparing for his own meeting with North Korea's leader in the coming weeks, "
                          "praised South Korea."), "CONSULT")
    assert event.status == "planned" and event.date_start is not None and event.date_start > "2024-04-11"


def test_when_a_plan_was_announced_does_not_date_the_plan():
    # "said on Monday it would": the parser hangs "on Monday" on the reported verb; it is when it was said
    event = _find(_events("The European Union said on Monday it would impose sanctions on Belarus."), "SANCTION")
    assert event.status == "planned" and event.date_start != "2024-04-15"
    event = _find(_events("The European Union said it would impose sanctions on Belarus on Monday."), "SANCTION")
    assert event.status == "planned" and event.date_start == "2024-04-15"


def test_a_year_on_another_acts_noun_below_the_object_dates_that_act():
    text = ("Separately, Sweden is seeking the businessman's extradition from Norway over his alleged role in the "
            "release of secret military files by a hacker group in 2016.")
    event = _find(_events(text), "REQUEST")
    assert (event.source, event.target) == ("SWE", "NOR") and not (event.date_start or "").startswith("2016")
    assert _find(_events("Russia imposed sanctions on Ukraine in 2014."), "SANCTION").date_start == "2014-01-01"


def test_an_example_of_a_series_of_earlier_acts_is_undated_background():
    text = ("Canada's foreign minister said on Monday that Ottawa would reopen its embassy. The announcement is the "
            "latest in a series of conciliatory steps by the Canadian government, including recognising Sudan's "
            "transitional government.")
    event = _find(_events(text), "SUPPORT")
    assert (event.source, event.target) == ("CAN", "SDN") and event.date_start is None


def test_a_time_right_after_the_reporting_verb_is_when_it_was_said():
    # "said on Tuesday it would ...": the parser hangs the time on the reported verb; it is the saying's, in the past
    threat = _find(_events("Iran said on Tuesday it could not guarantee the safety of British ships in the Gulf."),
                   "THREATEN")
    assert (threat.status, threat.date_start) == ("happened", "2024-04-09")
    plan = _find(_events("Iran said it would boycott the talks with Britain on Tuesday."), "CONSULT")
    assert (plan.status, plan.date_start) == ("planned", "2024-04-16")  # the reported clause's own time looks ahead


def test_a_date_on_the_object_of_another_kind_of_act_is_the_objects():
    # "scrapped a Dec. 15 tariff increase": the scrapping is the news; Dec. 15 is when the tariffs were due
    scrapped = _find(_events("Washington scrapped a Dec. 15 tariff increase on Chinese goods."), "CONCEDE")
    assert scrapped.date_start == "2024-04-11"
    # but the same kind of act is the object's own date: attending the summit is the summit
    attended = _find(_events("The Japanese prime minister attended the April 2 summit with Xi in Beijing."), "CONSULT")
    assert attended.date_start == "2024-04-02"


def test_a_participle_the_parser_hangs_inside_a_tariff_phrase_dates_the_tariffs():
    text = "Beijing also wants Washington to eliminate the 15% tariffs on $125 billion worth of Chinese goods imposed on Sept. 1."
    tariffs = _find(_events(text), "SANCTION")
    assert (tariffs.source, tariffs.target, tariffs.date_start) == ("USA", "CHN", "2023-09-01")


def test_a_noun_described_by_a_passive_participle_is_the_acts_patient():
    # "the sanctions on Venezuela imposed in March": Venezuela is acted on, not the doer
    events = _events("Caracas wants Washington to end the sanctions on Venezuela imposed in March.")
    imposed = [e for e in events if e.type == "SANCTION"]
    assert imposed and all((e.source, e.target) == ("USA", "VEN") for e in imposed)


def test_a_past_year_is_no_date_of_what_will_be_done():
    # the parser hangs "in 2014" on "will lift": the past year belongs to the imposing
    events = _events("Washington will lift the sanctions it imposed on Moscow in 2014.")
    lift = _find(events, "CONCEDE")
    assert lift.status == "planned" and lift.date_start is None
    assert _find(events, "SANCTION").date_start == "2014-01-01"


def test_a_nouns_own_relative_clause_dates_it_unless_it_plans_another_kind_of_act():
    planned = _find(_events("Firms are uncertain whether a tariff that Washington had planned to impose on Chinese "
                            "goods on May 15 would go into effect."), "SANCTION")
    assert (planned.status, planned.date_start) == ("planned", "2024-05-15")
    lifted = _find(_events("Firms doubt that the sanctions which Washington agreed to lift from May 1 will help "
                           "Russia."), "SANCTION")
    assert lifted.date_start != "2024-05-01"
