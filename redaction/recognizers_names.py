"""People's names beyond what spaCy's NER tags on its own.

spaCy's small English model misses many names, above all non-English ones ("Dorothée Raynaud",
"Recep Rogner") and names in forms ("Patient: Potter, Jacob"). Names are found here by how text
introduces them (names known from lists of given names and surnames are found by
:mod:`redaction.recognizers_gazetteer`):

- a title: "Mr. Willems", "Dr Okafor", "Frau Schmidt", "Mme Leduc";
- a label or a greeting: "Patient: …", "Applicant: …", "Dear …", "Hi …", "Regards,\\n…",
  "my name is …", "held in the name of …", "Witness: Last, First";
- repetition: once a name is found anywhere in a text, its other mentions — the full name, the
  surname alone, the first name alone ("Lauren tolerated the procedure well") — are found too.

The module also tidies spaCy's own entities: label words it swallowed ("Recipient Gomez"), spans
with digits ("Order A123313") and durations or clock times reported as dates are dropped.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable

from redaction.recognizers import Candidate

# Latin letters beyond Latin-1 ("Wiśniewski", "Nguyễn", "Demirtaş", "Ivanović"): families
# come from everywhere, and a name whose letters a rule does not know is a name it cannot see.
# Latin Extended-A/B and Additional alternate upper and lower case letter by letter: both cases are
# admitted as ranges (a class of three hundred single letters made every name rule three times slower).
_EXTENDED = "\u0100-\u024f\u1e00-\u1eff"
_UP = "A-ZÀ-ÖØ-Þ" + _EXTENDED
_LOW = "a-zà-öø-ÿß" + _EXTENDED
# One capitalised name token: "Anna", "O'Brien", "McDonald", "Wieloch-Bolnbach", "Lévy".
_TOKEN = rf"[{_UP}](?:[{_LOW}]+(?:[{_UP}][{_LOW}]+)?|['\u2019][{_UP}][{_LOW}]+)(?:-[{_UP}{_LOW}][{_LOW}]+)*"
_PARTICLE = (
    r"(?:van|von|de|der|den|du|da|di|del|della|dos|das|le|la|ter|ten|zu|vom|zum|af|al|el|bin|ibn|mac|st\.?)"
)
_PARTICLE = _PARTICLE[:-1] + r"|des|degli|dei|delle|het|'t|y|e|Ó|Ní|Nic|Ua)"
# "d'Alembert", "D'Souza", "l'Hermite": an elided particle glued to the name.
_ELIDED = r"(?:[dDlL]['\u2019])?"
# The words of a name are joined by spaces; a tab separates a pasted table's cells ("Vorname\tNachname").
_NAME = rf"{_ELIDED}{_TOKEN}(?:[ ]+(?:{_PARTICLE}[ ]+){{0,2}}(?:[A-Z]\.[ ]*)?{_ELIDED}{_TOKEN}){{0,3}}"
_SURNAME_FIRST = rf"{_TOKEN}(?:[ \t]+{_TOKEN})?,[ \t]+{_TOKEN}(?:[ \t]+[A-Z]\.)?"


def _alternatives(words: str) -> str:
    """``"dear|best regards"`` as a regex alternation, a space matching any run of blanks.

    The alternation is written as a trie (``d(?:ear|octor)``): Python's regex engine tries the
    branches of a flat alternation one by one at every position of the text, which made the
    label patterns the slowest part of the analysis.
    """
    return _trie_of(words.split("|"))


def _trie_of(words: Iterable[str]) -> str:
    """An alternation of ``words`` written as a trie (see :func:`_alternatives`)."""
    trie: dict[str, dict] = {}
    # Every run of white space becomes one space, i.e. one ``[ \t]+``: a name found with column
    # padding inside it ("Anna        Berg" in an aligned table) would otherwise put several
    # ``[ \t]+`` in a row, and against long runs of spaces elsewhere in the text the matcher tries
    # every way to split them: 40 s for one document with eight, hours with more (a denial of
    # service of the egress gate by a pasted table).
    for word in (" ".join(w.split()) for w in words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [
        ("[ \t]+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_TITLE_WORDS = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Herr|Herrn|Hr|Hrn|Frau|Mme|Mlle|Mevr|Dhr|Sr|Sra|Srta|Rev"
    "|Fr|Madame|Monsieur|Mademoiselle|Maitre|Maître|M.|MM.|Señor|Señora|Señorita|Don|Doña|D.|Dña|Dª|Dra|Sig"
    "|Sig.ra|Sig.na|Signor|Signora|Signorina|Dott|Dott.ssa|Dr.ssa|Avv|Ing|Prof.ssa|Mevrouw|Meneer|Mw|Fam"
    "|Dipl.-Ing|Dr. med|Dr.med|Dr. rer. nat|Dr.rer.nat|Dr. rer.nat|Dr.rer. nat"
    # Military ranks as letters to service members write them ("Dear SGT Ortiz", "MSgt Novak").
    "|Sgt|SGT|MSgt|SSgt|TSgt|SMSgt|CMSgt|SFC|SSG|Cpl|CPL|LCpl|Pvt|PVT|PFC|Spc|SPC|Lt|LT|1LT|2LT|Capt|CPT"
    "|Maj|MAJ|LtCol|Cmdr|Cdr|CDR|LCDR|Ens|ENS"
    # German police ranks in reports ("aufnehmender Beamter: POK Brandt", "KHKin Yilmaz"); not KOK,
    # which is a Dutch surname in capitals.
    "|POK|POKin|PHK|PHKin|KHK|KHKin|POM|POMin|PHM|KHM|EPHK"
)
_TITLES = (
    # A trie (see _alternatives): every name rule starts from these.
    "(?:" + _trie_of(_TITLE_WORDS.split("|")) + ")"
)
# Titles as notes type them, in lower case ("mevr. Bakker", "sig. Rossi", "de heer Jansen"); a title
# may follow another ("Frau Dr. Oberhuber").
_LOWER_TITLES = (
    r"(?:mr|mrs|ms|dr|prof|herr|herrn|hr|hrn|frau|fr|mevr|mevrouw|meneer|mw|dhr|heer|fam|mme|mlle|madame"
    r"|monsieur|sig|sig\.ra|sig\.na|signor|signora|dott|dott\.ssa|sr|sra|srta|señor|señora|don|doña|dña)"
)
_TITLED = re.compile(
    rf"(?<![\w.])(?:{_TITLES}|{_LOWER_TITLES})\.?(?:[ \t]+(?:{_TITLES})\.?)?[ \t]+"
    rf"(?P<name>(?:[{_UP}]\.[ \t]*){{0,2}}(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME})"
)


_ROLES = _alternatives(
    "Director|Managing Director|Manager|CEO|CFO|CTO|COO|President|Vice President|Secretary|Treasurer"
    "|Partner|Chairman|Chairwoman|Chairperson|Chair|Officer|Head of|Lead|Engineer|Analyst|Consultant|Nurse"
    "|Physician|Attorney|Counsel|Solicitor|Notary|Founder|Owner|Proprietor|Principal|Professor|MD|PhD|RN|Esq"
)
# "Jane Doe, Director": a name followed by the role it signs with.
_ROLE_AFTER = re.compile(
    rf"(?<![\w\-])(?P<name>{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:[A-Z]\.[ \t]*)?{_TOKEN}){{1,3}})"
    rf",[ \t]+(?:{_ROLES})\b"
)

# Words that introduce a name. Those of e-mail headers need their colon ("To: Jane Doe", not "to Paris").
_LABELS = _alternatives(
    "patient|pt.|pt|full name|applicant|co-applicant|borrower|co-borrower|customer|client|subscriber"
    "|policyholder|policy holder|insured|witness|recipient|deliver to|ship to|attn.|attn|attention"
    "|emergency contact|contact person|next of kin|employee|tenant|landlord|guarantor|beneficiary"
    "|account holder|cardholder|card holder|signed|signature|dear|hi|hello|hey|good morning|good afternoon"
    "|regards|best regards|kind regards|warm regards|sincerely|yours truly|many thanks|thanks|cheers"
    "|in the name of|my name is|name is|i am|i'm|this is|opened by|submitted by|reported by|referred by"
    "|seen by|written by|approved by|prepared by|signed by|assigned to|escalated to|driver|agent|buddy|son"
    "|daughter|wife|husband|partner|mother|father|sister|brother|spouse|child|director|manager|officer"
    "|physician|doctor|nurse|contractor|consultant|caller|sender|author|c/o|care of|assignee|handled by"
    "|nickname|preferred name|roepnaam|rufname|apodo|soprannome|surnom|melder|melder naam"
    # Closings of personal messages and chats, and thanks to someone: "Bises,\nJB", "LG Andi", "grazie Vale".
    "|bises|bisous|besos|un beso|abrazos|un abrazo|un abbraccio|baci|abbracci|lg|liebe grüße|liebe grüsse"
    # Not German "danke": its nouns are capitalised ("Danke, Erstattung folgt").
    "|groetjes|liefs|kusjes|love|xoxo|grazie|gracias|merci|bedankt|dankjewel|dank je"
    # Who called, in call notes: "Anrufer: …", "Beller: …", "Appelant : …".
    "|anrufer|anruferin|beller|belster|appelant|appelante|llamante|chiamante|interlocutore|referente"
    "|gesprächspartner|gesprächspartnerin|gesprekspartner|contactpersoon|persona de contacto"
    "|to the attention of|for the attention of|attention of|on behalf of|insured person|claimant"
    "|policy holder"
    "|debtor|creditor|plaintiff|defendant|claimant|petitioner|respondent|applicant name|holder|prescriber"
    "|prescribed by|prescribed for|employee name|staff member|assigned|owner name|lessee|lessor"
    # French
    "|prénom|prénoms|first name|given name|forename|surname|last name|family name|name of|nom de famille"
    "|à l'attention de|a l'attention de|à l\u2019attention de|à l'att. de|nom|nom et prénom|prénom et"
    " nom|nom complet"
    "|patient\u00b7e|patiente|assuré|assurée|assuré\u00b7e|titulaire|souscripteur|bénéficiaire|demandeur|demandeuse"
    "|salarié|salariée|employé|employée|locataire|bailleur|médecin|médecin traitant|docteur"
    "|infirmier|infirmière"
    "|bonjour|cher|chère|chers|salut|cordialement|bien à vous|bien cordialement|signé|signataire"
    "|je suis|je m'appelle"
    "|au nom de|conseiller|conseillère|interlocuteur|contact|responsable|client|cliente|expéditeur"
    "|destinataire"
    # German
    "|z. hd.|z.hd.|zu händen|zu händen von|name|vorname|nachname|vor- und nachname|versicherte|versicherter"
    "|versicherungsnehmer|versicherungsnehmerin|antragsteller|antragstellerin|patientin|mitarbeiter|mitarbeiterin"
    "|kunde|kundin|mieter|mieterin|vermieter|kontoinhaber|kontoinhaberin|inhaber|inhaberin|ansprechpartner"
    "|ansprechpartnerin|sachbearbeiter|sachbearbeiterin|behandelnder arzt|ärztin|arzt|hallo|liebe|lieber"
    "|sehr geehrte|sehr geehrter|sehr geehrte frau|sehr geehrter herr|mit freundlichen grüßen|viele grüße"
    "|beste grüße|gruß|grüße|unterschrift|gez.|ich bin|ich heiße|mein name ist|im auftrag|i.a.|i. a.|absender"
    "|empfänger|erstellt von|geprüft von"
    # Spanish
    "|a la atención de|a/a|atención|nombre|nombre y apellidos|apellidos|apellido|nombre completo|paciente"
    "|asegurado|asegurada|titular|tomador|solicitante|empleado|empleada|trabajador|trabajadora|inquilino"
    "|arrendatario|cliente|hola|estimado|estimada|estimados|querido|querida|saludos|atentamente|un saludo"
    "|firmado|fdo.|me llamo|mi nombre es|soy|médico|doctor|doctora|enfermera|a nombre de|remitente"
    "|destinatario"
    # Italian
    "|all'attenzione di|alla c.a. di|c.a.|alla cortese attenzione di|nome e cognome|cognome e nome"
    "|cognome|nome"
    "|assicurato|assicurata|intestatario|intestataria|richiedente|dipendente|lavoratore|lavoratrice|conduttore"
    "|inquilino|paziente|gentile|gentile sig.|egregio|caro|cara|ciao|buongiorno|cordiali saluti"
    "|distinti saluti"
    "|saluti|firmato|mi chiamo|sono|medico|medico curante|infermiere|a nome di|mittente|destinatario"
    # Dutch
    "|t.a.v.|ter attentie van|naam|volledige naam|voornaam|achternaam|patiënt|patiente|verzekerde|aanvrager"
    "|werknemer|medewerker|medewerkster|huurder|verhuurder|rekeninghouder|klant|beste|geachte|geachte heer"
    "|geachte mevrouw|hoi|hallo|met vriendelijke groet|met vriendelijke groeten|groeten|groet|ondertekend"
    "|mijn naam is|ik ben|ik heet|namens|behandelend arts|arts|huisarts|verpleegkundige|afzender|ontvanger"
    "|dokter|voornamen"
    # Forms that ask for every given name ("Vornamen: Anna Luise", "Nombres: María José").
    "|vornamen|nombres|first names|given names|forenames"
    # Whose estate a probate letter is about, who travels with the booker or comes with a patient,
    # who advises a client: "Estate of …", "Nachlasssache …", "Mitreisende: …", "Accompagnatore: …".
    "|estate of|the estate of|the late|succession de|succession of|nachlasssache|nachlass von|erbsache"
    "|sucesión de|herencia de|successione di|eredità di|nalatenschap van"
    "|mitreisende|mitreisender|angehörige|angehöriger|accompagnatore|accompagnatrice|accompagnant"
    "|accompagnante|acompañante|begeleider|travelling with|traveling with|companion"
    "|adviser|advisor|your adviser|your advisor|asesor|asesora|consulente|adviseur"
)
_COLON_LABELS = _alternatives(
    "from|to|cc|bcc|name|user|owner|contact|member|student|guest|passenger|traveller|candidate"
    # E-mail headers in the other five languages ("Von: Müller, Anna", "Aan: Jan de Vries").
    "|von|an|de|à|a|da|para|van|aan"
)
_LABELLED = re.compile(
    rf"(?i:(?<![\w\-])(?:(?:{_LABELS})[ \t]?[:,]?|(?:{_COLON_LABELS})[ \t]?:))[ \t_]*\n?[ \t_]*"
    rf"(?:(?i:{_TITLES})\.?[ \t]+)?(?P<name>(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_SURNAME_FIRST}|{_NAME}))"
    # Not a label of its own: "EMERGENCY CONTACT\nName: …" is a heading above a field (a salutation's
    # colon ends its line: "Estimado Sr. García:").
    r"(?![\w\-]|[ \t]*:[ \t]*[^\s])"
)
_LEADING_LABEL = re.compile(rf"^(?i:(?:{_LABELS}|{_COLON_LABELS}|{_TITLES}\.?))\b[:,.]?[ \t]*")
_NOT_NAMES = re.compile(
    r"^(?:The|This|That|These|Those|There|Thanks|Thank|Please|Our|Your|My|His|Her|Their|We|You|It|All|Team"
    r"|Sir|Madam|Customer|Customers|Client|Everyone|Support|Care|Billing|Sales|Admin|Staff|Colleagues?"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Agreement|Company|Contractor|Schedule|Section|Services"
    r"|Fees|Term|Notices|Confidentiality|Patient|Applicant|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme"
    r"|Mlle|Accounts|Payable|Receivable|Department|Dept|Office|Human|Resources|Legal|Finance|Service|Desk"
    r"|Manager|Director|Claims|Madame|Monsieur|Messieurs|Mesdames|Herren|Damen|Kunden|Service|Equipo|Servicio"
    r"|Ufficio|Afdeling|Klantenservice|Kundenservice|Un|Une|Ein|Eine|Een|Cliente|Clienti|Kunde|Kundin|Klant"
    r"|Hospital|Clinic|Bank|Insurance|Court|Tribunal|Council|University|Ltd|Inc|GmbH|SARL|SpA|BV"
    # Greetings and thanks that open a chat line after a speaker's label ("medewerker: Goedemorgen").
    r"|Guten|Moin|Servus|Danke|Dank|Vielen|Bedankt|Goedemorgen|Goedemiddag|Goedenavond|Goeiedag|Bonjour|Bonsoir"
    r"|Merci|Salut|Buenos|Buenas|Gracias|Buongiorno|Buonasera|Grazie|Salve|Hello|Hallo|Hola|Ciao|Welcome"
    r"|Willkommen|Bienvenue|Bienvenido|Benvenuto|Welkom|Morning|Afternoon|Evening"
    # What follows a word of thanks when no one is named: "Grazie Mille", "Merci Beaucoup", "Danke Schön".
    r"|Mille|Beaucoup|Bien|Schön|Sehr|Vielmals|Nochmals|Muchas|Mil|Tante|Tanto|Infinite|Wel|Allemaal|Alle|Tutti"
    r"|Todos|Tous|Everyone|Again|So|Much|Anyway)\b"
)


# Words that cannot be the given name after "Surname, ": "Müller, Ihre Steuer-ID ...".
_NOT_GIVEN = frozenset(
    [
        "ihre",
        "ihr",
        "sie",
        "ich",
        "wir",
        "your",
        "you",
        "we",
        "our",
        "the",
        "votre",
        "vos",
        "nous",
        "je",
        "il",
        "elle",
        "su",
        "sus",
        "usted",
        "nosotros",
        "suo",
        "sua",
        "lei",
        "noi",
        "uw",
        "u",
        "wij",
        "jij",
        "het",
        "de",
        "la",
        "le",
        "el",
        "il",
        "lo",
        "los",
        "las",
        "les",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "und",
        "and",
        "et",
        "y",
        "e",
        "en",
    ]
)


def _name_candidates(text: str, start: int, end: int, score: float) -> Iterable[Candidate]:
    name = text[start:end]
    if _NOT_NAMES.match(name):
        # "Dear Customer Service" or "Hi Team": not a person. "Dear The Smiths" does not occur.
        return
    if "," in name:
        given = name.split(",", 1)[1].split()
        if not given or given[0].lower() in _NOT_GIVEN:
            end = start + name.index(",")
    yield Candidate("PERSON", start, end, score)


def find_names(text: str) -> list[Candidate]:
    """Names after a title or a label that introduces a person, in e-mail headers and chat prefixes.

    Casing does not decide: the title and label rules read :func:`case_view` of the text, where
    ALL CAPS words are written capitalised ("Patient: DUPONT Jean" reads "Patient: Dupont Jean").
    """
    view = case_view(text)
    found: list[Candidate] = []
    for match in _TITLED.finditer(view):
        found.extend(_name_candidates(view, *match.span("name"), 0.85))
    for match in _LABELLED.finditer(view):
        words = match.group("name").split()
        if len(words) == 2 and words[0].islower() and ":" not in view[match.start() : match.start("name")]:
            continue  # "Cliente de Mahou", "client of Acme": a preposition, not "de Vries"
        found.extend(_name_candidates(view, *match.span("name"), 0.8))
    for match in _ROLE_AFTER.finditer(view):
        found.extend(_name_candidates(view, *match.span("name"), 0.75))
    if view is not text:
        for match in _SURNAME_GIVEN.finditer(text):
            if match.group("surname") not in _ACRONYMS and not _NOT_NAMES.match(match.group("given")):
                found.append(Candidate("PERSON", match.start(), match.end(), 0.6))
    found.extend(_display_names(text))
    found.extend(_context_names(text))
    found.extend(_speakers(text))
    found.extend(_names_by_own_login(text))
    if "\n" in text:
        found.extend(_speaker_lines(text))
    if any(c.islower() for c in text):
        found.extend(cued_lower_names(text))
    return found


# A note signed with a dash at the end of its line: "… will call back. -Anna", "- Jonas".
_DASH_SIGNED = re.compile(
    rf"(?:^|(?<=[\n.!?)])[ \t]?)[ \t]*[-\u2013\u2014~][ \t]?(?P<name>{_TOKEN})[ \t]*(?=\n|$)"
)
_DASH_CHAR = re.compile("[-\u2013\u2014~]")
# Who wrote an internal note: "--- Internal note (Jonas) ---", "Agent note (Mira):", "(Notiz: Jonas)".
_NOTE_AUTHOR = re.compile(
    rf"(?i:\b(?:note|notes|internal|comment|notiz|notizen|vermerk|nota|notas|interno|interna|notitie|notities"
    rf"|werknotities|appunti|remarque|commentaire|interne?))"
    rf"[ \t]*[(\[][ \t]*(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN})?)[ \t]*[)\]]"
)
# A nickname or the name someone goes by: "prefers to be called Bea", "goes by Sandy", "known as Kit",
# "se fait appeler Manu", "lo chiamano Beppe", "le llaman Pepe", "wird Hansi genannt" is not covered.
_GOES_BY = re.compile(
    r"(?i:\b(?:(?:prefers|likes|wants|asked|asks)[ \t]+to[ \t]+be[ \t]+called|goes[ \t]+by|known[ \t]+as"
    r"|nicknamed|a\.?k\.?a\.?|se[ \t]+fait[ \t]+appeler|surnomm[ée]e?|l[oae][ \t]+chiamano|detto|detta"
    r"|essere[ \t]+chiamat[oa]|farsi[ \t]+chiamare|l['\u2019]appelle"
    r"|l[ea][ \t]+(?:llam(?:a|an|en)|dicen|digan)|apodad[oa]|alias|genannt|noemen[ \t]+(?:hem|haar))[ \t]+)"
    rf"[\"'\u201c\u2018]?(?P<name>{_TOKEN})"
    # Dutch and German put the name first: "wil graag Jet genoemd worden", "möchte Bine genannt werden".
    rf"|(?i:\b(?:wil|wilt|willen|möchte|möchten|will)(?:[ \t]+(?:graag|gerne|gern|liever))?[ \t]+)"
    rf"(?P<first>{_TOKEN})(?i:[ \t]+(?:genoemd|genannt)\b)"
)
# Substrings one of which each pattern needs: a cheap test before the scan.
_NOTE_HINTS = ("note", "nota", "notiz", "notitie", "intern", "comment", "vermerk", "appunti", "remarque")
_GOES_BY_HINTS = (
    "called", "goes", "known", "nickname", "aka", "a.k.a", "appel", "surnomm", "chiam", "detto", "detta",
    "llam", "dicen", "digan", "apodad", "alias", "genannt", "noemen", "genoemd",
)  # fmt: skip
_NOTE_WORDS = frozenset(
    ["draft", "update", "urgent", "new", "old", "copy", "internal", "todo", "info", "fyi"]
)
# "Surname, Given" in brackets or right before the person's e-mail address: "(Okafor, Jonas)",
# "to Meyer, Lina, l.meyer@example.com".
_SURNAME_FIRST_BRACKETED = re.compile(rf"\((?P<name>{_SURNAME_FIRST})\)")
_SURNAME_FIRST_MAIL = re.compile(rf"(?<![\w\-])(?P<name>{_SURNAME_FIRST}),?[ \t]*<?[\w.+\-]+@[\w\-]+\.")
# A handle in brackets after the name it is made of: "Okafor, Jonas (jonas.okafor)", "(j_okafor)".
_BRACKETED_HANDLE = re.compile(r"\((?P<name>[a-z][a-z'\-]*(?:[._][a-z][a-z'\-]*)+)\)")
_BRACKETED_WORD = re.compile(r"\((?P<name>[a-z]{4,20}\d{0,3})\)")


def _fold(value: str) -> str:
    """``value`` without accents and with the dotless i as i: how a handle spells a name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", value.replace("\u0131", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _context_names(text: str) -> list[Candidate]:
    """Names placed where only a person's name goes: a note's dashed signature, an internal note's
    author in brackets, a nickname after "goes by", "Surname, Given" in brackets or before an e-mail
    address, a handle in brackets right after the name it is made of."""
    found: list[Candidate] = []
    lowered = text.lower()
    if "-" in text or "\u2013" in text or "~" in text:
        for match in _DASH_SIGNED.finditer(text):
            name = match.group("name")
            # "… in 8 days. -Rokia": a sentence, a space, then the dash ("CLAUSE 4.- Notices" is a heading).
            found_dash = _DASH_CHAR.search(text, match.start(), match.start("name"))
            dash = found_dash.start() if found_dash else match.start()
            before = text[max(0, dash - 4) : dash]
            after_sentence = before[-1:] in (" ", "\t") and before.rstrip()[-1:] in (".", "!", "?")
            if _known_given(name) or (
                after_sentence and name.lower() not in COMMON_WORDS and not _NOT_NAMES.match(name)
            ):
                found.append(Candidate("PERSON", *match.span("name"), 0.75))
    if "(" in text or "[" in text:
        notes = any(word in lowered for word in _NOTE_HINTS)
        for match in _NOTE_AUTHOR.finditer(text) if notes else ():
            name = match.group("name")
            if not _NOT_NAMES.match(name) and name.casefold() not in _NOTE_WORDS:
                found.append(Candidate("PERSON", *match.span("name"), 0.75))
        for match in _SURNAME_FIRST_BRACKETED.finditer(text):
            found.extend(_name_candidates(text, *match.span("name"), 0.75))
        for match in _BRACKETED_HANDLE.finditer(text):
            before = text[max(0, match.start() - 60) : match.start()].casefold()
            words = set(re.findall(r"[^\W\d_]{2,}", before))
            parts = [p for p in re.split(r"[._]", match.group("name")) if len(p) >= 2]
            if parts and any(p in words for p in parts):
                found.append(Candidate("PERSON", *match.span("name"), 0.75))
        for match in _BRACKETED_WORD.finditer(text):
            # "Bruijn, Marieke de (mdebruijn)": an initial and the surname run together.
            handle = match.group("name")
            before = _fold(text[max(0, match.start() - 60) : match.start()])
            surnames = {w.casefold() for w in re.findall(rf"[{_UP}][{_LOW}]{{2,}}", before)}
            if any(len(w) >= 4 and w in handle and len(handle) <= len(w) + 4 for w in surnames):
                found.append(Candidate("PERSON", *match.span("name"), 0.75))
    if "@" in text:
        for match in _SURNAME_FIRST_MAIL.finditer(text):
            found.extend(_name_candidates(text, *match.span("name"), 0.75))
    goes_by = any(word in lowered for word in _GOES_BY_HINTS)
    for match in _GOES_BY.finditer(text) if goes_by else ():
        group = "name" if match.group("name") else "first"
        if not _NOT_NAMES.match(match.group(group)):
            found.append(Candidate("PERSON", *match.span(group), 0.75))
    return found


# Particles and conjunctions of surnames written in capitals or capitalised before a found name:
# "DE GROOT Lieke", "VAN DEN HEUVEL Maaike", "Van der Meer, Jan", "ECHEVERRÍA DE LA CRUZ Antonio",
# "GIL Y PRIETO Ignacio" (Spanish surnames joined by "y").
_CAPS_PARTICLE = (
    r"(?:VAN|VON|DE|DER|DEN|DEL|DELLA|DEGLI|DI|DA|DAL|LA|LE|LO|EL|AL|DOS|DAS|DU|DES|TER|TEN|'T|\u2019T|ZU|Y|I"
    r"|Van|Von|De|Der|Den|Del|Della|Di|Da|Dal|La|Le|El|Al|Dos|Das|Du|Des|Ter|Ten|Zu)"
)
_PARTICLES_BEFORE = re.compile(
    rf"(?:(?<![^\s:(\-\u2013])(?P<pre>[{_UP}][{_UP}'\u2019\-]+)[ ]+)?"
    rf"(?P<parts>(?<![\w'\u2019])(?:{_CAPS_PARTICLE}[ ]+)+)$"
)
_CONJUNCTION_PARTICLE = frozenset({"Y", "I"})
_LAST_WORD = re.compile(r"([\w'\u2019]+) $")
# The same words as a set: the cheap test of the word before a name.
_PARTICLE_WORDS = frozenset(re.findall(r"[\w']+", _CAPS_PARTICLE)) | {"\u2019T"}
# Surnames joined by "y" or "e", and a lower-case name's particles, after a found name:
# "Vázquez y Rubio", "Castro y Cortés", "ruiz de alarcón y ortega".
_JOINED_AFTER = re.compile(
    r"(?P<link>(?:[ ]+(?:y|e|i|de|del|la|las|los|di|da|van|von|der|den|'t"
    r"|Y|E|DE|DEL|LA|DI|DA|VAN|VON|DER|DEN|'T))+)"
    rf"[ ]+(?P<word>[{_UP}{_LOW}][{_LOW}{_UP}'\u2019\-]*)"
)


_LOWER_SURNAME_AFTER = re.compile(r"[ ]+(?P<word>[a-zà-öø-ÿß][a-zà-öø-ÿß'\-]{2,})(?![\w])")
_ELIDED_TAIL = re.compile(rf"['\u2019]?[{_UP}{_LOW}][{_LOW}{_UP}]+")
_ELIDED_HEAD = re.compile(rf"(?<![\w])(?:[{_UP}][{_LOW}{_UP}]{{0,3}})['\u2019]$")
_PARTICLES_AFTER_GIVEN = re.compile(
    r"(?:[ ]+(?:van|de|der|den|von|du|di|da|'t|ter|ten))+(?=[ \t]*(?:[(),;\n]|$))"
)


def _known_surname(word: str) -> bool:
    from redaction.recognizers_gazetteer import _fold, surnames

    return _fold(word) in surnames() and word not in COMMON_WORDS


def _is_brand(text: str, start: int, end: int) -> bool:
    from redaction.recognizers_lookalikes import brand_spans

    return any(True for _ in brand_spans(text, start, end))


_COLUMN_GAP = re.compile(r"[ ]{3,}|\t|[ ]*\n")


def extend_over_particles(text: str, found: list[Candidate]) -> list[Candidate]:
    """Names widened over the particles before them written as part of the surname ("DE GROOT
    Lieke", "Van der Meer, Jan") and over surnames joined after them by "y"/"e" ("Castro y
    Cortés"), or by particles in a lower-case name ("ruiz de alarcón")."""
    out: list[Candidate] = []
    for c in found:
        if c.entity_type == "PERSON" and (gap := _COLUMN_GAP.search(text, c.start, c.end)):
            # A form's columns padded with spaces ("Name: Anna Berg      Relationship: mother"): no
            # name runs across the padding, the value before it is the name.
            if not text[c.start : gap.start()].strip():
                continue
            c = c._replace(end=gap.start())
        if c.entity_type != "PERSON" or all(_PARTICLE_RE.match(w) for w in text[c.start : c.end].split()):
            out.append(c)
            continue
        start, end = c.start, c.end
        previous = (
            _LAST_WORD.search(text, max(0, start - 7), start) if text[start - 1 : start] == " " else None
        )
        word_before = previous.group(1) if previous else ""
        left = (
            _PARTICLES_BEFORE.search(text, max(0, start - 40), start)
            if word_before in _PARTICLE_WORDS
            else None
        )
        if left:
            words = left.group("parts").split()
            first = text[start:end].split()[0] if text[start:end].split() else ""
            if first[:1].islower() and not _PARTICLE_RE.match(first):
                pass  # "Von meinem iPhone": a capitalised preposition before a lower-case word
            elif words[-1].upper() not in _CONJUNCTION_PARTICLE and not (
                len(words) == 1 and words[0].istitle() and len(text[start:end].split()) < 2
            ):
                start = left.start("parts")
            if left.group("pre") and (
                left.group("pre").isupper() and text[c.start : c.end].split()[0].isupper()
            ):
                start = left.start("pre")
        while True:
            right = _JOINED_AFTER.match(text, end)
            if not right:
                break
            name, word, links = text[start:end], right.group("word"), right.group("link").split()
            last = name.split()[-1] if name.split() else ""
            same_case = (
                (word.islower() and last.islower())
                or (word.isupper() and last.isupper())
                or (word[0].isupper() and not word.isupper() and last[:1].isupper() and not last.isupper())
            )
            joined = any(w.lower() in ("y", "e") for w in links)
            capitals = name.isupper() and word.isupper() and all(w.isupper() for w in links)
            if not same_case or not (joined or capitals or name.islower()) or word.casefold() in _NOT_GIVEN:
                break
            if _is_brand(text, start, right.end()):
                break  # "Giorgio Armani e Ferrero": two houses, not one person's surnames
            end = right.end()
        name = text[start:end]
        if name.islower() and " " not in name.strip():
            # "welche Cosimo? cosimo zanetti": a lower-case given name, then a known surname.
            after = _LOWER_SURNAME_AFTER.match(text, end)
            if after and _known_surname(after.group("word")):
                end = after.end()
        if (end < len(text) and text[end] in "'\u2019") or text[end - 1 : end] in ("'", "\u2019"):
            # "Simona Dell'" read without the rest of "Dell'Acqua".
            tail = _ELIDED_TAIL.match(text, end)
            if tail:
                end = tail.end()
        if start > 1 and text[start - 1] in "'\u2019":
            # "D'ANGELO Loredana", "N'DIAYE Michel" read from after the apostrophe.
            head = _ELIDED_HEAD.search(text, max(0, start - 6), start)
            if head:
                start = head.start()
        if "," in name:
            # "Leeuwen, Esther van": the surname's particles written after the given name.
            trailing = _PARTICLES_AFTER_GIVEN.match(text, end)
            if trailing:
                end = trailing.end()
        out.append(c._replace(start=start, end=end) if (start, end) != (c.start, c.end) else c)
    return out


# --- Capitalised words in languages that write common nouns in lower case --------------------------

# Where no NER model reads the language: in Spanish, Italian and Dutch (unlike German) a run of two
# or more capitalised words inside a sentence is a proper name — a person's, a place's or a firm's.
LOWER_CASE_NOUNS = frozenset({"es", "it", "nl", "fr"})
_RUN = re.compile(
    rf"(?<![\w\-.'])(?P<name>{_ELIDED}{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_ELIDED}{_TOKEN}){{1,3}})"
)


# Words that make a capitalised run an organisation's or a place's name, not a person's.
_ORGANISATION_WORDS = frozenset(
    [
        # Law and accountancy firms named after their partners ("Van Dijk Advocaten").
        "Advocaten",
        "Advocatenkantoor",
        "Notarissen",
        "Rechtsanwälte",
        "Rechtsanwaltskanzlei",
        "Kanzlei",
        "Abogados",
        "Avvocati",
        "Avocats",
        "Solicitors",
        "Banco",
        "Banca",
        "Bank",
        "Hospital",
        "Hôpital",
        "Ospedale",
        "Clínica",
        "Clinica",
        "Clinique",
        "Kliniek",
        "Ziekenhuis",
        "Universidad",
        "Università",
        "Université",
        "Universiteit",
        "Gemeente",
        "Ayuntamiento",
        "Comune",
        "Mairie",
        "Tribunal",
        "Tribunale",
        "Rechtbank",
        "Juzgado",
        "Seguros",
        "Assicurazioni",
        "Assurances",
        "Verzekeringen",
        "Hotel",
        "Hôtel",
        "Calle",
        "Via",
        "Plaza",
        "Piazza",
        "Avenida",
        "Viale",
        "Corso",
        "Straat",
        "Ministerio",
        "Ministero",
        "Ministère",
        "Ministerie",
        "Agencia",
        "Agenzia",
        "Agence",
        "Servicio",
        "Servizio",
        "Service",
        "Dienst",
        "Grupo",
        "Gruppo",
        "Groupe",
        "Groep",
        "Fundación",
        "Fondazione",
        "Fondation",
        "Stichting",
        "Instituto",
        "Istituto",
        "Institut",
        "Centro",
        "Centre",
        "Centrum",
        "Colegio",
        "Scuola",
        "École",
        "School",
        "Farmacia",
        "Pharmacie",
        "Apotheek",
        "Caja",
        "Cassa",
        "Caisse",
        "Sociedad",
        "Società",
        "Société",
        "Compañía",
        "Compagnia",
        "Compagnie",
        "Hacienda",
        "Seguridad",
        "Social",
        "Sanidad",
        "Salud",
        "Sanità",
        "Santé",
        "Zorg",
        "Policía",
        "Polizia",
        "Police",
        "Politie",
        # Saints' names are churches', streets' and towns' ("San Marco", "Santa Maria Novella").
        "San",
        "Santa",
        "Santo",
        "São",
        "Saint",
        "Sainte",
        "Sankt",
        "Sint",
        "Basilica",
        "Basílica",
        "Iglesia",
        "Chiesa",
        "Église",
        "Kirche",
        "Kerk",
        "Cathedral",
        "Catedral",
        "Cattedrale",
        "Crédit",
        # Courts and the headings of forms ("LANDGERICHT KÖLN", "Juzgado de Primera Instancia").
        "Gericht",
        "Landgericht",
        "Amtsgericht",
        "Oberlandesgericht",
        "Arbeitsgericht",
        "Sozialgericht",
        "Verwaltungsgericht",
        "Juzgado",
        "Audiencia",
        "Instancia",
        "Primera",
        "Corte",
        "Gerechtshof",
        "Rechtbank",
        "Court",
        "Tribunal",
        "Tribunale",
        "Ficha",
        "Scheda",
        "Fiche",
        "Personalbogen",
        "Code",
        "Código",
        "Codice",
        "Wetboek",
    ]
)


def capitalised_runs(text: str, stop_words: frozenset[str]) -> list[Candidate]:
    """Runs of two to four capitalised words (particles allowed inside) that are not function words."""
    found: list[Candidate] = []
    for match in _RUN.finditer(text):
        for start, end in _split_at_conjunctions(text, *match.span("name")):
            found.extend(_run_candidate(text, start, end, stop_words))
    return found


# "Giorgio Armani e Ferrero", "Banco Santander y Mapfre": two names joined, not one name.
_CONJUNCTION = re.compile(r"[ \t]+(?:e|y|et|en|und|and)[ \t]+")


def _split_at_conjunctions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for match in _CONJUNCTION.finditer(text, start, end):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, end))
    return spans


def _run_candidate(text: str, start: int, end: int, stop_words: frozenset[str]) -> list[Candidate]:
    """The run ``text[start:end]`` as a name, without the function words and labels opening it."""
    words = text[start:end].split()
    while words and (words[0].lower() in stop_words or _NOT_NAMES.match(words[0])):
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
        while start < end and text[start] in " \t":
            start += 1
    capitalised = [w for w in words if w[:1].isupper()]
    if (
        len(capitalised) < 2  # "de Mahou" left of "Cliente de Mahou"
        or words[-1].lower() in stop_words
        or any(w in _ORGANISATION_WORDS for w in words)
    ):
        return []
    return [Candidate("PERSON", start, end, 0.6)]


# --- Casing ---------------------------------------------------------------------------------------

# ALL CAPS words that are abbreviations, not names, even in a name's position.
_ACRONYMS = frozenset(
    [
        # German police ranks, titles before a name (_TITLE_WORDS).
        "POK",
        "PHK",
        "KHK",
        "POM",
        "PHM",
        "KHM",
        "EPHK",
        "DOB",
        "SSN",
        "IBAN",
        "BIC",
        "SWIFT",
        "NHS",
        "MRN",
        "ID",
        "NI",
        "NIR",
        "BSN",
        "DNI",
        "NIE",
        "CF",
        "TIN",
        "VAT",
        "USA",
        "UK",
        "EU",
        "US",
        "GB",
        "IT",
        "CEO",
        "CFO",
        "CTO",
        "HR",
        "IT",
        "PDF",
        "URL",
        "FAQ",
        "ASAP",
        "FYI",
        "RE",
        "FW",
        "FWD",
        "CC",
        "BCC",
        "NB",
        "PS",
        "TBD",
        "N/A",
        "NA",
        "OK",
        "AM",
        "PM",
        "UTC",
        "GMT",
        "CET",
        "AG",
        "SA",
        "SL",
        "SRL",
        "BV",
        "NV",
        "GMBH",
        "LTD",
        "LLC",
        "INC",
        "PLC",
        "SAS",
        "SARL",
        "SPA",
        "IVA",
        "NIF",
        "CIF",
        "CUI",
        "KVNR",
        "AOK",
        "TK",
        "DAK",
        "BARMER",
        "MD",
        "PHD",
        "RN",
        "DDS",
        "ICU",
        "ER",
        "GP",
        "OP",
        "ENT",
        "ECG",
        "EKG",
        "MRI",
        "CT",
        "HIV",
        "COVID",
        "DR",
        "MR",
        "MRS",
        "MS",
        "PO",
        "APO",
        "FPO",
        "DPO",
        "PSC",
        "CMR",
        "BOX",
        "RMA",
        "SKU",
        "INV",
        "REF",
        "NO",
        "NR",
        "TEL",
        "FAX",
        "MOB",
        "ATTN",
        "DEPT",
        "ST",
        "AVE",
        "RD",
        "BLVD",
    ]
)
# An elided particle opens some ("D'ANGELO", "O'BRIEN"): read as "D'Angelo". Not "L'": in capitals
# that is mostly an article ("L'HÔPITAL").
_CAPS_WORD = re.compile(rf"(?<![\w\-'])(?:[DOMN]['\u2019])?[{_UP}]{{2,}}(?:[-'\u2019][{_UP}]{{2,}})*(?![\w])")
# "DUPONT Jean", "GARCÍA LÓPEZ María": a surname in capitals and a capitalised given name.
_SURNAME_GIVEN = re.compile(
    rf"(?<![\w\-])(?P<surname>(?:(?:AL|EL|DE|DI|DA|DU|LA|LE|LO)[-' ])?[{_UP}]{{3,}}(?:[-' ][{_UP}]{{3,}})?)"
    rf"[ \t]+(?P<given>[{_UP}][{_LOW}]{{2,}}"
    rf"(?:-[{_UP}][{_LOW}]+)?)(?![\w\-])"
)


@functools.lru_cache(maxsize=16)
def case_view(text: str) -> str:
    """``text`` with ALL CAPS words (not abbreviations) capitalised, same length and offsets.

    Cached: the engine, the name rules and the mention search all read it for the same text.
    """
    if _CAPS_WORD.search(text) is None:
        return text
    parts: list[str] = []
    position = 0
    for match in _CAPS_WORD.finditer(text):
        word = match.group()
        if word in _ACRONYMS or not any(c in "AEIOUYÀ-ÖØ-Þ" or "\u00c0" <= c <= "\u00de" for c in word):
            continue
        titled = word[0] + "".join(c.lower() if len(c.lower()) == 1 else c for c in word[1:])
        titled = re.sub(r"([-'\u2019])(\w)", lambda m: m.group(1) + m.group(2).upper(), titled)
        parts.append(text[position : match.start()])
        parts.append(titled)
        position = match.end()
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


# --- E-mail headers and chat transcripts -------------------------------------------------------------

_WORDS = rf"[{_UP}{_LOW}][{_UP}{_LOW}'\u2019.\-]*(?:[ \t]+[{_UP}{_LOW}][{_UP}{_LOW}'\u2019.\-]*){{0,3}}"
# The address of a display form: "<jane@x.com>" (the name before it) or "jane@x.com (Jane Doe)".
_ANGLE_ADDRESS = re.compile(r"<[^<>\s@]+@[^<>\s]+>")
_PAREN_AFTER = re.compile(rf"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+[ \t]*\((?P<name>{_WORDS}(?:,[ \t]*{_WORDS})?)\)")
# What stands before "<address>" on its line: '"Doe, Jane" ', "JANE DOE ", "From: Jane Doe ".
_NAME_BEFORE = re.compile(rf"(?P<q>[\"'])?(?P<name>{_WORDS}(?:,[ \t]*{_WORDS})?)(?P=q)?[ \t]*$")
# "On 3 June 2024, Jane Doe wrote:", "Am 03.06.2024 schrieb Jane Doe:", "Le 3 juin, Jane Doe a écrit :".
_WROTE_WORD = re.compile(r"\b(?:wrote|a[ \t]écrit|escribió|ha[ \t]scritto|schreef|schrieb|scrisse)\b")
_NAME_THEN = re.compile(rf"[ \t]+(?P<name>{_NAME})[ \t]*:")
_NAME_NOW = re.compile(rf"(?<![\w\-])(?P<name>{_NAME})[ \t]+$")
_HEADER_WORDS = frozenset(
    [
        "from",
        "to",
        "cc",
        "bcc",
        "de",
        "von",
        "van",
        "da",
        "para",
        "a",
        "an",
        "aan",
        "per",
        "objet",
        "subject",
        "betreff",
        "asunto",
        "oggetto",
        "onderwerp",
        "reply",
    ]
)
_LOOK = 80


def _display_names(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "@" in text:
        spans: list[tuple[int, int]] = []
        for address in _ANGLE_ADDRESS.finditer(text):
            line_start = max(text.rfind("\n", 0, address.start()) + 1, address.start() - _LOOK)
            match = _NAME_BEFORE.search(text, line_start, address.start())
            if match:
                spans.append(match.span("name"))
        if "(" in text:
            spans.extend(m.span("name") for m in _PAREN_AFTER.finditer(text))
        for start, end in spans:
            words = text[start:end].split()
            # "From: Jane Doe <…>" is matched from "From": drop header words in front.
            while words and words[0].rstrip(":").lower() in _HEADER_WORDS:
                start = text.index(words[0], start) + len(words[0])
                words = words[1:]
            while start < end and not text[start].isalnum():
                start += 1
            if words and start < end and not _NOT_NAMES.match(text[start:end]):
                found.append(Candidate("PERSON", start, end, 0.85))
    if _WROTE_WORD.search(text) is None:
        return found
    view = case_view(text)
    for word in _WROTE_WORD.finditer(view):
        after = _NAME_THEN.match(view, word.end())
        if after and word.group() in ("schrieb", "escribió", "scrisse"):
            found.extend(_name_candidates(view, *after.span("name"), 0.8))
        before = _NAME_NOW.search(view, max(0, word.start() - _LOOK), word.start())
        if before:
            found.extend(_name_candidates(view, *before.span("name"), 0.8))
    return found


# A chat line's speaker: "anna.berg: …", "[10:32] jdoe: …", "<mike_r> …", "Anna B: …".
_SPEAKER = re.compile(
    r"^[ \t]*(?P<stamp>\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}["
    r" \t]*[-\]]?[ \t]*"
    # WhatsApp's exports: "[12/03/2024, 09:14] ", "[09:12, 4.3.2024] ", "12.03.24, 09:14 - ".
    r"|\[[^\]\n]{0,12}\d{1,2}[:/.\-]\d{1,2}[^\]\n]{0,16}\][ \t]*"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?"
    r"[ \t]+[-\u2013][ \t]+)?"
    r"(?:(?P<angle><)|@)?(?P<name>[^\W\d_][\w'\-]*(?:[._][\w]+)*(?:[ \t][^\W\d_][\w'\-]*\.?)?)"
    # "lukas (14:02): …", "anna 10:32: …": a clock time between the speaker and the colon.
    r"(?(angle)>|(?:[ \t]*[(\[]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?)?[ \t]*:)[ \t]",
    re.MULTILINE,
)
_NOT_SPEAKERS = frozenset(
    [
        "note",
        "notes",
        "subject",
        "re",
        "fw",
        "fwd",
        "to",
        "from",
        "cc",
        "bcc",
        "date",
        "time",
        "status",
        "priority",
        "ticket",
        "summary",
        "action",
        "q",
        "a",
        "user",
        "assistant",
        "system",
        "bot",
        "agent",
        "customer",
        "support",
        "admin",
        "info",
        "update",
        "fyi",
        "todo",
        "ps",
        "nb",
        "tel",
        "phone",
        "fax",
        "email",
        "mail",
        "address",
        "adresse",
        "dirección",
        "indirizzo",
        "adres",
        "name",
        "nom",
        "nombre",
        "nome",
        "naam",
        "warning",
        "error",
        "important",
        "reminder",
        "question",
        "answer",
        "answers",
        "response",
        "reply",
        "request",
        "result",
        "results",
        "example",
        "step",
        "total",
        "objet",
        "betreff",
        "asunto",
        "oggetto",
        "onderwerp",
        "http",
        "https",
        "www",
        "comment",
        "comments",
        "remarks",
        "remark",
        "moderator",
        "host",
        "operator",
        "caller",
        "client",
        "kunde",
        "cliente",
        "klant",
        "patient",
        "patiente",
        "paciente",
        "paziente",
        "patiënt",
        "doctor",
        "docteur",
        "arzt",
        "médico",
        "medico",
        "bot",
        "arts",
        "nurse",
        "interviewer",
        "interviewee",
        "speaker",
        # The organisation's side of a chat, by its role, in the six languages.
        "kundenservice",
        "kundendienst",
        "service",
        "servicio",
        "servizio",
        "klantenservice",
        "klantendienst",
        "helpdesk",
        "hotline",
        "medewerker",
        "medewerkster",
        "mitarbeiter",
        "mitarbeiterin",
        "berater",
        "beraterin",
        "sachbearbeiter",
        "sachbearbeiterin",
        "conseiller",
        "conseillère",
        "agente",
        "operatore",
        "operatrice",
        "operador",
        "operadora",
        "asistente",
        "assistente",
        "soporte",
        "supporto",
        "assistenza",
        "atención",
        "chatbot",
        "team",
        "staff",
        "vendeur",
        "vendedor",
        "venditore",
        "verkoper",
        "verkäufer",
        # A form's labels, which repeat when a form lists two people ("Telefon: …" twice).
        "telefon",
        "telefono",
        "teléfono",
        "téléphone",
        "telephone",
        "telefoon",
        "mobil",
        "mobile",
        "móvil",
        "cellulare",
        "handy",
        "portable",
        "datum",
        "fecha",
        "data",
        "geburtsdatum",
        "notiz",
        "hinweis",
        "nota",
        "opmerking",
        "abteilung",
        "position",
        "iban",
        "bic",
        "kontonummer",
        "adresse",
    ]
)


# A shift's handover is a line's label, not its speaker ("Relève : Ana / Marc" twice in a rota).
_HANDOVER_WORDS = ("handover", "relève", "releve", "übergabe", "uebergabe", "overdracht", "consegna")
_NOT_SPEAKERS = _NOT_SPEAKERS | frozenset((*_HANDOVER_WORDS, "entrega", "passation", "relevo"))


def _speakers(text: str) -> list[Candidate]:
    """Chat speakers: a handle with a dot or underscore, or a prefix that opens two lines or more."""
    matches = list(_SPEAKER.finditer(text))
    if not matches:
        return []
    counts: dict[str, int] = {}
    for match in matches:
        counts[match.group("name").lower()] = counts.get(match.group("name").lower(), 0) + 1
    # A chat: one speaker (not a role like "support") opens two lines or more, or lines carry a time.
    chat = (
        any(
            n >= 2 and k not in _NOT_SPEAKERS and k.split()[0] not in _NOT_SPEAKERS for k, n in counts.items()
        )
        or sum(1 for m in matches if m.group("stamp")) >= 2
    )
    found = []
    for match in matches:
        name = match.group("name")
        key = name.lower()
        if key in _NOT_SPEAKERS or key.split()[0] in _NOT_SPEAKERS or any(c.isdigit() for c in name[:1]):
            continue
        if _LABEL_WORD.fullmatch(key):
            continue  # a form's label written twice ("Name: …" for the employee and for a contact)
        if any(
            part in _NOT_SPEAKERS or part in _NOT_LOCAL_NAMES
            for part in re.split(r"[._\s]", key)
            if len(part) > 1
        ):
            continue  # "support_bot", "help.desk"
        handle = any(c in name for c in "._")
        if handle or counts[key] >= 2 or match.group("angle") or match.group("stamp"):
            found.append(Candidate("PERSON", *match.span("name"), 0.8))
        elif chat and _lone_speaker(text, match):
            found.append(Candidate("PERSON", *match.span("name"), 0.7))
    return found


_CLAUSE = re.compile(r"[^,.;:!?\n]+")
_LOWER_NAME_WORDS = re.compile(
    r"[a-zà-öø-ÿß]+(?:[-'\u2019][a-zà-öø-ÿß]+)*(?:[ ][a-zà-öø-ÿß]+(?:[-'\u2019][a-zà-öø-ÿß]+)*){1,4}"
)


def _names_by_own_login(text: str) -> list[Candidate]:
    """A name typed in lower case by the chat user whose login it makes ("gbianco: gianluca lo bianco")."""
    found = []
    for match in _SPEAKER.finditer(text):
        login = _LOGIN_DIGITS.sub("", match.group("name"))
        if not login.islower() or " " in login or len(login) < 4:
            continue
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end == -1 else line_end
        for clause in _CLAUSE.finditer(text, match.end(), line_end):
            words = _LOWER_NAME_WORDS.fullmatch(clause.group().strip())
            if words and login in _login_forms(words.group()):
                start = clause.start() + clause.group().index(words.group())
                found.append(Candidate("PERSON", start, start + len(words.group()), 0.75))
    return found


# Slack's and Teams' exports put the speaker on a line of its own with the time: "dwhitfield  10:02 AM".
_SPEAKER_LINE = re.compile(
    r"^[ \t]*(?P<name>[^\W\d_][\w'\-]*(?:[._][\w]+)*(?:[ \t][^\W\d_][\w'\-]*)?)[ \t]+"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$",
    re.MULTILINE,
)
_LABEL_WORD = re.compile(rf"(?i:{_LABELS}|{_COLON_LABELS})")


def _lone_speaker(text: str, match: re.Match[str]) -> bool:
    """Whether a speaker prefix seen once in a chat is a person ("dani: sí, con Chema").

    Not a form's label ("Mobil: 0171 …", "Vorname: Klaus"), a common word or a value that is a number.
    """
    name = match.group("name")
    key = name.lower()
    if (
        key in COMMON_WORDS
        or _LABEL_WORD.fullmatch(key)
        or _NOT_NAMES.match(name)
        or not all(w.isalpha() for w in key.split())
    ):
        return False
    after = text[match.end() : match.end() + 1]
    if not after or after.isdigit() or after == "+":
        return False
    if match.group("stamp") or name.islower():
        return True  # a time before it, or a handle typed in lower case ("dani: sí")
    # A capitalised word once ("Abteilung: Einkauf" in a form beside a chat) only if a given name.
    from redaction.recognizers_cues import is_given

    return is_given(name.split()[0])


def _speaker_lines(text: str) -> list[Candidate]:
    """Speakers on a line of their own above their message, with its time (two such lines or more)."""
    matches = [m for m in _SPEAKER_LINE.finditer(text) if m.group("name").lower() not in _NOT_SPEAKERS]
    if len(matches) < 2:
        return []
    return [
        Candidate("PERSON", *m.span("name"), 0.8)
        for m in matches
        if not _NOT_NAMES.match(m.group("name")) and m.group("name").lower() not in COMMON_WORDS
    ]


_LOCAL_PART = re.compile(
    r"(?<![\w.+\-])([A-Za-zÀ-ÿ]{2,})[._\-]([A-Za-zÀ-ÿ]{2,})(?:[._\-]([A-Za-zÀ-ÿ]{2,}))?(?:\d*)@"
)
_NOT_LOCAL_NAMES = frozenset(
    [
        "info",
        "support",
        "sales",
        "contact",
        "admin",
        "billing",
        "noreply",
        "no",
        "reply",
        "mail",
        "team",
        "office",
        "service",
        "help",
        "desk",
        "hr",
        "jobs",
        "accounts",
        "account",
        "finance",
        "legal",
        "privacy",
        "security",
        "abuse",
        "webmaster",
        "news",
        "newsletter",
        "marketing",
        "hello",
        "press",
        "customer",
        "customers",
        "client",
        "clients",
        "care",
        "notifications",
        "notification",
        "alerts",
        "alert",
        "donotreply",
        "the",
        "and",
        "dept",
        "group",
        "list",
        "mailer",
        "postmaster",
        "root",
        "system",
        "test",
        "demo",
        "example",
        "user",
    ]
)


def handle_parts(text: str) -> set[str]:
    """Name-like parts of ``given.surname`` e-mail local parts and chat handles in ``text``."""
    parts: set[str] = set()
    if "@" in text:
        for match in _LOCAL_PART.finditer(text):
            words = [w for w in match.groups() if w]
            if all(w.lower() not in _NOT_LOCAL_NAMES for w in words):
                parts.update(w.lower() for w in words if len(w) >= 3)
    for candidate in _speakers(text):
        name = text[candidate.start : candidate.end]
        if any(c in name for c in "._") or name.islower():
            parts.update(w.lower() for w in re.split(r"[._\s]", name) if len(w) >= 3 and w.isalpha())
    if any(c.islower() for c in text):
        for candidate in cued_lower_names(text):
            parts.update(w for w in text[candidate.start : candidate.end].split() if len(w) >= 3)
    return {p for p in parts if p not in COMMON_WORDS}


# --- Names written in lower case after the words that introduce a person in notes and chats ----------
#
# Call notes and chat transcripts are typed fast and in lower case: "spoke to maria rossi re the
# invoice", "ho parlato con luca bianchi", "afspraak met jan de vries op dinsdag", "hi, i'm anna
# berg". Casing must not decide whether a name is a name, so after these cue words lower-case words
# are taken as a name — up to three, stopping at a function or common word. A self-introduction
# ("i'm …", "soy …") is a weaker cue than "spoke to …" ("i'm really sorry"): it is taken only in a
# chat transcript and only as two name words ending the clause.
_STRONG_CUES = (
    # English
    "spoke to|spoke with|speaking to|speaking with|talked to|talked with|call with|call from|calls from"
    "|called|phoned|rang|meeting with|met with|chatted with|visit from|emailed|texted|left a message for"
    "|left a voicemail for|on the phone with|my name is|name's|caller"
    # German
    "|sprach mit|gesprochen mit|telefoniert mit|telefonat mit|anruf von|rückruf an|rückruf von|termin mit"
    "|treffen mit|gespräch mit|mein name ist|ich heiße|ich heisse"
    # French
    "|j'ai appelé|j\u2019ai appelé|appelé|parlé avec|parlé à|eu au téléphone|rendez-vous pris avec"
    "|rendez-vous avec|rdv avec|appel de|appel avec|entretien avec|je m'appelle|je m\u2019appelle|mon nom est"
    # Spanish
    "|hablé con|hablado con|llamé a|llamada de|llamada con|reunión con|cita con|conversación con|me llamo"
    "|mi nombre es"
    # Italian
    "|ho parlato con|parlato con|ho sentito|ho chiamato|telefonata con|telefonata di|appuntamento con"
    "|incontro con|riunione con|chiamata da|chiamata con|mi chiamo|il mio nome è"
    # Dutch
    "|gesproken met|gebeld met|gebeld door|belde met|afspraak met|overleg met|gesprek met|telefoongesprek met"
    "|contact gehad met|mijn naam is|ik heet"
)
_WEAK_CUES = "i'm|i am|it's|this is|je suis|c'est|ich bin|hier ist|soy|sono|ik ben"
_LOWER_WORD = r"[a-zà-öø-ÿß][a-zà-öø-ÿß'\u2019\-]*[a-zà-öø-ÿß]"
_LOWER_PARTICLE = r"(?:van|von|de|der|den|di|da|del|della|dei|la|le|du|des|ten|ter|y|zu|dos|das)"
_CUED = re.compile(
    # A trie, not a flat alternation of a hundred cues tried one by one at every position.
    rf"(?<![\w\-'])(?P<cue>{_alternatives(_STRONG_CUES + '|' + _WEAK_CUES)})[ \t]*:?[ \t]+"
    rf"(?:(?P<title>(?:de[ \t]+|il[ \t]+|la[ \t]+|el[ \t]+)?{_LOWER_TITLES})\.?[ \t]+)?"
    rf"(?P<name>{_LOWER_WORD}(?:[ \t]+(?:{_LOWER_PARTICLE}[ \t]+){{0,2}}{_LOWER_WORD}){{0,2}})",
    re.IGNORECASE,
)
_WEAK_CUE_SET = frozenset(_WEAK_CUES.split("|"))
# Words that follow those cues and are not names: function words, people by their role, times.
_COMMON_WORDS = """
    the a an his her their my your our its him them us me you it this that these those someone somebody
    anyone nobody everyone back again later today tomorrow yesterday twice once already still just also
    about regarding re and or but with to from for on in at by of as not no yes ok okay please thanks
    thank hello hi hey sorry fine good great well very really so too here there now then soon still
    sure glad happy afraid not going trying calling writing looking waiting new back home late early
    support team manager customer client agent doctor nurse patient office service billing sales desk
    department family mother father son daughter wife husband brother sister friend colleague boss owner
    landlord tenant lawyer bank insurer insurance company provider supplier driver technician engineer
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night week month
    will would shall should could can may might must have has had was were been being is are am do does
    did done get got make made take took give gave say said tell told ask asked
    der die das dem den des ein eine einem einen einer und oder mit von zu bei im am an auf für heute
    morgen gestern wieder nochmal kunde kundin kunden arzt ärztin chef chefin kollege kollegin frau herrn
    herr leider gerne bitte danke hallo nicht noch schon auch sehr gut froh müde krank hier
    le la les un une des du de et ou avec pour sur dans au aux ce cette son sa ses mon ma mes leur
    client cliente conseiller conseillère médecin docteur madame monsieur aujourd'hui demain hier encore
    bien très désolé désolée content contente fatigué malade là ici
    el la los las un una unos unas y o con para por en al del su sus mi mis tu cliente médico doctora
    señor señora hoy mañana ayer otra vez bien muy gracias hola perdón cansado cansada contento
    contenta aquí allí de
    il lo la i gli le un uno una e o con per su in al allo alla del della suo sua mio mia cliente
    medico dottore dottoressa signor signora oggi domani ieri ancora bene molto grazie ciao scusa
    stanco stanca contento contenta qui lì di
    de het een en of met voor op in aan van bij zijn haar mijn klant arts dokter meneer mevrouw
    vandaag morgen gisteren weer nog graag goed heel dank hoi hallo sorry moe blij hier daar
    """
COMMON_WORDS = frozenset(_COMMON_WORDS.split())


def _known_given(word: str) -> bool:
    """Whether ``word`` is a known given name that is not also an everyday word (recognizers_cues)."""
    from redaction.recognizers_cues import _LOWER_RISKY, is_given

    return word not in _LOWER_RISKY and word not in _WORD_NAMES and is_given(word)


def _looks_like_chat(text: str) -> bool:
    return sum(1 for _ in zip(range(2), _SPEAKER.finditer(text), strict=False)) >= 2


def cued_lower_names(text: str) -> list[Candidate]:
    """Lower-case names after the words that introduce a person ("spoke to maria rossi")."""
    return list(_cued_lower_names(text))


@functools.lru_cache(maxsize=16)
def _cued_lower_names(text: str) -> tuple[Candidate, ...]:
    # Cached: the name rules and the search for other mentions both ask for the same text.
    found: list[Candidate] = []
    chat: bool | None = None
    for match in _CUED.finditer(text):
        cue = " ".join(match.group("cue").lower().split())
        name_start = match.start("name")
        words = list(re.finditer(r"\S+", match.group("name")))
        taken: list[re.Match[str]] = []
        for word in words:
            w = word.group()
            if w in COMMON_WORDS and not (taken and re.fullmatch(_LOWER_PARTICLE, w)):
                break
            taken.append(word)
        while taken and re.fullmatch(_LOWER_PARTICLE, taken[-1].group()):
            taken.pop()
        if not taken or any(not w.group().islower() for w in taken):
            continue
        end = name_start + taken[-1].end()
        if (
            len(taken) == 1
            and not match.group("title")
            and not re.search(rf"(?<![\w\-]){re.escape(taken[0].group().capitalize())}(?![\w\-])", text)
            and not _known_given(taken[0].group())
        ):
            # One lower-case word ("met with legal", "called ahead") is a name only if the text
            # also writes it as one ("… Tom said") or it is a known given name ("rang ifeoma back");
            # two ("spoke to cheryl wallis") are taken as they are.
            continue
        if cue in _WEAK_CUE_SET:
            if chat is None:
                chat = _looks_like_chat(text)
            # Two name words ending the clause: "soy ana garcía, …", "i'm tom baker\n".
            if not chat or len(taken) < 2 or not re.match(r"[ \t]*(?:[,.;!?\n]|$)", text[end:]):
                continue
        found.append(Candidate("PERSON", name_start + taken[0].start(), end, 0.75))
    return tuple(found)


# --- spaCy's entities, tidied -----------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_LEADING_TITLE = re.compile(rf"^(?:{_TITLES})\.?(?:[ \t]+|$)")
_INITIAL_ONLY = re.compile(r"^\W*\w{0,1}\W*$|^\w\.$")
_CALENDAR = re.compile(
    r"(?<![\w\-])(?:19|20)\d\d(?![\w\-])|(?<![\w\-/])\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?(?![\w\-/])"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)


_MARKUP = re.compile(r"</?[A-Za-z]|[<>]")
_TAG_NAME = re.compile(r"[A-Za-z][\w.\-:]*")
_ATTRIBUTE_OR_END = re.compile(r"[ \t]+[A-Za-z][\w.\-:]*=|[ \t]*/>")


def _xml_tag_name(text: str, start: int) -> bool:
    """Whether the word at ``start``, after a "<", is an element's name: closed by its own end tag or
    followed by an attribute ("<Roswitha Quast>" in a chat log is a speaker, "<Surname>" a tag)."""
    if text[start - 2 : start] == "</":
        return True
    tag = _TAG_NAME.match(text, start)
    if tag is None:
        return False
    return bool(_ATTRIBUTE_OR_END.match(text, tag.end())) or f"</{tag.group()}>" in text


def tidy_ner(text: str, entity_type: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of a spaCy entity worth reporting, or ``None`` when it is not personal data."""
    span = text[start:end]
    if "\n" in span:
        # Entities do not run across lines: "20 September 2024\nAssessment" is a date and a heading.
        cut = span.index("\n")
        if cut == 0:
            return None
        end = start + cut
        span = span[:cut]
    if entity_type in ("PERSON", "LOCATION", "NRP"):
        if text[start - 1 : start] == "<" and _xml_tag_name(text, start):
            return None  # an XML element's name ("<GivenName>", "</Patient>"), not its text
        markup = _MARKUP.search(span)
        if markup:
            # An element's text ends at its closing tag: "Aurora Lane</Street>".
            if markup.start() == 0:
                return None
            end = start + markup.start()
            span = text[start:end].rstrip()
            end = start + len(span)
        if "\t" in span.strip():
            # A tab separates the cells of a pasted table: "Abteilung\tDurchwahl" is two headers,
            # "Jürgen Hoffmann\tVertrieb" a name and a department. The first cell is kept if it
            # is a name of two words or more on its own.
            end = start + span.index("\t", len(span) - len(span.lstrip()))
            span = text[start:end]
            if len(span.split()) < 2:
                return None
        label = _LEADING_LABEL.match(span)
        if label and label.end() < len(span):
            start += label.end()
            span = text[start:end]
            words = span.split()
            if len(words) == 2 and _PARTICLE_RE.match(words[0]) and words[0].islower():
                return None  # "Cliente de Mahou": a label and a firm, not "de Mahou"
        title = _LEADING_TITLE.match(span)
        if title:
            if title.end() >= len(span.rstrip()):
                return None  # "Estimada Sra": a greeting and a title, the name is elsewhere
            start += title.end()
            span = text[start:end]
        if _INITIAL_ONLY.match(span):
            return None
        if span.endswith(("'s", "\u2019s")):
            end -= 2
            span = span[:-2]
        if _DIGIT.search(span) or not any(c.islower() for c in span) or len(span) < 2:
            return None
        if entity_type == "PERSON" and _NOT_NAMES.match(span) and (" " not in span or _GREETING.match(span)):
            return None
    elif entity_type == "DATE_TIME" and not _CALENDAR.search(span):
        # Durations ("six weeks"), clock times and "today" are not dates about a person.
        return None
    return start, end


# A greeting a model reads as a name in a language it does not know ("Guten Tag", "Buenos días").
_GREETING = re.compile(
    r"(?:Guten|Moin|Servus|Goedemorgen|Goedemiddag|Goedenavond|Bonjour|Bonsoir|Buenos|Buenas|Buongiorno"
    r"|Buonasera|Hallo|Hello|Hola|Ciao|Salut|Danke|Dank|Vielen|Merci|Gracias|Grazie|Bedankt)\b"
)
_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;\"'(\[\u2014\u2013-])[ \t]*$")


def lower_case_guess(text: str, start: int, end: int) -> bool:
    """Whether a model's name ``text[start:end]`` is all lower case with no known given name in it.

    Models guess names in lower-case notes from word order alone ("spoke w/", "doppio addebito");
    lower-case names are found by their cues instead (recognizers_cues).
    """
    span = text[start:end]
    if not span.islower():
        return False
    from redaction.recognizers_gazetteer import _is_given

    return not any(_is_given(w) for w in re.findall(r"\w+", span))


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a line or a sentence, where every word is capitalised."""
    return bool(_SENTENCE_START.search(text, max(0, start - 6), start))


# --- Other mentions of a name already found ---------------------------------------------------------

_TOKEN_RE = re.compile(_TOKEN)
_PARTICLE_RE = re.compile(rf"^{_PARTICLE}$", re.IGNORECASE)


def other_mentions(text: str, names: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Every other whole-word occurrence of the names found and of their parts.

    As written, capitalised or in capitals ("Anna Berg", "ANNA BERG"); in lower case only the
    parts of a ``given.surname`` handle or address ("anna" of "anna.berg@example.com").
    """
    names = list(names)
    in_lists = _listed_with_names(text, names)
    names += [(c.start, c.end) for c in in_lists]
    forms: set[str] = set()
    view = case_view(text)
    for start, end in names:
        name = view[start:end]
        forms.add(text[start:end])
        if not any(c.isupper() for c in name):
            # "rosaria catalano" in a note, "la Catalano" further on: its parts capitalised too.
            name = " ".join(w if _PARTICLE_RE.match(w) else w.capitalize() for w in name.split())
            forms.add(name[:1].upper() + name[1:])  # "el haddaoui", then "El Haddaoui"
        forms.add(name)
        words = name.split()
        for index in range(1, len(words) - 1):
            if _PARTICLE_RE.match(words[index]):
                # "Ilse van der Meulen": her surname alone is "van der Meulen" or "Van der Meulen".
                tail = " ".join(words[index:])
                forms.update((tail, tail[0].upper() + tail[1:]))
                break
        parts = [t for t in _TOKEN_RE.findall(name) if not _PARTICLE_RE.match(t)]
        if len(parts) > 1 or (len(parts) == 1 and parts[0] == name):
            forms.update(p for p in parts if len(p) >= 3 and not _NOT_NAMES.match(p))
    handles = handle_parts(text)
    forms.update(p.capitalize() for p in handles if not _NOT_NAMES.match(p.capitalize()))
    # White space compared as one space: a name found with column padding inside it is still
    # the name written with one space elsewhere (and the pattern below has one gap per run).
    forms = {" ".join(f.split()) for f in forms if f.strip()}
    if not forms:
        return []
    forms |= {f.upper() for f in forms}
    # A name found capitalised comes back in lower case in the same chat or note ("Anna Berg" in the
    # header, "thanks anna" below) — unless the word is also a common word ("will", "rose", "bianca").
    lowered = set(handles)
    if any(c.islower() for c in text):
        lowered |= {
            f.lower()
            for f in forms
            if " " not in f and len(f) >= 3 and f.lower() not in COMMON_WORDS and f.lower() not in _WORD_NAMES
        }
    # One case-insensitive pattern over the lower-cased forms (cheaper to build than one per case);
    # a match counts only in a case it was found in.
    found = []
    for start, end in find_words_folded(text, {f.lower() for f in forms} | lowered):
        word = " ".join(text[start:end].split())
        if word in forms:
            found.append(Candidate("PERSON", start, end, 0.75))
        elif word in lowered:
            found.append(Candidate("PERSON", start, end, 0.7))
    return found + in_lists + logins_of(text, names)


# --- Names listed beside names ------------------------------------------------------------------------
#
# Minutes and distribution lists name people in one comma-separated line, some by surname alone
# ("Anwesend: Jana Brandt (Leitung), Tim Roth, K. Sommer, Lindqvist"). Where most items of such a
# line are names already found, an item written like a name (capitalised words, a particle) is one.

# A comma or a semicolon and a space ("Osei, Kofi; Brennan, Aoife"); an export's cells have no space.
_LIST_SEPARATOR = re.compile(r"[,;][ \t]+")
# A record's row, not a list of people: cells split by tabs, an e-mail address, a number.
_NOT_A_LIST = re.compile(r"[\t@]|\d{3}")
_LIST_ITEM = re.compile(
    rf"(?:(?:und|and|et|e|y|en|sowie)[ \t]+)?(?P<name>(?P<initials>[{_UP}]\.(?:-?[{_UP}]\.)?[ ])?"
    rf"(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}(?:[ \t]{_TOKEN}){{0,2}})"
    r"(?:[ \t]*\([^()\n]{0,40}\))?[ \t]*"
)


def _listed_with_names(text: str, names: list[tuple[int, int]]) -> list[Candidate]:
    lines: dict[int, list[tuple[int, int]]] = {}
    for start, end in names:
        line_start = text.rfind("\n", 0, start) + 1
        lines.setdefault(line_start, []).append((start, end))
    found = []
    for line_start, spans in lines.items():
        if len(spans) < 2:
            continue
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end == -1 else line_end
        if _NOT_A_LIST.search(text, line_start, line_end):
            continue
        label = text.find(":", line_start, min(spans)[0])
        position = label + 1 if label != -1 else line_start
        items = []
        for separator in _LIST_SEPARATOR.finditer(text, position, line_end):
            items.append((position, separator.start()))
            position = separator.end()
        items.append((position, line_end))
        # Each item a name and nothing else: a sentence naming two people is no list.
        shaped = [
            _LIST_ITEM.fullmatch(text, a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in items
        ]
        named = [
            match is not None and any(s < b and e > a for s, e in spans)
            for (a, b), match in zip(items, shaped, strict=True)
        ]
        if len(items) < 3 or sum(named) < 2 or sum(named) * 2 < len(items):
            continue
        for match, is_name in zip(shaped, named, strict=True):
            if match is None:
                continue
            if is_name:
                # "von Bülow" found as "Bülow": the particles opening the item belong to the surname.
                if _PARTICLE_RE.match(match.group("name").split()[0]):
                    found.append(Candidate("PERSON", *match.span("name"), 0.7))
                continue
            name = match.group("name")
            if match.group("initials"):
                continue  # an initialled name the other rules read already
            words = [w for w in name.split() if not _PARTICLE_RE.match(w)]
            if not words or any(w.lower() in COMMON_WORDS or _NOT_NAMES.match(w) for w in words):
                continue
            if any(w in _ORGANISATION_WORDS for w in words):
                continue
            found.append(Candidate("PERSON", *match.span("name"), 0.7))
    return found


# --- Logins built from a name found ---------------------------------------------------------------
#
# A ticket or an export names someone in full once and by login elsewhere: "Gaëtan Bouchard" is
# "gaetanbou", "gbouchard", "bouchard.g" or "gaetan_b84". The logins a name gives are a handful, so
# they are built from every name found and looked up word by word (one pass, a set look-up each).

_LOGIN_WORD = re.compile(r"(?<![\w.@/\-])[a-z][a-z0-9]*(?:[._][a-z0-9]+){0,2}(?![\w@/\-]|\.\w)")
_LOGIN_DIGITS = re.compile(r"\d{1,4}$")


def _ascii_fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalpha() and c.isascii())


def _login_forms(name: str) -> set[str]:
    """The logins people build from ``name`` ("Gaëtan Bouchard", "Bouchard, Gaëtan"), folded."""
    if "," in name:
        surname_part, _, given_part = name.partition(",")
        name = f"{given_part} {surname_part}"
    words = [w for w in name.split() if not _PARTICLE_RE.match(w)]
    words = [_ascii_fold(w) for w in words if len(w.strip(".")) > 1]
    if len(words) < 2 or any(not w for w in words):
        return set()
    given, whole = words[0], "".join(words[1:])
    forms = {given[0] + whole, given + whole}
    # Any later word may be the surname a login keeps ("ana isabel peñalver navarro" is "penalver.a").
    for surname in words[1:]:
        forms |= {given + surname, given[0] + surname, given + "." + surname, given[0] + "." + surname}
        forms |= {
            surname + "." + given[0],
            surname + given[0],
            surname + "." + given,
            given + "_" + surname[0],
        }
        forms |= {given + surname[:n] for n in range(1, 6)}
    return {f for f in forms if len(f) >= 5}


def logins_of(text: str, names: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Lower-case logins in ``text`` built from the names found ("gaetanbou" of "Gaëtan Bouchard")."""
    if not any(c.islower() for c in text):
        return []
    forms: set[str] = set()
    for start, end in names:
        value = text[start:end]
        if " " in value.strip():
            forms |= _login_forms(value)
    if not forms:
        return []
    found = []
    for match in _LOGIN_WORD.finditer(text):
        word = _LOGIN_DIGITS.sub("", match.group())
        if word in forms:
            found.append(Candidate("PERSON", match.start(), match.end(), 0.7))
    return found


@functools.lru_cache(maxsize=256)
def _words_regex_folded(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the lower-case ``words`` as a whole word in any case; a trie, not a flat alternation."""
    return re.compile(r"(?<![\w\-])(?:" + _trie_of(words) + r")(?![\w\-])", re.IGNORECASE)


_WORD_RUN = re.compile(r"\w+")
_BLANKS = re.compile(r"[ \t]+")
_WORD_OR_HYPHEN = re.compile(r"[\w\-]")


def find_words_folded(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of the lower-case ``words`` occurs in ``text`` as a whole word, in any case.

    A space in a word matches any run of spaces and tabs. Matches do not overlap; at a position
    the longest word wins, as with one alternation regex over all of them.

    The words are the names of one text, so a regex of them would be compiled afresh for every
    request (Python's regex compiler costs more than the search: 1 to 2 ms per KB of text). The
    text's words are indexed once instead, and each name is looked for only where its first word
    stands.
    """
    lowered = text.lower()
    wanted = {w for w in words if w}
    if not wanted:
        return []
    if len(lowered) != len(text) or any(not _WORD_RUN.match(w) for w in wanted):
        # Lower-casing changed the length (a dotted capital I) or a word does not start with a
        # letter or digit: the regex does it right.
        pattern = _words_regex_folded(tuple(sorted(wanted)))
        return [(m.start(), m.end()) for m in pattern.finditer(text)]
    # One space for every run of blanks, with where each kept character came from.
    if "\t" in lowered or "  " in lowered:
        pieces: list[str] = []
        origin: list[int] = []  # start in ``text`` of each piece of the squeezed text
        starts: list[int] = []  # start in the squeezed text of each piece
        at = squeezed_at = 0
        for m in _BLANKS.finditer(lowered):
            for chunk, chunk_at in ((lowered[at : m.start()], at), (" ", m.start())):
                if chunk:
                    starts.append(squeezed_at)
                    origin.append(chunk_at)
                    pieces.append(chunk)
                    squeezed_at += len(chunk)
            at = m.end()
        if at < len(lowered):
            starts.append(squeezed_at)
            origin.append(at)
            pieces.append(lowered[at:])
        squeezed = "".join(pieces)

        def back(offset: int) -> int:
            index = bisect.bisect_right(starts, offset) - 1
            return origin[index] + offset - starts[index]
    else:
        squeezed = lowered

        def back(offset: int) -> int:
            return offset

    by_first: dict[str, list[str]] = {}
    for word in wanted:
        by_first.setdefault(_WORD_RUN.match(word).group(), []).append(word)  # type: ignore[union-attr]
    hits: list[tuple[int, int]] = []
    size = len(squeezed)
    for m in _WORD_RUN.finditer(squeezed):
        candidates = by_first.get(m.group())
        if not candidates:
            continue
        start = m.start()
        if start and squeezed[start - 1] == "-":
            continue
        best = -1
        for word in candidates:
            end = start + len(word)
            if (
                end > best
                and squeezed.startswith(word, start)
                and (end == size or not _WORD_OR_HYPHEN.match(squeezed, end))
            ):
                best = end
        if best > 0:
            hits.append((start, best))
    found: list[tuple[int, int]] = []
    reach = 0
    for start, end in hits:
        if start >= reach:
            # Words start and end on a letter or digit, never on a squeezed run of blanks.
            found.append((back(start), back(end - 1) + 1))
            reach = end
    return found


# Given names and surnames that are also everyday words in one of the six languages: never looked
# for in lower case ("Will Smith" must not make every "will" a name).
_WORD_NAME_LIST = """
    will mark bill rose may june april august grace hope joy faith art jack sue pat ray dean summer amber
    ruby jade iris daisy lily olive penny sandy rich frank guy max nick rob don ken sky dawn eve pearl
    crystal angel carol chase cliff drew glen gene miles norm page reed rod wade brook brooke rock stone
    hunter mason carter cook baker taylor smith young king white black brown green long short small
    little hill wood field ford gay sol mar luz paz rosa blanca clara pilar dolores amparo consuelo
    sole bella serena gioia vera felice bianca fortunato benedetto angelo pierre claire blanche constant
    aimé prudence marin roos kees bram jan wolf fuchs vogel koch schmidt müller meyer weber schneider
    fischer becker braun ernst frei lange klein groot jong smit visser bakker mulder de van
"""
_WORD_NAMES = frozenset(_WORD_NAME_LIST.split())


# --- The addressee of a letter: the line right above its address block --------------------------------

_ADDRESSEE = re.compile(
    rf"^[ \t]*(?:(?:{_TITLES})\.?[ \t]+)?(?P<name>{_SURNAME_FIRST}|{_NAME})[ \t]*$",
    re.MULTILINE,
)
_COMPANY_FORMS = re.compile(
    r"(?i:\b(?:gmbh|ag|kg|ohg|e\.?v|s\.?p\.?a|s\.?r\.?l|s\.?a\.?s|s\.?a|s\.?l|b\.?v|n\.?v|sarl|sas|ltd|limited"
    r"|inc|llc|plc|co|cie|company|team|department|abteilung|service|services|ufficio|servicio|afdeling)\b)"
)


def names_above_addresses(text: str, addresses: Iterable[tuple[int, int]]) -> list[Candidate]:
    """The name on the line right above an address block starting its line ("Anna Berg\\nKerkstraat 1")."""
    view = case_view(text)
    found: list[Candidate] = []
    for start, _ in addresses:
        line_start = text.rfind("\n", 0, start) + 1
        if line_start == 0 or text[line_start:start].strip():
            continue
        above_end = line_start - 1
        above_start = text.rfind("\n", 0, above_end) + 1
        match = _ADDRESSEE.match(view, above_start, above_end)
        if match is None:
            continue
        name = match.group("name")
        words = name.replace(",", " ").split()
        if (
            not 2 <= len(words) <= 5
            or _NOT_NAMES.match(name)
            or _COMPANY_FORMS.search(name)
            or any(w in _ORGANISATION_WORDS for w in words)
        ):
            continue
        found.append(Candidate("PERSON", *match.span("name"), 0.7))
    return found


# A firm's legal form right after (or at the end of) a run of capitalised words: "Rossi Costruzioni
# S.r.l.", "Müller GmbH", "Jansen B.V." — an organisation, not a person.
_LEGAL_FORM = re.compile(
    r"[ \t,]*(?:GmbH|AG|KG|OHG|e\.[ \t]?V\.|S\.?p\.?A\.?|S\.?r\.?l\.?|S\.A\.S\.?|S\.A\.?|S\.L\.?"
    r"|B\.V\.?|N\.V\.?|BV|NV|SARL|SAS|Ltd\.?|Limited|Inc\.?|LLC|PLC|plc|& Co\.?|& Cie)(?![\w])"
)


# A street named after a person: "via Garibaldi", "avenue Victor Hugo", "calle de Cervantes". "via"
# counts only where Italian puts it ("in via", "a via", after a comma): "sent via John" is a person.
_STREET_BEFORE = re.compile(
    r"(?i:(?<![\w\-])(?:rue|avenue|av\.|boulevard|bd\.?|allée|chemin|quai|impasse|calle|c/|avenida|avda\.?"
    r"|plaza|paseo|carrer|viale|corso|piazza|piazzale|largo|vicolo|lungomare|lungotevere"
    r"|(?:(?<![\w\-])(?:in|a|di|da|su|nella|sulla|della|dalla|per)[ \t]+|^|[,:;(\n][ \t]*)via)"
    r"[ \t]+(?:(?:de|del|della|di|du|des|la|le|dei|degli)[ \t]+)?)$"
)


def on_a_street(text: str, start: int) -> bool:
    """Whether the name at ``text[start]`` follows a street's type: it is the street's name."""
    return bool(_STREET_BEFORE.search(text[max(0, start - 24) : start]))


def is_firm(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` is followed by, or ends in, a firm's legal form."""
    window_start = max(start, end - 6)
    if any(w.capitalize() in _ORGANISATION_WORDS for w in text[start:end].split()):
        return True  # "Landgericht Köln", "TRIBUNALE DI MILANO", "Código Civil"
    return bool(
        _LEGAL_FORM.match(text, end) or _LEGAL_FORM.search(text, window_start, min(len(text), end + 8))
    )
