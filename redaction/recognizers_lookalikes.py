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
from redaction.recognizers_places import DATE_WITH_YEAR

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
    r"|produkte|kosmetik|produits|productos|prodotti|producten|boiler|heizkessel|gastherme"
)
_PRODUCT_WORDS = frozenset(w.replace("[ \\t]", " ") for w in _PRODUCTS.split("|"))
_PRODUCTS_BEFORE_TEXT = """
    perfume parfum profumo costume sac bolso borsa montre reloj orologio tienda boutique magasin
    negozio vestido abito robe traje coffret colonia fragancia chaudière caldera caldaia cv-ketel
    heizkessel gastherme crema confezione
"""
# After a hyphen the maker is one word with the product ("Rolf Benz-Outlet", "Albert Heijn-pakket"):
# there the product words may be ones that are too common on their own ("set", "box").
_HYPHEN_PRODUCTS_TEXT = """
    geschenkset set paket pakket pakketje box outlet shop store filiale gutschein produkte artikel
    sortiment kollektion collectie bon cadeaubon laden winkel boutique parfum kosmetik produkten
"""
_HYPHEN_PRODUCTS = frozenset(_HYPHEN_PRODUCTS_TEXT.split())
_PRODUCTS_BEFORE = frozenset(_PRODUCTS_BEFORE_TEXT.split())
# The product words as one trie-shaped regex: a scan for them costs little more than one for a word.
_PRODUCT_WORD = re.compile(
    r"\b(?:"
    + _trie_of(sorted(_PRODUCT_WORDS | _PRODUCTS_BEFORE | _HYPHEN_PRODUCTS | {"ice", "gift", "eau", "bon"}))
    + r")\b",
    re.IGNORECASE,
)
_MAKER = r"[A-ZÀ-Þ][\w\-]+(?:[ \t]+(?:&[ \t]+|de[ \t]+|del[ \t]+|van[ \t]+)?[A-ZÀ-Þ][\w\-]+){0,2}"
_MAKER_BEFORE = re.compile(rf"(?<![\w'\u2019])(?P<brand>{_MAKER})[ \t]+$")
_MAKER_AFTER = re.compile(rf"[ \t]+(?:de[ \t]+|di[ \t]+)?(?P<brand>{_MAKER})")
_MAKER_HYPHEN = re.compile(rf"(?<![\w'\u2019])(?P<brand>{_MAKER})-$")


def product_brand_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Names written as the maker of a product beside them ("a Tom Ford voucher", "perfume de
    Carolina Herrera"). The product words are looked up word by word (a set, not a long regex)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for word in _PRODUCT_WORD.finditer(text, start, end):
        lowered = word.group().casefold()
        # Only the words of _HYPHEN_PRODUCTS: "Marie-Line" is a given name, not a "line" by Marie.
        if lowered in _HYPHEN_PRODUCTS and text[word.start() - 1 : word.start()] == "-":
            maker = _MAKER_HYPHEN.search(text, max(start, word.start() - 60), word.start())
            if maker and maker.group("brand").casefold() not in _NOT_MAKERS:
                out.append(maker.span("brand"))
            continue
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
# The condition or the organ first, the physician after, in the Romance languages and Dutch:
# "maladie de Basedow", "thyroïdite de Hashimoto", "esofago di Barrett", "ziekte van Crohn".
_EPONYM_NOUNS_FIRST = """
    maladie syndrome morbus enfermedad síndrome sindrome malattia linfoma lymphome signe test score
    échelle echelle loi thyroïdite thyroidite tiroiditis tiroidite œsophage oesophage esophage esófago
    esofago morbo syndroom sarcome contracture contractura contrattura paralysie parálisis paralisis
    paralisi chorée choree corea anémie anemie anemia tumeur tumore phénomène phenomene fenómeno
    fenomeno ataxie atassia ataxia démence demence demenza kyste quiste cisti ulcère ulcere úlcera
    ulcera encéphalopathie encephalopathie encefalopatía encefalopatia névralgie nevralgie nevralgia
    neuralgia signo segno escala scala classification clasificación clasificacion classificazione
    fractura frattura fracture diverticule divertículo diverticulo ziekte tumor cyste
"""
_EPONYM = re.compile(
    r"\b[A-ZÀ-Þ][\w\-]+(?:['\u2019]s)?(?:[\s\-]+(?:and|&|-)[\s\-]*[A-ZÀ-Þ][\w\-]+(?:['\u2019]s)?)?[\s\-]+"
    r"(?i:disease|syndrome|lymphoma|sarcoma|palsy|disorder|dystrophy|anomaly|tumou?r|test|sign|reflex|procedure"
    # Organs and conditions named after who described them: "Barrett's oesophagus", "Raynaud's phenomenon".
    r"|o?esophagus|thyroiditis|phenomenon|encephalopathy|encephalitis|neuroma|neuralgia|contracture|ulcer"
    r"|an(?:a)?emia|arthritis|keratitis|chorea|ataxia|dementia|diverticulum|cyst|fracture|granuloma"
    r"|operation|manoeuvre|maneuver|scale|score|classification|criteria|law|principle|effect|equation"
    r"|krankheit|syndrom|lymphom|morbus|erkrankung|ziekte|syndroom|[öo]sophagus|thyreoiditis|thyroiditis|zyste"
    r"|tumor|an[äa]mie|slokdarm)\b"
    r"|(?i:\b(?:" + _trie_of(sorted(set(_EPONYM_NOUNS_FIRST.split()) | {"ziekte van"})) + r"))"
    r"\s+(?:de\s+|d['\u2019]|di\s+|van\s+)?[A-ZÀ-Þ][\w\-]+"
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
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w])(?:[Gg]em(?:äß|\.)|[Nn]ach|[Ll]aut|[Uu]nder|[Pp]er|[Ss]elon|[Ss]egún|[Vv]olgens"
    r"|[Cc]onform)[ ]$"
)
# Statutes by name and year: "Section 7 of the Data Protection Act 2018", "s. 47 Children Act 1989".
# Found from the keyword ("Act 2018") back to the name before it: a scan for the keyword is cheap,
# one for every run of capitalised words is not.
_STATUTE_YEAR = re.compile(r"\b(?:Act|Regulations?|Directive)\s+(?:\d{4}|\(\d{4}\))")
_STATUTE_NAME = re.compile(
    r"(?:\b(?:Section|Sec\.|s\.|ss\.|Schedule|Part|Regulation|Rule|Paragraph|para\.)\s*\d+[A-Za-z]?(?:\(\d+\))*"
    r"\s+(?:of\s+)?(?:the\s+)?)?(?:\b[A-Z][\w\-]*\s+(?:(?:and|of|for|the|from|on|in|to|&)\s+)?){1,5}$"
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


# Label patterns that open on a word are tried only where a letter stands: Python's regex engine
# otherwise enters a long case-insensitive alternation at every position of the text (half
# their cost; the matches are the same).
_LETTER_FIRST = r"(?=[^\W\d_])"

# Order, case, policy, invoice, ticket and claim numbers: the reference right after its label.
_REFERENCE = re.compile(
    _LETTER_FIRST
    + r"(?i:\b(?:order|case|policy|invoice|ticket|claim|contract|reference|ref|booking|reservation|tracking"
    r"|shipment|account\s+ref|customer\s+ref|bestell|auftrags|rechnungs|vertrags|vorgang|aktenzeichen|az"
    r"|juror|zeichen|procedimiento|procedimento|declaratie|r\.g\."
    r"|police|polizza|p[óo]liza|dossier|commande|facture|pedido|factura|expediente|ordine|fattura|pratica"
    r"|bestelling|factuur|polis|zaak|sinistre|siniestro|sinistro|schaden|versicherungs(?:schein)?|contrat"
    r"|contrato|contratto|contract)"
    # Not a billing or delivery address's label: "Adresse de facturation : 171 bis quai …",
    # "Rechnungsadresse: 12 Hauptstraße", "Indirizzo di fatturazione: Via …".
    # Letters, and hyphens between letters, taken whole ("Bestell-Nr", not the "REF-" of "REF-2024-17"):
    # backing off inside "facturation" would find "factura" + "n" (for "n°") in it.
    r"(?:[^\W\d_]|-(?=[^\W\d_]))*+(?<!tion)(?<!zione)(?<!ción)(?<!cion)(?<!adresse)(?<!address)(?<!anschrift)(?<!adres)"
    r"\.?(?:\s*(?P<numword>number|no\.?|nr\.?|n[°º.]?\.?|#|num(?:éro|ero|ber)?|id|code))?"
    r"(?:\s+(?:is|was|ist|lautet|est|es|è|is|era))?\s*[:#]?\s*)"
    r"(?P<ref>(?:[A-Z]{0,5}|[A-Z][a-z])[\-/]?\d[\w\-/.]{2,24})"
    # "Contrat n° 1769 4389 556": after a number's label, digit groups split by single spaces are
    # one number ("contract: 586 430 179" may be a personal number read off a contract).
    r"(?P<groups>(?:[ ]\d{2,6}(?![\w\-/.])){1,4})?"
)
# The last four digits of a card: "card ending in 4242", "**** 4242", "xxxx-xxxx-xxxx-4242".
_LAST_FOUR = re.compile(
    r"(?i:\b(?:ending|ends|endend|terminant|terminada|terminante|eindigend)\s+(?:in|with|on|en|par|in|op|auf)?\s*)"
    r"(?P<ref>\d{4})\b|(?P<masked>(?:[*xX•·]{4}[ \-]?){1,3}\d{4})\b"
)
# A transaction's date: "posted 03/04/2024", "Transaction date: 2024-03-04", "Buchungsdatum 03.04.2024".
_TRANSACTION_WORDS = """
    transaction posted posting purchase purchased paid payment invoice order booking value settlement
    placed shipped delivered dispatched charged debited credited refunded billed dated issued
    statement buchung wertstellung valuta zahlungs rechnungs bestell operation opération paiement
    facture commande transaccion transacción pago factura pedido operazione pagamento fattura ordine
    transactie betaling factuur bestelling closes closed closing close cut-off cutoff changeover
    change switchover umstellung stichtag expires expiry renewal renews effective abbuchung
    lastschrift prelevement prélèvement cargo addebito afschrijving incasso
"""
_TRANSACTION_DATE = re.compile(
    _LETTER_FIRST + r"(?i:\b(?:" + _trie_of(sorted(set(_TRANSACTION_WORDS.split()))) + r")"
    r"[\w\-]*(?:\s+(?:date|on|datum|du|del|de|il|op|vom|am|le|el|of|dated|van))?\s*[:.]?\s*)"
    r"(?P<ref>\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}|\d{1,2}\.?\s+[A-Za-zéû]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})"
)


# --- Organisations, institutions and streets named after people ----------------------------------
# "Autohaus Kurt Becker", "Boulangerie Paul", "Müller Logistik GmbH", "Lycée Victor-Hugo",
# "Christiaan Huygens College", "Goethe-Gymnasium", a meeting in "Raum Goethestraße": a name model
# reads the person inside. What makes each an organisation or a street is a word of its kind
# before or after the name (a trade, a legal form, a school or a hospital, a street type), so
# that word is what is looked for; the name beside it can be anyone's.

_UP = "A-ZÀ-ÖØ-Þ"
# One capitalised word, hyphenated parts included ("Victor-Hugo", "Schulze-Wessel", "O'Neill").
_CAP = rf"[{_UP}][\w'\u2019]*(?:-[{_UP}a-zà-ÿ][\w'\u2019]*)*"
_ORG_LINK = (
    r"(?:de|del|della|delle|dei|degli|di|da|du|des|d'|la|le|las|los|van|von|der|den|het|ten|ter|y|e|et|und"
    r"|and|&|of|the)"
)
# Up to four capitalised words joined by single spaces (table padding is never one space), with
# particles between them: "Marqués de Riscal", "Piet de Wit", "Heinrich Schulte & Söhne".
_ORG_NAME = rf"{_CAP}\.?(?:[ ](?:{_ORG_LINK}[ ]){{0,2}}{_CAP}\.?){{0,3}}"
# A family business: "Gebr. Janssen", "F.lli Bonetti", "Hermanos Gil", "Frères Martin".
_FAMILY = r"Gebr\.|Gebroeders|F\.lli|Fratelli|Hermanos|Hnos\.|Fr[èe]res|Ets\.?|[ÉE]tablissements"
_TRADES = """
    bäckerei metzgerei fleischerei konditorei autohaus autowerkstatt gärtnerei schreinerei
    tischlerei zimmerei dachdeckerei malerbetrieb elektro sanitär heizungsbau bauunternehmen baufirma
    spedition druckerei gasthof weingut brauerei optik reisebüro friseursalon
    boulangerie pâtisserie boucherie charcuterie garage carrosserie laboratoires laboratoire
    librairie fromagerie quincaillerie menuiserie plomberie transports cave pharmacie brasserie
    ferretería bodegas bodega panadería pastelería carnicería talleres taller construcciones
    transportes farmacia librería cafetería peluquería gestoría pasticceria panificio macelleria
    autofficina officina carrozzeria ferramenta trattoria ristorante pizzeria cantina cantine
    salumificio caseificio costruzioni trasporti impresa edilizia bakkerij slagerij apotheek drukkerij
    kapsalon énergies energie energía energia électricité mutuelle banque caisse crédit assurances
    notariskantoor advocatenkantoor accountantskantoor makelaarskantoor auberge cabinet étude studio
"""
_TRADE_PREFIX = re.compile(
    # Capitalised, as in a business's name: "the garage" or "une cave" before a name is no business.
    r"(?<![\w\-])(?:"
    + _trie_of(sorted({w.capitalize() for w in _TRADES.split()}))
    + rf"|[{_UP}]\w*bedrijf|[{_UP}]\w*betrieb|{_FAMILY})"
    # "In der Werkstatt Frau Kaya getroffen": a person with a title after the trade is met there.
    r"[ ](?!(?:Frau|Herr|Herrn|Dr|Prof|Mr|Mrs|Ms|Miss|Mme|M|Mlle|Sig|Sr|Sra|Dott|Dott\.ssa|Mevr|Dhr)\b)"
    # A particle may open the name: "Énergies du Rhône", "Auberge du Lac", "Caisse des Dépôts".
    rf"(?:(?:{_FAMILY})[ ]|(?:du|des|de[ ]la|de[ ]l'|del|della|dei|van[ ]de|van)[ ])?(?P<name>{_ORG_NAME})"
)
# Legal forms and the nouns of a business that follow its name: "Halden & Crane LLP",
# "Müller Logistik GmbH", "Oakbridge Property Management", "Lage Landen Verzekeringen".
_LEGAL_FORMS = """
    GmbH mbH AG KG KGaA OHG GbR UG e.K. e.V. SE SARL S.A.R.L. SAS S.A.S. SA S.A. SNC EURL SCI S.L.
    S.L.U. SL SLU S.Coop. S.r.l. Srl SRL S.p.A. SpA S.n.c. Snc S.a.s. B.V. BV N.V. NV V.O.F. VOF
    Ltd Ltd. Limited LLP LLC L.L.C. Inc Inc. Incorporated PLC plc Corp. Corporation
"""
_LEGAL_FORM_SET = frozenset(_LEGAL_FORMS.split())
_ORG_TAILS = (
    _LEGAL_FORMS
    + """
    Logistik Logistics Logistica Logística Technologies Technology Utilities Lettings Estates
    Properties Management Recovery Consulting Consultants Solutions Services Systems Holdings
    Holding Group Gruppe Groupe Grupo Gruppo Groep Partners Associates Motors Plumbing Builders
    Construction Bakery Insurance Assurances Assurance Verzekeringen Seguros Assicurazioni
    Versicherung Versicherungen Immobilien Immobilier Inmobiliaria Immobiliare Makelaardij Transport
    Transporte Transportes Trasporti Haustechnik Bauunternehmung Catering Software Pharma Energy
    Energie Verlag Bankhaus Capital Investments Ventures Industries Industrie Manufacturing Trading
    Handel Vertrieb Dienstleistungen Gebäudereinigung Automobile Brauerei Installatietechniek
    Installaties Advocaten Notarissen Accountants Rechtsanwälte Steuerberater Avocats Abogados Avvocati
    Solicitors Architects Architekten Opticians Kitchens Roofing Electrical Heating Removals Taxis
    Hotels Foods Lebensmittel Brewery Winery U.A. W.A. B.A. Bausparkasse Sparkasse Incassobureau
"""
)
_ORG_TAIL = re.compile(
    r"(?<![\w\-])(?:&[ ](?:Söhne|Sohn|Sons|Son|Fils|Figli|Hijos|Zonen|Zn\.|Co\.?|Cie\.?|Partner)"
    r"|(?:" + _trie_of(sorted(set(_ORG_TAILS.split()))) + r"))"
    r"(?![\w\-])"
)
_ORG_BEFORE = re.compile(rf"(?<![\w\-'\u2019.])(?:{_ORG_NAME})[ ]$")
# Dutch gives a person no article "het": "aan het Antoni van Leeuwenhoek", "in het Erasmus MC".
_NEUTER_PLACE = re.compile(rf"(?<![\w\-])(?i:aan|in|bij|van|naar|op|uit|voor)[ ]het[ ](?P<name>{_ORG_NAME})")
# Two partners of one name: "Johnson & Johnson".
# Only with "&": "Anna and Anna" may be two people.
_SAME_PARTNERS = re.compile(rf"(?<![\w\-])({_CAP})[ ]&[ ]\1(?![\w\-])")

# Schools, hospitals, universities, foundations and museums named after someone, the kind first
# ("Lycée Victor-Hugo", "Istituto Comprensivo Giovanni Pascoli", "Klinikum Dr. Müller") or last
# ("Christiaan Huygens College", "Erasmus MC", "Alexander Fleming Building").
_INSTITUTIONS_BEFORE = """
    Lycée Collège École Ecole Université Hôpital Hopital Clinique Polyclinique CHU Institut Fondation
    Musée Gymnasium Realschule Gesamtschule Grundschule Hauptschule Oberschule Mittelschule
    Berufsschule Schule Klinikum Klinik Krankenhaus Universität Hochschule Stiftung Museum Liceo
    Istituto Scuola Ospedale Policlinico Università Fondazione Museo Clinica Colegio Instituto IES
    CEIP Hospital Universidad Fundación Clínica Escuela Hogeschool Universiteit Ziekenhuis Lyceum
    Basisschool Rijksmuseum Stichting Academie Akademie Kindergarten Kita Biblioteca Bibliothèque
    Bibliothek Stadion Stadio Estadio Teatro Théâtre Theater Residencia Residenza EHPAD Centro
    Centre Zentrum Conservatorio Conservatoire Universitätsklinikum Uniklinikum Uniklinik
    Universitätsspital Kantonsspital Kreisklinik Kreiskrankenhaus Kreisklinikum
"""
_INSTITUTION_PREFIX = re.compile(
    r"(?<![\w\-])(?:"
    + _trie_of(sorted(set(_INSTITUTIONS_BEFORE.split())))
    + r"|(?i:lycée|collège|école|hôpital|clinique|liceo|istituto|ospedale|colegio|instituto|escuela"
    r"|groupe[ ]scolaire))"
    # "Centre Hospitalier", "Istituto Comprensivo", "Hospital Universitario": the kind's second word.
    rf"(?:[ ](?:(?i:comprensivo|tecnico|superiore|statale|hospitalier|universitario|universitaria|general"
    rf"|universitaire|medisch|academisch|municipal|comunale|publico|público))){{0,2}}"
    rf"[ ](?:(?:{_ORG_LINK})[ ]|(?:Dr\.?|Prof\.?|St\.?|Sankt|San|Santa|Sant'|Saint|Sainte|Sint)[ ]?)?"
    rf"(?P<name>{_ORG_NAME})"
)
_INSTITUTION_SUFFIX = re.compile(
    rf"(?<![\w\-'\u2019.])(?:(?:the|The)[ ])?(?:St\.?[ ]|Saint[ ])?{_ORG_NAME}[ ]"
    r"(?:College|School|Academy|University|Hospital|Infirmary|Clinic|Centre|Center|Building|Institute"
    r"|Museum|Library|Gymnasium|Lyceum|Ziekenhuis|Gasthuis|MC|UMC|Kliniek|Hospice|Medical[ ]Centre"
    r"|Medical[ ]Center)(?![\w\-])"
    # Words that are also surnames ("Mary Hall", "John Ward"): only after "the".
    rf"|(?:the|The)[ ]{_ORG_NAME}[ ](?:Ward|Wing|Hall|House|Unit|Suite|Theatre|Room)(?![\w\-])"
)
_INSTITUTION_KEY = re.compile(
    r"[ ](?:College|School|Academy|University|Hospital|Infirmary|Clinic|Centre|Center|Building|Institute"
    r"|Museum|Library|Gymnasium|Lyceum|Ziekenhuis|Gasthuis|MC|UMC|Kliniek|Hospice|Medical|Ward|Wing|Hall"
    r"|House|Unit"
    r"|Suite|Theatre|Room)(?![\w\-])"
)
_HYPHENATED_INSTITUTION = re.compile(
    rf"(?<![\w\-])(?:[{_UP}][\w'\u2019]*-)+(?:Gymnasium|Schule|Realschule|Grundschule|Gesamtschule|Klinik"
    r"|Klinikum|Krankenhaus|Institut|Stiftung|Apotheke|Haus|Museum|Universität|Hochschule|Kolleg|Zentrum"
    r"|Halle|Stadion|Bibliothek|Kaserne|Heim|Lyceum|College|Ziekenhuis|Stichting)(?![\w\-])"
)

# A street named after someone and mentioned as a place, with no house number: "Einmündung
# Konrad-Adenauer-Straße", "junction of Churchill Way", "situado en la plaza de Federico García
# Lorca". With a number before or after, it is an address and left to the address recognisers.
_STREET_TAILS = (
    r"straße|strasse|platz|allee|gasse|anlage|chaussee|promenade|straat|plein|gracht|laan|singel|kade|dijk"
)
_STREET_HYPHEN_TAILS = r"Straße|Strasse|Platz|Allee|Gasse|Anlage|Ring|Weg|Damm|Ufer|Chaussee|Promenade|Markt"
# In any case: "boulevard Haussmann", "Paseo de la Castellana". Words that are also everyday words
# in another language ("sent via Anna", "the place Anna chose", "route") only capitalised.
_STREET_WORDS_BEFORE = """
    rue avenue boulevard quai allée impasse chemin calle avenida avda. paseo plaza glorieta viale piazza
    piazzale vicolo lungomare
"""
_STREET_TYPES_BEFORE = (
    r"(?i:" + _trie_of(sorted(set(_STREET_WORDS_BEFORE.split()))) + ")"
    r"|Place|Square|Cours|Route|Via|Corso|Largo|Camino|Ronda|Bd|Av\.|C/"
    # In lower case only where the language shows: "place de la Gare", "place Jean-Jaurès", "in via Roma".
    rf"|(?:place|square|cours|route)(?=[ ](?:de|du|des|d'|[{_UP}][\w']*-\w))|(?<=in[ ])via|(?<=,[ ])via"
    # "stationnement place Charles de Gaulle": a name with a particle after a lower-case "place" is a
    # square's, unless English put an article before it ("the place Anna de Vries chose").
    rf"|(?<!the[ ])(?<!a[ ])(?<!this[ ])(?<!that[ ])(?<!my[ ])(?<!our[ ])(?<!your[ ])"
    rf"(?:place|cours)(?=[ ][{_UP}][\w']+[ ](?:de|du|des|d')[ ]?[{_UP}])"
)
# Not "Lane", "Park", "Hill", "Green", "Kade", "Weg": surnames as often as streets.
_STREET_TYPES_AFTER = (
    r"Street|Road|Avenue|Boulevard|Way|Drive|Crescent|Terrace|Gardens|Square|Parkway|Plein|Straße|Strasse"
    r"|Allee"
)
_STREET_LEAD = (
    r"(?:(?i:junction[ ]of|corner[ ]of|raum|saal|einmündung|ecke|kreuzung|höhe|salle|angle|carrefour"
    r"|sala|esquina|cruce|angolo|incrocio|hoek|kruising|zaal|the|la|le|el|il|het|de|der|die|den)[ ])?"
)
_STREET = re.compile(
    rf"(?<![\w\-]){_STREET_LEAD}(?:"
    rf"(?:(?:Prins|Prinses|Koning|Koningin|Keizer|Graaf|Van|Sint|Sankt|Kaiser|König|Königin|Prinz|Herzog|Graf"
    rf"|Alte|Neue|Große|Kleine|Obere|Untere)[ ])?"
    # The words of a name before the compound: "Johan de Wittlaan", "Van Goghstraat".
    rf"(?:{_CAP}[ ](?:(?:de|van|der|den|ter|ten|von)[ ])?){{0,2}}[{_UP}][\w'\u2019]*(?:{_STREET_TAILS})"
    rf"|(?:[{_UP}][\w'\u2019]*-)+(?:{_STREET_HYPHEN_TAILS})"
    rf"|(?:{_STREET_TYPES_BEFORE})[ ](?:(?:{_ORG_LINK}|l')[ ]?){{0,2}}{_ORG_NAME}"
    rf"|{_ORG_NAME}[ ](?:{_STREET_TYPES_AFTER})"
    r")(?![\w\-])"
)
# Where a street may be: its type's word. Only there is the street pattern tried, which costs a
# scan of the text for these words instead of one for every run of capitalised words.
_STREET_KEY = re.compile(
    r"(?:"
    + _trie_of(_STREET_TAILS.split("|"))
    + "|-(?:"
    + _trie_of(_STREET_HYPHEN_TAILS.split("|"))
    + r"))(?![\w\-])"
    rf"|(?<![\w\-])(?:{_STREET_TYPES_BEFORE})[ ]|[ ](?:{_STREET_TYPES_AFTER})(?![\w\-])"
)
_KEY_REACH = 90
_HYPHENATED_INSTITUTION_KEY = re.compile(
    r"-(?:Gymnasium|Schule|Realschule|Grundschule|Gesamtschule|Klinik|Klinikum|Krankenhaus|Institut|Stiftung"
    r"|Apotheke|Haus|Museum|Universität|Hochschule|Kolleg|Zentrum|Halle|Stadion|Bibliothek|Kaserne|Heim|Lyceum"
    r"|College|Ziekenhuis|Stichting)(?![\w\-])"
)
_PARTNERS_KEY = re.compile(r"[ ]&[ ]")
_NEUTER_KEY = re.compile(r"[ ]het[ ]")
_LAW_WORDS = """
    loi legge ley wet gesetz decreto d.lgs d. lgs real decreto décret decret ordonnance code código codigo
    codice estatuto statuto reglamento règlement reglement regolamento verordnung ordenanza
"""
_LAW_KEY = re.compile(r"(?i:\b(?:" + _trie_of(sorted(set(_LAW_WORDS.split()))) + r")\b)")


def near_keys(
    pattern: re.Pattern[str], key: re.Pattern[str], text: str, start: int, end: int, before: int, after: int
) -> list[re.Match[str]]:
    """Matches of ``pattern`` in ``text[start:end]`` that hold a match of ``key``.

    ``pattern`` is tried only from ``before`` characters ahead of each key to ``after`` past it:
    a long pattern that may open on any capitalised word costs a scan for a word or two instead.
    """
    found: dict[tuple[int, int], re.Match[str]] = {}
    for hit in key.finditer(text, start, end):
        for match in pattern.finditer(text, max(start, hit.start() - before), min(end, hit.end() + after)):
            # Overlapping, not only holding the key's start: " Avenue" of "on Avenue Jean Jaurès"
            # is a key (a street type after a name) that opens one space before the street.
            if match.start() < hit.end() and hit.start() < match.end():
                found.setdefault(match.span(), match)
    return list(found.values())


# What makes a street mention an address: a house number right before or after it.
_NUMBER_BEFORE = re.compile(r"\d[ \t]*(?:[a-zA-Z]|bis|ter)?[ \t]*,?[ \t]*$")
_NUMBER_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:n[º°o.]*[ \t]*|nr\.?[ \t]*)?\d")


def organisation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Companies and institutions named after people in ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    for pattern in (_TRADE_PREFIX, _INSTITUTION_PREFIX):
        out.extend(m.span() for m in pattern.finditer(text, start, end))
    for pattern, key in (
        (_HYPHENATED_INSTITUTION, _HYPHENATED_INSTITUTION_KEY),
        (_SAME_PARTNERS, _PARTNERS_KEY),
    ):
        out.extend(m.span() for m in near_keys(pattern, key, text, start, end, 60, 40))
    out.extend(
        m.span() for m in near_keys(_INSTITUTION_SUFFIX, _INSTITUTION_KEY, text, start, end, _KEY_REACH, 20)
    )
    out.extend(m.span("name") for m in near_keys(_NEUTER_PLACE, _NEUTER_KEY, text, start, end, 6, 80))
    for tail in _ORG_TAIL.finditer(text, start, end):
        name = _ORG_BEFORE.search(text, max(start, tail.start() - 80), tail.start())
        if name and (
            tail.group() in _LEGAL_FORM_SET or tail.group()[0] == "&" or not _a_person_first(name.group())
        ):
            out.append((name.start(), tail.end()))
    return out


def _a_person_first(words: str) -> bool:
    """Whether ``words`` hold a given name followed by another word ("Contact Anna Weber Customer").

    Before a business noun and without a legal form, that is a person beside their department
    ("Anna Weber Customer Services") as often as a business: the person is kept.
    """
    from redaction.recognizers_gazetteer import _is_given  # imports this module

    parts = words.split()
    return any(_is_given(part) for part in parts[:-1])


# A date's year right before a street is no house number: "Date of offence: 3 March 2026, Wellington
# Road", "constaté le 05.03.2026, rue Victor-Hugo".
_DATE_BEFORE = re.compile(DATE_WITH_YEAR.pattern + r"[ \t]*,?[ \t]*$")


def _house_number_before(text: str, start: int) -> bool:
    """Whether a house number (not a date's year) stands right before ``start``."""
    if not _NUMBER_BEFORE.search(text, max(0, start - 12), start):
        return False
    return not _DATE_BEFORE.search(text, max(0, start - 40), start)


def street_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Streets named in ``text[start:end]`` as places, with no house number (see ``_STREET``)."""
    return sorted(
        match.span()
        for match in near_keys(_STREET, _STREET_KEY, text, start, end, _KEY_REACH, _KEY_REACH)
        if not _house_number_before(text, match.start()) and not _NUMBER_AFTER.match(text, match.end())
    )


# A CRM export's company column ("id;name;company;email", "Kontakt-ID;Name;Firma;E-Mail"): its
# values are organisations, whoever they are named after. Found from the header's column name.
_COMPANY_HEADER = re.compile(
    r"(?im)(?:^|[;,\t|])[ ]*\"?(?:company|company[ _]name|employer|organi[sz]ation|firma|firmenname"
    r"|unternehmen|arbeitgeber|soci[ée]t[ée]|entreprise|employeur|raison[ _]sociale|empresa|compa[ñn][íi]a"
    r"|azienda|societ[àa]|ditta|datore[ _]di[ _]lavoro|bedrijf|bedrijfsnaam|organisatie|werkgever)"
    r"\"?[ ]*(?=[;,\t|]|$)"
)


def _fields(line: str, delimiter: str) -> list[tuple[int, int]]:
    """The spans of a delimited line's fields, a quoted field's quotes and delimiters inside it kept in."""
    spans, start, quoted = [], 0, False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(line)))
    return spans


def column_spans(text: str) -> list[tuple[int, int]]:
    """The values under a company column of a delimited export in ``text`` (see ``_COMPANY_HEADER``)."""
    out: list[tuple[int, int]] = []
    for header in _COMPANY_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, header.start() + 1) + 1
        line_end = text.find("\n", header.end())
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        delimiter = max(";,\t|", key=line.count)
        names = _fields(line, delimiter)
        at = header.end() - 1 - line_start
        column = next((i for i, (s, e) in enumerate(names) if s <= at <= e), None)
        # A header is a row of short column names, not a sentence that lists "name, company, email".
        if (
            column is None
            or len(names) < 4
            or line.rstrip().endswith((".", "!", "?", ":"))
            or any(e - s > 32 or len(line[s:e].split()) > 2 for s, e in names)
        ):
            continue
        position = line_end + 1
        # The rows that follow, up to the first line that is not one (a blank line, a footer).
        while position < len(text):
            row_end = text.find("\n", position)
            row_end = len(text) if row_end < 0 else row_end
            row = text[position:row_end]
            fields = _fields(row, delimiter)
            if len(fields) != len(names):
                break
            if column < len(fields):
                s, e = fields[column]
                value = row[s:e]
                s += len(value) - len(value.lstrip(' "'))
                e -= len(value) - len(value.rstrip(' "'))
                if s < e:
                    out.append((position + s, position + e))
            position = row_end + 1
    return out


# --- Numbers of accounts, companies and parcels -------------------------------------------------
# A customer's, an employee's or a member's number after its label, in either word order ("Customer
# number: 5151 2195 34", "Personalnummer: 432758360", "mi número de cliente es el 0964890464"). Digit
# groups split by single spaces belong to it (a phone reader takes "5151 2195 34" for a number).
_ACCOUNT = re.compile(
    _LETTER_FIRST
    + r"(?i:\b(?:(?:customer|client|member(?:ship)?|employee|staff|personnel|payroll|supplier|vendor|loyalty"
    r"|account[ ]holder|applicant)[ ](?:number|no\.?|nr\.?|id|#|ref(?:erence)?|code)"
    r"|(?:kunden|mitglieds|personal|mitarbeiter|lieferanten|klant(?:en)?|lid|personeels|relatie|abonnee"
    r"|aanvraag|debiteuren|crediteuren|leveranciers|anforderungs|einsender|antrags)[\-]?(?:nummer|nr\.?|no\.?|id)"
    r"|(?:n(?:[úu]mero|uméro|umero)|n[º°o]\.?|num\.?|c[óo]d(?:igo|ice)?\.?|code|identifiant)[ ]"
    r"(?:de[ ]|del[ ]|di[ ]|du[ ]|d')?"
    r"(?:client[ea]?|socio|abonn[ée]|adh[ée]rent|dipendente|empleado|employ[ée]|salari[ée]|matricola|fornitore"
    r"|proveedor|fournisseur|richiesta|solicitud|demande|pratica|ordine|commande|pedido)"
    r"|matricule|matricola|atestado|diligencias|denuncia|querella|aangifte|proces-verbaal|strafanzeige"
    r"|tagebuch-?nr\.?|tagebuchnummer)"
    r"(?:[ ](?:is|was|ist|lautet|est|es|è|era|c'est|ce[ ]sera))?(?:[ ](?:the|der|die|le|la|el|il|lo|het))?"
    r"[ \t]*(?:n[º°o]\.?|nr\.?|no\.?)?[ \t]*[:#]?[ \t]*)"
    r"(?P<ref>[A-Z]{0,4}[\-/]?\d[\d\-/.]*(?:[ ]\d+){0,4})"
)
# A company's registration, tax or VAT number after its label ("HRB 12345", "SIRET 376 781 007
# 11335", "P.IVA 01234567890", "KvK 12345678", "CIF B12345678", "VAT Reg. GB 123 4567 89"). A
# person's tax number ("Steuer-ID", "NIF", "codice fiscale") is not among them.
_COMPANY_ID = re.compile(
    r"(?:\b(?:USt\.?[\- ]?Id(?:[\- .]?Nr)?\.?|UID(?:-Nr\.?)?|HR[AB]|Handelsregister(?:nummer)?"
    r"|St\.?[\- ]?Nr\.?|SIREN|SIRET|TVA(?:[ ]intracom(?:munautaire)?)?|RCS(?:[ ][A-ZÀ-Þ][\w\-]+)?|CIF"
    r"|P\.?[ ]?IVA|Partita[ ]IVA"
    r"|REA|KvK(?:-?nummer)?|K\.v\.K\.|BTW(?:-?(?:nummer|id|nr\.?))?|VAT(?:[ ]Reg(?:istration)?\.?)?"
    r"(?:[ ](?:No\.?|Number|number|ID))?|Company[ ](?:No\.?|Number|Reg(?:istration)?\.?(?:[ ]No\.?)?)"
    r"|Registered[ ]in[ ]England(?:[ ](?:and|&)[ ]Wales)?(?:[ ]No\.?)?|EIN)"
    r"[ \t]*(?:[:.#]|n[°º]\.?|nr\.?|no\.?)?[ \t]*)"
    r"(?P<ref>(?:[A-Z]{2}[ \-]?)?(?:[A-Z][ ]?)?\d+(?:[ ./\-]\d+){0,4}[A-Z]?)(?![\w\-])"
)
# A company's entry in a trade register with its volume, folio and sheet ("Registro Mercantil de
# Valencia, Tomo 1234, Folio 56, Hoja V-7788", "Registro delle Imprese di Milano", "Registre du
# commerce et des sociétés de Lyon"), the Italian share capital's label ("Cap. soc. i.v."), and
# a VAT number in its national shape with its country's prefix (DE, FR, NL, IT, a Spanish
# company's ES with a letter first, AT, BE, GB): none of them a person's.
_COMPANY_REGISTER = re.compile(
    r"\b(?:Registro[ ]Mercantil|Registro[ ]delle[ ]Imprese"
    r"|Registre[ ]du[ ]commerce(?:[ ]et[ ]des[ ]soci[ée]t[ée]s)?"
    r"|Kamer[ ]van[ ]Koophandel|Handelsregister)"
    r"(?:[ ](?:de|di|du|van|des)[ ][A-ZÀ-Þ][\w\-]+(?:[ ][A-ZÀ-Þ][\w\-]+)?)?"
    r"(?:,?[ ](?:Tomo|Folio|Hoja|Libro|Secci[óo]n|Inscripci[óo]n|Sec\.|T\.|F\.|H\.)[ ]?[A-Z]{0,2}[\-]?\d+)*"
    r"|\bCap(?:itale)?\.?[ ]soc(?:iale)?\.?(?:[ ]i\.[ ]?v\.)?"
)
# A federal court's name: "UNITED STATES DISTRICT COURT", "U.S. Bankruptcy Court".
_FEDERAL_COURT = re.compile(
    r"(?i:\b(?:united[ ]states|u\.s\.)[ ](?:district|bankruptcy|tax|claims)[ ]court"
    r"|\b(?:united[ ]states|u\.s\.)[ ]court[ ]of[ ](?:appeals|federal[ ]claims))"
)
_VAT_SHAPE = re.compile(
    r"(?<![\w\-])(?:DE\d{9}|FR[0-9A-HJ-NP-Z]{2}[ ]?\d{9}|NL\d{9}B\d{2}|IT\d{11}|ES[A-HJNP-SUVW]\d{7}[0-9A-J]"
    r"|ATU\d{8}|BE[ ]?0\d{9}|GB[ ]?\d{3}[ ]?\d{4}[ ]?\d{2})(?![\w\-])"
)
_VAT_KEY = re.compile(r"(?<![\w\-])(?:DE|FR|NL|IT|ES|AT|BE|GB)")
# A customs tariff code after its label ("HS 6117 10 00", "Zolltarifnr. 6110 11 10", "partida
# arancelaria 6110.11.10", "voce doganale 6110 11 10", "GN-code 6110 11"): the groups of a
# commodity's code, read as a phone number.
_TARIFF = re.compile(
    _LETTER_FIRST + r"(?i:\b(?:hs(?:[ \-]code)?|h\.s\.(?:[ ]code)?|harmonized[ ]code"
    r"|tariff[ ](?:code|no\.?|number)"
    r"|commodity[ ]code|customs[ ]code|zolltarif(?:nummer|nr\.?|[ ]nr\.?)?|warentarifnummer|taric(?:[ ]code)?"
    r"|code[ ]sh|nomenclature(?:[ ]douani[èe]re)?|code[ ]douanier|partida(?:[ ]arancelaria)?"
    r"|c[óo]digo[ ](?:arancelario|taric)|voce(?:[ ]doganale)?|codice[ ](?:doganale|taric)|nc"
    r"|gn-code|goederencode|tariefcode|douanecode)"
    r"[ \t]*[:#.]?[ \t]*)(?P<ref>\d{4}(?:[ .]\d{2}){1,3}|\d{6,10})(?![\w\-])"
)
# A company's PO box: a box (or a French business box, "CS", "TSA") after a company's legal form
# or a company's or an authority's office label on its line or the line above ("Harbourline
# Freight Ltd\nPO Box 4417", "Registered office: P.O. Box 2231", "in writing to PO Box 6620"). A
# person's box, under their name and over their town, is an address.
_BOX = re.compile(
    r"(?<![\w\-])(?:(?i:p\.?[ ]?o\.?[ ]?box|post[ ]office[ ]box|postfach|postbus|bo[îi]te[ ]postale"
    r"|apartado(?:[ ]de[ ]correos)?|apdo\.|casella[ ]postale)|B\.?P\.?|CS|TSA|C\.P\.)[ \t]+\d{1,6}"
    r"(?:[ ]\d{2,3}){0,2}(?![\w\-])"
)
_BOX_KEY = re.compile(r"(?i:box|postfach|postbus|postale|apartado|apdo)|\b(?:BP|B\.P|CS|TSA|C\.P)\b")
_COMPANY_CONTEXT = re.compile(
    r"(?:(?<![\w\-])(?:GmbH|AG|KG|SE|SARL|SAS|SA|S\.A\.|SNC|S\.L\.|SL|S\.r\.l\.|Srl|S\.p\.A\.|SpA|B\.V\.|BV"
    r"|N\.V\.|NV|Ltd\.?|Limited|LLP|LLC|Inc\.?|PLC|plc|Corp\.?|Co\.|Society|Insurance|Mutual|Bank|Mutuelle"
    r"|Assurances?|Versicherung(?:en)?|Seguros|Assicurazioni|Verzekeringen)(?![\w\-])"
    r"|(?i:registered[ ]office|head[ ]office|si[èe]ge(?:[ ]social)?|domicilio[ ]social"
    r"|sede[ ](?:legale|sociale)"
    r"|sitz(?:[ ]der[ ]gesellschaft)?|gesch[äa]ftssitz|statutaire[ ]zetel|vestigingsadres|in[ ]writing[ ]to"
    r"|correspondence|contestation|r[ée]clamations?|service[ ]clients?|kundenservice|klantenservice"
    r"|customer[ ]services?|atenci[óo]n[ ]al[ ]cliente|servizio[ ]clienti))"
)


def company_box_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Companies' and authorities' PO boxes in ``text[start:end]`` (see ``_BOX``)."""
    out: list[tuple[int, int]] = []
    for match in near_keys(_BOX, _BOX_KEY, text, start, end, 30, 30):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()]
        if not before.strip() and line_start > 0:
            # The box opens its line: the company's name is on the line above.
            before = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start]
        if match.group().startswith(("CS", "TSA")) or _COMPANY_CONTEXT.search(before[-120:]):
            out.append(match.span())
    return out


# A brand named after a person right before its article code ("the new Bettina Marchetti EAN
# 4006381333931", "abrigos Inés Valcárcel (SKU AB-12345)", "Sandro Ferrone Art.-Nr. 556677"): a
# product's label follows a maker's name, not a person's.
_BRAND_BEFORE_CODE = re.compile(
    rf"(?<![\w'\u2019])(?:{_MAKER})[ \t]+\(?"
    r"(?:(?:EAN|GTIN|UPC|SKU|Art\.?[\- ]?Nr\.?|Artikelnummer)[ \t]*[:#.]?[ \t]*"
    r"[A-Z]{0,4}[\-]?\d[\d.\-]*|REF[ ]\d{2,3}\.\d{3}\.\d{2})"
)
_REGISTER_WORDS = ("Regist", "Kamer", "Handelsregister", "Cap")
_BOX_WORDS = (
    "Box",
    "BOX",
    "box",
    "Postfach",
    "Postbus",
    "ostale",
    "Apartado",
    "Apdo",
    "BP",
    "B.P",
    "CS",
    "TSA",
    "C.P",
)
_PRODUCT_LABEL_WORDS = ("EAN", "GTIN", "UPC", "SKU", "Art", "REF")
_PRODUCT_LABEL_KEY = re.compile(r"\b(?:EAN|GTIN|UPC|SKU|Art\.?[\- ]?Nr|Artikelnummer|REF)\b")
# A parcel's tracking number, UPU S10 ("RR123456785IT", its check digit verified) or UPS "1Z…",
# an article number in dotted groups of 2 or 3, 3 and 2 digits ("123.456.78": too short for a
# phone number with its area code, and no date) and a file's number and year. One pattern, one
# scan of the text.
_PARCEL_OR_ARTICLE = re.compile(
    r"(?<![\w./\-])(?:[A-Z]{2}(?P<serial>\d{8})(?P<check>\d)[A-Z]{2}|1Z(?:[ ]?[0-9A-Z]){16}"
    r"|\d{2,3}\.\d{3}\.\d{2}(?![.,]\d)"
    # A court's or a police file's number and year ("ATTO DI CITAZIONE - 7804/2022"): no phone
    # number is a few digits, a slash and a year.
    r"|[1-9]\d{0,5}/(?:19|20)\d{2}(?![.,]\d))"
    r"(?![\w/\-])"
)


# A courier's or a parcel's number after the courier's name or the parcel's label, a few words
# between ("GLS Paketnummer 12345678901", "Envío SEUR nº 123456789012", "PostNL track & trace
# 3SABCD1234567"): long digit runs there are a parcel's, not a phone's.
_COURIER_REF = re.compile(
    r"(?:\b(?:UPS|DHL|GLS|DPD|PostNL|FedEx|TNT|SEUR|MRW|Correos|Chronopost|Colissimo|Bartolini|BRT|SDA"
    r"|Hermes|Evri|Royal[ ]Mail|Parcelforce|Bpost|bpost)\b"
    r"|(?i:\b(?:paket|sendungs|parcel|package|colis|pakket|zending|env[íi]o|bulto|pacco|spedizione|suivi"
    r"|seguimiento|tracking|track[ ]&[ ]trace|waybill|consignment|lettre[ ]de[ ]transport|albar[áa]n"
    r"|lieferschein|vrachtbrief|bolla)[\w\-]*))"
    # Not across a phone's label ("Paket abholen, Rückruf unter 0171…"), nor a mobile's or a
    # trunk's number (a zero, then a digit that is not: parcels open with "00" or none).
    r"(?:(?!(?i:\btel|phone|call|ruf\b|rufen|appel|llam|chiam|\bbel\b|mobil|portable|cell))[^\n\d]){0,30}?"
    r"(?P<ref>(?<![\w+])(?!0[1-9]\d{8,11}(?![\w\-]))[A-Z]{0,4}\d[\dA-Z]{7,30})(?![\w\-])"
)


def s10_valid(serial: str, check: str) -> bool:
    """The UPU S10 check digit: weights 8 6 4 2 3 5 9 7, 11 minus the sum mod 11 (10 is 0, 11 is 5)."""
    total = sum(int(d) * w for d, w in zip(serial, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    digit = 11 - total % 11
    return int(check) == {10: 0, 11: 5}.get(digit, digit)


# A meter's or a supply point's number after its label ("Point de livraison : PDL 01234567890123",
# "Zählernummer: 1ESY1234567890", "MPAN 12 345 678 901 234", "CUPS ES0021…", "POD IT001E…"): an
# installation's number, read as a phone number or a licence.
_METER = re.compile(
    _LETTER_FIRST + r"(?i:\b(?:meter[ ](?:number|no\.?|serial(?:[ ]number)?)|mpan|mprn"
    r"|z[äa]hler(?:nummer|[\- ]?nr\.?)|z[äa]hlpunkt(?:bezeichnung)?|marktlokation"
    r"|point[ ]de[ ](?:livraison|r[ée]f[ée]rence[ ]mesure)|pdl|prm|pce"
    r"|num[ée]ro[ ]de[ ]compteur|compteur|cups|contador|pod|pdr|matricola[ ]contatore|contatore"
    r"|meternummer|ean[\- ]code)"
    r"[ \t]*[:#]?[ \t]*(?:(?:PDL|PRM|PCE)[ ])?)(?P<ref>[A-Z0-9]{2,6}[A-Z0-9 ]{4,34}[0-9A-Z])(?![\w\-])"
)
# A product's or an asset's code after its label ("product code 61.436.31", "asset tag 05.874.02").
_PRODUCT_CODE = re.compile(
    _LETTER_FIRST + r"(?i:\b(?:product[ ]code|item[ ]code|article[ ]code|asset[ ]tag|assettag|spare[ ]part"
    r"|replacement[ ]part|part[ ](?:no\.?|number)|sku|ean|pzn|art(?:ikel)?[\-.]?nr\.?|artikelnummer"
    r"|code[ ]article"
    r"|r[ée]f[ée]rence[ ]article|c[óo]digo(?:[ ]de[ ]art[ií]culo)?|cod\.(?:[ ]art\.?)?|codice(?:[ ]articolo)?"
    r"|[ée]tiquette|etichetta|etiket"
    r"|ricambio[ ]cod\.|recambio[ ]ref\.|pi[èe]ce[ ]d[ée]tach[ée]e)"
    r"[ \t]*[:#]?\s*)(?P<ref>[A-Z]{0,4}[\-]?\d[\d.\-/]{3,20}\d)(?![\w\-])"
)
# Laws cited with their date or title: "loi n° 89-462 du 6 juillet 1989", "legge 9 dicembre 1998,
# n. 431", "Ley 29/1994, de Arrendamientos Urbanos", "artículo 73 de la Ley de Contrato de Seguro".
_DATED_LAW = re.compile(
    r"(?i:\b(?:loi|legge|ley|wet|gesetz|decreto(?:[\- ]legge)?|d\.[ ]?lgs\.?|real[ ]decreto|d[ée]cret"
    r"|ordonnance))[ ](?:(?:n[°º.o]?[ ]?)?\d+[\-/]\d+[ ])?(?:du[ ]|del[ ]|de[ ]|vom[ ]|van[ ])?"
    r"\d{1,2}(?:er|º|°)?[.]?[ ][^\W\d_]+"
    r"[ ]\d{4}(?:,?[ ](?:n\.?|nr\.?|n°)[ ]?\d+)?"
)
_LAW_PARTICLE = r"(?:de|del|des|du|della|di|van|op|sur|sobre|on|la|los|las|het|de[ ]la|de[ ]los)"
_TITLED_LAW = re.compile(
    r"(?:\b(?i:art(?:[ií]culo|icolo|icle|ikel)?\.?)[ ]\d+[\w.]*[ ]"
    r"(?:(?i:de[ ]la|de[ ]los|del|de|du|de[ ]l'|della|dello|van[ ]de|des|of[ ]the)[ ])?)?"
    r"(?:Ley(?:[ ]Org[áa]nica)?|Loi|Legge|Code|C[óo]digo|Codice|Wet|Gesetz|Decreto|Estatuto|Statuto"
    r"|Reglamento|R[èe]glement|Regolamento|Reglement|Verordnung|Ordenanza)"
    # A number or a particle after the word ("Ley 29/1994, de …", "Ley de Contrato de Seguro"): a
    # capitalised word right after "Code" or "Wet" may be anything ("Code Red", a name).
    rf"(?:[ ]\d+/\d+,?(?:[ ]{_LAW_PARTICLE}){{0,2}}|(?:[ ]{_LAW_PARTICLE}){{1,2}})"
    r"(?:[ ][A-ZÀ-Þ][\w\-]+(?:[ ](?:de|del|des|du|della|di|van|op|la|het|y|e|et|en|and|und)){0,2}){1,5}"
    # After an article's number, a regulation's title may follow its word directly: "art. 94 del
    # Reglamento General de Circulación", "Art. 5 der Verordnung Über …".
    r"|\b(?i:art(?:[ií]culo|icolo|icle|ikel)?\.?)[ ]\d+[\w.]*[ ]"
    r"(?i:de[ ]la|del|de|du|della|dello|des|der|van[ ]het|of[ ]the)[ ]"
    r"(?:Reglamento|R[èe]glement|Regolamento|Reglement|Verordnung|Ordenanza|Regulations?)"
    r"(?:[ ][A-ZÀ-Þ][\w\-]+"
    r"(?:[ ](?:de|del|des|du|della|di|van|op|la|het|y|e|et|en|and|und|über|on)){0,2}){1,5}"
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
    landlord tenant witness signed signature property town county year agent lettings
    consultant specialty registrar neurologist cardiologist surgeon physician accountant financial
    audit senior junior manager director assistant eur usd gbp chf
    designation désignation description descripción descrizione omschrijving bezeichnung beschreibung
    quantity qty qté quantité menge cantidad quantità aantal concepto referto esame pharmacist
    pharmacien apotheker farmacéutico farmacista
    forename forenames vaccine vaccines vaccination batch mortgage offer payslip confidential private
    contravention carer guardian parent sender recipient consignee consignor importer exporter
    earnings impfstoff vaccin vacuna vaccino vaccin lote lotto charge not ror dtcap dtap mmr
    gent.mo gent.ma gent.mi egregio egr. spett.le sig sig.ra sigg. la a o
    uniform pensioenoverzicht relevo enfermería addebito sdd montant ttc medewerker debiteuren
    jahresabrechnung overdracht sinistri sinistro orden referencia employeur machtiging sepa doganale
    dichiarazione totale pagare spedizione krankenkasse export capital parte médico baja incapacidad
    teamleider planning leitung buchhaltung jefe almacén gestora gestor siniestros domicile médecin
    behandelte person ausfertigung certificato malattia cedolino paga cédula citación notificación
    denuncia oferta vinculante préstamo hipotecario schedula notificazione alloggiati vaccinateur âge
    départ geb geb. voornaam domiciliación adeudo
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


# A French age or duration, "62 ans", "trois ans", "8 ans d'expérience": the lower-case word read as
# a name. ("Ans" is a Dutch given name: only in lower case and after a number.)
_COUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente"
    r"|quarante|cinquante|soixante|cent))[ \t]*$"
)


def _label_or_age(text: str, c: Candidate) -> bool:
    """Whether the finding ``c`` is only a form's labels (:func:`is_label`) or the "ans" of an age."""
    value = text[c.start : c.end]
    if value == "ans":
        return bool(_COUNT_BEFORE.search(text, max(0, c.start - 16), c.start))
    return is_label(value)


# Types a look-alike may silence: findings made from shape and words, not from a checksum.
SOFT_TYPES = frozenset(
    {"PERSON", "LOCATION", "NRP", "DATE_TIME", "PHONE_NUMBER", "US_SSN", "US_BANK_NUMBER",
     "US_DRIVER_LICENSE",
     "US_PASSPORT", "US_ITIN", "MEDICAL_LICENSE", "ADDRESS", "DE_TAX_ID", "NL_BSN", "UK_NHS"}
)  # fmt: skip


_NAME_LIKE = frozenset({"PERSON", "LOCATION", "NRP", "ADDRESS"})
_DIGIT = re.compile(r"\d")
_BEFORE, _AFTER = 80, 40
_NUMBER_BEFORE_LABEL = 64


def _from_letters(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, tried only where a letter stands: every match of it opens on one (see
    ``_LETTER_FIRST``; the same matches, at a fraction of the cost in long texts)."""
    return re.compile(_LETTER_FIRST + "(?:" + pattern.pattern + ")", pattern.flags)


# (Not for patterns that open on a capital letter or a literal word: Python's engine already
# skips ahead to those, and the lookahead would only slow it down.)
_LAW_KEY = _from_letters(_LAW_KEY)
_EPONYM = _from_letters(_EPONYM)
_COURIER_REF = _from_letters(_COURIER_REF)


def spans(text: str, windows: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` that are look-alikes of personal data (only within ``windows``, if given)."""
    windows = [(0, len(text))] if windows is None else list(windows)
    return [span for start, end in windows for span in brand_spans(text, start, end)] + _other_spans(
        text, windows
    )


def _other_spans(
    text: str, windows: Iterable[tuple[int, int]], number_windows: Iterable[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """The look-alikes of :func:`spans` other than brands.

    Customers', articles' and parcels' numbers are looked for only in ``number_windows`` (where
    findings hold a digit), if given: nothing else can lie inside one.
    """
    out: list[tuple[int, int]] = []
    windows = list(windows)
    # Patterns that hold a word of their own run only where it occurs (a substring test per text).
    registers = any(word in text for word in _REGISTER_WORDS)
    courts = "ourt" in text or "OURT" in text
    boxes = any(word in text for word in _BOX_WORDS)
    product_labels = any(word in text for word in _PRODUCT_LABEL_WORDS)
    for start, end in windows if number_windows is None else number_windows:
        for pattern in (_ACCOUNT, _PRODUCT_CODE, _COURIER_REF, _TARIFF, _METER):
            out.extend(m.span("ref") for m in pattern.finditer(text, start, end))
        out.extend(m.span() for m in near_keys(_VAT_SHAPE, _VAT_KEY, text, start, end, 2, 20))
        for match in _PARCEL_OR_ARTICLE.finditer(text, start, end):
            if not match.group("serial") or s10_valid(match.group("serial"), match.group("check")):
                out.append(match.span())
    for start, end in windows:
        out.extend(m.span() for m in _EPONYM.finditer(text, start, end))
        for match in _CITATION.finditer(text, start, end):
            # The preposition before an article is read as a name with it: "Gemäß Art. 77 UZK".
            before = _PREPOSITION_BEFORE.search(text, max(0, match.start() - 10), match.start())
            out.append((before.start() if before else match.start(), match.end()))
        out.extend(statute_spans(text, start, end))
        for match in _REFERENCE.finditer(text, start, end):
            grouped = match.group("numword") and match.group("groups")
            out.append((match.start("ref"), match.end("groups" if grouped else "ref")))
            # The label with its number: "Expediente Az-8373793" is read as a name whole.
            out.append((match.start(), match.end("ref")))
        out.extend(m.span("ref") for m in _TRANSACTION_DATE.finditer(text, start, end))
        # A company's number with its label: "VAT Reg." is read as a name too.
        out.extend(m.span() for m in _COMPANY_ID.finditer(text, start, end))
        if registers:
            out.extend(m.span() for m in _COMPANY_REGISTER.finditer(text, start, end))
        if courts:
            out.extend(m.span() for m in _FEDERAL_COURT.finditer(text, start, end))
        if boxes:
            out.extend(company_box_spans(text, start, end))
        if product_labels:
            out.extend(
                m.span() for m in near_keys(_BRAND_BEFORE_CODE, _PRODUCT_LABEL_KEY, text, start, end, 70, 30)
            )
        for pattern in (_DATED_LAW, _TITLED_LAW):
            out.extend(m.span() for m in near_keys(pattern, _LAW_KEY, text, start, end, 40, 120))
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


def _windows(
    text: str, found: Iterable[Candidate], before: int = _BEFORE, after: int = _AFTER
) -> list[tuple[int, int]]:
    """The stretches around soft findings where a look-alike holding them could be.

    Looking only there keeps the cost proportional to what was found, not to the text's length
    times the number of look-alike patterns.
    """
    merged: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: c.start):
        start, end = max(0, c.start - before), min(len(text), c.end + after)
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
    # A number's label comes before it, a few words at most: "Customer number: 5151 2195 34".
    numbers = _windows(
        text, [c for c in soft if _DIGIT.search(text, c.start, c.end)], _NUMBER_BEFORE_LABEL, 16
    )
    cover = brands + _other_spans(text, windows, numbers)
    # A maker's name beside its product only matters to findings that can be names; an
    # organisation or a street only to names and places (never to an address).
    for window in _windows(text, [c for c in soft if c.entity_type in _NAME_LIKE]):
        cover.extend(product_brand_spans(text, *window))
    name_windows = _windows(text, [c for c in soft if c.entity_type in _ORG_SOFT])
    # Products and shops are cut out of a name like brands: "Envío SEUR" leaves a lone verb.
    products = [span for window in name_windows for span in product_spans(text, *window)]
    brands = sorted(brands + products)
    cover.extend(products)
    organisations: list[tuple[int, int]] = []
    streets: list[tuple[int, int]] = []
    for window in name_windows:
        organisations.extend(organisation_spans(text, *window))
        streets.extend(street_spans(text, *window))
    if name_windows and _COMPANY_HEADER.search(text):
        organisations.extend(column_spans(text))
    cover.sort()
    if not cover and not organisations and not streets:
        found = _without_table_ids(text, found)
        return [c for c in found if c.entity_type not in _NAME_LIKE or not _label_or_age(text, c)]
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
    kept = _without_table_ids(text, kept)
    kept = _without_brands(text, kept, brands, cover)
    if organisations or streets:
        kept = _without_organisations(text, kept, sorted(set(organisations)), streets)
        # What is left of a name cut around an organisation may lie in a look-alike: "— TSA 30442"
        # after "Énergies du Littoral SA".
        kept = [c for c in kept if c.entity_type not in SOFT_TYPES or not inside(c)]
    return [c for c in kept if c.entity_type not in _NAME_LIKE or not _label_or_age(text, c)]


_EDGE = " \t\n.,;:!?\"'()\u2013\u2014"


def _without_table_ids(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without numbers read in a table's ID or batch column and names before a dose."""
    if any(c.entity_type in _CELL_SOFT for c in found):
        cells = table_id_cells(text)
        if cells:
            found = [
                c
                for c in found
                if c.entity_type not in _CELL_SOFT or not any(s <= c.start and c.end <= e for s, e in cells)
            ]
    return [c for c in found if c.entity_type not in _ORG_SOFT or not _DOSE_AFTER.match(text, c.end)]


# --- Identifier and batch columns of a table ---------------------------------------------------
# A table whose first column is headed "ID" ("ID;NAME;VORNAME;…", "ID\tSURNAME, FORENAME\tDOB…")
# or whose last is a vaccine's or a product's batch ("Date  Vaccine  Batch", "Datum | Impfstoff |
# Ch.-B.", "Vaccin ; Lot"): the numbers in that column are a register's or a batch's, not phone
# numbers. Cells are split on tabs, semicolons, bars or runs of two spaces.
_CELL_SPLIT = re.compile(r"[ ]*(?:\t|;|\||[ ]{2,})[ ]*")
_ID_HEADER = re.compile(r"(?m)^[ ]*(?:ID|Id|NR|Nr\.?|No\.?|N°|#)(?=[ ]*(?:\t|;|\||[ ]{2,}))")
_BATCH_HEADER = re.compile(
    r"(?im)(?:\t|;|\||[ ]{2,})[ ]*(?:batch(?:[ ]no\.?)?|lot(?:[ ]n[°o]\.?)?|ch\.-b\.|ch\.-nr\."
    r"|charge(?:n-?nr\.?)?"
    r"|chargennummer|chargen-nr\.?|lotto|lote|partij(?:nummer)?|batchnummer)[ \t]*$"
)
_CELL_ID = re.compile(r"[A-Z]{0,4}[\-/]?\d[\d\-/.]{2,20}")
_CELL_SOFT = frozenset(
    {"PHONE_NUMBER", "US_BANK_NUMBER", "US_DRIVER_LICENSE", "US_PASSPORT", "MEDICAL_LICENSE"}
)
_MAX_ROWS = 400


def table_id_cells(text: str) -> list[tuple[int, int]]:
    """The cells of an "ID" first column or a batch last column of the tables in ``text``."""
    out: list[tuple[int, int]] = []
    headers = [(m, 0) for m in _ID_HEADER.finditer(text)] if "I" in text or "N" in text or "#" in text else []
    headers += [(m, -1) for m in _BATCH_HEADER.finditer(text)]
    for header, column in headers:
        line_start = text.rfind("\n", 0, header.start() + 1) + 1
        line_end = text.find("\n", header.end())
        if line_end < 0:
            continue
        width = len(_CELL_SPLIT.split(text[line_start:line_end].strip()))
        if width < 3:
            continue
        position = line_end + 1
        for _ in range(_MAX_ROWS):
            row_end = text.find("\n", position)
            row_end = len(text) if row_end < 0 else row_end
            row = text[position:row_end]
            cells = [(m.start(), m.end()) for m in _CELL_SPLIT.finditer(row)]
            if not row.strip() or not cells:
                break
            if column == 0:
                lead = len(row) - len(row.lstrip())
                s, e = lead, cells[0][0]
            else:
                s, e = cells[-1][1], len(row.rstrip())
            if _CELL_ID.fullmatch(row, s, e):
                out.append((position + s, position + e))
            position = row_end + 1
            if position >= len(text):
                break
    return out


# A medicine before its dose ("Dauermedikation Diclofenac 75 mg", "Traitement : Tramadol 50 mg"): a
# name or a place that ends right before a dose is a drug's name.
_DOSE_AFTER = re.compile(r"[ ]\d+(?:[.,]\d+)?[ ]?(?:mg|µg|mcg|ml|g|IE|I\.E\.|UI|IU|mmol)(?![\w])")

# What an organisation or a street named after someone silences: a name or a place, never an
# address (an address line holds the street too, with its number).
_ORG_SOFT = frozenset({"PERSON", "LOCATION", "NRP"})


def _without_organisations(
    text: str, found: list[Candidate], organisations: list[tuple[int, int]], streets: list[tuple[int, int]]
) -> list[Candidate]:
    """Names and places inside a street named as a place dropped; organisations cut out of them.

    "Einmündung Goethestraße" is dropped whole. "Kurt Becker" of "Autohaus Kurt Becker" goes; of
    "Mehdi Fontaine;Garage Marcel Dubreuil", read as one name across a CSV field, "Mehdi Fontaine"
    stays (:func:`_without_brands` does the cutting).
    """
    out: list[Candidate] = []
    for c in found:
        if c.entity_type not in _ORG_SOFT:
            out.append(c)
            continue
        value = text[c.start : c.end]
        start = c.start + len(value) - len(value.lstrip(_EDGE))
        end = c.end - (len(value) - len(value.rstrip(_EDGE)))
        if any(s <= start and end <= e for s, e in streets):
            continue
        hit = [(s, e) for s, e in organisations if s < end and start < e]
        out.extend(_without_brands(text, [c], hit, hit) if hit else [c])
    return out


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
    # The brands that overlap a finding, by bisection: a long text's hundreds of findings times
    # its hundreds of products and shops would otherwise cost a quadratic scan.
    brands = sorted(brands)
    brand_starts = [s for s, _ in brands]
    longest = max((e - s for s, e in brands), default=0)
    out: list[Candidate] = []
    for c in found:
        low = bisect.bisect_left(brand_starts, c.start - longest)
        hit = [(s, e) for s, e in brands[low : bisect.bisect_left(brand_starts, c.end)] if c.start < e]
        index = bisect.bisect_right(starts, c.start)
        if c.entity_type in _NAME_LIKE and index and reach[index - 1] > c.start:
            # Another look-alike only when the finding starts inside it and runs on past its end.
            hit = sorted({*hit, *((s, e) for s, e in cover[:index] if c.start < e < c.end)})
        if c.entity_type in _NAME_LIKE:
            # One that runs into a look-alike opening in lower case ("het beeld van de ziekte van
            # Whipple") or into a compound ("Bekannte Barrett-Ösophagus"): the look-alike is cut off
            # its end; a capitalised word may be the name's own end.
            later = cover[index : bisect.bisect_left(starts, c.end)]
            hit = sorted(
                {*hit, *((s, e) for s, e in later if c.end <= e and (text[s].islower() or "-" in text[s:e]))}
            )
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
                words = piece.strip(" \t\n,;:.&").split()
                if (len(words) == 1 and (follows_brand or at_sentence_start(text, piece_start + lead))) or (
                    # "Kostenvoranschlag von [Autohaus Kurt Becker]": a name does not end in a
                    # lower-case word, unless all of it is in lower case (a chat's "anna berg").
                    piece_end < c.end and words[-1].islower() and not piece.islower()
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


# --- Products, makers, shops and couriers ---------------------------------------------------------
# "a Ford Fiesta", "Fiat Panda", "Voltaren gel", "ticket in Jira", "ordered from Lidl", "Envío SEUR":
# a name model reads a product, a maker or a shop as a person or a place. World knowledge of the six
# languages' markets, in three lists: names that are no one's ("Nurofen", "Lidl"), taken anywhere;
# makers, taken with the model after them ("Renault Clio", "Dyson V15"); and shops and makers that
# are also people's names ("Zara", "Otto", "Ford"), taken only where the text is about buying or
# paying (a purchase word before, an amount or a model number after).
_NEVER_PEOPLE_TEXT = """
    Voltaren Nurofen Dafalgan Doliprane Efferalgan Dolipran Paracetamol Ibuprofen Ibuprofène Aspirine
    Aspirin Aspirina Buscopan Imodium Zyrtec Claritin Clarityn Cetirizin Ventolin Augmentin Amoxicilline
    Xanax Lexapro Prozac Ozempic Wegovy Eliquis Xarelto Lipitor Zocor Omeprazol Omeprazole Pantoprazol
    Nexium Gaviscon Rennie Strepsils Lemsip Beechams Calpol Panadol Tylenol Advil Motrin Aleve Spasfon
    Smecta Vicks Bepanthen Thomapyrin Aspro Tachipirina Brufen Enantyum Nolotil
    Frenadol Gelocatil Dormidina Betadine Biafine Euthyrox Levothyrox Metformin Metformine Dalacin
    Jira Confluence Trello Asana Slack Zoom Webex Skype WhatsApp Telegram Signal Outlook Excel PowerPoint
    SharePoint OneDrive Dropbox Salesforce HubSpot Zendesk Freshdesk ServiceNow Workday Photoshop
    Acrobat Figma Miro Notion GitHub GitLab Bitbucket Jenkins Kubernetes Docker Tableau Qlik Navision
    DATEV Lexware QuickBooks Xero Moneybird Holded Stripe PayPal Klarna Revolut Bizum Tikkie
    Lidl Aldi Rewe Edeka Kaufland Netto Penny Rossmann Carrefour Auchan Intermarché Monoprix Franprix
    Mercadona Eroski Alcampo Esselunga Conad Coop Kruidvat Etos Coolblue Bol.com Zalando
    Primark Decathlon MediaMarkt Saturn Fnac Darty Ikea IKEA Deliveroo Glovo Thuisbezorg Lieferando
    Wolt Ryanair EasyJet easyJet Vueling Transavia Lufthansa KLM Iberia Alitalia Eurostar
    Thalys Renfe Trenitalia Flixbus FlixBus BlaBlaCar Uber Lyft Cabify Airbnb Booking.com Expedia
    Amazon eBay Etsy Vinted Wallapop Leboncoin Marktplaats Kleinanzeigen AliExpress Temu Shein
    Nespresso Vorwerk Thermomix Tefal Krups Moulinex DeLonghi Kenwood Samsung Huawei Xiaomi Lenovo
    Logitech Garmin Fitbit Nintendo PlayStation Xbox Sonos iRobot Roomba Toyota Volkswagen Hyundai Skoda
    Škoda Dacia Nissan Mazda Mitsubishi Suzuki Subaru Citroën Citroen Vauxhall Lancia
    UPS DHL GLS DPD PostNL FedEx TNT SEUR MRW Correos Chronopost Colissimo Bartolini BRT SDA
    Hermes
"""
# Makers whose model follows them: "Fiat Panda", "Microsoft Teams", "Dyson V15", "Miele Complete C3".
_MAKERS_TEXT = """
    Ford Fiat Renault Peugeot Citroën Citroen Opel Vauxhall Volkswagen VW Toyota Nissan Honda Mazda Kia
    Hyundai Skoda Škoda Seat SEAT Cupra Dacia Audi BMW Mercedes Volvo Tesla Mini Suzuki Mitsubishi
    Lancia Alfa Jeep Apple Samsung Google Huawei Xiaomi Sony LG Dyson Philips Bosch Siemens Miele Braun
    Nespresso Dell HP Lenovo Asus Acer Microsoft Adobe Canon Nikon Garmin Fitbit Logitech Nintendo Bose
    JBL Tefal Krups Moulinex DeLonghi Kenwood Whirlpool AEG Electrolux Vorwerk Gillette Oracle SAP
    Atlassian Zoom Cisco Amazon Oral-B Epson Brother Ricoh Kyocera Panasonic Sharp Toshiba Olympus
    Porsche Ferrari Lamborghini Maserati Bugatti Jaguar Lexus Chevrolet Cadillac Chrysler Dodge Smart
"""
# Makers and shops that are also given names or surnames ("Harrison Ford", "Zara Phillips", "Otto
# Weber", "M. Leclerc"): only with a model of theirs or where the text is about buying.
_ALSO_PEOPLE_TEXT = """
    Ford Renault Peugeot Honda Mercedes Tesla Mini Dyson Philips Bosch Siemens Miele Braun Dell Sony
    Canon Brother Sharp Seat Kia Zara Mango Otto Boots Next Hema Action Jumbo Leclerc Boulanger Casino
    Lidl Apple Amazon Gillette Hermes Coop Penny Netto Alfa Porsche Ferrari Dodge Smart Jaguar Slack
    Jenkins Rossmann Shein Suzuki Rennie Bartolini Krups Miro Lancia
"""
_ALSO_PEOPLE = frozenset(_ALSO_PEOPLE_TEXT.split())
_NEVER_PEOPLE = frozenset(_NEVER_PEOPLE_TEXT.split()) - _ALSO_PEOPLE
_MAKERS = frozenset(_MAKERS_TEXT.split())
# The models that follow an ambiguous maker ("Ford Fiesta", not "Ford Harrison"): cars mostly, as
# models of other goods carry a number ("Dyson V15", "Philips 3200").
_MODELS_TEXT = """
    Fiesta Focus Mondeo Kuga Puma Ka Galaxy Transit Ranger Mustang Explorer S-Max C-Max Clio Megane
    Mégane Captur Twingo Zoe Zoé Kangoo Scenic Scénic Kadjar Laguna Trafic Master Arkana Austral
    Espace Talisman Civic Jazz Accord CR-V HR-V Model Cooper Countryman Clubman Sonicare Airfryer
    Hue Serie Series Complete Classic Vertuo Original Cordless Supersonic Airwrap Xperia Bravia
    Latitude Inspiron XPS Vostro PowerShot EOS Ibiza Leon León Arona Ateca Tarraco Sportage Ceed
    Picanto Niro Rio Stonic Sorento Class Klasse Classe Vito Sprinter Cayenne Macan Panamera Carrera
    Taycan Boxster Roma Portofino ForTwo Fortwo ForFour
"""
_MODELS = frozenset(_MODELS_TEXT.split())
# One trie-shaped pattern for the three lists: a scan for it costs little more than one for a word.
_PRODUCT_NAME = re.compile(
    r"(?<![\w\-.@/])(?:" + _trie_of(sorted(_NEVER_PEOPLE | _MAKERS | _ALSO_PEOPLE)) + r")(?![\w\-@]|\.\w)"
)
# What follows a maker as its model: up to three capitalised words or codes ("Complete C3",
# "V15", "Model 3", "3200 Series"); never a lower-case word.
_MODEL_AFTER = re.compile(r"(?:[ ](?:i?[A-Z][\w\-+]*|[A-Za-z]{0,4}\d[\w\-+]*)){1,3}")
_NAME_AFTER = re.compile(r"[ \t]+[A-ZÀ-Þ][a-zà-ÿ]")
_MODEL_CODE = re.compile(r"[ ][A-Za-z]{0,4}\d[\w\-+]*")
_BUYING_BEFORE = re.compile(
    r"(?i:\b(?:bought|buy|buying|purchased?|ordered|order|paid|pay|shopping|shopped|receipt|refund(?:ed)?"
    r"|returned|store|shop|voucher|gift[ ]card|gekauft|kauf|bestellt|bezahlt|bon|quittung|acheté|achat"
    r"|commandé|payé|ticket|comprad[oa]|compra|pedido|pagad[oa]|acquistat[oa]|ordinat[oa]|pagat[oa]"
    r"|scontrino|gekocht|besteld|betaald|kassabon|aankoop"
    # A complaint about, a quote from or a delivery by a maker: "Reklamation der Bosch",
    # "Kostenvoranschlag (z. B. von Porsche)", "a complaint to Dyson".
    r"|complaint|reklamation|r[ée]clamation|reclamaci[óo]n|reclamo|klacht|quote|quotation"
    r"|kostenvoranschlag|angebot|devis|presupuesto|preventivo|offerte|warranty|garantie|garant[íi]a"
    r"|garanzia|delivery|lieferung|livraison|entrega|consegna|levering)\b)[^\n;]{0,30}$"
)
_AMOUNT_AFTER = re.compile(
    r"[ \t]*[:,(\-\u2013\u2014]?[ \t]*(?:€|£|\$|EUR|USD|GBP|CHF)?[ \t]*\d+(?:[.,]\d{2})\b|[ \t]+(?:€|£|\$)"
)


def product_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Products, makers, shops and couriers named in ``text[start:end]`` (see ``_NEVER_PEOPLE_TEXT``)."""
    out: list[tuple[int, int]] = []
    for match in _PRODUCT_NAME.finditer(text, start, end):
        word = match.group()
        span_end = match.end()
        if word in _MAKERS:
            model = _MODEL_AFTER.match(text, span_end, end)
            if model and (
                word not in _ALSO_PEOPLE
                or model.group().split()[0] in _MODELS
                or _MODEL_CODE.match(text, span_end, end)
            ):
                out.append((match.start(), model.end()))
                continue
        if word in _NEVER_PEOPLE or (
            # "paid Otto Weber": a given name before a surname is a person's, whatever the context.
            (
                not _NAME_AFTER.match(text, span_end)
                and _BUYING_BEFORE.search(text, max(0, match.start() - 40), match.start())
            )
            or _AMOUNT_AFTER.match(text, span_end)
            or _MODEL_CODE.match(text, span_end, end)
        ):
            out.append(match.span())
    return out
