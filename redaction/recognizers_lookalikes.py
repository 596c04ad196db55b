"""Strings that look like personal data and are not: kept in clear.

A brand named after a person ("Dr Pepper", "Jack Daniel's"), a disease named after a physician
("Parkinson's disease", "Hodgkin lymphoma"), a law or a case citation ("Art. 6 DSGVO",
"Donoghue v Stevenson [1932] AC 562"), an order, case, policy or invoice number, the last four
digits of a card and a transaction's date: redacting them costs the model the meaning of the text
and protects nobody. Each is recognised by its shape and the words around it; a finding that lies
inside one is dropped (a name, a place, a date or a loosely matched number — never an identifier
a checksum vouched for).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from redaction.recognizers import Candidate
from redaction.recognizers_names import _trie_of, at_sentence_start

# Houses, makers and shops named after their founders, in the six languages' markets: fashion,
# food and drink, cars, retail, cosmetics. Written as a list (spaces match any whitespace; an
# apostrophe is optional) so that adding one is a one-line change.
_PERSON_BRAND_NAMES = """
Hugo Boss|Tommy Hilfiger|Calvin Klein|Ralph Lauren|Giorgio Armani|Emporio Armani|Gianni Versace
|Donatella Versace|Dolce & Gabbana|Dolce and Gabbana|Salvatore Ferragamo|Ermenegildo Zegna|Massimo Dutti
|Roberto Cavalli|Valentino Garavani|Miu Miu|Bottega Veneta|Guccio Gucci|Elsa Schiaparelli|Coco Chanel
|Christian Louboutin|Jean Paul Gaultier|Pierre Cardin|Yves Saint Laurent|Christian Lacroix
|Hubert de Givenchy|Givenchy|Nina Ricci|Guy Laroche|Sonia Rykiel|Agnès b|Isabel Marant|Jacques Dessange
|Jean Louis David|Franck Provost|Marc Jacobs|Michael Kors|Kate Spade|Tory Burch|Vera Wang|Ted Baker
|Paul Smith|Vivienne Westwood|Stella McCartney|Alexander McQueen|Laura Ashley|Karen Millen|Jack Wills
|Jil Sander|Karl Lagerfeld|Wolfgang Joop|Tom Tailor|Bruno Banani|Marc O'Polo|Marc Cain|Gerry Weber
|Betty Barclay|Otto Kern|Carolina Herrera|Adolfo Domínguez|Adolfo Dominguez|Purificación García
|Pedro del Hierro|Roberto Verino|Custo Barcelona|Sergio Tacchini|Paul & Shark|Max Mara|Elena Mirò
|Luisa Spagnoli|Ennio Capasa|Frankie Morello|Brunello Cucinelli|Ferrero Rocher|Giovanni Rana
|Pietro Barilla|Barilla|Michele Ferrero|Paolo Lazzaroni|Mulino Bianco|Lindt & Sprüngli|Lindt
|Ritter Sport|Werther's Original|Haribo|Kellogg's|Heinz|Douwe Egberts|Van Houten|Albert Heijn
|Jan Linders|Hema|Blokker|Hunkemöller|Zeeman|Dirk van den Broek|Van Haren|Bakker Bart|Ben & Jerry's
|Häagen-Dazs|Jacobs Krönung|Dallmayr|Tchibo|Bahlsen|Dr. Oetker|Maggi|Knorr|Lipton|Kenzo|Bonne Maman
|Paul Bocuse|Ladurée|Pierre Hermé|Lenôtre|Martini & Rossi|Martini|Aperol|Campari|Moët & Chandon|Moët
|Dom Pérignon|Veuve Clicquot|Rémy Martin|Jacob's Creek|Johnnie Walker|Jack Daniel's|Jim Beam|Jameson
|Glenfiddich|Baileys|Tia Maria|Sandeman|Pedro Ximénez|Juan Valdez|Enzo Ferrari|Ferrari|Lamborghini
|Maserati|Porsche|Ferdinand Porsche|Mercedes-Benz|Rolls-Royce|Aston Martin|Citroën|Peugeot|Renault
|Louis Vuitton|Christian Dior|Estée Lauder|Helena Rubinstein|Elizabeth Arden|Max Factor|Yves Rocher
|Jean Patou|Nivea|L'Oréal|Clarins|Marks & Spencer|John Lewis|Sainsbury's|Debenhams|Selfridges
|Harvey Nichols|Boots|Galeries Lafayette|Claire's|McDonald's|Wendy's|Domino's|Carl's Jr|Tim Hortons
|Walt Disney|Roger Federer|Adi Dassler|Adidas|Puma|Ben Sherman|Fred Perry|Philipp Plein|Steve Madden
|Dr. Martens|Bosch|Robert Bosch|Miele|Siemens|Braun|Philips|Swarovski|Bulgari|Cartier|Hermès|Chanel
|Prada|Fendi|Gucci|Versace|Armani|Valentino|Zegna|Ferragamo|Jimmy Choo|Tom Ford|Paul Mitchell
|Betty Crocker|Martha Stewart|Sara Lee|Papa John's|Trader Joe's|Levi's|Levi Strauss|Victoria's Secret
|Kenneth Cole|Anne Klein|Donna Karan|Oscar de la Renta|Diane von Furstenberg|Vidal Sassoon|John Frieda
|Bobbi Brown|Mrs Fields|Chef Boyardee|Little Caesars|Dunkin'|Famous Amos|Orville Redenbacher
|Tommy Bahama|Jack Wolfskin|Camel Active|Mustang|Jean Pascale|Dr. Scholl's|Dr. Hauschka|Dr. Beckmann
"""
_PERSON_BRANDS = "|".join(
    re.escape(name.strip())
    .replace(r"\ ", r"\s+")
    .replace("'", "['\u2019]?")
    .replace(r"\&", "(?:&|and|und|et|y|e|en)")
    for name in sorted(_PERSON_BRAND_NAMES.replace("\n", "").split("|"), key=len, reverse=True)
    # A single word is also a surname ("Sig.ra Ferrari", "Herr Braun"): only names of two words
    # or more, or a possessive ("Kellogg's"), are taken as brands on their own.
    if name.strip() and (" " in name.strip() or "'" in name or "-" in name)
)
# Brands and products named after people (real or invented), as written on labels and menus.
_BRANDS = re.compile(
    r"\b(?:Dr\.?\s?Pepper|Dr\.?\s?Oetker|Dr\.?\s?Martens|Dr\.?\s?Scholl'?s|Jack\s+Daniel'?s|Jim\s+Beam|Johnnie\s+Walker"
    r"|Captain\s+Morgan|Mr\.?\s?Clean|Mr\.?\s?Muscle|Mr\.?\s?Kipling|Mrs\.?\s?Fields|Ben\s*&\s*Jerry'?s|Uncle\s+Ben'?s"
    r"|Aunt\s+Jemima|Tim\s+Hortons|Ronald\s+McDonald|Colonel\s+Sanders|Calvin\s+Klein|Tommy\s+Hilfiger"
    r"|Ralph\s+Lauren|Hugo\s+Boss|Louis\s+Vuitton|Yves\s+Saint[\s-]Laurent|Christian\s+Dior|Giorgio\s+Armani"
    r"|Est[ée]e\s+Lauder|Walt\s+Disney|Wendy'?s|Marie\s+Callender'?s|Tia\s+Maria|Dom\s+P[ée]rignon|Veuve\s+Clicquot"
    r"|Jos[ée]\s+Cuervo|Mercedes[\s-]Benz|Rolls[\s-]Royce|Harley[\s-]Davidson|Ben\s+Sherman|Fred\s+Perry"
    r"|Marks\s*(?:&|and)\s*Spencer|Sainsbury'?s|Mr\.?\s?Bean|Père\s+Noël|Tante\s+Fanny|Oncle\s+Ben'?s"
    r"|(?:" + _PERSON_BRANDS + r"))(?![\w\-])",
    re.IGNORECASE,
)
# The first letters of every brand above. The brand pattern is a long alternation that Python's
# regex engine tries at every position of the text; looking for these first (as a trie) and trying
# the brand pattern only where one starts gives the same matches at a fraction of the cost.
_BRAND_WORDS = """
    dr mr mrs jack jim johnnie captain ben uncle aunt tim ronald colonel calvin tommy ralph hugo
    louis yves christian giorgio est walt wendy marie tia dom veuve jos mercedes rolls harley fred
    marks sainsbury père tante oncle
    """
_BRAND_FIRST_LETTERS = {
    m.group().casefold()
    for name in _PERSON_BRAND_NAMES.replace("\n", "").split("|")
    if (m := re.match(r"[^\W\d_]+", name.strip()))
} | set(_BRAND_WORDS.split())
_BRAND_START = re.compile(r"\b(?:" + _trie_of(sorted(_BRAND_FIRST_LETTERS)) + ")", re.IGNORECASE)


# A maker's name right before the product it is on, in the six languages: "a Tom Ford voucher",
# "Calvin Klein perfume", "ein Jil Sander Mantel", "un parfum Nina Ricci" (after), "una borsa
# Luisa Spagnoli". One to three capitalised words (no possessive: "Anna's jacket" is hers).
_PRODUCTS = (
    r"voucher|gift[ \t]card|perfume|parfum|fragrance|cologne|aftershave|eau[ \t]de[ \t](?:parfum|toilette)"
    r"|suit|suits|jacket|coat|dress|shirt|shirts|jeans|trainers|sneakers|shoes|boots|bag|handbag|wallet"
    r"|sunglasses|glasses|watch|belt|scarf|tie|collection|store|shop|boutique|outlet|whisky|whiskey"
    r"|bourbon|rum|gin|vodka|ice[ \t]cream|soda|cola|cereal|chocolate|biscuits|cookies|coffee|tea"
    r"|gutschein|anzug|anzüge|mantel|jacke|kleid|hemd|schuhe|tasche|uhr|brille|duft|filiale|laden"
    r"|bon[ \t]d'achat|costume|veste|robe|chemise|chaussures|sac|montre|lunettes|magasin"
    r"|vale|traje|chaqueta|vestido|camisa|zapatos|bolso|reloj|gafas|tienda"
    r"|buono|abito|giacca|camicia|scarpe|borsa|orologio|occhiali|negozio|profumo"
    r"|cadeaubon|pak|jas|jurk|overhemd|schoenen|tas|horloge|bril|winkel|filiaal|geur"
    r"|cake|mix|range|products|line|label|shampoo|conditioner|cosmetics|cookware|cheesecake|pizza|rice"
    r"|syrup|sauce|ketchup|pasta|sandals|heels|trainers|polo|underwear|lingerie|swimwear|cosmetica"
    r"|produkte|kosmetik|produits|productos|prodotti|producten"
)
_PRODUCT_WORDS = frozenset(w.replace("[ \\t]", " ") for w in _PRODUCTS.split("|"))
_PRODUCTS_BEFORE_TEXT = """
    perfume parfum profumo costume sac bolso borsa montre reloj orologio tienda boutique magasin
    negozio vestido abito robe traje coffret colonia fragancia
"""
_PRODUCTS_BEFORE = frozenset(_PRODUCTS_BEFORE_TEXT.split())
# The product words as one trie-shaped regex: a scan for them costs little more than one for a word.
_PRODUCT_WORD = re.compile(
    r"\b(?:" + _trie_of(sorted(_PRODUCT_WORDS | _PRODUCTS_BEFORE | {"ice", "gift", "eau", "bon"})) + r")\b",
    re.IGNORECASE,
)
_MAKER = r"[A-ZÀ-Þ][\w\-]+(?:[ \t]+(?:&[ \t]+|de[ \t]+|del[ \t]+|van[ \t]+)?[A-ZÀ-Þ][\w\-]+){0,2}"
_MAKER_BEFORE = re.compile(rf"(?<![\w'\u2019])(?P<brand>{_MAKER})[ \t]+$")
_MAKER_AFTER = re.compile(rf"[ \t]+(?:de[ \t]+|di[ \t]+)?(?P<brand>{_MAKER})")


def product_brand_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Names written as the maker of a product beside them ("a Tom Ford voucher", "perfume de
    Carolina Herrera"). The product words are looked up word by word (a set, not a long regex)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for word in _PRODUCT_WORD.finditer(text, start, end):
        lowered = word.group().casefold()
        if lowered in _PRODUCT_WORDS or lowered in ("ice", "gift", "eau", "bon"):
            maker = _MAKER_BEFORE.search(text, max(start, word.start() - 60), word.start())
            if (
                maker
                and (lowered in _PRODUCT_WORDS or _PRODUCT_TAIL.match(text, word.start()))
                and maker.group("brand").casefold() not in _NOT_MAKERS
            ):
                out.append(maker.span("brand"))
        if lowered in _PRODUCTS_BEFORE:
            maker = _MAKER_AFTER.match(text, word.end(), end)
            if maker:
                out.append(maker.span("brand"))
    return out


# Function words that open a street's or a place's name before a product-like word ("Im Winkel 12",
# "Am Markt 3"): not a maker.
_NOT_MAKERS = frozenset(
    {"im", "am", "an", "auf", "in", "zum", "zur", "beim", "vom", "unter", "hinter", "the", "de", "la", "le"}
    | {"les", "el", "il", "lo", "het", "van", "von", "der", "den"}
)
_PRODUCT_TAIL = re.compile(
    r"(?i:ice[ \t]cream|gift[ \t]card|eau[ \t]de[ \t](?:parfum|toilette)|bon[ \t]d'achat)\b"
)


def brand_spans(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int]]:
    """Spans of brands named after people in ``text[start:end]`` (what ``_BRANDS.finditer`` finds)."""
    end = len(text) if end is None else end
    reached = start
    for candidate in _BRAND_START.finditer(text, start, end):
        if candidate.start() < reached:
            continue
        match = _BRANDS.match(text, candidate.start(), end)
        if match:
            reached = match.end()
            yield match.span()


# Medical eponyms: "Parkinson's disease", "Hodgkin lymphoma", "Crohn-Krankheit", "maladie d'Alzheimer".
_EPONYM = re.compile(
    r"\b[A-ZÀ-Þ][\w\-]+(?:['\u2019]s)?(?:[\s\-]+(?:and|&|-)[\s\-]*[A-ZÀ-Þ][\w\-]+(?:['\u2019]s)?)?[\s\-]+"
    r"(?i:disease|syndrome|lymphoma|sarcoma|palsy|disorder|dystrophy|anomaly|tumou?r|test|sign|reflex|procedure"
    # Organs and conditions named after who described them: "Barrett's oesophagus", "Raynaud's phenomenon".
    r"|o?esophagus|thyroiditis|phenomenon|encephalopathy|encephalitis|neuroma|neuralgia|contracture|ulcer"
    r"|an(?:a)?emia|arthritis|keratitis|chorea|ataxia|dementia|diverticulum|cyst|fracture|granuloma"
    r"|operation|manoeuvre|maneuver|scale|score|classification|criteria|law|principle|effect|equation"
    r"|krankheit|syndrom|lymphom|morbus|erkrankung|ziekte|syndroom)\b"
    r"|(?i:\b(?:maladie|syndrome|morbus|enfermedad|s[ií]ndrome|malattia|sindrome|linfoma|lymphome|ziekte\s+van"
    r"|signe|test|score|[ée]chelle|loi))\s+(?:de\s+|d['\u2019]|di\s+|van\s+)?[A-ZÀ-Þ][\w\-]+"
)
# Law and case citations: "Smith v Jones [2019] UKSC 3", "§ 823 BGB", "Art. 6 Abs. 1 DSGVO",
# "42 U.S.C. § 1983".
_CITATION = re.compile(
    r"\b[A-ZÀ-Þ][\w'\-]+(?:\s+[A-ZÀ-Þ][\w'\-]+)?\s+v\.?s?\.?\s+[A-ZÀ-Þ][\w'\-]+(?:\s+[A-ZÀ-Þ][\w'\-]+)?"
    r"(?:,?\s+(?:\[\d{4}\]|\(\d{4}\)|\d+\s+[A-Z][\w.]*\s+\d+(?:\s*\(\d{4}\))?))?"
    r"|§+\s*\d+[a-z]?(?:\s+(?:Abs\.|Satz|S\.|Nr\.|lit\.)\s*\d+[a-z]?)*(?:\s+[A-Z][A-Za-z]{1,8}G?\b(?:\s+[IVX]{1,4}\b)?)?"
    r"|\b(?:Art(?:icle|ikel|ículo|icolo|\.)?)\s*\d+[a-z]?(?:\s*(?:\(\d+\)|U?Abs\.\s*\d+|para\.?\s*\d+|lit\.\s*[a-z]|S\.\s*\d+|Satz\s*\d+|Nr\.\s*\d+))*"
    r"(?:\s+(?:of\s+the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?"
    r"|\b\d+\s+U\.?S\.?C\.?\s+§+\s*\d+[a-z]?"
)
# Statutes by name and year: "Section 7 of the Data Protection Act 2018", "s. 47 Children Act 1989".
# Found from the keyword ("Act 2018") back to the name before it: a scan for the keyword is cheap,
# one for every run of capitalised words is not.
_STATUTE_YEAR = re.compile(r"\b(?:Act|Regulations?|Directive)\s+(?:\d{4}|\(\d{4}\))")
_STATUTE_NAME = re.compile(
    r"(?:\b(?:Section|Sec\.|s\.|ss\.|Schedule|Part|Regulation|Rule|Paragraph|para\.)\s*\d+[A-Za-z]?(?:\(\d+\))*"
    r"\s+(?:of\s+)?(?:the\s+)?)?(?:\b[A-Z][\w\-]*\s+){1,5}$"
)
# "Ley 41/2002", "Gesetz 12/2019", "Regulation (EU) 2016/679", "article L. 1111-7", "artikel 7:446 BW".
_NUMBERED_LAW = re.compile(
    r"\b(?:Ley(?:\s+Org[áa]nica)?|Real\s+Decreto|RD|Decreto(?:\s+legislativo)?|D\.\s?Lgs\.?|Legge|L\.|Wet|Gesetz"
    r"|Regulation\s+\(EU\)|Verordnung\s+\(EU\)|R[èe]glement\s+\(UE\)|Reglamento\s+\(UE\)|Regolamento\s+\(UE\))"
    r"\s+(?:n\.?\s*)?\d{1,4}/\d{2,4}"
    r"|\b(?:article|art\.)\s+[LRD]\.?\s*\d{1,4}(?:-\d{1,3})*"
    r"|\b(?:artikel|art\.)\s+\d+:\d+[a-z]?\s+[A-Z]{2,4}\b"
)


def statute_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Statutes cited by name and year or by number (see ``_STATUTE_YEAR`` and ``_NUMBERED_LAW``)."""
    window = text[start:end]
    out: list[tuple[int, int]] = []
    # Each shape holds a character or a word the window must hold at all (a substring test is cheap).
    if "/" in window or ":" in window or "L." in window or "R." in window or "D." in window:
        out.extend(m.span() for m in _NUMBERED_LAW.finditer(text, start, end))
    if not ("Act" in window or "Regulation" in window or "Directive" in window):
        return out
    for match in _STATUTE_YEAR.finditer(text, start, end):
        name = _STATUTE_NAME.search(text, max(start, match.start() - 100), match.start())
        if name:
            out.append((name.start(), match.end()))
    return out


# Order, case, policy, invoice, ticket and claim numbers: the reference right after its label.
_REFERENCE = re.compile(
    r"(?i:\b(?:order|case|policy|invoice|ticket|claim|contract|reference|ref|booking|reservation|tracking"
    r"|shipment|account\s+ref|customer\s+ref|bestell|auftrags|rechnungs|vertrags|vorgangs|aktenzeichen|az"
    r"|police|polizza|p[óo]liza|dossier|commande|facture|pedido|factura|expediente|ordine|fattura|pratica"
    r"|bestelling|factuur|polis|zaak|sinistre|siniestro|sinistro|schaden|versicherungs(?:schein)?|contrat"
    r"|contrato|contratto|contract)"
    r"[\w\-]*\.?(?:\s*(?:number|no\.?|nr\.?|n[°º.]?\.?|#|num(?:éro|ero|ber)?|id|code))?"
    r"(?:\s+(?:is|was|ist|lautet|est|es|è|is|era))?\s*[:#]?\s*)"
    r"(?P<ref>[A-Z]{0,5}[\-/]?\d[\w\-/.]{2,24})"
)
# The last four digits of a card: "card ending in 4242", "**** 4242", "xxxx-xxxx-xxxx-4242".
_LAST_FOUR = re.compile(
    r"(?i:\b(?:ending|ends|endend|terminant|terminada|terminante|eindigend)\s+(?:in|with|on|en|par|in|op|auf)?\s*)"
    r"(?P<ref>\d{4})\b|(?P<masked>(?:[*xX•·]{4}[ \-]?){1,3}\d{4})\b"
)
# A transaction's date: "posted 03/04/2024", "Transaction date: 2024-03-04", "Buchungsdatum 03.04.2024".
_TRANSACTION_DATE = re.compile(
    r"(?i:\b(?:transaction|posted|posting|purchase|purchased|paid|payment|invoice|order|booking|value|settlement"
    r"|placed|shipped|delivered|dispatched|charged|debited|credited|refunded|billed|dated|issued"
    r"|statement|buchung|wertstellung|valuta|zahlungs|rechnungs|bestell|op[ée]ration|paiement|facture|commande"
    r"|transacci[óo]n|pago|factura|pedido|operazione|pagamento|fattura|ordine|transactie|betaling|factuur"
    r"|bestelling)[\w\-]*(?:\s+(?:date|on|datum|du|del|de|il|op|vom|am|le|el|of|dated|van))?\s*[:.]?\s*)"
    r"(?P<ref>\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}|\d{1,2}\.?\s+[A-Za-zéû]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
)

# The labels of forms and the headers of tables, which the name models read as names ("Name\tCard",
# "FICHA DEL EMPLEADO", "Nom ;Carte"): a finding made of these words alone is dropped.
_LABEL_TEXT = """
    service relations support department team sales billing afdeling kundenservice servicio servizio
    name names first last surname given card cards expiry expires expiration phone telephone mobile
    cell email e-mail address date birth record records employee staff customer client patient
    number no nr account amount total status details form sheet dob tel fax zip postcode city
    country reason nom noms prénom carte expiration téléphone portable adresse fiche salarié
    salariée employé client naissance montant motif ville nombre nombres apellido apellidos tarjeta
    caducidad teléfono móvil dirección ficha del de empleado empleada cliente paciente importe fecha
    nacimiento ciudad nome cognome carta scadenza telefono cellulare indirizzo scheda dipendente
    paziente importo data nascita città naam voornaam achternaam kaart geldig tot telefoon mobiel
    adres klant patiënt bedrag datum geboortedatum woonplaats personeelskaart vorname nachname karte
    gültig bis telefon mobil anschrift kunde patient betrag datum geburtsdatum personalbogen
    fallnummer patientennummer kundennummer rückfragen
    sent subject queue priority note notes supplier buyer seller purchaser vendor licensor licensee
    plaintiff defendant claimant respondent appellant petitioner adjuster loss report handler claims
    officer data protection controller processor finanzamt bürgeramt standesamt ordnungsamt jobcenter
"""
_LABEL_WORDS = frozenset(_LABEL_TEXT.split())
_LABEL_SPLIT = re.compile(r"[\s;,:|/]+")


def is_label(value: str) -> bool:
    """Whether ``value`` is only words of form labels and column headers ("Kaart\tGeldig")."""
    lowered = value.casefold().replace("'s ", " ").replace("\u2019s ", " ")
    if lowered.endswith(("'s", "\u2019s")):
        lowered = lowered[:-2]
    first = lowered.split(None, 1)[0].strip(".\"'():;,|/") if lowered.strip() else ""
    if first and first not in _LABEL_WORDS and not _LABEL_SPLIT.search(first):
        return False  # most findings: a name whose first word is no label
    words = [w.strip(".\"'()") for w in _LABEL_SPLIT.split(lowered) if w.strip(".\"'()")]
    return bool(words) and all(w in _LABEL_WORDS for w in words)


# Types a look-alike may silence: findings made from shape and words, not from a checksum.
SOFT_TYPES = frozenset(
    {"PERSON", "LOCATION", "NRP", "DATE_TIME", "PHONE_NUMBER", "US_SSN", "US_BANK_NUMBER",
     "US_DRIVER_LICENSE",
     "US_PASSPORT", "US_ITIN", "MEDICAL_LICENSE", "ADDRESS", "DE_TAX_ID", "NL_BSN", "UK_NHS"}
)  # fmt: skip


_NAME_LIKE = frozenset({"PERSON", "LOCATION", "NRP", "ADDRESS"})
_BEFORE, _AFTER = 80, 40


def spans(text: str, windows: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that are look-alikes of personal data (only within ``windows``, if given)."""
    windows = [(0, len(text))] if windows is None else list(windows)
    return [span for start, end in windows for span in brand_spans(text, start, end)] + _other_spans(
        text, windows
    )


def _other_spans(text: str, windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The look-alikes of :func:`spans` other than brands."""
    out: list[tuple[int, int]] = []
    for start, end in windows:
        for pattern in (_EPONYM, _CITATION):
            out.extend(m.span() for m in pattern.finditer(text, start, end))
        out.extend(statute_spans(text, start, end))
        for pattern in (_REFERENCE, _TRANSACTION_DATE):
            out.extend(m.span("ref") for m in pattern.finditer(text, start, end))
        for match in _LAST_FOUR.finditer(text, start, end):
            out.append(match.span("ref") if match.group("ref") else match.span("masked"))
    return out


def without_brand_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the candidates that lie inside a brand named after a person.

    For recognisers whose names seed the search for other mentions: "Hugo" of "Hugo Boss" must not
    make every other "Hugo" a name. Only the brand pattern runs, on a tight window around each
    candidate (the full look-alike check runs later on everything found).
    """
    kept = []
    for c in found:
        start, end = max(0, c.start - 24), min(len(text), c.end + 24)
        if not any(s <= c.start and c.end <= e for s, e in brand_spans(text, start, end)):
            kept.append(c)
    return kept


def _windows(text: str, found: Iterable[Candidate]) -> list[tuple[int, int]]:
    """The stretches around soft findings where a look-alike holding them could be.

    Looking only there keeps the cost proportional to what was found, not to the text's length
    times the number of look-alike patterns.
    """
    merged: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: c.start):
        start, end = max(0, c.start - _BEFORE), min(len(text), c.end + _AFTER)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def drop(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """``found`` without the soft findings that lie inside a look-alike."""
    found = list(found)
    if not found:
        return found
    soft = [c for c in found if c.entity_type in SOFT_TYPES]
    if not soft:
        return found
    windows = _windows(text, soft)
    brands = sorted(span for start, end in windows for span in brand_spans(text, start, end))
    cover = brands + _other_spans(text, windows)
    # A maker's name beside its product only matters to findings that can be names.
    for window in _windows(text, [c for c in soft if c.entity_type in _NAME_LIKE]):
        cover.extend(product_brand_spans(text, *window))
    cover.sort()
    if not cover:
        return [c for c in found if c.entity_type not in _NAME_LIKE or not is_label(text[c.start : c.end])]
    starts = [s for s, _ in cover]
    # The furthest end among look-alikes starting at or before each index.
    reach: list[int] = []
    for _, end in cover:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(c: Candidate) -> bool:
        # "ziekte van Crohn." is inside "ziekte van Crohn": punctuation at the edges does not count.
        value = text[c.start : c.end]
        start = c.start + len(value) - len(value.lstrip(_EDGE))
        end = c.end - (len(value) - len(value.rstrip(_EDGE)))
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and reach[index] >= end

    kept = [c for c in found if c.entity_type not in SOFT_TYPES or not inside(c)]
    kept = _without_brands(text, kept, brands, cover)
    return [c for c in kept if c.entity_type not in _NAME_LIKE or not is_label(text[c.start : c.end])]


_EDGE = " \t\n.,;:!?\"'()"


_CONNECTOR = re.compile(r"^(?:[\s,;:.&+/]|\b(?:and|und|et|y|e|en|or|oder|ou|o|of|bei|chez|da|de|di|van)\b)*$")


def _without_brands(
    text: str, found: list[Candidate], brands: list[tuple[int, int]], cover: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """Soft findings that run over a brand ("Dolce & Gabbana e Ermenegildo Zegna") with the brands cut out.

    A name model reads two houses joined by "e" or "y" as one person's name; what is left once the
    brands and the words joining them are cut out is kept as found (nothing, or a real name beside).
    A name or a place that starts inside any other look-alike and runs on past it ("SGB V.
    Rückfragen" over "§ 27 SGB V") is cut the same way.
    ``brands`` and ``cover`` (every look-alike) are sorted spans around the soft findings.
    """
    if not brands and not cover:
        return found
    cover = sorted(cover)
    starts = [s for s, _ in cover]
    reach: list[int] = []
    for _, e in cover:
        reach.append(max(e, reach[-1]) if reach else e)
    out: list[Candidate] = []
    for c in found:
        hit = [(s, e) for s, e in brands if s < c.end and c.start < e]
        index = bisect.bisect_right(starts, c.start)
        if c.entity_type in _NAME_LIKE and index and reach[index - 1] > c.start:
            # Another look-alike only when the finding starts inside it and runs on past its end.
            hit = sorted({*hit, *((s, e) for s, e in cover[:index] if c.start < e < c.end)})
        if c.entity_type not in SOFT_TYPES or not hit:
            out.append(c)
            continue
        position = c.start
        for s, e in [*hit, (c.end, c.end)]:
            piece_start, piece_end = position, max(position, min(s, c.end))
            piece = text[piece_start:piece_end]
            if piece.strip() and not _CONNECTOR.match(piece):
                lead = len(piece) - len(piece.lstrip(" \t\n,;:.&"))
                trail = len(piece) - len(piece.rstrip(" \t\n,;:.&"))
                follows_brand = piece_start != c.start
                if " " not in piece.strip(" \t\n,;:.&") and (
                    follows_brand or at_sentence_start(text, piece_start + lead)
                ):
                    # "Buys Ralph Lauren", "Indossa Giorgio Armani": the verb opening the sentence
                    # was read with the brand as one name; "Dr. Oetker Produkte", "Hugo Boss Anzüge":
                    # the product after it. On its own such a word is no one's name.
                    position = max(position, e)
                    continue
                out.append(
                    Candidate(c.entity_type, piece_start + lead, piece_end - trail, c.score, weak=c.weak)
                )
            position = max(position, e)
    return out
