"""Record numbers, national identifiers and phones in machine-written text (third held-out set).

The aggregate figures of the third held-out set showed hospital record numbers, Dutch BSNs, German
tax ids and phones missed most in machine-formatted documents. Each test is a class of miss,
written with text of its own:

- a record number named by a key rather than a label: JSON and YAML keys, query strings and log
  fields ("patientId", "patient_id=", "user.mrn="), in any joining of the key's words;
- a ticket's audit trail naming the field, then the old and the new value;
- a scanned form: the label's letters read apart ("M R N :") or the number on the line below, and
  abbreviated or system labels ("Hosp. No.", "Nº HC", "ZIS-nummer", "N° de séjour");
- a national identifier after a key that joins its words ("taxId", "nhs_number", "bsnNummer") or
  glued to an abbreviated label by its period ("IdNr.86095742719");
- a BSN read out in threes ("123 456 782") or glued to its label by OCR ("BSN123456782");
- a phone number with its country code and no plus: percent-encoded ("%2B31…") or an MSISDN.

And what must stay: order and invoice numbers, amounts, doses and dates next to those keys.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import covered


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def types_over(engine: Engine, text: str, value: str) -> set[str]:
    start = text.index(value)
    return {f.entity_type for f in engine.analyze(text) if f.start < start + len(value) and start < f.end}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"mrn": "RZ-2019-0073315", "ward": "C4", "bed": 12}', "RZ-2019-0073315"),
        ('{"patientId": 5820174, "admitted": "2024-11-02"}', "5820174"),
        ('{"patient_id":"5820174","status":"discharged"}', "5820174"),
        ("GET /v2/encounters?patient_id=5820174&include=labs HTTP/1.1", "5820174"),
        ("2025-01-17T08:41:09Z WARN lab-sync retry=3 patient.mrn=0091876 host=lab02", "0091876"),
        ("patient:\n  fallnummer: 2024117350\n  station: 3B\n", "2024117350"),
        ('{"Patient ID": "H0091876", "ward": "C4"}', "H0091876"),
        ('{"idPaziente": "PZ-339120", "reparto": "cardiologia"}', "PZ-339120"),
        ("<numeroHistoria>3318207</numeroHistoria>", "3318207"),
    ],
)
def test_a_record_number_named_by_a_key_is_found(engine: Engine, text: str, value: str) -> None:
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('2025-02-11 14:03 j.smit: field "Patiëntnummer" changed from 0091876 to 0091877', "0091876"),
        ('2025-02-11 14:03 j.smit: field "Patiëntnummer" changed from 0091876 to 0091877', "0091877"),
        ('11.02.2025 14:03 Feld "Fallnummer" geändert von "" auf "2024117350"', "2024117350"),
        ("#4411 updated by kvos: patient_id 5820174 -> 5820175", "5820175"),
    ],
)
def test_an_audit_trail_of_a_record_number_field_is_found(engine: Engine, text: str, value: str) -> None:
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ST. ELSEWHERE HOSPITAL\nM R N : 0091876\nName: ____", "0091876"),
        ("Patiëntnummer\n0091876\nGeboortedatum\n", "0091876"),
        ("Hospital No.\n  H0091876", "H0091876"),
        ("Hosp. No. H0091876   Ward: C4", "H0091876"),
        ("Nº HC: 3318207\nServicio: Urgencias", "3318207"),
        ("ZIS-nummer: 0091876", "0091876"),
        ("N° de séjour : 2024117350", "2024117350"),
        ("Cod. paziente: PZ-339120", "PZ-339120"),
    ],
)
def test_a_record_number_on_a_scanned_form_is_found(engine: Engine, text: str, value: str) -> None:
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"orderId": 5820174, "amount": 129.50}', "5820174"),
        ('{"invoice_no": "2024-0091876", "patient": "see chart"}', "2024-0091876"),
        ("ticket=5820174 status=open priority=2", "5820174"),
        ("MRN 0091876 - dose changed from 2500 to 3000 units", "2500"),
        ("NHC 3318207, ingresado de 2019 a 2023", "2019"),
        ('{"patientId": 5820174, "updated": "2024-11-02T10:00:00Z"}', "2024-11-02T10:00:00Z"),
    ],
)
def test_other_numbers_beside_record_keys_are_no_record_numbers(
    engine: Engine, text: str, value: str
) -> None:
    assert "MEDICAL_RECORD_NUMBER" not in types_over(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("taxId: 86095742719", "86095742719", "DE_TAX_ID"),
        ("IdNr.86095742719", "86095742719", "DE_TAX_ID"),
        ('{"nhsNumber":"9434765919"}', "9434765919", "UK_NHS"),
        ("Mijn BSN is 111 222 333 hoor", "111 222 333", "NL_BSN"),
        ("BSN123456782 Naam: ____", "123456782", "NL_BSN"),
        ("persoonsnummer: 111222333", "111222333", "NL_BSN"),
    ],
)
def test_a_national_identifier_after_a_joined_key_is_typed_as_such(
    engine: Engine, text: str, value: str, entity: str
) -> None:
    assert entity in types_over(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("POST /sms/send?to=%2B31612345678&body=hallo", "31612345678"),
        ('{"msisdn": "4915123456789", "text": "Bin gleich da"}', "4915123456789"),
    ],
)
def test_a_phone_with_its_country_code_and_no_plus_is_found(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)
