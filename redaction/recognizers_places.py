"""Street addresses, postcodes and the towns written next to them.

Vanilla Presidio has no address recogniser and spaCy's small model rarely tags an unfamiliar town.
Addresses are, however, written in a few rigid shapes per country, and those shapes are what this
module looks for — never a list of place names:

- a street line: a house number and capitalised words ending in a street type (US Postal Service
  Publication 28 suffixes and their British equivalents: "221B Baker Street", "41 Kevin Radial
  Apt. 3"), a Germanic compound street name and a number ("Hauptstraße 5", "Keizersgracht 12"),
  a French street type and name ("12, rue de la Paix", "avenue Foch"), or a flat prefix
  ("Flat 3, Holland Burg");
- a postcode in one of the national formats: US ZIP (after a state code or "ZIP"), UK, Canada,
  the Netherlands ("1234 AB"), and five-digit codes followed by a town (Germany, France, ...);
- the town: the capitalised words tied to a postcode ("75001 Paris", "Leeds LS1 4AP",
  "Springfield, IL 62704"), right after a street line, or after "born in", "lives in", ...

Street lines and postcodes are reported as ADDRESS, towns as LOCATION.
"""

from __future__ import annotations

import bisect
import re

from redaction.recognizers import Candidate

# Capitalised word of a place name, allowing hyphenated and apostrophe parts ("Saint-Denis",
# "Blanchard-sur-Mer", "L'Haÿ-les-Roses") and internal capitals ("LacombeBourg").
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿß"
_PART = rf"[{_UP}][{_LOW}'\u2019]+"
_WORD = rf"{_PART}(?:{_PART})*(?:-[{_UP}{_LOW}][{_LOW}'\u2019]*(?:{_PART})*)*"
_PLACE_LINK = r"(?:upon|on|am|an|der|den|de|la|le|les|sur|sous|en|aan|op|in|bei|del|di|sul|im)"
_PLACE = rf"{_WORD}(?:[ ](?:{_PLACE_LINK}[ ]){{0,2}}{_WORD}){{0,3}}"

# USPS Publication 28 street suffixes (full and abbreviated), plus British street types.
_SUFFIXES = (
    "Alley|Aly|Annex|Anx|Arcade|Arc|Avenue|Ave|Av|Bayou|Beach|Bend|Bluffs?|Bottom|Boulevard|Blvd|Branch"
    "|Bridge|Brg|Brooks?|Burgs?|Bypass|Byp|Camp|Canyon|Cape|Causeway|Cswy|Centers?|Centre|Ctr|Circles?|Cir"
    "|Cliffs?|Club|Commons?|Corners?|Cor|Course|Courts?|Ct|Coves?|Creek|Crescent|Cres|Crest|Crossing|Xing"
    "|Crossroads?|Curve|Dale|Dam|Divide|Drives?|Dr|Estates?|Expressway|Expy|Extensions?|Falls?|Ferry|Fields?"
    "|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Freeway|Fwy|Gardens?|Gdns|Gateway|Glens?|Greens?|Groves?"
    "|Harbou?rs?|Haven|Heights|Hts|Highway|Hwy|Hills?|Hollow|Inlet|Islands?|Isle|Junctions?|Keys?|Knolls?"
    "|Lakes?|Land|Landing|Lane|Ln|Lights?|Loaf|Locks?|Lodge|Loop|Mall|Manors?|Meadows?|Mews|Mills?|Mission"
    "|Motorway|Mount|Mountains?|Mtn|Neck|Orchard|Oval|Overpass|Parks?|Parkways?|Pkwy|Pass|Passage|Path"
    "|Pike|Pines?|Place|Pl|Plains?|Plaza|Plz|Points?|Pt|Ports?|Prairie|Radial|Ramp|Ranch|Rapids?|Rest"
    "|Ridges?|River|Roads?|Rd|Route|Rte|Row|Rue|Run|Shoals?|Shores?|Skyway|Springs?|Spurs?|Squares?|Sq"
    "|Station|Sta|Stravenue|Stra|Stream|Streets?|St|Summit|Terrace|Ter|Throughway|Trace|Track|Trafficway"
    "|Trail|Trl|Trailer|Tunnel|Turnpike|Underpass|Unions?|Valleys?|Viaduct|Views?|Villages?|Ville|Vista"
    "|Walks?|Wall|Ways?|Wells?|Wharf|Yard|Parade|Rise|Approach|Close|Circus|Embankment|Gate|Grange|Hill"
    "|Quay|Wynd|Chase|Drove|Croft|Fold|Garth|Leys|Brow"
)
_UNIT = r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Fl\.?|Floor|Room|Rm\.?|Bldg\.?|Building|#)[ \t]*\w+"
_HOUSE = r"\d{1,6}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?"
_FLAT = r"(?:Flat|Studio|Apartment|Apt\.?|Unit|Suite|Room)[ \t]+\w{1,6}(?:/\w{1,3})?"

# A house number or a flat is required: "Main Street" alone is as often a project as a place.
# A named building between the flat and the house number: "Flat 4B, Regent House, 22 High St".
_BUILDING = (
    rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}[ \t]+(?:House|Court|Building|Buildings|Mansions|Tower|Lodge|Hall"
    r"|Apartments|Chambers|Works|Mill|Centre|Center|Place)"
)
# US directionals and numbered streets: "1234 N Main St", "500 W. 5th Street", "1600 Pennsylvania Ave NW".
_DIRECTION = r"(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)"
_ENGLISH_STREET = re.compile(
    rf"(?<![\w\-/])(?:{_FLAT},?[ \t]+(?:{_BUILDING},?[ \t]+)?(?:{_HOUSE},?[ \t]+)?|{_HOUSE},?[ \t]+)"
    rf"(?:{_DIRECTION}\.?[ \t]+)?"
    rf"(?:(?:{_WORD}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+(?:(?:of|the|on|upon)[ \t]+)?){{1,4}}"
    rf"(?:{_SUFFIXES})\b\.?"
    rf"(?:,?[ \t]+{_UNIT})?"
)
# "PO Box 1234", "P.O. Box 77", "Post Office Box 12": an address line of its own.
_PO_BOX = re.compile(
    r"(?<![\w\-])(?:(?:P\.?[ \t]?O\.?[ \t]?Box|Post[ \t]Office[ \t]Box)[ \t]+\d{1,6}"
    # Rural and highway contract routes: "RR 2 Box 15", "HC 68 Box 23A".
    r"|(?:RR|R\.R\.|Rural[ ]Route|HC|Star[ ]Route)[ ]\d{1,3},?[ ]Box[ ]\d{1,5}[A-Z]?)(?![\w\-])"
)

# Germanic compound street names: "Hauptstraße 5", "Kirstin-Mies-Ring 6", "Keizersgracht 123-2",
# "Ivyhof 4". The type ends the word; the house number follows.
_GERMANIC_TYPES = (
    "straße|strasse|str\\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad|markt|stieg|kamp|graben"
    "|wall|zeile|straat|laan|plein|gracht|kade|dijk|singel|hof|steeg|pad|dreef|baan|hoven|wijk|erf|plantsoen"
    "|kwartier|gaarde|oord|akker|veld|park|burgwal|brink|gasse|gässchen|berg|boulevard|markt|haven|wal|lei"
)
# Lower-case words inside a Dutch street name: "Van der Helstplein", "Laan van Meerdervoort".
_NL_PARTICLE = r"(?:van|der|den|de|het|ten|ter|op|aan|in|'t|v\.|d\.)"
# Between a word and the compound of a Dutch street: "Jan van Galenstraat", "Van der Helstplein".
_NL_LINK = r"(?:van(?:[ ]de[rn]?)?|de|ten|ter|'t)"
_GERMANIC_STREET = re.compile(
    rf"(?<![\w\-'\u2019])(?:{_WORD}[ ](?:{_NL_LINK}[ ])?|(?:Van|De|Den|Het|Ten|Ter|'t)[ ](?:{_NL_LINK}[ ])?)?"
    rf"(?:['\u2019]s-)?[{_UP}][\w\-]*?(?i:{_GERMANIC_TYPES})[ \t]+"
    r"(?!(?:19|20)\d\d\b)\d{1,5}(?:bis|ter|hs|[ \t]?[a-zA-Z])?(?:[ \t]?[-/][ \t]?\d{1,5}[a-zA-Z]?)?"
    # A Dutch "toevoeging": "12-hs", "44-3hg", "7-bis", "12 hs", "243 III".
    r"(?:-(?:hs|huis|bis|boven|\d{1,2}(?:hg|hoog)|[a-zA-Z]{1,2}(?![\w]))"
    r"|[ ](?:hs|huis|bis|ter|boven|I{1,3}|IV)(?![\w]))?(?![\w\-])"
)

_FRENCH_TYPES = (
    "rue|avenue|av\\.|boulevard|bd|bld|blvd|chemin|allée|allee|place|impasse|quai|route|cours|square|passage|voie"
    "|sentier|rond-point|parvis|promenade|esplanade|faubourg|montée|ruelle|cité|résidence|hameau|lieu-dit"
    "|zone[ \t]industrielle|zone[ \t]artisanale|z\\.?i\\.?|z\\.?a\\.?c?\\.?|lotissement|domaine"
)
_FRENCH_STREET = re.compile(
    rf"(?<![\w\-])(?:(?P<num>\d{{1,4}}(?:[ \t]?(?:bis|ter|[A-C]))?),?[ \t]+)?(?i:{_FRENCH_TYPES})[ \t]+"
    rf"(?:(?:de[ \t]+la|de[ \t]+l'|de|du|des|d'|l'|la|le|les)[ \t]*)?{_WORD}"
    rf"(?:[ \t]+(?:(?:de|du|des|la|le)[ \t]+)?{_WORD}){{0,3}}"
    r"(?:,?[ \t]+\d{1,4}[a-z]?(?![\w\-]))?"
)

_UK_POSTCODE = r"(?:[A-Z]{1,2}\d{1,2}[A-Z]?|[A-Z]{1,2}\d[A-Z])[ \t]?\d[A-Z]{2}"
_CA_POSTCODE = r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
_US_ZIP = r"\d{5}(?:-\d{4})?"
_NL_POSTCODE = r"[1-9]\d{3}[ \t]?[A-Z]{2}"

_UK_CODE = re.compile(rf"(?<![\w\-])(?P<pc>{_UK_POSTCODE})(?![\w\-])")
_CA_CODE = re.compile(rf"(?<![\w\-])(?P<pc>{_CA_POSTCODE})(?![\w\-])")
# "Springfield, IL 62704", "Halifax, NS B3H 1A1": town, two-letter state or province, code.
# Only the codes of US states, territories and military post, and of Canadian provinces: any two
# capitals before five digits would take a French business box ("CS 40123") for a state and ZIP.
_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC"
    "|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP|AA|AE|AP"
    "|AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
)
_STATE_CODE = re.compile(rf"\b(?P<state>{_STATE_CODES})\.?,?[ \t]+(?P<pc>{_US_ZIP}|{_CA_POSTCODE})(?![\w\-])")
# The town right before a state code or a UK postcode (looked for only where one was found).
_TOWN_BEFORE_STATE = re.compile(rf"(?<![\w\-])(?P<city>{_PLACE}),?[ \t]+$")
_TOWN_BEFORE_UK_CODE = re.compile(rf"(?<![\w\-])(?P<city>{_PLACE}),?[ \t]*\n?[ \t]*$")
_LOOK_BACK = 80
# A town in capitals on the line of a postcode or state code, or on the line above it ("SAVANNAH, GA").
_CAPITALS_TOWN = re.compile(
    r"(?:^|(?<=\n)|(?<=\t)|(?<=, )|(?<=: ))[ \t]*"
    rf"(?P<city>[{_UP}][{_UP}'\u2019\-]+(?:[ ][{_UP}][{_UP}'\u2019\-]+){{0,2}})"
    r",?[ \t]*\n?[ \t]*$"
)
_ZIP_WORD = re.compile(
    r"(?i:\bzip(?:[ \t]?code)?|\bpostcode|\bpostal[ \t]code)[ \t]*[:#]?[ \t]*"
    rf"(?P<pc>{_US_ZIP}|{_UK_POSTCODE}|{_CA_POSTCODE}|\d{{4,5}})\b"
)
# "75001 Paris", "10115 Berlin", "1012 AB Amsterdam", "J8K 7N3 Lake Deborah", "SW1A 2AA London".
_CODE_TOWN = re.compile(
    # Only where an address line starts: at the start of a line, or after a comma or a colon
    # ("The total was 12345 Euros" is not an address).
    # A form's label may be padded to a column ("PLZ, Ort:            50667 Köln").
    r"(?:(?<=^)|(?<=\n)|(?<=,)|(?<=:)|(?<=\t))[ \t]*"
    rf"(?P<pc>(?:[A-Z]{{1,2}}-)?\d{{5}}(?:-\d{{4}})?|(?:NL-)?{_NL_POSTCODE}|{_CA_POSTCODE}|{_UK_POSTCODE})"
    # The town as written, in capitals too ("2011 KL  HAARLEM"), with a one-letter article ("A Coruña").
    rf"[ \t]+(?P<city>(?:[{_UP}][ ])?{_PLACE}|[{_UP}]{{2,}}(?:[ \-][{_UP}]{{2,}}){{0,2}}(?![\w\-]))"
)
# The label of a postcode's line in the six languages' forms.
_POSTCODE_LABEL = re.compile(
    r"(?i:\b(?:plz|postleitzahl|ort|wohnort|code[ \t]postal|c[óo]digo[ \t]postal|codice[ \t]postale|cp|c\.p"
    r"|postcode|post[ \t]code|zip|cap"
    r"|localit[àa]|localidad|poblaci[óo]n|plaats|woonplaats|ville|commune|city|town|comune)\b)[^\n\d]{0,40}$"
)
# "Leeds LS1 4AP", "East Ronald\nSN5 2DR".
_NL_CODE = re.compile(rf"(?<![\w\-])(?P<pc>{_NL_POSTCODE})(?![\w\-])")
# A town right after a street line: "Hauptstraße 5, Erding", "12 High Street\nLeeds".
_AFTER_STREET = re.compile(rf"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+in[ \t]+)(?P<city>{_PLACE})")
_TOWN_CONTEXT = re.compile(
    r"(?i:\b(?:born|lives|lived|living|live|resides|resided|residing|resident|moved|relocated|based|located"
    r"|arbitration|courts|grew[ \t]up|raised|hometown|native|driving|travell?ing|visiting)\b)"
    r"[^.\n;:]{0,40}?(?i:\b(?:in|at|to|from|of|near))[ \t]+"
    rf"(?P<city>{_PLACE})"
)
_NOT_TOWNS = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|Our|Their|His|Her|My|Your"
    r"|Schedule|Section|Annex|Appendix|Room|Suite|Apt|Flat|Tel|Phone|Fax|Email|USA|UK|EU)\b"
)


def _capitals_before(text: str, end: int) -> re.Match[str] | None:
    """A town in capitals right before ``end`` (a postcode or state code), on its line or above."""
    return _CAPITALS_TOWN.search(text, max(0, end - _LOOK_BACK), end)


def _town(text: str, start: int, end: int, score: float) -> Candidate | None:
    name = text[start:end]
    if _NOT_TOWNS.match(name) or not any(c.islower() for c in name):
        return None
    return Candidate("LOCATION", start, end, score)


def _town_before(text: str, end: int, pattern: re.Pattern[str], score: float) -> Candidate | None:
    start = max(0, end - _LOOK_BACK)
    match = pattern.search(text, start, end)
    if match is None:
        return None
    return _town(text, *match.span("city"), score)


# Spanish street lines: "C/ Mayor 12, 3º B", "Calle de Alcalá, 45, 2.º izq.", "Avda. de la Constitución 7".
_ES_TYPES = (
    r"(?:C/|Cl\.|Calle|Avda\.?|Av\.|Avenida|Pza\.?|Plaza|Pl\.|Paseo|P[º°]\.?|Camino|Ctra\.?|Carretera|Ronda"
    r"|Travesía|Trav\.|Glorieta|Rambla|Passeig|Carrer|Vía|Urbanización|Urb\.)"
)
_ES_STREET = re.compile(
    rf"(?<![\w\-])(?i:{_ES_TYPES})[ \t]*(?:(?:de(?:l)?|de[ \t]+la|de[ \t]+los|de[ \t]+las|la|el)[ \t]+)?"
    rf"{_WORD}(?:[ \t]+(?:(?:de|del|la|las|los|y|de[ \t]+la)[ \t]+)?{_WORD}){{0,3}},?[ \t]*"
    r"(?:n\.?[º°]\.?|núm\.?|no\.?|nº)?[ \t]*\d{1,4}[A-Za-z]?"
    r"(?:[ \t]*(?:,|-)?[ \t]*(?:\d{1,2}[ \t]?\.?[º°ª][ \t]?"
    r"(?:[A-Z]|izq(?:da)?\.?|izda\.?|dcha\.?|dch\.?|dra\.?)?"
    r"|bajo|entlo\.?|esc\.?[ \t]?\w|puerta[ \t]\w+|piso[ \t]\w+))*"
)
# Italian street lines: "Via Roma 12", "Viale Monza, 25/B", "Piazza della Repubblica 3",
# "C.so Vittorio Emanuele II, 5".
_IT_TYPES = (
    r"(?:Via|V\.le|Viale|Piazza|P\.za|P\.zza|Piazzale|Corso|C\.so|Largo|Vicolo|Strada|Contrada|Borgo|Lungomare"
    r"|Lungotevere|Località|Loc\.|Salita|Galleria|Traversa)"
)
_IT_STREET = re.compile(
    rf"(?<![\w\-])(?i:{_IT_TYPES})[ \t]+(?:(?:dei|degli|delle|della|del|dello|di|de|d'|San|Santa|S\.)[ \t]*)?"
    r"(?:(?:[IVXL]{1,5}|\d{1,2})[ \t]+)?"
    rf"{_WORD}(?:[ \t]+(?:(?:dei|degli|delle|della|del|dello|di|d'|e)[ \t]*)?(?:{_WORD}|[IVX]+)){{0,3}}"
    r",?[ \t]*"
    r"(?:n\.?[ \t]*)?\d{1,4}(?:[ \t]?/?[ \t]?[A-Za-z])?(?:/\d{1,3})?(?![\w])"
)
# "20121 Milano (MI)", "00184 Roma RM": Italian CAP, town, province.
_IT_CAP = re.compile(rf"(?<![\w\-])(?P<pc>\d{{5}})[ \t]+(?P<city>{_PLACE})[ \t]*(?P<prov>\([A-Z]{{2}}\))")
# US military mail: "PSC 1234, Box 5678, APO AE 09204", "USNS Comfort, FPO AA 34090", "Unit 2050 Box 4190".
_MILITARY = re.compile(
    r"(?<![\w\-])(?:(?:PSC|CMR|Unit|UNIT)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}(?:,?[ \t\n]+)?"
    # A ship: "USS Nimitz (CVN 68)\nFPO AP 96620".
    rf"|(?:USS|USNS|USCGC)[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,3}}"
    r"(?:[ \t]*\([A-Z][A-Z\-]{0,6}[ \t\-]?\d{1,4}\))?"
    r",?[ \t\n]+)?"
    r"(?:APO|DPO|FPO)[ \t]+A[AEP][ \t]+\d{5}(?:-\d{4})?(?![\w\-])"
    r"|(?<![\w\-])(?:PSC|CMR)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}(?![\w\-])"
)
# German, Dutch and French street lines written with a separate street type word:
# "Am Stadtpark 12", "Berliner Allee 3", "Rue de la Paix 12" after the town.
_DE_SEPARATE = re.compile(
    r"(?<![\w\-])(?:Am|An[ ]de[rnm]|Auf[ ]de[mrn]|Im|In[ ]de[rnm]|Zum|Zur|Beim|Hinter[ ]de[mrn]"
    rf"|Unter[ ]de[nrm]|Vor[ ]de[mrn]|Über[ ]de[mrn]|Hinterm|Unterm)[ ](?:{_WORD}[ ]){{0,2}}{_WORD}[ ]+"
    r"\d{1,4}[ ]?[a-zA-Z]?(?:[ ]?[-/][ ]?\d{1,4}[a-zA-Z]?)?(?![\w\-])"
)
# A street type written as a word of its own: "Berliner Str. 12", "Hohe Allee 3", "Oude Gracht 13 bis",
# "Laan van Meerdervoort 143b", "Lange Voorhout 9-2".
_SEPARATE_TYPE = (
    r"(?:Straße|Strasse|Str\.|Allee|Gasse|Weg|Platz|Ring|Damm|Ufer|Chaussee|Steig|Markt|Pfad|Graben|Kamp"
    r"|Straat|Gracht|Laan|Kade|Plein|Singel|Dijk|Haven|Dreef|Wal|Burgwal)"
)
_SEPARATE_STREET = re.compile(
    rf"(?<![\w\-'\u2019])(?:{_WORD}[ ]{_SEPARATE_TYPE}"
    rf"|(?:Laan|Plein|Kade|Gracht|Straat|Weg|Dreef|Singel)[ ](?:{_NL_PARTICLE}[ ]){{1,2}}{_WORD})"
    r"[ ]+(?!(?:19|20)\d\d\b)\d{1,5}(?:bis|ter|hs|[ ]?[a-zA-Z])?(?:[ ]?[-/][ ]?\d{1,5}[a-zA-Z]?)?"
    r"(?:-(?:hs|huis|bis|boven|[a-zA-Z]{1,2}(?![\w]))|[ ](?:hs|huis|bis|ter|boven|I{1,3}|IV))?(?![\w\-])"
)
# Where to try it: a type word before a number, or a Dutch type word first. Scanning for these and
# matching from the word before costs a fraction of scanning the text with the whole pattern.
_SEPARATE_AT = re.compile(rf" {_SEPARATE_TYPE} +\d")
_TYPE_FIRST_WORDS = ("Laan ", "Plein ", "Kade ", "Gracht ", "Straat ", "Weg ", "Dreef ", "Singel ")
_TYPE_FIRST = re.compile(rf"(?:Laan|Plein|Kade|Gracht|Straat|Weg|Dreef|Singel) {_NL_PARTICLE} ")


def _separate_streets(text: str) -> list[tuple[int, int, float]]:
    """The streets of ``_SEPARATE_STREET``, matched only where a type word stands."""
    starts = []
    for hit in _SEPARATE_AT.finditer(text):
        start = hit.start()
        # A cell of a delimited row ("…;23.02.1968;Hohe Straße 106 c, …") starts after its delimiter.
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ";|,":
            start -= 1
        # "(Oude Gracht 13-B, …)", "«Kurze Gasse 4»": the street starts after the bracket or quote.
        while start < hit.start() and text[start] in "([{\"'\u00ab\u201e\u201c\u2018":
            start += 1
        starts.append(start)
    if any(word in text for word in _TYPE_FIRST_WORDS):
        starts.extend(hit.start() for hit in _TYPE_FIRST.finditer(text))
    found = []
    for start in sorted(set(starts)):
        match = _SEPARATE_STREET.match(text, start)
        if match:
            found.append((match.start(), match.end(), 0.8))
    return found


_GATED_STREETS = (
    (_ES_STREET, ("c/", "cl.", "calle", "av", "pza", "plaza", "pl.", "paseo", "pº", "p°", "camino", "ctra",
                  "carretera", "ronda", "trav", "glorieta", "rambla", "passeig", "carrer", "vía", "urb")),
    (_IT_STREET, ("via", "v.le", "piazza", "p.za", "p.zza", "corso", "c.so", "largo", "vicolo", "strada",
                  "contrada", "borgo", "lungo", "località", "loc.", "salita", "galleria", "traversa")),
    (_DE_SEPARATE, ("am ", "an de", "auf de", "im ", "in de", "zum ", "zur ", "beim ", "hinter", "unter",
                    "vor de", "über de")),
)  # fmt: skip


def find_addresses(text: str) -> list[Candidate]:
    """Street lines and postcodes (ADDRESS) and the towns that go with them (LOCATION).

    Lines quoted in an e-mail reply ("> Hauptstraße 5\n> 10115 Berlin") are read without their
    quote marks, so that a quoted address block is found as one.
    """
    if ">" in text and _QUOTE_MARKS.search(text):
        return _unquoted(text)
    found = _find_addresses(text)
    found = found + _grown(text, found)
    if "ADR" in text:
        found += _vcard_addresses(text)
    if "B" in text:
        found = _with_building(text, found)
    if any(word in text for word in _NL_ADJECTIVES):
        found += [Candidate("ADDRESS", *m.span("street"), 0.8) for m in _NL_ADJECTIVE_STREET.finditer(text)]
    return _without_dates(text, found)


# A vCard's address property: "ADR;TYPE=WORK:;;Kirchweg 5;10115 Berlin;;;" (post office box,
# extended address, street, locality, region, postal code, country, split by semicolons). Each part
# written there is a part of the address, whatever its shape: a flat, a town in capitals, a
# postcode and town in one part.
_VCARD_ADR = re.compile(r"(?m)^(?:item\d+\.)?ADR(?:;[^:\n]*)?:(?P<value>[^\n]*)$")


def _vcard_addresses(text: str) -> list[Candidate]:
    """The parts of the address properties of the vCards in ``text``, each an ADDRESS."""
    found: list[Candidate] = []
    for match in _VCARD_ADR.finditer(text):
        position = match.start("value")
        for part in match.group("value").split(";"):
            stripped = part.strip()
            if stripped and any(ch.isalnum() for ch in stripped) and not _VCARD_COUNTRY.fullmatch(stripped):
                start = position + part.index(stripped)
                found.append(Candidate("ADDRESS", start, start + len(stripped), 0.85))
            position += len(part) + 1
    return found


# A date with its year, in the six languages' forms: "June 5, 2025", "3 March 2026", "1er juin
# 2026", "17 de junio de 2026", "17-OCT-2025", "05.03.2026". Its year is no house number and no
# four-digit postcode ("Date of offence: 3 March 2026, Wellington Road", "Date: May 7, 2026   Name").
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|januar|februar|märz|maerz|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|mai|juin"
    "|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio"
    "|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno"
    "|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mär|okt|dez|févr|fév|avr|juil|déc|ene|abr|ago|dic"
    "|gen|mag|giu|lug|set|ott|mrt|mei"
)
_MONTH = rf"(?:{_MONTH_NAMES})\.?"
DATE_WITH_YEAR = re.compile(
    r"(?i:(?<![\w\-])(?:"
    rf"{_MONTH}[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|°|\.)?[ ](?:de[ ])?{_MONTH}[ ](?:de[ ])?"
    rf"|\d{{1,2}}-{_MONTH}-"
    r"|\d{1,2}([./\-])\d{1,2}\1"
    r")(?:19|20)\d\d(?![\w]))"
)
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SEPARATORS = " \t\n,;:"


def _without_dates(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the dates taken out of the front of its addresses.

    An address that held a date's year as its house number or postcode keeps what follows the
    date when a number is left in it, and is dropped otherwise (a street named in prose).
    """
    out: list[Candidate] = []
    for c in found:
        if c.entity_type != "ADDRESS" or not _YEAR_DIGITS.search(text, c.start, min(len(text), c.end + 8)):
            out.append(c)
            continue
        date_end = -1
        for match in DATE_WITH_YEAR.finditer(text, max(0, c.start - 30), min(len(text), c.end + 12)):
            if match.start() < c.end and c.start < match.end():
                date_end = max(date_end, match.end())
        if date_end < 0:
            out.append(c)
            continue
        start = date_end
        while start < c.end and text[start] in _SEPARATORS:
            start += 1
        if start < c.end and any(ch.isdigit() for ch in text[start : c.end]):
            out.append(c._replace(start=start))
    return out


# Dutch streets named with an adjective and no street-type word, written before a Dutch postcode:
# "Lange Voorhout 12-1, 2514 EC Den Haag", "Oude Delft 5  2611 BA Delft".
_NL_ADJECTIVES = (
    "Lange ",
    "Korte ",
    "Oude ",
    "Nieuwe ",
    "Hoge ",
    "Lage ",
    "Grote ",
    "Kleine ",
    "Brede ",
    "Achter ",
)
_NL_ADJECTIVE_STREET = re.compile(
    r"(?<![\w\-])(?P<street>(?:Lange|Korte|Oude|Nieuwe|Hoge|Lage|Grote|Kleine|Brede|Achter)[ ]"
    rf"{_WORD}[ ]+\d{{1,5}}(?:[ ]?[a-zA-Z]|-(?:hs|\d{{1,3}}|[a-z]{{1,3}})|[ ](?:hs|I{{1,3}}|IV))?)"
    r"(?=,?[ \t]+\d{4}[ ]?[A-Z]{2}(?![\w]))"
)


# A building written before the flat and the street: "Bât. C, Apt 12, 4 rue …", "Bâtiment 2, …".
_BUILDING_BEFORE = re.compile(r"(?<![\w\-])B[âa]t(?:iment|\.)?[ \t]+[A-Z0-9]{1,3},?[ \t]*$")


def _with_building(text: str, found: list[Candidate]) -> list[Candidate]:
    """Address findings widened over a building named just before them."""
    out = []
    for c in found:
        if c.entity_type == "ADDRESS":
            building = _BUILDING_BEFORE.search(text, max(0, c.start - 20), c.start)
            if building:
                c = c._replace(start=building.start())
        out.append(c)
    return out


def _find_addresses(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    streets: list[tuple[int, int, float]] = []
    # The patterns of other countries' street lines run only when one of their words occurs
    # (a substring test costs a fraction of a regex scan).
    lowered = text.lower()
    for pattern, words in _GATED_STREETS:
        if any(word in lowered for word in words):
            for match in pattern.finditer(text):
                streets.append((match.start(), match.end(), 0.8))
    streets.extend(_separate_streets(text))
    if "PO " in text or "PSC" in text or "CMR" in text:
        for match in _MILITARY.finditer(text):
            found.append(Candidate("ADDRESS", match.start(), match.end(), 0.9))
    if ")" in text:
        for match in _IT_CAP.finditer(text):
            found.append(Candidate("ADDRESS", match.start(), match.end(), 0.8))
    for match in _ENGLISH_STREET.finditer(text):
        streets.append((match.start(), match.end(), 0.8))
    if "Box" in text:
        for match in _PO_BOX.finditer(text):
            streets.append((match.start(), match.end(), 0.8))
    for match in _STREET_BEFORE_CODE.finditer(text):
        streets.append((*match.span("street"), 0.7))
    for match in _GERMANIC_STREET.finditer(text):
        streets.append((match.start(), match.end(), 0.8))
    for match in _FRENCH_STREET.finditer(text):
        # "12, rue de la Paix" is certain; "la rue de Rivoli" without a number is a street named in
        # prose, an address only when a postcode and town follow it (see _address_blocks).
        if match.group("num"):
            streets.append((match.start(), match.end(), 0.8))
        else:
            tail = _BLOCK_TAIL.match(text, match.end())
            streets.append((match.start(), match.end(), 0.6 if tail else 0.45))
    for start, end, score in streets:
        found.append(Candidate("ADDRESS", start, end, score))
        after = _AFTER_STREET.match(text, end) if score >= 0.5 else None
        if after:
            town = _town(text, *after.span("city"), 0.65)
            if town:
                found.append(town)

    for match in _STATE_CODE.finditer(text):
        # The state with its code: "Austin, TX 78701" leaves no "TX" beside a redacted ZIP.
        found.append(Candidate("ADDRESS", *match.span("pc"), 0.75))
        found.append(Candidate("ADDRESS", match.start("state"), match.end("pc"), 0.75))
        town = _town_before(text, match.start(), _TOWN_BEFORE_STATE, 0.7)
        capitals = None if town else _capitals_before(text, match.start())
        if town:
            found.append(town)
        elif capitals:
            found.append(Candidate("ADDRESS", capitals.start("city"), match.end("pc"), 0.7))
    for match in _STATE_NAME_ZIP.finditer(text):
        found.append(Candidate("ADDRESS", match.start(), match.end(), 0.75))
    for match in _ZIP_WORD.finditer(text):
        found.append(Candidate("ADDRESS", *match.span("pc"), 0.8))
    for match in _CODE_TOWN.finditer(text):
        code = match.group("pc")
        town = _town(text, *match.span("city"), 0.6)
        if town is None:
            # A town in capitals after a postcode that cannot be a number of anything else (Dutch,
            # British, Canadian) or after a postcode label ("Code postal et ville : 69003 LYON").
            city = match.group("city")
            line_start = text.rfind("\n", 0, match.start()) + 1
            if (
                city.isupper()
                and not _NOT_TOWNS.match(city.title())
                and (not code.isdigit() or _POSTCODE_LABEL.search(text, line_start, match.start("pc")))
            ):
                found.append(Candidate("ADDRESS", match.start("pc"), match.end("city"), 0.7))
            continue
        found.append(Candidate("ADDRESS", *match.span("pc"), 0.7 if not code.isdigit() else 0.6))
        found.append(town)
    for match in _UK_CODE.finditer(text):
        found.append(Candidate("ADDRESS", *match.span("pc"), 0.7 if " " in match.group() else 0.55))
        town = _town_before(text, match.start(), _TOWN_BEFORE_UK_CODE, 0.65)
        capitals = None if town else _capitals_before(text, match.start())
        if town:
            found.append(town)
        elif capitals and " " in match.group():
            # "BRIGHTON BN1 4GH", "CARDIFF\nCF10 3AT": a town in capitals on the postcode's line or above it.
            found.append(Candidate("ADDRESS", capitals.start("city"), match.end("pc"), 0.65))
    for match in _CA_CODE.finditer(text):
        found.append(Candidate("ADDRESS", *match.span("pc"), 0.7))
    for match in _NL_CODE.finditer(text):
        found.append(Candidate("ADDRESS", *match.span("pc"), 0.5))
    for match in _TOWN_CONTEXT.finditer(text):
        town = _town(text, *match.span("city"), 0.7)
        if town:
            found.append(town)
    found.extend(_address_blocks(text, streets))
    found.extend(_lines_before_codes(text))
    return found + _whole_lines(text, found)


# A part of an address line or block before its postcode: capitalised words and numbers only
# ("The Old Rectory", "Church Road", "Flat 2", "Great Missenden"), no label, no sentence.
_CHUNK = re.compile(
    rf"[ \t]*(?:(?:{_WORD}|#?\d{{1,5}}[A-Za-z]?|[A-Z]\.?|&|of|on|upon|the|and|le|la|de|van|'s)"
    r"(?:[ \t]+|$))+$"
)
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho"
    "|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota"
    "|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York"
    "|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina"
    "|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
    "|District of Columbia"
)
# "Cupertino, California 95014": a state written out, and its ZIP.
_STATE_NAME_ZIP = re.compile(rf"\b(?:{_US_STATES})[ \t]+{_US_ZIP}(?![\w\-])")
# The codes an address ends with: a UK postcode, a US state and ZIP, a Dutch postcode.
_BLOCK_END = re.compile(
    rf"(?<![\w\-])(?:{_UK_POSTCODE}|[A-Z]{{2}}[ \t]+{_US_ZIP}|[1-9]\d{{3}}[ \t][A-Z]{{2}}"
    rf"|(?:{_US_STATES})[ \t]+{_US_ZIP})(?![\w\-])"
)
_MAX_CHUNKS = 5
_CAPITALS_CHUNK = re.compile(rf"[ \t]*[{_UP}][{_UP}'\u2019\-]+(?:[ ][{_UP}][{_UP}'\u2019\-]+){{0,2}}[ \t]*$")


# A house number and a capitalised street after the words of a sentence ("meant to go to 7153 N
# Broadway"): the start of an address line written inside prose.
_HOUSE_IN_PROSE = re.compile(rf"(?<=[ \t])\d{{1,6}}[A-Za-z]?[ \t]+(?:{_DIRECTION}\.?[ \t]+)?[{_UP}]")


def _lines_before_codes(text: str) -> list[Candidate]:
    """An address written before its postcode without a numbered street line: a house name, a
    street and a town, on one line or on several ("Rose Cottage\nMill Lane\nAmbridge\nBC1 2XY")."""
    found = []
    for match in _BLOCK_END.finditer(text):
        start = match.start()
        position = start
        town_next = True
        for _ in range(_MAX_CHUNKS):
            cut = max(text.rfind("\n", 0, position), text.rfind(",", 0, position))
            cell = text.rfind("\t", cut + 1, position)
            if cell > cut:
                # A tab ends a spreadsheet cell: the address starts after it.
                chunk = text[cell + 1 : position]
                if chunk.strip() and _CHUNK.match(chunk):
                    start = cell + 1 + len(chunk) - len(chunk.lstrip())
                break
            chunk = text[cut + 1 : position]
            label = max(chunk.rfind(": "), chunk.rfind('"') - 1)
            if label >= 0 or (label == -1 and chunk.startswith('"')):
                # "Address: 80 Strand, London WC2R 0RL", a quoted CSV cell ("…,\"80 Strand, London
                # WC2R 0RL\""): the part after the label or the quote, and no further.
                tail = chunk[label + 2 :]
                if tail.strip() and _CHUNK.match(tail):
                    start = position - len(tail) + len(tail) - len(tail.lstrip())
                break
            # The town right above or before the postcode may be in capitals ("NORWICH\nNR3 3EY").
            town = town_next and bool(_CAPITALS_CHUNK.match(chunk))
            if chunk.strip() and not town and not _CHUNK.match(chunk):
                # In a sentence, the address starts at its house number: "… is still 12 N Main, …".
                house = _HOUSE_IN_PROSE.search(chunk)
                if house and _CHUNK.match(chunk, house.start()):
                    start = cut + 1 + house.start()
                break
            if chunk.strip():
                start = cut + 1 + len(chunk) - len(chunk.lstrip())
                town_next = False
            if cut < 0 or (text[cut] == "\n" and text[cut - 1 : cut] == "\n"):
                break
            position = cut
        if start < match.start():
            found.append(Candidate("ADDRESS", start, match.end(), 0.7))
    return found


# --- An address block: the street line, what follows it and what precedes it ----------------------
#
# An address is written as a block: "Via Garibaldi 12, int. 4, scala B\n40011 Bologna (BO)",
# "Kerkstraat 12-hs\n1017 GC AMSTERDAM", "5 bis bd de la République, 69827 LYON CEDEX 03",
# "C/ Mayor, n.º 6, 4º 3ª\n28013 Madrid (Madrid)", "c/o Rossi, Via Roma 3". After a street line
# come the flat and floor, then (on the same line or the next) the postcode, the town — in
# capitals too — and a province, a CEDEX or a region; before it, a "care of" line part.
_TOWN_WORD = (
    rf"(?!(?i:cedex)(?![\w]))(?:(?:d|l|dell|dall|sull|nell)['\u2019]|['\u2019][sS]-)?"
    rf"[{_UP}][{_UP}{_LOW}'\u2019]*(?:-[{_UP}{_LOW}][{_UP}{_LOW}'\u2019]*)*"
)
_TOWN_LINK = (
    r"(?:ter|ten|aan|den|de|der|la|le|les|sur|sous|lès|en|in|im|am|an|bei|di|del|della|sul|al|y|i|op|ob|upon"
    r"|on|v\.|d\.|a\.|i\.)"
)
_BLOCK_TOWN = rf"{_TOWN_WORD}(?:[ ](?:{_TOWN_LINK}[ ]){{0,2}}{_TOWN_WORD}){{0,4}}"
_FLAT_PART = (
    r"(?:bis|ter|quater|hs|huis|boven|[A-Za-z](?![\w])|\d{1,3}(?:hg|hoog)?|int\.?[ \t]*\d{1,3}"
    r"|interno[ \t]*\d{1,3}|scala[ \t]*[A-Z0-9]|sc\.[ \t]*[A-Z0-9]|piano[ \t]*\d{1,2}|p\.[ \t]*\d{1,2}"
    r"|piso[ \t]*\w{1,3}|puerta[ \t]*\w{1,3}|pta\.[ \t]*\w{1,3}|esc(?:alera|\.)?[ \t]*\w{1,2}|bajo|ático"
    r"|entlo\.?|izq(?:da)?\.?|dcha\.?|\d{1,2}[ \t]?\.?[º°ª](?:[ \t]?\d{0,2}[ª]?|[ \t]?[A-Z](?![\w]))?"
    r"|[ée]tage[ \t]*\d{1,2}|\d{1,2}(?:e|er|ème)[ \t]+[ée]tage|b[âa]t(?:iment)?\.?[ \t]*\w{1,3}"
    r"|apt\.?[ \t]*\w{1,4}|app\.?[ \t]*\w{1,4}|(?:Whg|Wohnung)\.?[ \t]*\d{1,3}|Haus[ ]\d{1,3}[a-z]?"
    r"|(?:\d{1,2}\.[ \t]*(?:OG|Stock|Etage)|EG|OG|DG)(?:[ ](?:links|rechts|mitte))?"
    r"|[HV]H|Hinterhaus|Vorderhaus"
    r"|izda\.?|dra\.?)"
)
_BLOCK_TAIL = re.compile(
    rf"(?P<flat>(?:[ \t]*[,\-/]?[ \t]*{_FLAT_PART}(?![\w]))*)"
    # "Hauptstr. 5 · 10115 Berlin" in a letterhead, "Lindenstraße 5 in 10115 Berlin" in a sentence.
    r"(?:[ \t]*[,\-\u2013\u00b7\u2022|]?[ \t]*\n?[ \t]*|[ \t]{2,}|[ ]in[ ])"
    rf"(?P<pc>(?:[A-Z]{{1,2}}-)?(?:\d{{5}}|[1-9]\d{{3}}[ \t]?[A-Z]{{2}}|\d{{4}}(?=[ \t]+[{_UP}'\u2019])))"
    rf"[ \t]+(?P<city>{_BLOCK_TOWN})"
    rf"(?P<tail>[ \t]*\((?:[A-Z]{{2}}|[{_UP}][\w\- ]{{1,30}})\)|[ \t]+[A-Z]{{2}}(?![\w])"
    # "75006 Paris 6e", "69003 Lyon 3e": an arrondissement after the town.
    r"|[ \t]+(?i:cedex)(?:[ \t]+\d{1,2})?|[ ]\d{1,2}(?:e|er|ème)(?![\w]))?"
)
_FLAT_ONLY = re.compile(rf"(?:[ \t]*[,\-/]?[ \t]*{_FLAT_PART}(?![\w]))+")
_CARE_OF = re.compile(
    r"(?i:c/o|c\.o\.|presso|chez|a/a|att\.?|t\.a\.v\.|z\.[ \t]?Hd\.?|zu[ \t]Händen[ \t]von|bei)[ \t]+"
    r"[^\n,;:]{2,40},[ \t]*$"
)


# A street line of no known type ("Lange Voorhout 9", "Unter den Linden 77", "Postbus 1234") is an
# address line when a postcode and a town follow it: at the start of a line or after a label.
_STREET_BEFORE_CODE = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=: )|(?<=:\t)|(?<=\t))[ ]*"
    rf"(?P<street>(?:(?i:postbus|postfach|casella[ \t]postale|c\.p\."
    rf"|bo[iî]te[ \t]postale|b\.?p\.|apartado(?:[ \t]de[ \t]correos)?|p\.?o\.?[ \t]box)[ \t]+\d{{1,6}}"
    rf"(?:[ \t]\d{{2,3}}){{0,2}}"
    rf"|(?!(?i:order|invoice|total|page|room|tel|fax|art|nr|no|ref|item|items|line|step|table|figure|version"
    rf"|chapter|section|paragraph|article|artikel|article|seite|pagina|página|bestelling|factuur|rechnung"
    rf"|fattura|factura|facture|commande|pedido|ordine|code|id|kw|week|year|jahr|anno|año|année|jaar)\b)"
    rf"[{_UP}][\w'\u2019.\-]*(?:[ ]+(?:[a-zà-ÿ]{{1,4}}|[{_UP}][\w'\u2019.\-]*)){{0,4}}[ ]+"
    rf"(?!(?:19|20)\d\d\b)\d{{1,5}}[a-zA-Z]?"
    r"(?:[ ]?[-/][ ]?\w{1,4}|[ ](?:[a-zA-Z]|hs|bis|ter|I{1,3}|IV)(?![\w]))?))"
    r"(?=[ ]*(?:,[ ]*|\n[ \t]*)(?:[A-Z]{1,2}-)?(?:\d{5}|[1-9]\d{3}[ ]?[A-Z]{2}|\d{4})[ ]+(?:[A-ZÀ-Þ]|'s-))"
)


def _address_blocks(text: str, streets: list[tuple[int, int, float]]) -> list[Candidate]:
    """Each street line grown into its block: flat and floor, postcode and town, a care-of before it."""
    found: list[Candidate] = []
    for start, end, score in streets:
        tail = _BLOCK_TAIL.match(text, end)
        if tail:
            end = tail.end()
        else:
            flat = _FLAT_ONLY.match(text, end)
            if flat:
                end = flat.end()
        line_start = text.rfind("\n", 0, start) + 1
        care = _CARE_OF.search(text, max(line_start, start - 50), start)
        if care:
            start = care.start()
        found.append(Candidate("ADDRESS", start, end, max(score, 0.8 if tail else score)))
    return found


_ADDRESS_GAP = re.compile(r"^[\w \t,.'\-/()º°ª#]*$")


def _whole_lines(text: str, found: list[Candidate]) -> list[Candidate]:
    """One address covering a street line and the postcode or town found after it on the same line.

    "Flat 2, 14 Kings Road, Walton-on-Thames KT12 3AB": the parts are found separately and a word
    between them ("Walton-on-Thames") would be left in clear; an address is protected only whole.
    """
    streets = [c for c in found if c.entity_type == "ADDRESS"]
    if len(found) < 2 or not streets:
        return []
    extra: list[Candidate] = []
    ordered = sorted(found, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for street in streets:
        line_end = text.find("\n", street.end)
        line_end = len(text) if line_end == -1 else line_end
        # Only the findings starting within 80 characters after the street (bisected, not scanned).
        low = bisect.bisect_left(starts, street.end)
        high = bisect.bisect_right(starts, min(line_end, street.end + 80))
        after = [c for c in ordered[low:high] if c.end <= line_end]
        if not after:
            continue
        end = max(c.end for c in after)
        gap = text[street.end : end]
        if ". " in gap or not _ADDRESS_GAP.match(gap):
            continue
        extra.append(Candidate("ADDRESS", street.start, end, max(street.score, *(c.score for c in after))))
    return extra


# --- Quoted replies -------------------------------------------------------------------------------
_QUOTE_MARKS = re.compile(r"(?m)^(?:[ \t]*>)+[ \t]?")


def _unquoted(text: str) -> list[Candidate]:
    """The addresses of ``text`` found with the quote marks at line starts taken out."""
    parts: list[str] = []
    # (position in the unquoted text, characters removed before it)
    shifts: list[tuple[int, int]] = []
    removed, last = 0, 0
    for match in _QUOTE_MARKS.finditer(text):
        if match.end() == match.start():
            continue
        parts.append(text[last : match.start()])
        removed += match.end() - match.start()
        last = match.end()
        shifts.append((match.start() - (removed - (match.end() - match.start())), removed))
    parts.append(text[last:])
    plain = "".join(parts)
    found = _find_addresses(plain)
    found += _grown(plain, found)
    keys = [position for position, _ in shifts]

    def original(position: int, end: bool) -> int:
        index = bisect.bisect_right(keys, position - 1 if end else position) - 1
        return position + (shifts[index][1] if index >= 0 else 0)

    return [c._replace(start=original(c.start, False), end=original(c.end, True)) for c in found]


# --- The rest of an address block around what was found --------------------------------------------
#
# The parts of an address that carry no number pattern of their own: a care-of line, a building,
# flat or floor ("Bât. B", "Apartment 12", "Haus 2, 3. OG", "Résidence Les Pins", "The Old Rectory"),
# a PO box line, a CEDEX, and the country last. They are taken only beside an address already found,
# on its line (between commas) or on the lines just before and after it in the same block.
_COUNTRY = (
    r"(?i:Deutschland|Germany|Allemagne|Duitsland|Germania|Alemania|Nederland|Niederlande"
    r"|(?-i:The[ ])?Netherlands|Pays-Bas|Paesi[ ]Bassi|Pa[íi]ses[ ]Bajos|Holland"
    r"|France|Frankreich|Frankrijk|Francia"
    r"|United[ ]Kingdom|U\.?K\.?|Great[ ]Britain|Royaume-Uni|Gro(?:ß|ss)britannien|Verenigd[ ]Koninkrijk"
    r"|Regno[ ]Unito|Reino[ ]Unido|England|Scotland|Wales|Northern[ ]Ireland|U\.?S\.?A\.?"
    r"|United[ ]States(?:[ ]of[ ]America)?|Vereinigte[ ]Staaten|[ÉE]tats-Unis|Verenigde[ ]Staten"
    r"|Stati[ ]Uniti|Estados[ ]Unidos|Belgi(?:um|que|ë|en|o)|Schweiz|Suisse|Switzerland|Svizzera"
    r"|Zwitserland|Österreich|Austria"
    r"|Autriche|Oostenrijk|Espa[ñn]a|Spanien|Spain|Espagne|Spanje|Italia|Italien|Italy|Italie|Itali[ëe]"
    r"|Luxembourg|Luxemburg|Ireland|Irland|Irlande|Ierland|Danmark|Dänemark|Denmark|Polska|Polen|Poland"
    r"|Pologne|Portugal|Sverige|Schweden|Sweden|Canada|Kanada)"
)
_VCARD_COUNTRY = re.compile(_COUNTRY)
_BUILDING_PART = (
    r"(?:(?i:haus|geb(?:äude)?\.?|aufgang|block|whg\.?|wohnung|app(?:t|artement)?\.?|apt\.?|apartment|flat"
    r"|unit|suite|ste\.?|b[âa]t(?:iment)?\.?|escalier|esc\.|porte|entr[ée]e|r[ée]sidence|immeuble|room|floor"
    r"|postfach|postbus|bo[îi]te[ ]postale|bp|cs|lieu-dit|int\.?|interno|scala|piano|piso|puerta"
    r"|p\.?o\.?[ ]box)"
    r"(?:[ ]+[\w.\-/'\u2019]{1,20}){1,3}"
    r"|\d{1,2}(?:\.|e|er|[èe]me|st|nd|rd|th)?[ ]?(?i:og|ug|eg|etage|stock|[ée]tage|floor|verdieping)"
    r"(?:[ ]+(?i:links|rechts|mitte|gauche|droite|left|right))?"
    r"|(?i:eg|og|hinterhaus|vorderhaus|seitenflügel|souterrain|dachgeschoss|dg)"
    r"(?:[ ]+(?i:links|rechts|mitte))?"
    r"|(?i:cedex)(?:[ ]+\d{1,2})?)"
)
# ("Court", "Hall" and "Mill" are surnames too: "Jonathan Hall" above a street is a name.)
_HOUSE_NAME = (
    rf"(?:(?:The[ ]+|\d{{1,4}}[ ]+)?{_WORD}(?:[ ]+{_WORD}){{0,2}}[ ]+(?:House|Cottage|Rectory|Vicarage|Farm"
    r"|Farmhouse|Barn|Manor|Villa|Building|Tower|Mansions|Chambers|Grange)"
    rf"|(?:The[ ]+|\d{{1,4}}[ ]+){_WORD}(?:[ ]+{_WORD}){{0,2}}[ ]+(?:Court|Hall|Mill|Lodge))"
)
_CARE_OF_PART = (
    r"(?i:c/o|c\.o\.|care[ ]of|chez|z\.[ ]?Hd\.?|zu[ ]Händen(?:[ ]von)?|t\.a\.v\.|p/a|attn\.?:?|presso)"
    r"[ ]+[^\n\t,;:]{2,40}"
)
_AFTER_PART = re.compile(
    r"(?:[ ]*,[ ]*|[ \t]*\n[ \t]*|[ ]+(?=(?i:cedex)))"
    rf"(?P<part>(?P<country>{_COUNTRY})|{_BUILDING_PART})(?=[ ]*(?:[,;\n\t)]|\.(?!\w)|$))"
)
_BEFORE_PART = re.compile(rf"(?:{_CARE_OF_PART}|{_BUILDING_PART}|{_HOUSE_NAME})")
_HOUSE_NAME_LAST = re.compile(
    rf"(?<=[ ])(?:{_WORD}[ ]+){{0,2}}{_WORD}[ ]+(?:Cottage|Rectory|Vicarage|Farm|Farmhouse|Barn|Manor|Villa"
    r"|Grange|Mansions|Chambers)$"
)
_PART_SEPARATOR = re.compile(r"(?:[ ]*,[ ]*|[ \t]*\n[ \t]*)$")
_MAX_PARTS = 3
_PART_REACH = 100


def _grown(text: str, found: list[Candidate]) -> list[Candidate]:
    """The address parts beside the addresses found: building, flat, care-of, CEDEX and country."""
    extra: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for candidate in found:
        if candidate.entity_type != "ADDRESS" or candidate.score < 0.5:
            continue
        if (candidate.start, candidate.end) in seen:
            continue
        seen.add((candidate.start, candidate.end))
        end = candidate.end
        for _ in range(_MAX_PARTS):
            part = _AFTER_PART.match(text, end)
            if part is None:
                break
            if part.group("country"):
                # The country last, a finding of its own (a place, as a name model would type it).
                # "…, IL 62704, USA" on one line is left as it is (the country code of a US address
                # names no one); on a line of its own under an address block it is taken.
                code = part.group("country").replace(".", "").upper()
                if "\n" in part.group() or code not in ("USA", "UK"):
                    extra.append(Candidate("LOCATION", *part.span("part"), candidate.score))
                break
            extra.append(Candidate("ADDRESS", candidate.start, part.end("part"), candidate.score))
            end = part.end("part")
        start = candidate.start
        for _ in range(_MAX_PARTS):
            if start == 0 or text[start - 1] not in " \t\n,":
                break
            separator = _PART_SEPARATOR.search(text, max(0, start - 8), start)
            if separator is None or separator.start() == 0:
                break
            # A part is short: its start is looked for among the last _PART_REACH characters only.
            reach = max(0, separator.start() - _PART_REACH)
            cut = max(text.rfind(mark, reach, separator.start()) for mark in ("\n", ",", "\t", ": ", ":\t"))
            if cut < 0:
                cut = reach - 1
            if text.startswith(": ", cut) or text.startswith(":\t", cut):
                cut += 1
            piece = text[cut + 1 : separator.start()]
            begin = cut + 1 + len(piece) - len(piece.lstrip())
            if not _BEFORE_PART.fullmatch(text, begin, separator.start()):
                # A house's name closing a sentence's words: "the new one is Ivy Cottage, 12 Mill Lane".
                house = _HOUSE_NAME_LAST.search(text, begin, separator.start())
                if house:
                    extra.append(Candidate("ADDRESS", house.start(), candidate.end, candidate.score))
                break
            extra.append(Candidate("ADDRESS", begin, candidate.end, candidate.score))
            start = begin
    return extra
