"""Names found by the cue beside them, in any casing: the forms notes, tickets and chats use.

:mod:`redaction.recognizers_names` finds names after titles and labels written as in a letter, and
:mod:`redaction.recognizers_gazetteer` names made of known given names and surnames. What they miss
is how people write fast (issue 20 item 1, issue 11 item 4):

- a handle after the words that name a ticket's or a record's actor ("Reported by: kwame.asante",
  "ouvert par s.marchal", "aangemaakt door kvdberg");
- a lower-case surname after a lower-case title ("mme leclercq", "fr. kaczmarek", "sig.ra rossi");
- a name after a word for a relative ("his wife gosia", "Sohn Dawid", "la moglie Iryna", "zoon jelle");
- "Surname, Given" in a list or a heading ("Osei, Kofi; Brennan, Aoife"), the given name known;
- initials before a surname ("A. Friedrichsen", "A.-M. Jolivet", "F.J. Wijnands");
- a name of the cued list before a capitalised surname ("Ebele Nwachukwu"), or alone on its line
  (a signature);
- a known given name in lower case ("cb tomasz re claim", "non trovo rosaria catalano"), with the
  words after it that are a surname by their shape or because the text writes them capitalised.

The given names are those of ``data/given_names.txt`` and, only next to such a cue, the nicknames
and names of ``data/given_names_cued.txt`` (both written by hand; nothing is downloaded).
"""

from __future__ import annotations

import functools
import re

from redaction import recognizers_gazetteer as gazetteer
from redaction.recognizers import Candidate
from redaction.recognizers_names import (
    _LOW,
    _NOT_NAMES,
    _ORGANISATION_WORDS,
    _TOKEN,
    _UP,
    _WORD_NAMES,
    COMMON_WORDS,
    _alternatives,
    _trie_of,
    at_sentence_start,
    case_view,
)

_PARTICLES = r"(?:van|von|de|der|den|du|da|di|del|della|dos|das|le|la|ter|ten|zu|vom|zum|des|dei|degli|'t)"
# After a title a surname may also open with an Arabic particle ("dhr. el haddaoui", "M. Ben Salah").
_TITLE_PARTICLES = _PARTICLES[:-1] + "|el|al|ben|bin|ibn|abu|ait|ould)"
_LOWER = rf"[{_LOW}][{_LOW}'\u2019]*(?:-[{_LOW}]+)*"


@functools.cache
def cued_given_names() -> frozenset[str]:
    """Given names and nicknames taken only beside a cue (``data/given_names_cued.txt``), folded."""
    return gazetteer._load("given_names_cued.txt")


@functools.cache
def _cued_lower() -> frozenset[str]:
    """The cued names lower-cased as written and folded: a set look-up before any folding."""
    words = {
        w.lower() for w in gazetteer._split((gazetteer._DATA / "given_names_cued.txt").read_text("utf-8"))
    }
    return frozenset(words) | cued_given_names()


@functools.lru_cache(maxsize=8192)
def is_given(word: str, cued: bool = True) -> bool:
    """Whether ``word`` is a known given name; ``cued`` admits the names taken only beside a cue."""
    if gazetteer._is_given(word):
        return True
    if not cued:
        return False
    folded = gazetteer._fold(word)
    parts = folded.split("-")
    return folded in cued_given_names() or (
        len(parts) == 2 and all(p in cued_given_names() or p in gazetteer.given_names() for p in parts)
    )


# Given names that are also everyday words of the six languages or of English: never taken in
# lower case on their own ("fleur" is a flower, "paloma" a dove, "constance" a virtue).
_LOWER_RISKY = frozenset(
    gazetteer._split(
        """
    fleur colombe paloma marco sem mar ange victoire aurore céleste constance patience prudence
    florence grace hope faith joy amber olive ivy violet hazel ruby pearl jasmine heather holly
    daisy lily iris rose dawn summer autumn april june may august sunny sky rain storm river forest
    angel bella belle bonnie candy cherry ginger honey melody harmony liberty destiny trinity
    serenity felicity charity rob bob pat sue bill will mark jack frank grant miles chase drew dean
    earl gene guy hunter lance mason ray rich rocky rusty sandy wade walker art carol robin jay wren
    fox wolf max nick don ken ben dan kim lee ali can said nur gay dolly penny sol luz paz rosa
    alba aura reina esperanza estrella rocío nieves amparo consuelo dolores pilar mercedes
    soledad salvador felice fortunato benedetto angelo sole stella speranza gioia vera
    doris eva mia lea lia ella liv lou noa sara ines ida ada
    """
    )
)

# --- Handles after the words that name who did something in a ticket or a record ------------------

_ACTORS = (
    "reported by|raised by|opened by|created by|submitted by|logged by|requested by|assignee|assigned to"
    "|handled by|owner|agent|gemeldet von|erstellt von|eröffnet von|angelegt von|zugewiesen an|bearbeiter"
    "|bearbeiterin|bearbeitet von|ouvert par|ouverte par|créé par|créée par|signalé par|assigné à|assignée à"
    "|attribué à|traité par|abierta por|abierto por|creada por|creado por|reportado por|asignada a"
    "|asignado a|gestionado por|aperto da|aperta da|creato da|creata da|segnalato da|assegnato a"
    "|assegnata a|gestito da|aangemaakt door|gemeld door|toegewezen aan|behandeld door|behandelaar"
)
_HANDLE = re.compile(
    rf"(?<![\w])(?:{_alternatives(_ACTORS)})[ \t]*:?[ \t]*"
    r"(?P<handle>[a-z][a-z0-9]*(?:[._\-][a-z0-9]+){0,2})(?![\w@\-]|\.\w)"
)


def _handles(text: str) -> list[Candidate]:
    # Read on the lower-cased text (a case-insensitive search costs more); the handle itself must be
    # in lower case as written ("Reported by: kwame.asante", not "Reported by: Customer").
    lowered = text.lower()
    if len(lowered) != len(text):
        return []
    found = []
    for match in _HANDLE.finditer(lowered):
        handle = match.group("handle")
        if text[match.start("handle") : match.end("handle")] != handle:
            continue
        shaped = any(c in handle for c in "._-") or (len(handle) >= 4 and not gazetteer._plain_word(handle))
        if shaped and handle not in COMMON_WORDS and not any(c.isdigit() for c in handle[:2]):
            found.append(Candidate("PERSON", *match.span("handle"), 0.8))
    return found


# --- A lower-case surname after a lower-case title ------------------------------------------------

# Written as tries (redaction.recognizers_names._trie_of): a flat alternation is tried branch by
# branch at every position of the text.
_TITLE = (
    "(?:"
    + _trie_of(
        gazetteer._split(
            """
            mme mlle mrs mr ms miss frau herr herrn hr. fr. sra sra. sr. srta srta. sig.ra sig.na sig. sigra
            signora signor mevr mevr. mevrouw meneer mw. dhr dhr. m. dott.ssa dott. dr. avv. doña dña dña. don
            """
        )
    )
    # "d." (Don) and "sr" without its dot are titles only before a given name.
    + "|(?P<initial>"
    + _trie_of(["d.", "sr"])
    + "))"
)
_TITLED_LOWER = re.compile(
    rf"(?<![\w.\-]){_TITLE}[ \t]+(?P<name>(?:{_TITLE_PARTICLES}[ \t]+){{0,2}}{_LOWER}(?:[ \t]+{_LOWER})?)"
)


def _titled_lower(text: str) -> list[Candidate]:
    found = []
    for match in _TITLED_LOWER.finditer(text):
        words = match.group("name").split()
        start = match.start("name")
        # Particles first ("mevr. van der berg"), then the surname; a second word only after a given name.
        index = 0
        while index < len(words) - 1 and re.fullmatch(_TITLE_PARTICLES, words[index]):
            index += 1
        word = words[index]
        if gazetteer._plain_word(word) or len(word) < 3:
            continue
        if match.group("initial") and not is_given(word):
            continue  # "d." is Don ("d. anselmo ruiz") only before a given name
        last = index
        if (
            index + 1 < len(words)
            and is_given(word)
            and not gazetteer._plain_word(words[index + 1])
            and len(words[index + 1]) >= 3
        ):
            last = index + 1
        end = start + len(" ".join(words[: last + 1])) if "\t" not in match.group("name") else None
        if end is None:
            continue
        found.append(Candidate("PERSON", start, end, 0.75))
    return found


# --- A name after a word for a relative ---------------------------------------------------------------

# Words for a relative (the article or possessive before them does not matter: notes drop it) ...
_RELATIVE_NOUNS = (
    "wife|husband|son|daughter|mum|mom|mother|dad|father|brother|sister|grandson|granddaughter|nephew"
    "|niece|fiancé|fiancée|carer"
    "|sohn|tochter|ehefrau|ehemann|bruder|schwester|mutter|vater|enkel|enkelin|partnerin|lebensgefährte"
    "|lebensgefährtin|betreuerin|betreuer"
    "|fils|fille|mari|femme|épouse|époux|mère|père|frère|sœur|soeur|compagnon|compagne|conjoint|conjointe"
    "|petit-fils|petite-fille|neveu|nièce"
    "|hijo|hija|marido|esposo|esposa|mujer|madre|padre|hermano|hermana|pareja|nieto|nieta|sobrino|sobrina"
    "|figlio|figlia|marito|moglie|fratello|sorella|compagno|compagna|nipote"
    "|zoon|dochter|echtgenoot|echtgenote|moeder|vader|broer|zus|kleinzoon|kleindochter"
    # Neighbours and colleagues are named the same way ("bei Ihrem Nachbarn Krause"); not "voisin",
    # "vecino", "vicino", adjectives too ("el pueblo vecino Villanueva").
    "|neighbour|neighbor|nachbar|nachbarn|nachbarin|buurman|buurvrouw|colleague|kollege|kollegen"
    "|kollegin|collègue|collega|compañero|compañera"
)
# ... except these, which are other words too ("man kann", "een vrouw", "partner company").
_POSSESSED = re.compile(
    r"(?i:(?<![\w\-])(?:his|her|my|their|our|sein|seine|ihr|ihre|mein|meine|unser|zijn|haar|mijn|hun|ons"
    r"|uw)[ \t]+"
    r"(?:partner|frau|mann|man|vrouw|kind))(?![\w\-])"
)
_RELATIVE_WORD = re.compile(rf"(?<![\w\-])(?:{_alternatives(_RELATIVE_NOUNS)})(?![\w\-])")
_RELATIVE_NAME = re.compile(
    rf"[ \t]*[:,]?[ \t]+(?P<name>{_TOKEN}(?:[ ]+(?:{_PARTICLES}[ ]+){{0,2}}{_TOKEN})?|{_LOWER})"
)


def _relatives(text: str, view: str) -> list[Candidate]:
    found = []
    # Matched on the lower-cased text (a case-insensitive search costs twice as much); offsets hold
    # unless lower-casing changed the length ("İ"), then the case-insensitive search is used.
    lowered = view.lower()
    if len(lowered) != len(view):
        lowered = view
    cues = [m.end() for m in _RELATIVE_WORD.finditer(lowered)]
    if lowered is view:
        cues = [m.end() for m in re.finditer(_RELATIVE_WORD.pattern, view, re.IGNORECASE)]
    if any(
        w in view
        for w in ("man", "Man", "MAN", "rau", "RAU", "artner", "ARTNER", "rouw", "ROUW", "ind", "IND")
    ):
        cues += [m.end() for m in _POSSESSED.finditer(view)]
    for cue in cues:
        match = _RELATIVE_NAME.match(view, cue)
        if match is None:
            continue
        name = match.group("name")
        words = name.split()
        first = words[0]
        if gazetteer._plain_word(first) or first in _ORGANISATION_WORDS or len(first) < 2:
            continue
        # In lower case only a known given name, or a word the text also writes capitalised.
        known = is_given(first) and first not in _LOWER_RISKY
        if first.islower() and not known and not _capitalised_in(text, first):
            continue
        start = match.start("name")
        end = match.end("name")
        if len(words) > 1 and gazetteer._plain_word(words[-1]):
            end = start + len(first)
        found.append(Candidate("PERSON", start, end, 0.75))
    return found


def _capitalised_in(text: str, word: str) -> bool:
    return bool(re.search(rf"(?<![\w\-]){re.escape(word.capitalize())}(?![\w\-])", text))


# --- "Surname, Given" in lists and headings ---------------------------------------------------------

# Found from each comma (a search from every capital costs more): the surname before it, the
# given name after it, then the end of the item.
_COMMA = re.compile(r",[ \t]+(?=[A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff])")
_SURNAME_BEFORE = re.compile(
    rf"(?<![\w\-'])(?P<surname>(?:{_PARTICLES.capitalize()}[ ]+)?{_TOKEN}(?:[ ]+{_TOKEN})?)$"
)
_GIVEN_AFTER = re.compile(
    rf"(?P<given>{_TOKEN}(?:[ ]+{_TOKEN})?)(?=\t|[ \t]*(?:[;\n)\]<(|/\"]|[\u2013\u2014\-][ \t]|,[ \t]|$))"
)


def _surname_comma_given(view: str) -> list[Candidate]:
    found = []
    for comma in _COMMA.finditer(view):
        before = _SURNAME_BEFORE.search(view, max(0, comma.start() - 64), comma.start())
        after = _GIVEN_AFTER.match(view, comma.end())
        if before is None or after is None:
            continue
        given = after.group("given").split()
        surname = before.group("surname").split()
        if not is_given(given[0]) or gazetteer._plain_word(given[0]):
            continue
        if any(gazetteer._plain_word(w) or w in _ORGANISATION_WORDS for w in surname[-1:] + given[1:]):
            continue
        if len(surname) == 1 and is_given(surname[0], cued=False) and not gazetteer._is_surname(surname[0]):
            continue  # "Anna, Paul" is two people
        found.append(Candidate("PERSON", before.start(), after.end(), 0.75))
    return found


# --- Initials before a surname ----------------------------------------------------------------------

# Initials may be accented ("Ó. García", "Ö. Öztürk"), particles capitalised ("N. Lo Bianco", "F. El
# Idrissi") and a Spanish or Portuguese surname double ("Ó. García Jiménez").
# Capitalised only those that open a surname, not "Der"/"Das" opening a sentence ("Lager 3 B. Der …").
_INITIAL_PARTICLES = (
    _PARTICLES[:-1]
    + "|lo|el|al|ben|ibn|abu|Lo|Le|La|De|Di|Da|Dal|Del|Della|Du|Dos|El|Al|Ben|Van|Von|Ter|Ten)"
)
_INITIALS = re.compile(
    rf"(?<![\w.\-])(?P<name>[{_UP}]\.(?:[ \t]?-?[{_UP}]\.){{0,2}}[ \t]?"
    rf"(?:{_INITIAL_PARTICLES}[ \t]+){{0,2}}{_TOKEN})(?:[ ](?P<second>{_TOKEN}))?(?![\w\-]|\.\w)"
)


# Abbreviations that look like initials: "P.S. Olaf sends his love", "N.B. Payment is due".
_NOT_INITIALS = re.compile(
    r"(?:P\.[ \t]?S|P\.[ \t]?P\.[ \t]?S|N\.[ \t]?B|A\.[ \t]?D|B\.[ \t]?C|C\.[ \t]?C|U\.[ \t]?S)\."
)


def _initials(view: str) -> list[Candidate]:
    found = []
    for match in _INITIALS.finditer(view):
        if _NOT_INITIALS.match(match.group("name")):
            continue
        surname = re.split(r"[ \t.]", match.group("name"))[-1]
        if gazetteer._plain_word(surname) or surname in _ORGANISATION_WORDS or len(surname) < 2:
            continue
        end = match.end("name")
        second = match.group("second")
        surname_shaped = second and (gazetteer._is_surname(second) or _STRONG_SURNAME.search(second.lower()))
        if surname_shaped and not gazetteer._plain_word(second) and second not in _ORGANISATION_WORDS:
            end = match.end("second")
        found.append(Candidate("PERSON", match.start("name"), end, 0.7))
    return found


# --- Given names in lower case ----------------------------------------------------------------------

# A double given name too ("karl-heinz", "marie-luise"): both halves known.
_LOWER_WORD = re.compile(rf"(?<![\w\-.@/#:])[{_LOW}]{{3,}}(?:-[{_LOW}]{{3,}})?(?![\w\-@/]|\.\w)")
_FOLLOWING = re.compile(rf"[ ]+(?:{_PARTICLES}[ ]+){{0,2}}({_LOWER})(?![\w\-@/]|\.\w)")
# Surnames by their shape, in the six languages and where their speakers' families come from.
_SURNAME_SHAPE = re.compile(
    r"(?:mann|ová|ski|ska|sky|wicz|czyk|czak|sen|ssen|son|ink|stra|sma|ema|inga|enga|ez|az|oz|ini|etti"
    r"|elli|ucci|ano|ato|ese|ales|eda|ola|oglu|oğlu|yan|ian|enko|chuk|uk|ov|ova|ev|eva|ić|ic|escu|eanu"
    r"|ier|eau|aud|ault|ard|ot|ert|berg|burg|stein|meier|meyer|huber|bauer|inger|hofer|ens|ers|aan"
    r"|elo|ero|ado|edo|ito|iti|one|oni|zzi|ssi|ui|ai|ah|ou)$"
)


@functools.cache
def _lower_given_names() -> frozenset[str]:
    """Known given names safe to take in lower case alone (folded): not also everyday words."""
    return frozenset(
        name
        for name in gazetteer.given_names()
        if len(name) >= 3
        and name not in _LOWER_RISKY
        and name not in _WORD_NAMES
        and name not in COMMON_WORDS
        and gazetteer._lone_ok(name.capitalize())
    )


def _lower_given(text: str) -> list[Candidate]:
    names = _lower_given_names()
    found = []
    position = 0
    for match in _LOWER_WORD.finditer(text):
        word = match.group()
        if match.start() < position or not all(
            part in names or (not part.isascii() and gazetteer._fold(part) in names)
            for part in word.split("-")
        ):
            continue
        end = match.end()
        for _ in range(3):
            after = _FOLLOWING.match(text, end)
            if after is None:
                break
            following = after.group(1)
            if gazetteer._plain_word(following) or len(following) < 3:
                break
            if not (
                is_given(following)
                or gazetteer._is_surname(following)
                or _SURNAME_SHAPE.search(following)
                or _capitalised_in(text, following)
            ):
                break
            end = after.end()
        position = end
        found.append(Candidate("PERSON", match.start(), end, 0.65))
    return found


# --- A given name known only beside a cue, before a capitalised surname ------------------------------

# Surnames no everyday word of the six languages shares an ending with: Slavic, Turkish, Armenian,
# Ukrainian, Romanian, Balkan, Finnish, Nordic, Greek and Spanish patronymic endings.
_STRONG_SURNAME = re.compile(
    r"(?:ski|ska|cki|cka|wicz|czyk|czak|ová|oğlu|oglu|yan|enko|chuk|escu|eanu|vić|ić|inen|sson|dóttir"
    r"|poulos|akis|idis|ez)$"
)
# Capitalised words before a surname that make the pair a firm's or a place's ("Firma Kowalski").
_NOT_GIVEN_WORDS = frozenset(
    gazetteer._split(
        """
        Firma Kanzlei Praxis Autohaus Bäckerei Restaurant Pizzeria Café Bar Hotel Studio Salon Atelier
        Cabinet Garage Boulangerie Bodega Taller Trattoria Ristorante Officina Bakkerij Kapsalon Garage
        Team Club Verein Stiftung Fundación Fondazione Stichting Residencia Residenza Villa Casa Haus
        """
    )
)


_NAME_TOKEN = re.compile(rf"(?<![\w\-.'@/]){_TOKEN}(?![\w\-@]|\.\w)")
_PAIR_GAP = re.compile(rf"[ ]+(?:(?:{_PARTICLES.capitalize()}|{_PARTICLES})[ ]+){{0,2}}")


def _capitalised(view: str) -> list[Candidate]:
    """Capitalised words read once for three rules (one pass over the text, not three):

    - a name of the cued list before a capitalised surname ("Ebele Nwachukwu", "Kacper Wiśniewski");
    - any capitalised word before a surname of a shape no common word has ("Dorota Wiśniewska");
    - a name of the cued list alone inside a sentence, where capitals mark a proper noun ("de Kenza").
    """
    names, lowered = cued_given_names(), _cued_lower()
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(view)]
    found = []
    for index, (start, end, word) in enumerate(tokens):
        low = word.lower()
        cued = (
            len(word) >= 3
            and (low in lowered or (not low.isascii() and gazetteer._fold(word) in names))
            and not gazetteer._is_given(word)  # names of the main list: recognizers_gazetteer
            and low not in _LOWER_RISKY
            and not gazetteer._plain_word(word)
        )
        if index + 1 < len(tokens):
            after_start, after_end, surname = tokens[index + 1]
            gap = _PAIR_GAP.fullmatch(view, end, after_start)
            if gap and _pair(word, surname, cued):
                found.append(Candidate("PERSON", start, after_end, 0.7))
                continue
        if cued and not at_sentence_start(view, start):
            found.append(Candidate("PERSON", start, end, 0.6))
    return found


def _pair(given: str, surname: str, cued: bool) -> bool:
    if len(surname) < 2 or gazetteer._plain_word(surname) or surname in _ORGANISATION_WORDS:
        return False
    if cued:
        return True
    return (
        len(surname) >= 5
        and bool(_STRONG_SURNAME.search(surname.lower()))
        and not gazetteer._plain_word(given)
        and given not in _ORGANISATION_WORDS
        and given not in _NOT_GIVEN_WORDS
    )


# A line holding a given name alone (and a surname): an e-mail's or a letter's signature.
_LINE = re.compile(rf"^[ \t]*(?P<name>{_TOKEN}(?:[ ]+{_TOKEN})?)[ \t]*$", re.MULTILINE)


# A signature below a closing that gives the signer's role after the name ("A presto!\nGiulia,
# Reception", "¡Hasta pronto!\nNerea - Recepción"): the role marks the word before it as a name.
_SIGNED_WITH_ROLE = re.compile(
    r"^[ \t]*(?P<closing>[\u00a1\u00bf]?[^\W\d][^\n\d]{1,38}[,!])[ \t]*\n(?:[ \t]*\n)?"
    rf"[ \t]*(?P<name>{_TOKEN})(?:,[ \t]+|[ \t]+[\u2013\u2014\-][ \t]+)[^\W\d][^\n\d,]{{1,40}}$",
    re.MULTILINE,
)


def _signatures(view: str) -> list[Candidate]:
    found = []
    for match in _SIGNED_WITH_ROLE.finditer(view):
        name = match.group("name")
        if len(match.group("closing").split()) > 4 or len(name) < 3:
            continue
        if gazetteer._plain_word(name) or name in _ORGANISATION_WORDS or name in _NOT_GIVEN_WORDS:
            continue
        found.append(Candidate("PERSON", *match.span("name"), 0.7))
    for match in _LINE.finditer(view):
        words = match.group("name").split()
        given = is_given(words[0]) and not gazetteer._plain_word(words[0]) and len(words[0]) >= 3
        surname_ok = len(words) == 1 or not (
            gazetteer._plain_word(words[1]) or words[1] in _ORGANISATION_WORDS
        )
        if given and surname_ok:
            found.append(Candidate("PERSON", *match.span("name"), 0.7))
    return found


# --- Logins: a handle built from a name, where a log, a record or a form puts its author ------------
#
# Tickets, CRM exports and minutes name their authors by login: "- 14:05 k.osei: rebooted",
# "exported 03/02/2025 by rmensah", "IT-Kontakt: jana_w84". A login is made from a name in a few
# ways only: given.surname, surname.g, g.surname, given_s84, gsurname, givensur (a given name and the
# opening letters of a surname). Separated logins with a known name part are taken anywhere; the
# others only where a log, a by-line or a label puts a person.

# Last parts that make a dotted word a file's or a host's name ("maria.db", "martin.py").
_NOT_LOGIN_TAILS = frozenset(
    gazetteer._split(
        """
        com org net edu gov int eu uk de fr it es nl be at ch us io co info biz app dev
        py js ts rb go rs sh md txt csv pdf doc docx xls xlsx ppt pptx png jpg jpeg gif svg zip gz tar
        exe dll log cfg conf ini json xml html htm yml yaml db sql bak tmp php java jar css
        """
    )
)
_LOGIN = r"[a-z][a-z0-9]*(?:[._\-][a-z0-9]+){0,2}"
# Where logs, by-lines and labels put an author: a list item's head ("- 14:05 k.osei:"), a by-line
# ending its clause ("… by rmensah"), a label's value ending its line ("Referent: jana_w84.").
# Three patterns, each opening with what is cheap to find (a line's start, a preposition, a colon):
# one alternation of the three was tried at every position of the text.
_LOGIN_PLACES = (
    (
        "item",
        re.compile(
            rf"^[ \t]*[-*\u2022\u2013][ \t]+(?:\[?\d{{1,2}}[:.h]\d{{2}}\]?[ \t]+)?(?P<login>{_LOGIN})[ \t]*:",
            re.MULTILINE,
        ),
    ),
    (
        "by",
        re.compile(
            rf"\b(?:by|von|par|por|da|door)[ \t]+(?P<login>{_LOGIN})(?=[ \t]*(?:[.,;)!?]|$))",
            re.MULTILINE | re.IGNORECASE,
        ),
    ),
    ("label", re.compile(rf":[ \t]*(?P<login>{_LOGIN})(?=[ \t]*(?:[.;)]|$))", re.MULTILINE)),
)
_SEPARATED = re.compile(
    r"(?<![\w.@/:\-])(?P<login>[a-z]{1,20}(?:[._][a-z]{1,20}){1,2}|[a-z]{2,20}_[a-z]{1,3}\d{1,4})"
    r"(?![\w@/\-]|\.\w)"
)


def _name_word(word: str) -> bool:
    """A known given name or surname, folded and written without apostrophes ("dangelo"); not one
    that is also an everyday word ("rosa" after "Farbe:", "rose.gold")."""
    return (
        len(word) >= 3
        and word in _login_names()
        and word not in gazetteer._AMBIGUOUS
        and word not in _LOWER_RISKY
        and word not in _WORD_NAMES
        and not gazetteer._plain_word(word)
    )


@functools.cache
def _login_names() -> frozenset[str]:
    names = gazetteer.given_names() | gazetteer.surnames() | cued_given_names()
    return frozenset(n.replace("'", "").replace("\u2019", "").replace("-", "") for n in names) | names


@functools.cache
def _surname_openings() -> frozenset[str]:
    """The first two to five letters of every known surname: "givensur" logins keep only those."""
    openings: set[str] = set()
    for surname in gazetteer.surnames():
        plain = surname.replace("'", "").replace("\u2019", "").replace("-", "").replace(" ", "")
        openings.update(plain[:n] for n in range(2, 6))
    return frozenset(openings)


@functools.lru_cache(maxsize=4096)
def _built_from_a_name(login: str) -> bool:
    """Whether a login is made from a known name: separated parts, or run together."""
    word = gazetteer._fold(login)
    parts = [p for p in re.split(r"[._\-]|\d+", word) if p]
    if not parts or word in COMMON_WORDS or gazetteer._plain_word(login):
        return False
    if len(parts) > 1:
        # Each part an initial or a word ("luca.m", "femke.meer"), not a two-letter word ("mark.he").
        return (
            parts[-1] not in _NOT_LOGIN_TAILS
            and all(len(p) == 1 or len(p) >= 3 for p in parts)
            and any(_name_word(p) for p in parts)
        )
    if len(word) < 4:
        return False
    if _name_word(word) or (len(word) >= 5 and _name_word(word[1:])):
        return True  # "bram", "aalbrecht"
    for cut in range(3, len(word) - 1):
        head, rest = word[:cut], word[cut:]
        given = (
            head in gazetteer.given_names() and head not in gazetteer._AMBIGUOUS and head not in _LOWER_RISKY
        )
        surname = _name_word(rest) or (len(rest) <= 5 and rest in _surname_openings())
        if given and surname and not gazetteer._plain_word(head):
            return True  # "tomaszkow", "lenahar"
    return False


_INITIAL_AND_WORD = re.compile(r"[a-z]\.[a-z]{3,20}|[a-z]{3,20}\.[a-z]|[a-z]{2,20}_[a-z]{1,3}\d{1,4}")
# Two consonants that open words of the six languages (and of English); a login opening with another
# pair is an initial before a surname ("lkaczmarek", "bpruitt", "mhaddad").
_ONSETS = frozenset(
    gazetteer._split(
        """
        bl br ch cl cr dr dw fl fr gl gn gr kl kn kr kw ph pl pr ps pt qu rh sc sh sk sl sm sn sp sq st
        sv sw sz th tr ts tw tz vl vr wh wr zw zs gh kh wl
        """
    )
)
_INITIAL_THEN_WORD = re.compile(r"[b-df-hj-np-tv-z][b-df-hj-np-tv-z][a-z]*[aeiouy][a-z]{2,}")
_TWO_WORDS = re.compile(r"[a-z]{2,20}[._][a-z]{2,20}")


@functools.lru_cache(maxsize=4096)
def _login_in_place(login: str, place: str) -> bool:
    """Whether a word where a log, a by-line or a label puts a person is a login."""
    if len(login) < 3 or re.split(r"[._]", login)[-1] in _NOT_LOGIN_TAILS:
        return False
    if _built_from_a_name(login) or _INITIAL_AND_WORD.fullmatch(login):
        return True  # "rmensah", "tomaszkow"; "kowalczyk.t", "jana_w84" whatever the name
    letters = login.rstrip("0123456789")  # "tcartwright2"
    if _INITIAL_THEN_WORD.fullmatch(letters) and letters[:2] not in _ONSETS:
        return True  # "tcartwright": an initial before a surname, no word opens with "tc"
    # Two words joined ("ivo.kerbrat"): a list item's or a by-line's author, not a label's value
    # ("Server: files.intern").
    return place != "label" and bool(_TWO_WORDS.fullmatch(login))


def _logins(text: str) -> list[Candidate]:
    found = []
    for place, pattern in _LOGIN_PLACES:
        for match in pattern.finditer(text):
            if place == "by" and text[match.start() - 1 : match.start()] == "-":
                continue  # "stand-by"
            if (
                place == "label"
                and not text[max(0, match.start() - 2) : match.start()].rstrip(" \t")[-1:].isalnum()
            ):
                continue  # a label is a word before its colon ("Referent: …"), not a time or a URL
            login = match.group("login")
            if login.islower() and _login_in_place(login, place):
                found.append(Candidate("PERSON", *match.span("login"), 0.75))
    if "." in text or "_" in text:
        for match in _SEPARATED.finditer(text):
            if _built_from_a_name(match.group("login")):
                found.append(Candidate("PERSON", *match.span("login"), 0.7))
    return found


def find_names(text: str) -> list[Candidate]:
    """Names found by the cues of the module docstring."""
    found: list[Candidate] = []
    view = case_view(text)
    lower = any(c.islower() for c in text)
    found.extend(_handles(text))
    if lower:
        found.extend(_logins(text))
    if lower:
        found.extend(_titled_lower(text))
        found.extend(_lower_given(text))
    found.extend(_relatives(text, view))
    found.extend(_capitalised(view))
    if "\n" in view:
        found.extend(_signatures(view))
    if "," in view:
        found.extend(_surname_comma_given(view))
    if "." in view:
        found.extend(_initials(view))
    return [c for c in found if not _NOT_NAMES.match(text[c.start : c.end])]
