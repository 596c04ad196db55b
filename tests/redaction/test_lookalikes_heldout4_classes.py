"""Look-alike classes seen on the fourth development set, in text written for these tests.

A company's PO box, a customs tariff code, a company's registration in each language's form, a
VAT number, a brand before its article code, a street named after someone written after a date,
and addresses that must still be found beside them.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def _found(engine: Engine, text: str) -> list[str]:
    return [text[f.start : f.end] for f in engine.analyze(text, threshold=0.5)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A company's or an authority's PO box.
        ("Harbourline Freight Ltd\nPO Box 4417\nYOUR ANNUAL STATEMENT", ["PO Box 4417"]),
        ("Registered office: P.O. Box 2231 · Company No. 04417223", ["P.O. Box 2231"]),
        ("Objections must be sent in writing to PO Box 6620.", ["PO Box 6620"]),
        ("Sitz der Gesellschaft: Postfach 12 34 56 · Amtsgericht Kiel", ["Postfach 12 34 56"]),
        ("Domicilio social: Apartado de Correos 4417 · Madrid", ["Apartado de Correos 4417"]),
        ("Fornitura Acqua Tirrenica S.p.A. - Casella Postale 412\nFATTURA", ["Casella Postale"]),
        ("Assurances du Littoral SA — CS 40123\nAvis d'échéance", ["CS 40123"]),
        ("Service clients : TSA 70011 · Chèques à l'ordre de la société", ["70011"]),
        # Customs tariff codes after their labels.
        ("2 x cotton scarves, HS 6117 10 00, value £40.00", ["6117 10 00"]),
        ("Wollpullover, Zolltarifnr. 6110 11 10, Wert 55,00 EUR", ["6110 11 10"]),
        ("jerséis de lana, partida arancelaria 6110 11 10, valor 55,00 EUR", ["6110 11 10"]),
        ("maglioni di lana, voce doganale 6110 11 10, valore 55,00 EUR", ["6110 11 10"]),
        # Company registrations after their labels.
        ("Siège : 4 place du Marché, 69002 Lyon\nRCS Nantes B 412 345 678", ["412 345 678", "RCS Nantes"]),
        (
            "Inscrita en el Registro Mercantil de Valencia, Tomo 1234, Folio 56, Hoja V-7788",
            ["Registro Mercantil"],
        ),
        ("Cap. soc. i.v. · REA MI-1234567 · P.IVA 01234567890", ["Cap", "MI-1234567"]),
        # VAT numbers in their national shapes.
        ("Umsatzsteuer: HRB 4411 · DE287654321", ["DE287654321"]),
        ("Siège social: BP 12 · FR12345678901", ["FR12345678901"]),
        ("Klantenservice 020 123 4567 · btw NL123456789B01", ["123456789"]),
        ("VAT GB 123 4567 89 · Ask about our offers", ["123 4567 89"]),
        # A brand named after a person right before its article code.
        ("Try the new Bettina Marchetti EAN 4006381333931 range", ["Bettina Marchetti"]),
        ("Contenido: abrigos Inés Valcárcel (SKU AB-12345), partida 6202 11 00", ["Valcárcel"]),
        ("Novità: Sandro Ferrone Art.-Nr. 556677", ["Sandro Ferrone"]),
        # A street named after someone, right after a date: no house number.
        ("Date of offence: 3 March 2026, Wellington Road\nOffence code 12", ["Wellington Road"]),
        ("Offence observed 14/02/2026, Gladstone Street, vehicle parked", ["Gladstone Street"]),
        ("Constat du 05.03.2026, rue Victor-Hugo : stationnement interdit", ["Victor-Hugo"]),
        ("Date: May 7, 2026   Customer's signature: illegible", ["Customer"]),
        ("Visit date Feb 3, 2026  Dx J45.9\nAmount due", ["Visit date"]),
        # Form labels and a federal court's name are no names or places.
        ("Date: 4 May 2026   Sender's signature: (illegible)", ["Sender"]),
        ("Hospital no. 4471\nParent/carer: see file\nDate      Vaccine      Batch", ["Parent", "Vaccine"]),
        ("UNITED STATES DISTRICT COURT - NOTICE", ["UNITED STATES"]),
        ("CEDOLINO PAGA\nTotale da pagare: 1.200,00 EUR", ["CEDOLINO PAGA"]),
        # Businesses named after a place or a founder, after a trade's word or before a form.
        ("Énergies du Vercors — facture de mars", ["Vercors"]),
        ("Melkcoöperatie De Hoeve U.A. bevestigt de levering", ["De Hoeve"]),
        # A register's number in a table's "ID" column, a batch number in its batch column.
        ("ID;SURNAME;FIRST NAME;PHONE\n71-2204-339;HOLLOWAY;Bridget;+44 7700 900123\n", ["71-2204-339"]),
        ("Date        Vaccine           Batch\n02/03/2026  Tetanus booster   38-1177-402\n", ["38-1177-402"]),
        ("Fecha | Vacuna | Lote\n02/03/2026 | Gripe | 55-9021-713\n", ["55-9021-713"]),
        # Labels with a mixed-case prefix, regulations cited by title, a hospital, a drug and its dose.
        ("NOTIFICACIÓN - Expediente Bx-4471220\nTitular: desconocido", ["Expediente"]),
        ("estacionar en doble fila (art. 91 del Reglamento General de Vehículos).", ["Reglamento"]),
        ("Überweisung ans Universitätsklinikum Hans Christian Brenner angefragt.", ["Christian Brenner"]),
        ("Dauermedikation Metoprolol 50 mg, Ramipril 5 mg pausiert.", ["Metoprolol", "Ramipril"]),
        ("Zollanmeldung geprüft.\nGemäß Art. 15 ZK.", ["Gemäß"]),
        ("Point de livraison : PDL 04417722093318\nMontant TTC : 12,00 EUR", ["04417722093318"]),
        ("Zählernummer: 1APA7712093348\nVerbrauch 1.204 kWh", ["7712093348"]),
        ("Énergies du Littoral SA — TSA 30442\nClaire Dumont", ["TSA"]),
    ],
)
def test_look_alike_kept(engine: Engine, text: str, kept: list[str]) -> None:
    findings = _found(engine, text)
    for value in kept:
        assert not any(value in f or f in value for f in findings), findings


@pytest.mark.parametrize(
    ("text", "needed"),
    [
        # A person's own PO box with its town is still an address.
        ("Margaret Ellison\nPO Box 312\nSpringfield, IL 62704", ["312"]),
        # A house number after a date that is no year stays an address.
        ("Visited on 3 March 2026 at 14 Wellington Road, Leeds LS6 2AB", ["14 Wellington Road"]),
        # A real US state code and ZIP.
        ("Ship to: 88 Elm St, Austin, TX 78701", ["TX 78701"]),
        # Every part of a vCard's address property.
        ("BEGIN:VCARD\nFN:Ines Hartwig\nADR;TYPE=HOME:;;Lindenweg 14;28199 Bremen;;;\nEND:VCARD", ["Bremen"]),
        (
            "BEGIN:VCARD\nFN:P Roy\nADR;TYPE=WORK:;;Bât. C, appt 12;4 rue Haute;13001 MARSEILLE\nEND:VCARD",
            ["Bât. C, appt 12", "13001 MARSEILLE"],
        ),
        ("BEGIN:VCARD\nFN:Amy Cole\nADR:;;Rose Cottage, 9 Mill Lane;LEEDS;LS6 2AB\nEND:VCARD", ["LEEDS"]),
        # A street line in a cell of a delimited row.
        (
            "K-44120;BRANDT;OLIVER;02.05.1971;Lange Straße 17 b, 28195 Bremen;0421-555\n",
            ["Lange Straße 17 b"],
        ),
        # A flat and a street without a type word above a town in capitals and its postcode.
        ("MR T HOLLIS\nFlat 3B, 41 Broadway\nLEEDS\nLS6 2AB\n", ["Flat 3B, 41 Broadway"]),
        # A house's name at the end of a sentence, before its street.
        ("her address is now Rose Cottage, 9 Mill Lane, Leeds LS6 2AB", ["Rose Cottage"]),
        # A phone number in a table with an ID column is still a phone number.
        ("ID;SURNAME;FIRST NAME;PHONE\n71-2204-339;HOLLOWAY;Bridget;+44 7700 900123\n", ["7700 900123"]),
    ],
)
def test_address_still_found(engine: Engine, text: str, needed: list[str]) -> None:
    findings = _found(engine, text)
    for value in needed:
        assert any(value in f for f in findings), findings


def test_a_surname_that_is_also_a_salutation_is_no_label() -> None:
    from redaction.recognizers_lookalikes import is_label

    assert is_label("Gent.mo/a")
    assert not is_label("GENTILE")
