"""Bylines in the gold's form (REAL-DEV.md 3): persons only, "A and B"; agencies, titles, places, contacts split off."""

from __future__ import annotations

from detente.clean.bylines import byline_from_lines, normalize_byline, reporting_credit


def test_several_authors_are_joined_with_and():
    assert normalize_byline("By Mira Okonjo; Tomas Reyes") == "Mira Okonjo and Tomas Reyes"
    assert normalize_byline("Mira Okonjo, Tomas Reyes and Ilse Brandt") == "Mira Okonjo, Tomas Reyes and Ilse Brandt"


def test_titles_agencies_places_dates_and_emails_are_split_off():
    assert normalize_byline("TOMAS REYES, AP Senior Diplomatic Writer") == "Tomas Reyes"
    assert normalize_byline("Mira Okonjo, The Associated Press") == "Mira Okonjo"
    assert normalize_byline("By Mira Okonjo and Tomas Reyes Reuters") == "Mira Okonjo and Tomas Reyes"
    assert normalize_byline("by Ilse K. Brandt, Posted: May 4, 2021 - 3:05 PM") == "Ilse K. Brandt"
    assert normalize_byline("Ilse Brandt (ilse.brandt@example.org)") == "Ilse Brandt"
    assert normalize_byline("Nguyễn Thị Lan, Hanoi correspondent") == "Nguyễn Thị Lan"


def test_credits_without_a_person_are_none():
    for credit in ("Reuters", "AFP, Paris,", "News agencies", "Staff", "Web Desk", "www.quicksites.example | ",
                   "The Eastern and Western trade ministries", "Sign In", "My Account", "By signing up you agree"):
        assert normalize_byline(credit) is None, credit


def test_byline_lines_and_agency_credits_in_a_header():
    assert byline_from_lines(["Share", "By Mira Okonjo", "May 4, 2021"]) == ("Mira Okonjo", False)
    assert byline_from_lines(["Tomas Reyes, The Harbour Ledger"]) == ("Tomas Reyes", False)
    assert byline_from_lines(["Filed under", "World Affairs"]) == (None, False)  # a bare pair of words is no byline
    assert byline_from_lines(["Reuters, Lisbon,", "May 4, 2021"]) == (None, True)


def test_reporting_credit_names_the_wire_reporters():
    assert reporting_credit(["(Reporting by Ilse Brandt in Lisbon; Editing by Tomas Reyes)"]) == "Ilse Brandt"
    assert reporting_credit(["Reporting by Ilse Brandt and Mira Okonjo; writing by Tomas Reyes"]) == (
        "Ilse Brandt and Mira Okonjo")
    assert reporting_credit(["Additional reporting by Ilse Brandt"]) is None
