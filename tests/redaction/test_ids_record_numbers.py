"""Hospital record numbers and national identifiers in the labels, groupings and layouts people use.

Medical record numbers after the labels of en/de/fr/es/it/nl paperwork (with a dash, "no.", an
abbreviation in brackets, the number on the next line), in the columns of pasted tables; short
labels that name other things too (PID, NIP, H.C.) only in a text about care. BSN,
Steuer-ID, NHS, NINO, KVNR, SVNR and codice fiscale in unusual groupings beside their name, and
under a table header. Look-alikes (order, invoice, case, policy and process numbers) stay.

The numbers were made up for these tests; the national ones pass their checksums.
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hospital No: RXH 448 2190", "RXH 448 2190"),
        ("Unit No.: U0042191", "U0042191"),
        ("MRN - 4471208", "4471208"),
        ("MRN no. 7720193", "7720193"),
        ("Patient identifier \u2014 447812A", "447812A"),
        ("Hospital number - 447 812", "447 812"),
        ("Unit No. 339 21 04", "339 21 04"),
        ("Aufnahmenummer: A 2024 / 447812", "A 2024 / 447812"),
        ("Patient ID:\nAX 447 812", "AX 447 812"),
        ("MRN:\n447 812 99", "447 812 99"),
        ("Nosologico n. 24447812", "24447812"),
        ("Patiëntnummer (ZIS): 447812", "447812"),
        ("N.H.C.: 00447812", "00447812"),
        ("Patient-Nr.: 2024/00471", "2024/00471"),
        ("Krankenblattnummer 447812", "447812"),
        ("KIS-Nr. 447812", "447812"),
        ("Identifiant patient : 447812091", "447812091"),
        ("ID patient: 8812044", "8812044"),
        ("N° d'hospitalisation : 240447812", "240447812"),
        ("Numero di ricovero 2024/447812", "2024/447812"),
        ("Número de episodio: 7704471", "7704471"),
        ("Hosp ID: 4471208", "4471208"),
        ("Pt ID: 4471208", "4471208"),
        ("Patient ref: 4471208", "4471208"),
        ("EHR ID: 4471208", "4471208"),
        ("MRN/UR 4471208", "4471208"),
        ("MRN: 44-71-208", "44-71-208"),
        ("Patientenkennung: 4471208", "4471208"),
        ("N° d'admission : 4471208", "4471208"),
        ("Nº de ingreso: 4471208", "4471208"),
        ("NUHSA: AN0123456789", "AN0123456789"),
        ("the patient's hospital number, 4471208, was", "4471208"),
        ("Med. Rec. No. 4471208", "4471208"),
        ("N.º de historia clínica: 4471208", "4471208"),
        ("N.º HC 4471208", "4471208"),
        ("MRN: 0045-871-A", "0045-871-A"),
    ],
)
def test_record_number_after_its_label(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value), text
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Aufnahme Station 4B, PID: 10047219", "10047219"),
        ("Entlassbrief\nPatient: Hr. Maier\nPID 8841 2093", "8841 2093"),
        ("Informe de alta. H.C. 447812", "447812"),
        ("Paciente: Ana Ruiz, nº de H.C. 447812", "447812"),
        ("Compte rendu d'hospitalisation\nNIP: 3120447812", "3120447812"),
        ("Discharge summary, ward 7\nURN: 4471208", "4471208"),
        ("Stationäre Aufnahme, PIZ: 4471208", "4471208"),
    ],
)
def test_short_labels_in_a_text_about_care(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value), text
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("patient_id,name,dob\n884712,Jan Smit,1980-02-03", "884712"),
        ("| MRN | Name |\n|---|---|\n| 00447812 | Ana Ruiz |", "00447812"),
        ('MRN,Name\n"00447812","Ana Ruiz"', "00447812"),
        ("Patient ID\tName\tWard\n447812\tAna Ruiz\t3B", "447812"),
        ("ID;Nom;Prénom;IPP\n1;Martin;Paul;8004471208", "8004471208"),
        (
            "| Naam | Geboortedatum | Patiëntnummer |\n| --- | --- | --- |\n"
            "| Jan Smit | 03-02-1980 | 0012-447-881 |",
            "0012-447-881",
        ),
        ('Fallnr.,Name,Aufnahme\n"2024 447 812","Maier, Hans",03.02.2024', "2024 447 812"),
        ("NHC;Paciente;Cama\n447812;Ruiz, Ana;12", "447812"),
    ],
)
def test_record_number_under_a_table_header(engine: Engine, text: str, value: str) -> None:
    assert covered(engine, text, value), text
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024-01-02 12:00:01 worker PID: 10047219 started", "10047219"),
        ("$ ps aux\nPID 4412 ttys000", "4412"),
        ("Votre code NIP : 4478", "4478"),
        ("urn:isbn:4471208 and URN 4471208", "4471208"),
        ("Dossier n° 2024-44781 de votre assurance habitation", "2024-44781"),
        ("Compte rendu de laboratoire\nDossier n° CMD-2024-237641\nPatient : M. Martin", "CMD-2024-237641"),
        ("Order ID,Customer,Total\nA-447812,Ana Ruiz,12.00", "A-447812"),
        ("Invoice No;Patient;Amount\nINV-447812;Ana Ruiz;12,50", "INV-447812"),
        ("Policy No. - 4471208", "4471208"),
        ("Patient ID: 447812 \u2014 order no. 9981234", "9981234"),
        ("Aktenzeichen 3 O 117/24 des Landgerichts", "3 O 117/24"),
    ],
)
def test_record_number_look_alikes_kept(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value), text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("MRNs: 4471208, 4471209", ("4471208", "4471209")),
        ("Patient IDs 4471208 and 4471209", ("4471208", "4471209")),
        ("MRN 4471208 / 4471209", ("4471208", "4471209")),
        (
            "MSH|^~\\&|LAB|HOSP|||202401021200||ADT^A01|1|P|2.5\n"
            "PID|1||4471208^^^HOSP^MR~H-2024-0071^^^KH^PI||SMIT^JAN||19800203|M",
            ("4471208", "H-2024-0071"),
        ),
        (
            '{"resourceType": "Patient", "identifier": [{"type": {"coding": [{"code": "MR"}]}, '
            '"system": "urn:oid:1.2.3", "value": "4471208"}]}',
            ("4471208",),
        ),
        ('"identifier": [{"system": "https://hospital.example/mrn", "value": "HX-447812"}]', ("HX-447812",)),
    ],
)
def test_record_numbers_in_lists_and_exchange_formats(
    engine: Engine, text: str, values: tuple[str, ...]
) -> None:
    for value in values:
        assert covered(engine, text, value), (text, value)
        assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, value), (text, value)


def test_a_list_after_a_label_stops_at_other_numbers(engine: Engine) -> None:
    text = "MRN 4471208, 12 mg twice daily, order 9981234"
    assert "MEDICAL_RECORD_NUMBER" in types_over(engine, text, "4471208")
    assert untouched(engine, text, "9981234")


# --- National identifiers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("sofi-nummer 19 22 85 142", "19 22 85 142", "NL_BSN"),
        ("Mijn bsn is 32 11 46 487", "32 11 46 487", "NL_BSN"),
        ("BSN 3211-46-487", "3211-46-487", "NL_BSN"),
        ("BSN: 32114 6487", "32114 6487", "NL_BSN"),
        ("BSN nummer: 321 14 64 87", "321 14 64 87", "NL_BSN"),
        ("Persoonsgebonden nummer 725763863", "725763863", "NL_BSN"),
        ("Mijn burger service nummer is 725763863", "725763863", "NL_BSN"),
        (
            "| Naam | Adres | Woonplaats | Geboortedatum | BSN |\n|---|---|---|---|---|\n"
            "| Jan de Vries | Kerkstraat 12 | Utrecht | 01-02-1980 | 691682483 |\n"
            "| Eva Jansen | Dorpsweg 3 | Zeist | 11-12-1975 | 987825707 |",
            "987825707",
            "NL_BSN",
        ),
        ("Steuer-ID 86.194.453.207", "86.194.453.207", "DE_TAX_ID"),
        ("Steuer-ID: 861 944 532 07", "861 944 532 07", "DE_TAX_ID"),
        ("St-IdNr 8527 4119 135", "8527 4119 135", "DE_TAX_ID"),
        ("Steuer-ID 58-557-124-063", "58-557-124-063", "DE_TAX_ID"),
        ("Steueridentifikationsnummer: 585 571 240 63", "585 571 240 63", "DE_TAX_ID"),
        (
            "Name;Vorname;Geburtsdatum;Ort;Steuer-ID\nKühn;Eva;01.02.1980;Köln;58557124063\n"
            "Maier;Hans;03.04.1970;Bonn;64710325883",
            "64710325883",
            "DE_TAX_ID",
        ),
        ("NHS No: 521.115.8997", "521.115.8997", "UK_NHS"),
        ("NHS: 5211 158 997", "5211 158 997", "UK_NHS"),
        ("NINO: AB.12.34.56.C", "AB.12.34.56.C", "UK_NINO"),
        ("National Insurance No. AB/12/34/56/C", "AB/12/34/56/C", "UK_NINO"),
        ("KVNR: H 982 597 911", "H 982 597 911", "DE_HEALTH_INSURANCE"),
        ("Versichertennummer H982-597-911", "H982-597-911", "DE_HEALTH_INSURANCE"),
        ("Rentenversicherungsnummer 87-150680-A-30-3", "87-150680-A-30-3", "DE_SOCIAL_SECURITY"),
        ("C.F. RSS MRA 80A01 H501U", "RSS MRA 80A01 H501U", "IT_FISCAL_CODE"),
    ],
)
def test_national_identifier_in_unusual_forms(engine: Engine, text: str, value: str, entity: str) -> None:
    assert covered(engine, text, value), text
    assert entity in types_over(engine, text, value), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Order 725763863 shipped", "725763863"),
        ("Invoice no. 162275869", "162275869"),
        ("Policy number 192285142", "192285142"),
        ("Tracking 28131795049", "28131795049"),
        ("Rechnungsnr. 57939614285", "57939614285"),
        ("Aktenzeichen 64710325883", "64710325883"),
        ("Claim 5211158997", "5211158997"),
        # A BSN column beside an order-number column: only the BSN's column is read as BSNs.
        ("Bestelnummer;BSN\n725763863;162275869", "725763863"),
    ],
)
def test_national_identifier_look_alikes_kept(engine: Engine, text: str, value: str) -> None:
    assert untouched(engine, text, value), text


def test_a_name_before_another_number_does_not_name_the_next() -> None:
    """The order number after a Steuer-ID passes the checksum too, but its own word names it."""
    engine = get_engine()
    text = "Steuer-ID 28131795049, Auftrag 64-710-325-883"
    assert "DE_TAX_ID" in types_over(engine, text, "28131795049")
    assert "DE_TAX_ID" not in types_over(engine, text, "64-710-325-883")
