"""Record numbers, phone numbers, dates of birth and e-mail addresses in the forms the fourth
development set showed missing.

- A hospital system's XML or JSON message names the record number by a generic key ("RecordNo",
  "recordNumber") inside a patient's element: a record number there, the value taken whole
  ("ABC 20417733"); a generic record key outside a text about care stays unredacted.
- A patient account on a hospital bill, a label with a qualifier ("Patientennr. der Praxis:"), a
  label glued to its number by a dash ("MRN-55120934"); a number after a record label is a record
  number even when it happens to pass a national identifier's checksum.
- Spanish phone numbers written as nine digits or in 2+7 / 3+6 groups after a customer-service
  label, a call verb earlier in the line, or an emergency label and a first name; a number after an
  extension ("ext. 214 / …", "poste 312 / …"); a bracketed area code after a ZIP+4 code.
- Dates with the month's abbreviation in capitals or in Spanish between dashes ("14-NOV-1979",
  "3-ene-1950", "16-MAR-95"), months in capitals ("16 OCT 1958"); a date of birth "in the file" /
  "au dossier" / "in dossier"; a column "Ch.-B." (batch) is no "b." (born).
- The German at sign's name "ät" in an address written to dodge harvesters; "email me at x at …".
- Plural phone labels ("Teléfonos:"), the landline named ("al fijo"), a list's contact column,
  short numeric cells run together with a phone cell, a number in brackets after a name, a birth
  date "of your son/daughter <name>", "nato/a il". A phone number whose digits pass a national
  identifier's checksum by chance (after a country code or a phone word) stays a phone number.

All values were made up for these tests.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import covered, untouched


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def types_over(engine: Engine, text: str, value: str) -> set[str]:
    start = text.index(value)
    end = start + len(value)
    return {f.entity_type for f in engine.analyze(text) if f.start < end and start < f.end}


# --- Medical record numbers ----------------------------------------------------------------------

_XML = (
    '<?xml version="1.0"?>\n<Msg kind="update">\n  <Source system="HIS"/>\n  <Patient>\n'
    "    <RecordNo>{value}</RecordNo>\n    <FamilyName>Quennell</FamilyName>\n"
    '    <Diagnosis code="J45.9">asthma</Diagnosis>\n  </Patient>\n</Msg>'
)


@pytest.mark.parametrize(
    "value", ["QX4417209", "ABC 20417733", "WK-33-771204", "HOSP/552918", "31-B-77120", "44 718 209"]
)
def test_record_key_in_a_patient_message(engine: Engine, value: str) -> None:
    text = _XML.format(value=value)
    assert covered(engine, text, value)
    assert types_over(engine, text, value) == {"MEDICAL_RECORD_NUMBER"}


def test_record_key_in_json_about_care(engine: Engine) -> None:
    text = '{"patient": {"recordNumber": "RB 55019234", "diagnosis": "otitis media", "ward": "3B"}}'
    assert covered(engine, text, "RB 55019234")


def test_generic_record_key_outside_care_stays(engine: Engine) -> None:
    text = (
        "<Export>\n  <Row>\n    <RecordNo>RX-4417-2093</RecordNo>\n"
        "    <Item>office chair</Item>\n  </Row>\n</Export>"
    )
    assert untouched(engine, text, "RX-4417-2093")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Provider: Dr. K. Osei, Riverside General Hospital - patient acct Q771 2045\nService date",
            "Q771 2045",
        ),
        ("Billed by St Anne's Hospital, patient account 19/552071, amount due $120.00", "19/552071"),
        ("Behandelnde Ärztin: Dr. Weber\nPatientennr. der Praxis: K55120934\nTermin folgt", "K55120934"),
        ("Patient seen in clinic today, MRN-55120934, follow-up in 2 weeks.", "MRN-55120934"),
        ("Ingreso en urgencias, NHC-21-44817, paciente estable.", "NHC-21-44817"),
    ],
)
def test_record_labels(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Compte rendu d'hospitalisation — Dr Marchal, Hôpital Nord (IPP 9032448250), sortie le 3 mai",
            "9032448250",
        ),
        ("Rechnung der Klinik, Pat.-Nr. 607494943, Behandlung am 02.03.2026", "607494943"),
    ],
)
def test_record_label_wins_over_a_chance_checksum(engine: Engine, text: str, value: str) -> None:
    assert types_over(engine, text, value) == {"MEDICAL_RECORD_NUMBER"}


# --- Phone numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Atención al cliente: 976 543210 · NIF B12345678", "976 543210"),
        ("Atención al cliente: 968554321 · horario de 9 a 14", "968554321"),
        ("Pago por transferencia.\nInformación: 91 5550123 · Apdo. 41", "91 5550123"),
        ("llámala después de las 18:00, Ana prefiere 91 5550123", "91 5550123"),
        ("llámale mañana por la tarde, Jorge prefiere 944112233", "944112233"),
        ("Urgencias fuera de horario: Pablo 655123456", "655123456"),
        ("J. Ruiz | ext. 214 / 0034 655123456 | j.ruiz@example.es", "0034 655123456"),
        ("M. Petit | poste 312 / 0612345678 | m.petit@example.fr", "0612345678"),
        ("L. Morel | poste 415 / 06.12.34.56.78 | l.morel@example.fr", "06.12.34.56.78"),
        ("ROSS, Dana  12 Pine St, New York, NY 10001-2345  (212) 555-0199\n", "(212) 555-0199"),
        ("Teléfonos: 912448017 (no contesta), 655 20 31 44 (contactado)", "912448017"),
        ("AG: ¿Le llamo al 655203144?\nCL: Sí, por favor.", "655203144"),
        ("CL: Mejor al fijo, 912448017. Gracias.", "912448017"),
        ("Testigo: Lucía Prieto Sanz (655203144)\nObservaciones: ninguna", "655203144"),
        ("Invitato\tAdulti\tBambini\tContatto\nBIANCHI Laura\t1\t0\t347/5512093\n", "347/5512093"),
        ("Invitato\tAdulti\tBambini\tContatto\nNERI Paolo\t2\t1\t0039 3475512093\n", "0039 3475512093"),
    ],
)
def test_phone_forms(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nº factura 915550123 · Total 42,10 €", "915550123"),
        ("Referencia del pedido: 976 543210", "976 543210"),
        ("El pedido 944112233 sale mañana, Ana prefiere recogerlo en tienda", "944112233"),
        ("Pedido (944112233) enviado", "944112233"),
    ],
)
def test_phone_lookalikes_stay(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ana Ruiz — 12:30\nmóvil 0034 655203144 y correo ana.ruiz@example.es", "0034 655203144"),
        ("Familiar de contacto: Noelia Peral, 722 964 626", "722 964 626"),
        ("DOE, Jane;03/04/1971;12 Elm St, Springfield, IL 62704;+1 217 555 0001", "+1 217 555 0001"),
    ],
)
def test_phone_numbers_are_typed_as_phones(engine: Engine, text: str, value: str) -> None:
    assert types_over(engine, text, value) == {"PHONE_NUMBER"}


# --- Dates of birth ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Employee: R. Haskins\nDate of birth: 14-NOV-1979\nBasic pay", "14-NOV-1979"),
        ("Paciente: J. Soto\nF. nac.: 3-ene-1950\nDiagnóstico: gripe", "3-ene-1950"),
        ("nacido el 21-dic-1944 en Soria", "21-dic-1944"),
        ("MEMBER  HARLOW, JUNE  DOB 16 OCT 1958  ZIP 10001", "16 OCT 1958"),
        ("Patient: T. Greaves, DOB: 16-MAR-95, seen today", "16-MAR-95"),
        ("top, geboortedatum in dossier 12-04-1966, klopt", "12-04-1966"),
        ("ok, date de naissance au dossier 03.07.1971, ça concorde", "03.07.1971"),
        ("i dati di Marco, nato/a il 4 marzo 2016, codice fiscale", "4 marzo 2016"),
        ("Wij missen de geboortedatum van uw dochter Sanne (12 mei 2019) voor de toeslag.", "12 mei 2019"),
    ],
)
def test_birth_dates(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)


def test_batch_column_is_no_birth_label(engine: Engine) -> None:
    text = "Impfpass\nDatum | Impfstoff | Ch.-B.\n14.03.2025 | Tetanus | 771/2025\n"
    assert untouched(engine, text, "14.03.2025")


def test_birth_date_label_with_qualifier_is_typed(engine: Engine) -> None:
    text = "sure. DOB on file is 10-MAR-2012, matches the form"
    assert types_over(engine, text, "10-MAR-2012") == {"DATE_OF_BIRTH"}


# --- E-mail addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ihre Kontaktdaten: berg.anna ät gmx punkt de, Tel. folgt", "berg.anna ät gmx punkt de"),
        ("Mail weber.jens ät web[punkt]de", "weber.jens ät web[punkt]de"),
        ("ok, email me at pkowal at proton.me later", "pkowal at proton.me"),
    ],
)
def test_obfuscated_addresses(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value)
