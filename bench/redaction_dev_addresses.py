"""Generated development documents for postal addresses in six languages (issue 20 item 3, issue 11 item 4).

Written from the definition of an address alone, before the address recognisers were read: the
whole postal address as written — street line (with house-number forms, c/o lines, buildings,
floors, flats, units, PO boxes, APO/DPO/FPO), postcode and town, sometimes the country — on one
line or over several, in letter heads, address blocks, labelled form fields, spreadsheet cells,
sentences, e-mail signatures and quoted replies; addresses of the document's country and foreign
ones inside another language's text. Street-name stems and types per country are hand-written
(invented names and common real ones), postcodes are drawn in valid-looking ranges. Negatives
that must be kept sit beside them: street names alone in prose, firms, dates, amounts, article
citations and order numbers.

Same markup and :func:`documents` interface as :mod:`bench.redaction_dev_shapes`, with the optional
type of :mod:`bench.redaction_dev_struct` (``⟦a/ADDRESS_DE:…⟧``: the country of the address).
Seeded: the same documents every run. Development material — the recognisers are tuned on these
documents, so their figures say nothing about generalisation; the held-out set does that.
"""

# ruff: noqa: E501, RUF001  (addresses keep their own letters and punctuation)
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from bench.redaction_dev_shapes import resolve

SEED = 20
PER_LANGUAGE = {"de": 44, "fr": 44, "nl": 44, "en": 44, "es": 12, "it": 12}

# ---------------------------------------------------------------------------------------------
# Germany
_DE_STEMS = ["Haupt", "Bahnhof", "Schiller", "Goethe", "Linden", "Birken", "Mühlen", "Kirch", "Wendelstein",
             "Quellgrund", "Falkenhorst", "Sonnwinkel", "Amsel", "Ahorn", "Tannen", "Brunnen", "Schul", "Post",
             "Garten", "Feld", "Rosen", "Eichendorff", "Wiesen", "Hollerbusch", "Kastanien"]  # fmt: skip
_DE_SUFFIXES = [
    "straße",
    "straße",
    "str.",
    "strasse",
    "weg",
    "gasse",
    "allee",
    "platz",
    "ring",
    "damm",
    "steig",
    "pfad",
]
_DE_ADJ = [
    "Berliner",
    "Hamburger",
    "Alte",
    "Lange",
    "Neue",
    "Frankfurter",
    "Kölner",
    "Obere",
    "Hohe",
    "Breite",
]
_DE_PEOPLE = ["Karl-Marx", "Friedrich-Ebert", "Konrad-Adenauer", "Otto-Hahn", "Clara-Zetkin", "Hermann-Löns",
              "Gustav-Wendel", "Bertha-von-Suttner", "Ernst-Reuter"]  # fmt: skip
_DE_PEOPLE_TYPES = ["-Straße", "-Str.", "-Allee", "-Platz", "-Ring", "-Weg"]
_DE_PREP = ["Am Markt", "Am Lindenhof", "An der Kirche", "Im Winkel", "Auf dem Kamp", "Zum Sportplatz",
            "In den Gärten", "Hinter der Mühle", "Unter den Linden", "Zur Alten Schmiede", "Am Hang",
            "An den Eichen", "Im Grund"]  # fmt: skip
_DE_TOWNS = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Leipzig", "Dresden",
             "Bad Homburg v. d. Höhe", "Halle (Saale)", "Freiburg im Breisgau", "Neustadt an der Weinstraße",
             "Kleinwendorf", "Oberhollingen", "Essen", "Bremen", "Hannover", "Nürnberg", "Mülheim an der Ruhr",
             "Bergisch Gladbach", "Ulm"]  # fmt: skip
_DE_SUPPLEMENTS = [
    "Haus 2",
    "3. OG",
    "Hinterhaus",
    "Whg. 12",
    "2. Etage links",
    "Aufgang B",
    "EG rechts",
    "Haus 4, 1. OG",
]


def _de_number(r: random.Random) -> str:
    n = r.randint(1, 180)
    return r.choice([f"{n}", f"{n}", f"{n}a", f"{n} b", f"{n}-{n + 2}", f"{n}/{r.randint(1, 9)}", f"{n}A"])


def _de_street(r: random.Random) -> str:
    form = r.randrange(5)
    if form == 0:
        name = r.choice(_DE_STEMS) + r.choice(_DE_SUFFIXES)
    elif form == 1:
        name = f"{r.choice(_DE_ADJ)} {r.choice(['Straße', 'Str.', 'Allee', 'Gasse'])}"
    elif form == 2:
        name = r.choice(_DE_PEOPLE) + r.choice(_DE_PEOPLE_TYPES)
    elif form == 3:
        name = r.choice(_DE_PREP)
    else:
        name = r.choice(_DE_STEMS) + r.choice(_DE_SUFFIXES)
    return f"{name} {_de_number(r)}"


def _de_address(r: random.Random, foreign: bool) -> list[str]:
    lines: list[str] = []
    if r.random() < 0.12:
        lines.append(r.choice(["c/o Familie Berger", "c/o Hausverwaltung Krämer", "c/o Sonnenhof e.V."]))
    if r.random() < 0.1:
        lines.append(
            f"Postfach {r.choice([f'{r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}', str(r.randint(1000, 999999))])}"
        )
    else:
        street = _de_street(r)
        if r.random() < 0.2:
            street += f", {r.choice(_DE_SUPPLEMENTS)}"
        lines.append(street)
    town = r.choice(_DE_TOWNS)
    if r.random() < 0.15:
        town = town.upper()
    prefix = r.choice(["D-", "DE-"]) if (foreign and r.random() < 0.5) or r.random() < 0.1 else ""
    lines.append(f"{prefix}{r.randint(1067, 99998):05d} {town}")
    if (foreign and r.random() < 0.6) or r.random() < 0.08:
        lines.append(r.choice(["Deutschland", "DEUTSCHLAND", "Germany", "Allemagne", "Duitsland"]))
    return lines


# ---------------------------------------------------------------------------------------------
# France
_FR_TYPES = ["rue", "rue", "avenue", "av.", "boulevard", "bd", "allée", "impasse", "chemin", "place", "quai",
             "route", "cours", "square", "passage", "Rue", "Avenue", "BD"]  # fmt: skip
_FR_NAMES = ["de la Paix", "Victor Hugo", "des Lilas", "du Général de Gaulle", "Jean Jaurès", "de la République",
             "des Tilleuls", "Pasteur", "de Verdun", "Saint-Honoré", "des Acacias", "du Moulin-Vert", "de l'Église",
             "Gambetta", "Émile Zola", "des Rosiers-Blancs", "du Clos Fleuri", "de la Garenne", "Marcel Pagnol",
             "des Vignerons", "du Faubourg Saint-Antoine", "de Bretagne"]  # fmt: skip
_FR_TOWNS = [("75", "Paris"), ("69", "Lyon"), ("13", "Marseille"), ("31", "Toulouse"), ("44", "Nantes"),
             ("59", "Lille"), ("33", "Bordeaux"), ("42", "Saint-Étienne"), ("13", "Aix-en-Provence"),
             ("92", "Boulogne-Billancourt"), ("47", "Villeneuve-sur-Lot"), ("42", "Montbrison-les-Vignes"),
             ("67", "Strasbourg"), ("35", "Rennes"), ("06", "Nice"), ("92", "Nanterre"), ("29", "Quimper"),
             ("74", "Annecy"), ("21", "Dijon")]  # fmt: skip
_FR_BUILDINGS = ["Bât. B", "Bâtiment C, Escalier 2", "Résidence Les Pins", "Appt 14", "Résidence du Parc, Appt 3",
                 "Bât. A2, 3e étage", "Apt 5"]  # fmt: skip


def _fr_address(r: random.Random, foreign: bool) -> list[str]:
    lines: list[str] = []
    if r.random() < 0.2:
        lines.append(r.choice(_FR_BUILDINGS))
    if r.random() < 0.08:
        lines.append(r.choice(["Lieu-dit Les Granges", "Lieu-dit Le Moulin", "lieu-dit La Croix Blanche"]))
    else:
        n = r.randint(1, 240)
        number = r.choice([f"{n}", f"{n}", f"{n} bis", f"{n} ter", f"{n}B", f"{n} bis,", f"{n},"])
        lines.append(f"{number} {r.choice(_FR_TYPES)} {r.choice(_FR_NAMES)}")
    if r.random() < 0.1:
        lines.append(r.choice([f"BP {r.randint(10, 999)}", f"CS {r.randint(10000, 99999)}"]))
    dept, town = r.choice(_FR_TOWNS)
    code = f"750{r.randint(1, 20):02d}" if town == "Paris" else f"{dept}{r.randint(0, 999):03d}"
    if r.random() < 0.25:
        town = town.upper()
    if r.random() < 0.12:
        town += r.choice([" Cedex", " CEDEX", f" Cedex {r.randint(1, 20):02d}", f" CEDEX {r.randint(1, 9)}"])
    prefix = "F-" if (foreign and r.random() < 0.4) or r.random() < 0.05 else ""
    lines.append(f"{prefix}{code} {town}")
    if (foreign and r.random() < 0.6) or r.random() < 0.08:
        lines.append(r.choice(["France", "FRANCE", "Frankreich", "Frankrijk"]))
    return lines


# ---------------------------------------------------------------------------------------------
# Netherlands
_NL_STEMS = ["Kerk", "Dorps", "Molen", "Stations", "School", "Linden", "Beuken", "Wilgen", "Zonnedauw", "Heren",
             "Prinsen", "Keizers", "Vogelenzang", "Hoog", "Rozen", "Akker", "Slot", "Haven"]  # fmt: skip
_NL_SUFFIXES = [
    "straat",
    "straat",
    "weg",
    "laan",
    "gracht",
    "plein",
    "kade",
    "singel",
    "dijk",
    "pad",
    "hof",
    "steeg",
]
_NL_MULTI = ["Laan van Meerdervoort", "'s-Gravendijkwal", "Van Baerlestraat", "De Ruijterkade",
             "Burgemeester de Withstraat", "Jan van Galenstraat", "Van der Helstplein", "Oude Gracht",
             "Nieuwe Binnenweg", "Johan de Wittlaan", "'s-Gravelandseweg", "Tweede Hugo de Grootstraat",
             "Sint Annastraat", "Van Hogendorpstraat", "Koningin Julianalaan"]  # fmt: skip
_NL_TOWNS = ["Amsterdam", "Rotterdam", "'s-Hertogenbosch", "Den Haag", "'s-Gravenhage", "Utrecht", "Groningen",
             "Alphen aan den Rijn", "Bergen op Zoom", "Capelle aan den IJssel", "Zwolle", "Eindhoven", "Haarlem",
             "Leeuwarden", "Ede", "Wouterswoude", "Nieuwegein", "Den Helder"]  # fmt: skip
_NL_LETTERS = "ABCEGHJKLMNPRTVWXZ"


def _nl_address(r: random.Random, foreign: bool) -> list[str]:
    lines: list[str] = []
    if r.random() < 0.1:
        lines.append(f"Postbus {r.randint(1, 99999)}")
    else:
        name = r.choice(_NL_MULTI) if r.random() < 0.4 else r.choice(_NL_STEMS) + r.choice(_NL_SUFFIXES)
        n = r.randint(1, 400)
        number = r.choice([f"{n}", f"{n}", f"{n}-{r.randint(1, 4)}", f"{n} hs", f"{n}A", f"{n}-hs", f"{n} III",
                           f"{n} bis", f"{n}-A", f"{n}b", f"{n} - {r.randint(1, 3)}"])  # fmt: skip
        lines.append(f"{name} {number}")
    letters = r.choice(_NL_LETTERS) + r.choice(_NL_LETTERS)
    code = f"{r.randint(1000, 9999)}{r.choice([' ', ' ', ''])}{letters}"
    town = r.choice(_NL_TOWNS)
    if r.random() < 0.25:
        town = town.upper()
    prefix = "NL-" if (foreign and r.random() < 0.4) else ""
    lines.append(f"{prefix}{code}{r.choice(['  ', ' ', ' '])}{town}")
    if (foreign and r.random() < 0.6) or r.random() < 0.08:
        lines.append(r.choice(["Nederland", "The Netherlands", "Niederlande", "Pays-Bas", "NEDERLAND"]))
    return lines


# ---------------------------------------------------------------------------------------------
# United Kingdom and United States
_UK_NAMES = ["Baker", "Church", "Station", "Mill", "Victoria", "Albert", "Kings", "Queens", "Park", "Manor",
             "Whitmore", "Hazelbrook", "Thornfield", "Ashdown", "Cherrytree", "Elmsworth", "St Mary's", "Lark Rise"]  # fmt: skip
_UK_TYPES = ["Street", "St", "Road", "Rd", "Lane", "Avenue", "Ave", "Close", "Crescent", "Drive", "Way", "Grove",
             "Gardens", "Place", "Terrace", "Court", "Mews", "Square", "Hill", "Row", "Walk"]  # fmt: skip
_UK_TOWNS = [("LS", "Leeds"), ("M", "Manchester"), ("BS", "Bristol"), ("CF", "Cardiff"), ("EH", "Edinburgh"),
             ("G", "Glasgow"), ("BT", "Belfast"), ("S", "Sheffield"), ("NG", "Nottingham"), ("YO", "York"),
             ("LE", "Little Hadworth"), ("LE", "Market Harborough"), ("SW", "London"), ("E", "London"),
             ("N", "London"), ("EC", "London"), ("OX", "Oxford"), ("TN", "Tunbridge Wells"), ("BN", "Brighton")]  # fmt: skip
_UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"
_UK_PREMISES = ["Flat 4", "Flat 2B", "Apartment 12", "Unit 5", "Suite 3", "Rose Cottage", "The Old Rectory",
                "14 Marlborough House", "Flat 11, Kestrel Court"]  # fmt: skip


def _uk_postcode(r: random.Random, area: str) -> str:
    district = str(r.randint(1, 28 if len(area) == 2 else 9))
    if area in ("EC", "W", "SW") and r.random() < 0.3:
        district = f"{r.randint(1, 4)}{r.choice('ABCMNPRVY')}"
    inward = f"{r.randint(0, 9)}{r.choice(_UK_INWARD)}{r.choice(_UK_INWARD)}"
    return f"{area}{district} {inward}"


def _uk_address(r: random.Random, foreign: bool) -> list[str]:
    lines: list[str] = []
    premise = r.choice(_UK_PREMISES) if r.random() < 0.3 else ""
    if r.random() < 0.08:
        street = f"{r.choice(['PO Box', 'P.O. Box'])} {r.randint(1, 9999)}"
    else:
        n = r.randint(1, 320)
        number = r.choice([f"{n}", f"{n}", f"{n}a", f"{n}-{n + 4}"])
        street = f"{number} {'High Street' if r.random() < 0.1 else r.choice(_UK_NAMES) + ' ' + r.choice(_UK_TYPES)}"
    if premise:
        if r.random() < 0.5:
            lines.append(premise)
            lines.append(street)
        else:
            lines.append(f"{premise}, {street}")
    else:
        lines.append(street)
    if r.random() < 0.15:
        lines.append(r.choice(["Headingley", "Didsbury", "Clifton", "Roath", "Morningside"]))
    area, town = r.choice(_UK_TOWNS)
    if r.random() < 0.3:
        town = town.upper()
    postcode = _uk_postcode(r, area)
    if r.random() < 0.5:
        lines.append(town)
        if r.random() < 0.2:
            lines.append(r.choice(["West Yorkshire", "Kent", "Greater Manchester", "Leicestershire"]))
        lines.append(postcode)
    else:
        lines.append(f"{town} {postcode}")
    if (foreign and r.random() < 0.6) or r.random() < 0.08:
        lines.append(
            r.choice(["United Kingdom", "UK", "Royaume-Uni", "Großbritannien", "Verenigd Koninkrijk"])
        )
    return lines


_US_NAMES = ["Maple", "Oak", "Main", "Washington", "Lincoln", "Sunset", "Cedar Ridge", "Willowbrook", "Pinecrest",
             "Magnolia", "Elm", "Lakeview", "3rd", "42nd", "Broad", "Hollis Creek", "Juniper"]  # fmt: skip
_US_TYPES = ["Street", "St.", "Avenue", "Ave", "Boulevard", "Blvd", "Road", "Rd.", "Drive", "Dr", "Lane", "Ln",
             "Court", "Ct", "Parkway", "Pkwy", "Place", "Pl", "Way", "Terrace"]  # fmt: skip
_US_CITIES = [("Springfield", "IL", 625), ("Austin", "TX", 787), ("Portland", "OR", 972), ("Denver", "CO", 802),
              ("Columbus", "OH", 432), ("Raleigh", "NC", 276), ("Boston", "MA", 21), ("Seattle", "WA", 981),
              ("Madison", "WI", 537), ("Tucson", "AZ", 857), ("Albany", "NY", 122), ("Savannah", "GA", 314),
              ("Fort Collins", "CO", 805), ("Saint Paul", "MN", 551)]  # fmt: skip
_US_UNITS = ["Apt 4B", "Apt. 12", "Suite 200", "Unit 7", "#12", "Ste 300", "Fl 3", "Apartment 5C"]


def _us_address(r: random.Random, foreign: bool) -> list[str]:
    if r.random() < 0.12:
        return r.choice([
            [f"PSC {r.randint(1000, 9999)}, Box {r.randint(100, 9999)}", f"APO AE {r.randint(9000, 9499):05d}"],
            [f"Unit {r.randint(2000, 9999)} Box {r.randint(100, 9999)}", f"APO AP {r.randint(96200, 96699)}"],
            [f"USS {r.choice(['Nimitz (CVN 68)', 'Gerald R. Ford (CVN 78)', 'Bataan (LHD 5)'])}", f"FPO AP {r.randint(96600, 96699)}"],
            [f"Unit {r.randint(2000, 9999)}", f"DPO AE {r.randint(9000, 9499):05d}-{r.randint(1, 9999):04d}"],
        ])  # fmt: skip
    city, state, zip3 = r.choice(_US_CITIES)
    lines: list[str] = []
    if r.random() < 0.1:
        street = f"{r.choice(['PO Box', 'P.O. Box'])} {r.randint(1, 99999)}"
    else:
        direction = r.choice(["", "", "", "N ", "SW ", "East "])
        street = f"{r.randint(1, 19999)} {direction}{r.choice(_US_NAMES)} {r.choice(_US_TYPES)}"
        if r.random() < 0.35:
            street += f"{r.choice([', ', ' '])}{r.choice(_US_UNITS)}"
    lines.append(street)
    zip_code = f"{zip3:03d}{r.randint(1, 99):02d}" + (
        f"-{r.randint(1, 9999):04d}" if r.random() < 0.35 else ""
    )
    town = city.upper() if r.random() < 0.2 else city
    lines.append(f"{town}, {state} {zip_code}" if r.random() < 0.8 else f"{town} {state} {zip_code}")
    if (foreign and r.random() < 0.6) or r.random() < 0.08:
        lines.append(r.choice(["USA", "United States", "U.S.A.", "Vereinigte Staaten", "États-Unis"]))
    return lines


# ---------------------------------------------------------------------------------------------
# Spain and Italy (fewer; their own sets cover them)
def _es_address(r: random.Random, foreign: bool) -> list[str]:
    street = r.choice(["Calle Mayor", "C/ Alcalá", "Avenida de la Constitución", "Avda. Diagonal", "Plaza de España",
                       "Paseo de Gracia", "Calle de los Olivos", "Camino Viejo"])  # fmt: skip
    floor = r.choice(
        [
            "",
            f", {r.randint(1, 8)}º B",
            f", {r.randint(1, 8)}.º izda.",
            f", {r.randint(1, 6)}º {r.randint(1, 4)}ª",
        ]
    )
    town = r.choice(
        [("28", "Madrid"), ("08", "Barcelona"), ("41", "Sevilla"), ("46", "Valencia"), ("29", "Málaga")]
    )
    lines = [f"{street} {r.randint(1, 200)}{floor}", f"{town[0]}{r.randint(1, 999):03d} {town[1]}"]
    if foreign or r.random() < 0.1:
        lines.append(r.choice(["España", "Spanien", "Spain"]))
    return lines


def _it_address(r: random.Random, foreign: bool) -> list[str]:
    street = r.choice(["Via Roma", "Via Giuseppe Verdi", "Viale Europa", "Piazza Garibaldi", "Corso Italia",
                       "Via dei Mille", "Vicolo Stretto", "Largo Augusto"])  # fmt: skip
    n = r.randint(1, 150)
    number = r.choice([f"{n}", f"{n}/B", f"{n}, scala A, int. 4"])
    town = r.choice(
        [("20", "Milano", "MI"), ("00", "Roma", "RM"), ("10", "Torino", "TO"), ("50", "Firenze", "FI")]
    )
    prov = r.choice([f" ({town[2]})", f" {town[2]}", ""])
    lines = [f"{street} {number}", f"{town[0]}{r.randint(100, 199):03d} {town[1]}{prov}"]
    if foreign or r.random() < 0.1:
        lines.append(r.choice(["Italia", "Italien", "Italy"]))
    return lines


_BUILDERS: dict[str, tuple[tuple[str, Callable[[random.Random, bool], list[str]]], ...]] = {
    "de": (("ADDRESS_DE", _de_address),),
    "fr": (("ADDRESS_FR", _fr_address),),
    "nl": (("ADDRESS_NL", _nl_address),),
    "en": (("ADDRESS_UK", _uk_address), ("ADDRESS_US", _us_address)),
    "es": (("ADDRESS_ES", _es_address),),
    "it": (("ADDRESS_IT", _it_address),),
}
# Which foreign countries turn up in each language's documents.
_FOREIGN = {"de": ("nl", "fr", "en"), "fr": ("de", "en", "nl"), "nl": ("de", "en", "fr"), "en": ("fr", "de", "nl"),
            "es": ("fr", "en"), "it": ("de", "fr")}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Host-language context: names, labels, sentences, negatives.
_PEOPLE = {
    "de": ["Jürgen Hoffmann", "Sabine Krüger", "Mehmet Yılmaz", "Anke Vogt", "Dr. Klaus Brenner"],
    "fr": ["Camille Laurent", "Jean-Luc Morel", "Nadia Benali", "Sophie Giraud", "M. Thierry Lemaire"],
    "nl": ["Sanne de Vries", "Pieter Jansen", "Fatima El Amrani", "Joris van Dijk", "mevrouw Bakker"],
    "en": ["Gareth Pryce", "Emily Carter", "Oluwaseun Adeyemi", "Mr David Hughes", "Rachel Kim"],
    "es": ["Lucía Fernández", "Javier Ortega"],
    "it": ["Giulia Romano", "Marco Bianchi"],
}
_LABELS = {
    "de": [
        "Anschrift:",
        "Adresse:",
        "Lieferadresse:",
        "Rechnungsanschrift:",
        "Wohnanschrift:",
        "Neue Anschrift:",
    ],
    "fr": ["Adresse :", "Adresse de livraison :", "Domicile :", "Adresse postale :", "Adresse:"],
    "nl": ["Adres:", "Afleveradres:", "Woonadres:", "Postadres:", "Correspondentieadres:"],
    "en": ["Address:", "Home address:", "Delivery address:", "Billing address:", "Mailing address:"],
    "es": ["Dirección:", "Domicilio:"],
    "it": ["Indirizzo:", "Residenza:"],
}
_SENTENCES = {
    "de": [
        "Bitte schicken Sie die Unterlagen an {a}.",
        "Meine neue Anschrift lautet {a}, gültig ab sofort.",
        "Die Lieferung geht an folgende Adresse: {a}.",
        "Wir sind umgezogen – neu: {a}. Alles andere bleibt gleich.",
        "Der Mandant wohnt inzwischen in den Niederlanden ({a}).",
    ],
    "fr": [
        "Merci d'envoyer le dossier au {a}.",
        "Ma nouvelle adresse est {a}, depuis le mois dernier.",
        "Le colis doit être livré à l'adresse suivante : {a}.",
        "Nous avons déménagé : {a}. Le reste ne change pas.",
    ],
    "nl": [
        "Stuur de papieren naar {a}.",
        "Mijn nieuwe adres is {a}, vanaf volgende week.",
        "Het pakket moet naar {a} worden gestuurd.",
        "Wij zijn verhuisd naar {a}. Verder blijft alles hetzelfde.",
    ],
    "en": [
        "Please send the documents to {a}.",
        "My new address is {a}, effective immediately.",
        "The parcel should go to {a} by Friday.",
        "We have moved to {a}. Everything else stays the same.",
        "The client now lives abroad at {a} and asked for paper copies.",
    ],
    "es": ["Envíe la documentación a {a}, por favor.", "Mi nueva dirección es {a}."],
    "it": ["Inviate i documenti a {a}, grazie.", "Il mio nuovo indirizzo è {a}."],
}
_GREETING = {
    "de": (
        "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie die angeforderten Unterlagen.",
        "Mit freundlichen Grüßen",
    ),
    "fr": ("Madame, Monsieur,\n\nveuillez trouver ci-joint les documents demandés.", "Cordialement"),
    "nl": ("Geachte heer, mevrouw,\n\nhierbij ontvangt u de gevraagde documenten.", "Met vriendelijke groet"),
    "en": ("Dear Sir or Madam,\n\nplease find the requested documents enclosed.", "Kind regards"),
    "es": ("Estimados señores:\n\nadjuntamos los documentos solicitados.", "Atentamente"),
    "it": ("Gentili signori,\n\nin allegato i documenti richiesti.", "Cordiali saluti"),
}
_TABLE = {
    "de": "Kunde\tAnschrift\tTarif",
    "fr": "Client\tAdresse\tOffre",
    "nl": "Klant\tAdres\tAbonnement",
    "en": "Customer\tAddress\tPlan",
    "es": "Cliente\tDirección\tTarifa",
    "it": "Cliente\tIndirizzo\tPiano",
}
_COMPANY = {"de": "Beispiel Consulting GmbH", "fr": "Exemple Conseil SARL", "nl": "Voorbeeld Advies B.V.",
            "en": "Example Consulting Ltd", "es": "Ejemplo Asesores S.L.", "it": "Esempio Consulenza S.r.l."}  # fmt: skip
# Negatives: ⟪what:value⟫ inside a sentence; none of them may be flagged.
_NEGATIVES = {
    "de": [
        "Wir treffen uns im Café in der ⟪street:Schillerstraße⟫.",
        "Der Stau auf der ⟪street:Berliner Allee⟫ war lang.",
        "Rechnung vom ⟪date:12.03.2024⟫ über ⟪amount:1.250,00 EUR⟫.",
        "Siehe ⟪citation:§ 12 Abs. 3 BGB⟫.",
        "Bestellung ⟪order:4711-10115⟫ ist unterwegs.",
        "Lieferant ist die ⟪company:Müller Logistik GmbH & Co. KG⟫.",
        "Es fehlen noch ⟪amount:12 Stück⟫ für Lager ⟪order:3 B⟫.",
        "Termin am ⟪date:3. Mai 2024⟫ um 10 Uhr.",
    ],
    "fr": [
        "On se retrouve au café de la ⟪street:rue de Rivoli⟫.",
        "Les travaux du ⟪street:boulevard Haussmann⟫ continuent.",
        "Facture du ⟪date:12/03/2024⟫ d'un montant de ⟪amount:1 250,00 €⟫.",
        "Voir ⟪citation:article 1240 du Code civil⟫.",
        "Commande ⟪order:75011-4471⟫ expédiée.",
        "Le fournisseur est ⟪company:Transports Durand SAS⟫.",
        "Il reste ⟪amount:12 cartons⟫ en stock.",
        "Rendez-vous le ⟪date:3 mai 2024⟫ à 10 h.",
    ],
    "nl": [
        "We spreken af op de ⟪street:Kalverstraat⟫.",
        "De file op de ⟪street:Coolsingel⟫ was lang.",
        "Factuur van ⟪date:12-03-2024⟫ voor ⟪amount:€ 1.250,00⟫.",
        "Zie ⟪citation:artikel 6:162 BW⟫.",
        "Bestelling ⟪order:1234-AB77⟫ is verzonden.",
        "De leverancier is ⟪company:Jansen Transport B.V.⟫.",
        "Nog ⟪amount:12 dozen⟫ op voorraad.",
        "Afspraak op ⟪date:3 mei 2024⟫ om 10 uur.",
    ],
    "en": [
        "We met at the office on ⟪street:Baker Street⟫.",
        "Traffic on ⟪street:Sunset Boulevard⟫ was terrible.",
        "Invoice dated ⟪date:12/03/2024⟫ for ⟪amount:$1,250.00⟫.",
        "See ⟪citation:Section 12 of the Sale of Goods Act 1979⟫.",
        "Order ⟪order:10115-4471⟫ has shipped.",
        "The supplier is ⟪company:Harrison & Sons Ltd⟫.",
        "We still need ⟪amount:12 boxes⟫ for aisle ⟪order:3B⟫.",
        "Meeting on ⟪date:3 May 2024⟫ at 10am.",
    ],
    "es": [
        "Quedamos en un bar de la ⟪street:Gran Vía⟫.",
        "Factura del ⟪date:12/03/2024⟫ por ⟪amount:1.250,00 €⟫.",
    ],
    "it": [
        "Ci vediamo al bar di ⟪street:via Montenapoleone⟫.",
        "Fattura del ⟪date:12/03/2024⟫ di ⟪amount:1.250,00 €⟫.",
    ],
}


_TITLES = ("Dr. ", "M. ", "Mr ", "mevrouw ")


def _person(name: str) -> str:
    """A name marked as a name span, a title before it left outside."""
    title = next((t for t in _TITLES if name.startswith(t)), "")
    return f"{title}⟦n:{name[len(title) :]}⟧"


def _span(country: str, lines: list[str], multiline: bool) -> str:
    sep = "\n" if multiline else ", "
    text = sep.join(lines).replace(",,", ",")
    return f"⟦a/{country}:{text}⟧"


def _pick(r: random.Random, lang: str) -> tuple[str, list[str], bool]:
    """An address for a document in ``lang``: its country type, lines, and whether it is foreign."""
    foreign = r.random() < 0.22
    source = r.choice(_FOREIGN[lang]) if foreign else lang
    country, build = r.choice(_BUILDERS[source])
    return country, build(r, foreign), foreign


def _document(r: random.Random, lang: str) -> tuple[str, str, int]:
    """One marked document in ``lang``; returns (kind, marked text, number of addresses)."""
    name = _person(r.choice(_PEOPLE[lang]))
    neg = r.choice(_NEGATIVES[lang])
    layout = r.choice(["letter", "label", "sentence", "table", "signature", "quoted", "form_block"])
    country, lines, _ = _pick(r, lang)
    if layout == "letter":
        opening, closing = _GREETING[lang]
        text = f"{name}\n{_span(country, lines, True)}\n\n{opening} {neg}\n\n{closing}"
        return "letter", text, 1
    if layout == "label":
        country2, lines2, _ = _pick(r, lang)
        label, label2 = r.sample(_LABELS[lang], 2)
        text = f"{name}\n{label} {_span(country, lines, False)}\n{label2} {_span(country2, lines2, False)}\n{neg}"
        return "form", text, 2
    if layout == "form_block":
        label = r.choice(_LABELS[lang])
        return "form", f"{label}\n{_span(country, lines, True)}\n{neg}", 1
    if layout == "sentence":
        sentence = r.choice(_SENTENCES[lang]).format(a=_span(country, lines, False))
        return "email", f"{neg} {sentence}", 1
    if layout == "table":
        rows = [_TABLE[lang]]
        count = r.randint(2, 3)
        for index in range(count):
            c, ls, _ = (country, lines, False) if index == 0 else _pick(r, lang)
            rows.append(
                f"{_person(r.choice(_PEOPLE[lang]))}\t{_span(c, ls, False)}\t{r.choice(['Basis', 'Premium', 'Plus'])}"
            )
        return "spreadsheet", "\n".join(rows) + f"\n\n{neg}", count
    if layout == "signature":
        _, closing = _GREETING[lang]
        return "email", f"{neg}\n\n{closing}\n{name}\n{_COMPANY[lang]}\n{_span(country, lines, True)}", 1
    quoted = "\n".join(f"> {line}" for line in _span(country, lines, True).split("\n"))
    reply = {"de": "Danke, notiert.", "fr": "Merci, c'est noté.", "nl": "Dank, genoteerd.", "en": "Thanks, noted.",
             "es": "Gracias, anotado.", "it": "Grazie, annotato."}[lang]  # fmt: skip
    header = {
        "de": "schrieb",
        "fr": "a écrit",
        "nl": "schreef",
        "en": "wrote",
        "es": "escribió",
        "it": "ha scritto",
    }[lang]
    intro = {"de": "hier meine Adresse:", "fr": "voici mon adresse :", "nl": "hierbij mijn adres:", "en": "here is my address:",
             "es": "mi dirección:", "it": "il mio indirizzo:"}[lang]  # fmt: skip
    return "email", f"{reply} {neg}\n\n{name} {header}:\n> {intro}\n{quoted}", 1


def marked_documents(seed: int = SEED) -> dict[str, list[tuple[str, str]]]:
    """The marked documents per language (seeded)."""
    r = random.Random(seed)
    out: dict[str, list[tuple[str, str]]] = {}
    for lang, count in PER_LANGUAGE.items():
        out[lang] = []
        for _ in range(count):
            kind, text, _n = _document(r, lang)
            out[lang].append((kind, text))
    return out


def documents(seed: int = SEED) -> list[dict[str, Any]]:
    """The documents with their markup resolved into ``entities`` and ``lookalikes`` spans."""
    out: list[dict[str, Any]] = []
    for lang, docs in marked_documents(seed).items():
        for index, (kind, marked) in enumerate(docs):
            text, entities, lookalikes = resolve(marked)
            out.append({"id": f"addr-{lang}-{index}", "lang": lang, "kind": kind, "text": text,
                        "entities": entities, "lookalikes": lookalikes})  # fmt: skip
    return out
