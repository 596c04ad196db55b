"""Customer, company, parcel and article numbers, laws and brands on products stay in clear."""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from redaction.recognizers_ids import find_ibans
from redaction.recognizers_lookalikes import s10_valid, spans


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


def assert_kept(engine: Engine, text: str, kept: str) -> list[str]:
    findings = engine.analyze(text)
    start = text.index(kept)
    end = start + len(kept)
    values = [text[f.start : f.end] for f in findings]
    assert not any(f.start < end and start < f.end for f in findings), values
    return values


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Customer number: 3307 1846 52\n\nDear Mrs Lowe,", "3307 1846 52"),
        ("For payroll use only: employee no. 6612 0935 48; see the handbook.", "6612 0935 48"),
        ("Bitte geben Sie Ihre Kundennummer 604 118 273 bei Rückfragen an.", "604 118 273"),
        ("Hola, mi número de socio es el 0472918365, gracias.", "0472918365"),
        ("Bonjour, mon numéro client c'est le 07419226381. Merci.", "07419226381"),
        ("Mijn personeelsnummer is 77120931, groet.", "77120931"),
        ("Contrat n° 5520 9174 336 - dossier suivi par le service sinistres.", "5520 9174 336"),
    ],
)
def test_a_customer_or_staff_number_is_not_a_phone_number(engine: Engine, text: str, kept: str) -> None:
    assert_kept(engine, text, kept)


def test_a_phone_number_after_a_customer_number_is_still_found(engine: Engine) -> None:
    text = "Kundennummer 604 118 273. Rückruf bitte unter 0221 4478215."
    values = assert_kept(engine, text, "604 118 273")
    assert any("0221 4478215" in v for v in values), values


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Sitz Köln, Amtsgericht Köln HRB 48213, St.-Nr. 214/5731/0456", "214/5731/0456"),
        ("Siège : Nantes - SIRET 552 100 554 00025 - capital 10 000 €", "552 100 554 00025"),
        ("Sede legale Via Po 3, Torino - P.IVA 07643520017", "07643520017"),
        ("Registered office: Leeds. VAT Reg. GB 318 5567 20", "VAT Reg. GB 318 5567 20"),
        ("Registered in England and Wales. Company No. 05127736", "05127736"),
    ],
)
def test_a_company_registration_number_is_kept(engine: Engine, text: str, kept: str) -> None:
    assert_kept(engine, text, kept)


def test_a_parcel_number_with_a_valid_s10_check_digit_is_kept(engine: Engine) -> None:
    assert s10_valid("52601815", "2")
    assert not s10_valid("52601815", "3")
    assert_kept(engine, "Ihr Paket CP526018152DE wurde heute zugestellt.", "CP526018152DE")


def test_an_invoice_number_running_into_words_is_no_iban() -> None:
    # Under any two letters, one cut of "FV2026… le mois" in a dozen passes mod 97 by chance.
    hits = [
        prefix
        for prefix in ("FV", "RE", "FA", "RR")
        for number in range(100)
        if find_ibans(f"la facture {prefix}{2026000000 + number * 7919} du mois dernier")
    ]
    assert not hits
    assert find_ibans("IBAN FR76 3000 6000 0112 3456 7890 189 merci")


def test_a_dotted_article_number_is_not_a_phone_number(engine: Engine) -> None:
    assert_kept(engine, "Das Regal (Artikel 304.582.17) ist wieder lieferbar.", "304.582.17")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Location soumise à la loi n° 78-17 du 6 janvier 1978, article 32.", "6 janvier 1978"),
        ("Conforme al artículo 12 de la Ley de Propiedad Horizontal vigente.", "Propiedad Horizontal"),
    ],
)
def test_a_law_cited_by_its_date_or_title_is_kept(engine: Engine, text: str, kept: str) -> None:
    assert_kept(engine, text, kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Bekannte Baker-Zyste links, sonst unauffällig.", "Baker-Zyste"),
    ],
)
def test_an_eponym_in_its_languages_word_order_is_kept(engine: Engine, text: str, kept: str) -> None:
    assert_kept(engine, text, kept)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Parkplatz vor dem Hanna Lorenz-Outlet, gegen 9 Uhr.", "Hanna Lorenz"),
        ("Mantenimiento anual caldera Ignacio Ferrán, revisión completa.", "Ignacio Ferrán"),
        ("Annual service of the Gregor Lindahl boiler, parts extra.", "Gregor Lindahl"),
    ],
)
def test_a_maker_named_beside_its_product_is_kept(engine: Engine, text: str, kept: str) -> None:
    assert_kept(engine, text, kept)


def test_a_reference_label_joined_to_its_number_still_marks_it() -> None:
    for text, number in [("Order-55123 shipped", "55123"), ("Bestell-Nr. 12345678", "12345678")]:
        assert any(number in text[s:e] for s, e in spans(text)), text
    text = "Adresse de facturation : 171 bis quai de la Loire"
    assert not any("171" in text[s:e] for s, e in spans(text))
