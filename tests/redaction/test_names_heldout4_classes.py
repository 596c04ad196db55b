"""Names in the layouts the fourth held-out set showed the engine missing.

A name as the text of an XML element or in a person's element's attribute, a "Surname, Given" speaker
of a chat export or a row of a fixed-width report, a chat speaker or a handover's receiver written as
a login, a login or a given name before a phone number on a contact line.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import protected, untouched


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


XML_RECORD = """<?xml version="1.0"?>
<Record>
  <Id>QX-4471</Id>
  <FamilyName>MORWENNA</FamilyName>
  <FirstName>Tobiah</FirstName>
  <Achternaam>Gerritsma</Achternaam>
  <Voornaam>Wubbo</Voornaam>
  <Cognome>Scarpellini</Cognome>
  <Nome>Ottavio</Nome>
  <Guardian name="PERPETUA OKAFOR-LINDE" phone="0161 555 0192"/>
  <ProductName>Aurora Desk Lamp</ProductName>
</Record>
"""


@pytest.mark.parametrize("name", ["MORWENNA", "Tobiah", "Gerritsma", "Wubbo", "Scarpellini", "Ottavio"])
def test_a_name_element_is_redacted(engine: Engine, name: str) -> None:
    assert protected(engine, XML_RECORD, name)


def test_a_persons_element_name_attribute_is_redacted(engine: Engine) -> None:
    assert protected(engine, XML_RECORD, "PERPETUA OKAFOR-LINDE")


def test_an_elements_own_name_is_left(engine: Engine) -> None:
    assert untouched(engine, XML_RECORD, "ProductName")


CHAT = """Transcript 04/03/2026
[09:14:02] Quarshie, Ingrid: morning, the claim is on hold
[09:15:40] Trelawney, Gunnar: thanks, I'll look
2026-03-04T09:20:00Z <Fairweather, Linnea> done
"""


@pytest.mark.parametrize("name", ["Quarshie, Ingrid", "Trelawney, Gunnar", "Fairweather, Linnea"])
def test_a_surname_comma_given_speaker_is_redacted_whole(engine: Engine, name: str) -> None:
    assert protected(engine, CHAT, name)


REPORT = """MEMBER LIST - PAGE 3
NO  SURNAME, FORENAME  BORN  TOWN
B-7781  QUARSHIE, Ingrid  04/05/1977  Leeds
B-7782  TRELAWNEY, GUNNAR  12/12/1960  York
"""


@pytest.mark.parametrize("name", ["QUARSHIE, Ingrid", "TRELAWNEY, GUNNAR"])
def test_a_report_rows_surname_comma_given_is_redacted_whole(engine: Engine, name: str) -> None:
    assert protected(engine, REPORT, name)


LOGIN_CHAT = """Chat exported 02/02/2026
Ebony Quarshie — 10:02
can you look at the claim?
gtrelawney — 10:04
on it
10:05 linneaf | done
2026-02-02T10:06:00Z <okaforj> thanks
"""


@pytest.mark.parametrize("login", ["gtrelawney", "linneaf", "okaforj"])
def test_a_chat_speaker_login_is_redacted(engine: Engine, login: str) -> None:
    assert protected(engine, LOGIN_CHAT, login)


@pytest.mark.parametrize(
    "text,login",
    [
        ("Shift closed 18:00. Handed over by E. Quarshie to ingridt.", "ingridt"),
        ("Dienst beendet. Overdracht Ebony aan vanderbergw.", "vanderbergw"),
        ("Turno chiuso. Consegna Ottavio → gunnarh", "gunnarh"),
        ("CONTACTS: 2 - CONTACT okaforp 0161 555 0193 ext 12", "okaforp"),
    ],
)
def test_a_handover_or_contact_login_is_redacted(engine: Engine, text: str, login: str) -> None:
    assert protected(engine, text, login)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Helpline team\nOut of hours: Wubbo 07700 900461", "Wubbo"),
        ("Service client\nAstreinte : Tobiah +33 6 12 34 56 78", "Tobiah"),
        ("Closing shift. Handover: E. Quarshie → Tobiah", "Tobiah"),
    ],
)
def test_a_given_name_on_a_contact_or_handover_line_is_redacted(engine: Engine, text: str, name: str) -> None:
    assert protected(engine, text, name)


@pytest.mark.parametrize(
    "text,value",
    [
        ("Out of hours: 07700 900461", "Out of hours"),
        ("Members: see list\nRoute → Leeds.", "Leeds"),
        ("Shift note: passed to support.", "support"),
        ("Arrivo 02/03/2026 · partenza 09/03/2026", "partenza"),
    ],
)
def test_nearby_words_are_left(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value)


VCARD = """BEGIN:VCARD
VERSION:3.0
N:Quennerstedt;Wubbo;;;
FN:Wubbo Quennerstedt
ORG:Harbour Freight Ltd
END:VCARD
"""


@pytest.mark.parametrize("name", ["Quennerstedt", "Wubbo", "Wubbo Quennerstedt"])
def test_a_vcards_name_fields_are_redacted(engine: Engine, name: str) -> None:
    assert protected(engine, VCARD, name)


def test_a_vcards_organisation_is_left(engine: Engine) -> None:
    assert untouched(engine, VCARD, "Harbour Freight")


@pytest.mark.parametrize(
    "text,name",
    [
        ("Re: probate file 88/2026\nEstate of TOBIAH QUENNERSTEDT deceased", "TOBIAH QUENNERSTEDT"),
        ("Buchung 4471\nMitreisende: Wubbo Quennerstedt, geb. 02.03.1970", "Wubbo Quennerstedt"),
        ("Rota week 12\nOn call: Tobiah 07700 900462", "Tobiah"),
        ("Relève : Wubbo / Tobiah", "Wubbo"),
        ("Relève : Wubbo / Tobiah", "Tobiah"),
    ],
)
def test_a_name_after_an_estate_travel_rota_or_handover_cue_is_redacted(
    engine: Engine, text: str, name: str
) -> None:
    assert protected(engine, text, name)


def test_a_rotas_phone_label_is_not_a_name(engine: Engine) -> None:
    assert untouched(engine, "Rota week 12\nOn call: Mobile 07700 900462", "Mobile")


@pytest.mark.parametrize(
    "text,value",
    [
        # A login made of a name the same text writes capitalised, and an initial.
        ("09:01 wubbot | hi\n09:02 tobiah.q | thanks Wubbo, done", "wubbot"),
        ("Ward note: seen by Dr Quennerstedt. Handed over to tquennerstedt.", "tquennerstedt"),
        # A double surname opening with "Lo" in a person's element, a title before initials, "N'".
        ('<NextOfKin name="WUBBO LO QUENNERSTEDT" phone="0161 555 0100"/>', "WUBBO LO QUENNERSTEDT"),
        ("Medico curante: dott. T. Quennerstedt, ambulatorio 3", "T. Quennerstedt"),
        ("Dossier 88/2026 — Succession de TOBIAH N'QUENNA", "TOBIAH N'QUENNA"),
    ],
)
def test_login_and_spelling_classes(engine: Engine, text: str, value: str) -> None:
    assert protected(engine, text, value)


def test_a_forms_aligned_fields_are_not_a_report(engine: Engine) -> None:
    form = "Surname     QUENNERSTEDT\nEmployer    Harbour Freight\nGrade       Senior\n"
    assert untouched(engine, form, "Employer")


def test_an_audit_trails_actor_column_is_redacted(engine: Engine) -> None:
    trail = (
        "── 2026-01-05 ──\n09:12  wquennerstedt      changed Status to Closed\n09:14  system      reindexed\n"
    )
    assert protected(engine, trail, "wquennerstedt")
    assert untouched(engine, trail, "system")


def test_a_mention_in_a_timed_log_line_is_redacted(engine: Engine) -> None:
    trail = "09:12  admin   mentioned @quennerstedtw; set Status to Open\n09:13  admin   mentioned @channel\n"
    assert protected(engine, trail, "quennerstedtw")
    assert untouched(engine, trail, "channel")


def test_a_decorator_in_code_is_left(engine: Engine) -> None:
    code = "class Api:\n    @property\n    def version(self):\n        return 2\n"
    assert untouched(engine, code, "property")
