"""Logins where tickets, exports and minutes put a person: built from a name, taken in the right places.

A login is a name written the way accounts are made ("k.osei", "tfeldkamp", "camille_r82", "annahel"):
separated logins with a known name part are names anywhere; the others where a log line, a by-line or a
label puts an author, or where the document names the same person in full.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import person_values, protected


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


TICKET_LOG = """Ticket #88213 - VPN drops every 20 minutes
Reporter: Ludmila Horvath, Finance, ext. 4471

Work log:
- 09:12 okonjo.b: asked user to reinstall the client, no change.
- wbrzezinski: replaced the docking station; still dropping.
- ludmilahor: confirmed it works from home.
- note: check again on Monday

Closed by pkrawczyk.
"""


@pytest.mark.parametrize("login", ["okonjo.b", "wbrzezinski", "ludmilahor", "pkrawczyk"])
def test_it_takes_the_logins_that_write_a_ticket_log(engine: Engine, login: str) -> None:
    assert protected(engine, TICKET_LOG, login)


def test_it_leaves_a_log_line_label_that_is_a_word(engine: Engine) -> None:
    assert "note" not in person_values(engine, TICKET_LOG)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        # An export's by-line, in three languages.
        ("Export 'Spring leads' - created 02/03/2025 by tfeldkamp\nid,name,email\n", "tfeldkamp"),
        ("Liste exportée le 3 mars 2025 par camille_r82\nid;nom;courriel\n", "camille_r82"),
        ("Lijst aangemaakt op 4-3-2025 door hvdbroek\nid;naam;e-mail\n", "hvdbroek"),
        # A label's value ending its sentence.
        ("Nächste Schritte: Update am Montag. Ansprechpartner IT: mszczepan.\n", "mszczepan"),
    ],
)
def test_it_takes_a_login_after_a_by_line_or_a_label(engine: Engine, text: str, login: str) -> None:
    assert protected(engine, text, login)


def test_it_takes_a_separated_login_with_a_known_name_anywhere(engine: Engine) -> None:
    text = "I forwarded the logs to jonas.weber and to kowalczyk.t yesterday evening."
    assert protected(engine, text, "jonas.weber")
    assert protected(engine, text, "kowalczyk.t")


def test_it_leaves_files_hosts_and_plain_values_alone(engine: Engine) -> None:
    text = (
        "See report.pdf and maria.db in the share; the host is martin.com.\n"
        "Server: files.intern.\nStatus: open.\nThe export was sent by email.\n"
    )
    assert person_values(engine, text) == []


def test_it_takes_a_login_built_from_a_name_the_document_gives_in_full(engine: Engine) -> None:
    text = (
        "Incident 5521 raised for Thaddeus Okoro-Lindqvist (Sales).\n\n"
        "Updates\n09:40 thaddeusoko rebooted the router\n10:15 tokorolindqvist confirmed the fix\n"
    )
    assert protected(engine, text, "thaddeusoko")
    assert protected(engine, text, "tokorolindqvist")


def test_it_takes_a_lower_case_name_its_speakers_login_confirms(engine: Engine) -> None:
    text = (
        "[14:02] Agent (Sam): Which name and delivery address should I put on the label?\n"
        "[14:03] okaradeniz: oya karadeniz, Bahnhofstraße 3, 50667 Köln\n"
        "[14:04] vaszquez.m: maría josé vaszquez ortega\n"
    )
    assert protected(engine, text, "oya karadeniz")
    assert protected(engine, text, "maría josé vaszquez ortega")


def test_a_given_name_that_is_also_a_word_is_no_login(engine: Engine) -> None:
    text = "Farbe: rosa.\nMonth: june\nThe rose.gold finish is sold out.\n"
    assert person_values(engine, text) == []
