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
# The lines of a ticket's audit trail ("status changed by pvisser", "Comentario de jmartinez:"); a team
# is reassigned and escalated to as well ("Escalated to payments"): only a login built from a name.
_TRAIL_ACTORS = (
    "changed by|updated by|modified by|closed by|resolved by|reopened by|edited by|approved by"
    "|reviewed by|commented by|comment by|reassigned to|escalated to|comentario de|comentado por"
    "|cerrado por|cerrada por|modificado por|modificada por|actualizado por|actualizada por|resuelto por"
    "|resuelta por|reasignado a|reasignada a|gewijzigd door|gesloten door|opgelost door|bijgewerkt door"
    "|opmerking van|reactie van|heropend door"
)
_HANDLE = re.compile(
    rf"(?<![\w])(?:{_alternatives(_ACTORS)}|(?P<trail>{_alternatives(_TRAIL_ACTORS)}))[ \t]*:?[ \t]*"
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
        if match.group("trail") is not None:
            shaped = not _system_login(handle) and _login_in_place(handle, "by")
        else:
            shaped = any(c in handle for c in "._-") or (
                len(handle) >= 4 and not gazetteer._plain_word(handle)
            )
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
    rf"(?P<given>{_TOKEN}(?:[ ]+{_TOKEN})?(?:[ ]+{_PARTICLES}(?:[ ]+(?:der|den))?)?)"
    r"(?=\t|[ ]{2,}|[ \t]*(?:[;\n)\]<>(|/\"]|[\u2013\u2014\-][ \t]|[,:][ \t]|$))"
)


_PARTICLE_ONLY = re.compile(_PARTICLES + "|der|den")
# What precedes a chat export's speaker on its line: a time, a bracket ("[14:02] ", "…Z <", "9.4.26,
# 14:05 - ").
_BEFORE_SPEAKER = re.compile(
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:Z|[ ]?[AaPp][Mm])?\]?[ \t]*(?:[-\u2013\u2014][ \t]*)?<?|<)$"
)


def _speaker_position(view: str, start: int, end: int) -> bool:
    """Whether "Surname, Given" at ``start:end`` is a chat export's speaker: after the time, before
    the colon or the closing bracket that opens the message ("[14:02] Lefebvre, Nadège: …")."""
    if view[end : end + 1] not in (":", ">"):
        return False
    line_start = view.rfind("\n", 0, start) + 1
    return bool(_BEFORE_SPEAKER.search(view, max(line_start, start - 40), start))


def _surname_comma_given(view: str) -> list[Candidate]:
    found = []
    for comma in _COMMA.finditer(view):
        before = _SURNAME_BEFORE.search(view, max(0, comma.start() - 64), comma.start())
        after = _GIVEN_AFTER.match(view, comma.end())
        if before is None or after is None:
            continue
        given = after.group("given").split()
        surname = before.group("surname").split()
        if gazetteer._plain_word(given[0]) or given[0] in _ORGANISATION_WORDS:
            continue
        if not is_given(given[0]) and not _speaker_position(view, before.start(), after.end()):
            continue
        tail = [w for w in given[1:] if not _PARTICLE_ONLY.fullmatch(w)]
        if any(gazetteer._plain_word(w) or w in _ORGANISATION_WORDS for w in surname[-1:] + tail):
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
    # A chat export's speaker: alone on the line above the message with its time ("jdoe — 09:32"),
    # or after the time, before a bar, a colon or in angle brackets ("11:49 jdoe |", "…Z <jdoe>").
    (
        "speaker",
        re.compile(
            rf"^[ \t]*(?P<login>{_LOGIN})[ \t]+[-\u2013\u2014][ \t]+\d{{1,2}}[:.]\d{{2}}(?![\d:.])",
            re.MULTILINE,
        ),
    ),
    (
        "speaker",
        re.compile(
            r"^[^\n]{0,30}?\d{1,2}:\d{2}(?::\d{2})?(?:Z|[ \t]?[AaPp][Mm])?\]?[ \t]+"
            r"(?:[-\u2013\u2014][ \t]+)?"
            rf"(?:<(?P<login>{_LOGIN})>|(?P<bare>{_LOGIN})[ \t]*(?:\||:(?![\d/])))",
            re.MULTILINE,
        ),
    ),
    # An audit trail's actor, in the column after the time ("16:29  jdoe      linked #170").
    (
        "speaker",
        re.compile(
            rf"^[ \t]*\d{{1,2}}:\d{{2}}(?::\d{{2}})?[ \t]+(?P<login>{_LOGIN})(?:\t|[ ]{{2,}})(?=[^\s])",
            re.MULTILINE,
        ),
    ),
    # Who takes over a shift or a case ("… to jdoe.", "Overdracht … aan jdoe", "Consegna … → jdoe").
    (
        "by",
        re.compile(
            r"(?:\b(?:to|aan|an|recibe|riceve|reçoit)|\u2192|->)[ \t]+"
            rf"(?P<login>{_LOGIN})(?=[ \t]*(?:[.,;)!?]|$))",
            re.MULTILINE,
        ),
    ),
)
# Read only where the text holds their words (a case-insensitive search over every text costs): a log
# line's account ("login failed for user sdevries", 'user "mlopez" logged in') and both logins of an
# audit trail's reassignment ("Reassigned from jdekker to mlopez by admin").
_ACCOUNT_PLACES = (
    (
        ("user", "usuario", "gebruiker", "utilisateur", "benutzer", "utente"),
        re.compile(
            rf"\b(?:user|usuario|gebruiker|utilisateur|benutzer|utente)[ \t]+[\"']?(?P<login>{_LOGIN})"
            r"(?![\w@\-]|\.\w)",
            re.IGNORECASE,
        ),
    ),
    (
        ("assign", "transferred", "moved", "asignad", "toegewezen", "overgedragen"),
        re.compile(
            r"\b(?:re)?(?:assigned|transferred|moved|reasignad[oa]|asignad[oa]|toegewezen|overgedragen)[ \t]+"
            rf"(?:from|de|van)[ \t]+(?P<first>{_LOGIN})[ \t]+(?:to|a|aan|naar)[ \t]+(?P<login>{_LOGIN})"
            r"(?![\w@\-]|\.\w)",
            re.IGNORECASE,
        ),
    ),
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
    return (
        frozenset(n.replace("'", "").replace("\u2019", "").replace("-", "").replace(" ", "") for n in names)
        | names
    )


@functools.cache
def _surname_openings() -> frozenset[str]:
    """The first two to five letters of every known surname: "givensur" logins keep only those."""
    openings: set[str] = set()
    for surname in gazetteer.surnames():
        plain = surname.replace("'", "").replace("\u2019", "").replace("-", "").replace(" ", "")
        openings.update(plain[:n] for n in range(2, 6))
    return frozenset(openings)


_LOGIN_PARTICLES = re.compile(
    r"^(?:van(?:der|den|de)?|von(?:der)?|de(?:la|l)?|della|di|da|dal|du|le|la|ter|ten)"
)


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
    if len(word) >= 5 and not word.endswith("s") and _name_word(word[:-1]):
        return True  # "rosalindd", "kramerr": a name and the initial of the other
    bare = _LOGIN_PARTICLES.sub("", word[1:] if _LOGIN_PARTICLES.match(word[1:]) else word, count=1)
    if bare != word and len(bare) >= 3 and (_name_word(bare) or _name_word(bare[:-1])):
        return True  # "vandamw", "mvonalvensleben": a surname's particle run into it
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
    if place == "speaker" and ("." in login or "_" in login):
        # A chat export's speaker written as two words joined is a login whatever its words
        # ("nele_von", "hollie.fairbairn"); one word must look like a login ("medewerker" is a role).
        return login not in COMMON_WORDS and not gazetteer._plain_word(login) and not _system_login(login)
    if _built_from_a_name(login) or _INITIAL_AND_WORD.fullmatch(login):
        return True  # "rmensah", "tomaszkow"; "kowalczyk.t", "jana_w84" whatever the name
    letters = login.rstrip("0123456789")  # "tcartwright2"
    if _INITIAL_THEN_WORD.fullmatch(letters) and letters[:2] not in _ONSETS:
        return True  # "tcartwright": an initial before a surname, no word opens with "tc"
    # Two words joined ("ivo.kerbrat"): a list item's or a by-line's author, not a label's value
    # ("Server: files.intern").
    return place != "label" and bool(_TWO_WORDS.fullmatch(login))


_PHONE_RUN = re.compile(r"[ \t]*(?P<number>[+(]?\d[\d \t\-/.()]{5,}\d)")
_DATE_START = re.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{2,4}(?![\d./\-])")


def _phone_after(text: str, position: int) -> bool:
    """Whether a phone number, not a date, follows ``position``: "jdoe 020 7946 0001", not
    "partenza 09/03/2026"."""
    run = _PHONE_RUN.match(text, position)
    if run is None or _DATE_START.match(run.group("number")):
        return False
    return sum(c.isdigit() for c in run.group("number")) >= 7


_NUMBER_AFTER_WORD = re.compile(r"[a-z][ \t]+(?=(?:\+|00|\(0|0)\d)")
_LOGIN_BEFORE = re.compile(rf"(?<![\w.@/\-])(?P<login>{_LOGIN})[ \t]*$")


def _named_in_text(text: str, login: str) -> bool:
    """Whether a login is a name the text writes capitalised, with or without an initial before or
    after it ("rosalindd" where "thanks Rosalind" is written, "oramsbottom" beside "Dr Ramsbottom")."""
    if not login.isalpha() or len(login) < 5 or login in COMMON_WORDS:
        return False
    # The initial makes it a login: the bare word ("london" beside "London") may be a plain noun.
    for core in (login[1:],) if login.endswith("s") else (login[:-1], login[1:]):
        if (
            len(core) >= 4
            and core.capitalize() in text
            and not gazetteer._plain_word(core)
            and _capitalised_in(text, core)
        ):
            return True
    return False


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
            group = "login" if match.group("login") is not None else "bare"
            login = match.group(group)
            if not login.islower() or _system_login(login):
                continue
            if _login_in_place(login, place) or _named_in_text(text, login):
                found.append(Candidate("PERSON", *match.span(group), 0.75))
    # A contact line's login before the phone number ("CONTACT jdoe 020 7946 0001"), found from the
    # number (a search from every lower-case word costs more).
    for number in _NUMBER_AFTER_WORD.finditer(text):
        before = _LOGIN_BEFORE.search(text, max(0, number.start() - 40), number.start() + 1)
        if before is None or not _phone_after(text, number.start() + 1):
            continue
        login = before.group("login")
        if not login.islower() or _system_login(login):
            continue
        if _login_in_place(login, "contact") or _named_in_text(text, login):
            found.append(Candidate("PERSON", *before.span("login"), 0.75))
    lowered = text.lower()
    for words, pattern in _ACCOUNT_PLACES:
        if not any(w in lowered for w in words):
            continue
        for match in pattern.finditer(text):
            for group in ("first", "login") if "first" in pattern.groupindex else ("login",):
                login = match.group(group)
                if login.islower() and not _system_login(login) and _login_in_place(login, "by"):
                    found.append(Candidate("PERSON", *match.span(group), 0.75))
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
    if ":" in text or "=" in text or "</" in text:
        found.extend(_keyed_values(text))
    if "@" in text:
        found.extend(_mentions(text))
    found.extend(_contact_given_names(text))
    if _HANDOVER.search(text):
        found.extend(_handovers(text))
    if "VCARD" in text or "vcard" in text:
        found.extend(_vcard_names(text))
    if "(" in text and _NUMBER_BRACKET.search(text):
        found.extend(_phone_contacts(text))
    if "." in text and any(w in text for w in (" y ", " e ", " en ", " and ", " und ", " et ", " & ")):
        found.extend(_couples(text))
    if "Van " in text or "v.d." in text or "v/d " in text or "V.d." in text:
        found.extend(_dutch_particles(text))
    if "," in text and _COMMA_INITIAL.search(text):
        found.extend(_surname_initials(text))
    if "fam" in text or "Fam" in text or "FAM" in text:
        found.extend(_families(text))
    return [c for c in found if not _NOT_NAMES.match(text[c.start : c.end])]


# --- Values under the keys of a payload, a query string or a log line ------------------------------

# Machine-written text names a person under a key ('"firstName": "Bram"', "patient_name: van den
# Berg, Sanne", "user=mlopez", 'actor="Jan Jansen"'); no sentence-level rule reads such a value. The
# keys are compared folded: lower case without "_", "-" and ".", only their last dotted part.
# Keys whose value is a person's name however it is written.
_NAME_KEYS = frozenset(
    gazetteer._split(
        """
        firstname givenname givennames forename lastname surname surnames familyname fullname
        displayname middlename realname nickname maidenname patientname customername clientname
        contactname employeename guestname membername personname callername sendername recipientname
        authorname ownername assigneename reportername requestername username accountholder
        nombre nombres apellido apellidos apellido1 apellido2 primerapellido segundoapellido
        nombrecompleto naam voornaam voornamen achternaam roepnaam tussenvoegsel volledigenaam
        nom prenom prénom nomcomplet nomdefamille nomdusage vorname vornamen nachname familienname
        geburtsname rufname cognome nome nomi nomecompleto
        """
    )
)
# Keys whose value is a person or the login of one, the value checked for the shape of either.
_ACTOR_KEYS = frozenset(
    gazetteer._split(
        """
        user login assignee assignedto reporter requester requestedby owner author actor by createdby
        updatedby modifiedby changedby closedby resolvedby approvedby reviewedby assignedby editedby
        deletedby submittedby reviewer approver submitter agent sender recipient committer uploader
        editor operator contact customer patient employee member cc bcc to from watcher attendee
        participant invitee guest
        usuario asignado asignadoa responsable autor cliente paciente solicitante creadopor
        gebruiker behandelaar medewerker klant patient aanvrager toegewezenaan aangemaaktdoor
        """
    )
)
# Values under those keys that are roles, states or systems, not people.
_NOT_ACTORS = frozenset(
    gazetteer._split(
        """
        admin administrator root system sistema systeem null none nil unknown unassigned anonymous
        guest bot service jenkins github automation scheduler cron api support helpdesk team nobody
        everyone all self me true false svc srv backup deploy build sync ci noreply test
        """
    )
)


def _system_login(login: str) -> bool:
    """Whether a login names a system or a role ("svc_backup", "deploy-bot"), in whole or in part."""
    return any(part in _NOT_ACTORS for part in re.split(r"[._\-]|\d+", login))


_KEYED = re.compile(
    r"(?<![\w\-.])[\"']?(?P<key>[A-Za-z][A-Za-z0-9_\-.]{0,40})[\"']?[ \t]*(?P<sep>[:=])[ \t]*"
    r"(?:(?P<q>[\"'])(?P<quoted>[^\"'\n]{1,80})(?P=q)|(?P<bare>[^\s\"'&;,|{}\[\]()<>=][^\n\"&;|{}\[\]<>=]{0,79}))"
)
_PARTICLE_WORD = re.compile(_PARTICLES + r"|v\.d\.|v\.|y|e|la|las|los|del|lo|li", re.IGNORECASE)
_INITIAL_WORD = re.compile(rf"[{_UP}]\.(?:-?[{_UP}]\.)?")
_CAPS_TOKEN = re.compile(rf"[{_UP}]{{2,}}(?:[-'\u2019][{_UP}]{{2,}})*")
_HANDLE_VALUE = re.compile(r"[a-z][a-z0-9]*(?:[._\-][a-z0-9]+){0,2}")


def _key(raw: str) -> str:
    return raw.rsplit(".", 1)[-1].replace("_", "").replace("-", "").lower()


def _name_words(value: str) -> list[str] | None:
    """The words of ``value`` if each is a name word: a capitalised or capital token, a particle, initials."""
    words = value.replace(",", " , ").split()
    if not 1 <= len(words) <= 7 or words.count(",") > 1 or words[0] == "," or words[-1] == ",":
        return None
    for word in words:
        if word == "," or _PARTICLE_WORD.fullmatch(word) or _INITIAL_WORD.fullmatch(word):
            continue
        if not (re.fullmatch(_TOKEN, word) or _CAPS_TOKEN.fullmatch(word)):
            return None
    return [w for w in words if w != ","]


def _keyed_person(key: str, value: str) -> bool:
    words = _name_words(value)
    if words is None:
        return False
    heads = [w for w in words if not _PARTICLE_WORD.fullmatch(w) and not _INITIAL_WORD.fullmatch(w)]
    if not heads or any(w in _ORGANISATION_WORDS or w.upper() in _ORGANISATION_WORDS for w in heads):
        return False
    if any(gazetteer._plain_word(w) for w in heads):
        return False
    if key in _NAME_KEYS:
        return True
    # A bare "name" or an actor's key may hold a product, a place or a team: the value must hold a
    # known given name or surname, and two words unless the one is a given name.
    known = [w for w in heads if is_given(w, cued=key != "name") or gazetteer._is_surname(w)]
    if not known:
        return False
    return len(heads) >= 2 or (is_given(heads[0]) and gazetteer._lone_ok(heads[0]))


# A key holding a list of people ('reviewers: [pvisser, mlopez]', '"attendees": ["Marta Ruiz"]').
_KEYED_LIST = re.compile(r"(?<![\w\-.])[\"']?(?P<key>[A-Za-z][A-Za-z0-9_\-.]{0,40})[\"']?[ \t]*[:=][ \t]*\[")
_LIST_ITEM = re.compile(r"[ \t]*(?P<q>[\"']?)(?P<item>[^\"',\[\]\n]{1,80})(?P=q)[ \t]*(?P<end>[,\]])")
_LIST_KEYS = frozenset(
    gazetteer._split(
        """
        attendees participants watchers invitees guests cc bcc mentions users assignees reviewers approvers
        members owners authors contacts recipients people persons asistentes invitados participantes
        deelnemers gasten genodigden leden
        """
    )
)


def _keyed_lists(text: str) -> list[Candidate]:
    found = []
    for match in _KEYED_LIST.finditer(text):
        if _key(match.group("key")) not in _LIST_KEYS:
            continue
        position = match.end()
        for _ in range(50):
            item = _LIST_ITEM.match(text, position)
            if item is None:
                break
            value, start = item.group("item").strip(), item.start("item")
            start += len(item.group("item")) - len(item.group("item").lstrip())
            if _HANDLE_VALUE.fullmatch(value):
                if not _system_login(value) and value not in COMMON_WORDS and _login_in_place(value, "by"):
                    found.append(Candidate("PERSON", start, start + len(value), 0.8))
            elif _keyed_person("name", value):
                found.append(Candidate("PERSON", start, start + len(value), 0.8))
            if item.group("end") == "]":
                break
            position = item.end()
    return found


# XML: a name as an element's text ("<Surname>VAN DAM</Surname>", "<Voornaam>Noor</Voornaam>"), and
# in the name attribute of an element that stands for a person ('<NextOfKin name="RORY BELL"/>').
_XML_ELEMENT = re.compile(
    r"<(?P<tag>[A-Za-z][\w.\-:]{0,40})(?:[ \t][^<>\n]{0,200})?>(?P<value>[^<>\n]{1,80})</(?P=tag)>"
)
_XML_START = re.compile(r"<(?P<tag>[A-Za-z][\w.\-:]{0,40})[ \t](?P<attrs>[^<>]{1,400})>")
_XML_ATTRIBUTE = re.compile(
    r"(?<![\w\-.:])(?P<key>[A-Za-z][\w.\-:]{0,40})[ \t]*=[ \t]*(?P<q>[\"'])(?P<value>[^\"'<>\n]{1,80})(?P=q)"
)
_PERSON_TAGS = frozenset(
    gazetteer._split(
        """
        nextofkin kin guardian parent mother father spouse partner relative child emergencycontact contact
        contactperson person patient doctor physician gp referrer witness signatory signer holder
        beneficiary insured policyholder passenger traveller traveler companion carer caregiver
        angehoeriger angehöriger kontakt kontaktperson ansprechpartner erziehungsberechtigter arzt
        contacto familiar tutor acompanante acompañante medico médico personadecontacto
        contatto referente familiare accompagnatore genitore
        personneaprevenir proche tuteur parentproche accompagnant
        contactpersoon voogd ouder partner begeleider huisarts
        """
    )
)


def _xml_names(text: str) -> list[Candidate]:
    found = []
    for match in _XML_ELEMENT.finditer(text):
        key = _key(match.group("tag").rsplit(":", 1)[-1])
        if key not in _NAME_KEYS:
            continue
        raw = match.group("value")
        value = raw.strip()
        start = match.start("value") + len(raw) - len(raw.lstrip())
        if value and _keyed_person(key, value):
            found.append(Candidate("PERSON", start, start + len(value), 0.8))
    for match in _XML_START.finditer(text):
        person = _key(match.group("tag").rsplit(":", 1)[-1]) in _PERSON_TAGS
        for attribute in _XML_ATTRIBUTE.finditer(match.group("attrs")):
            key = _key(attribute.group("key").rsplit(":", 1)[-1])
            if key in ("name", "fullname", "displayname") and person:
                key = "fullname"
            if key not in _NAME_KEYS:
                continue
            value = attribute.group("value").strip()
            start = match.start("attrs") + attribute.start("value")
            start += len(attribute.group("value")) - len(attribute.group("value").lstrip())
            if value and _keyed_person(key, value):
                found.append(Candidate("PERSON", start, start + len(value), 0.8))
    return found


def _keyed_values(text: str) -> list[Candidate]:
    found = _keyed_lists(text) if "[" in text else []
    if "</" in text or "/>" in text:
        found.extend(_xml_names(text))
    for match in _KEYED.finditer(text):
        key = _key(match.group("key"))
        is_name_key = key in _NAME_KEYS or key == "name"
        if not is_name_key and key not in _ACTOR_KEYS:
            continue
        group = "quoted" if match.group("quoted") is not None else "bare"
        value = match.group(group)
        start = match.start(group)
        if group == "bare":
            # A bare value ends at the next key of a log line ("actor=jan ip=…") or a line's end.
            if match.group("sep") == "=" or not any(c.isupper() for c in value[:1]):
                value = value.split()[0] if value.split() else ""
            else:
                value = re.split(r"[ \t]+[A-Za-z_]+[:=]|[ \t]*#", value, maxsplit=1)[0]
            value = value.rstrip(" \t,.")
        if not value:
            continue
        if _HANDLE_VALUE.fullmatch(value):
            if (
                (key in _ACTOR_KEYS or key == "username")
                and not _system_login(value)
                and value not in COMMON_WORDS
                and _login_in_place(value, "by")
            ):
                found.append(Candidate("PERSON", start, start + len(value), 0.8))
            continue
        if _keyed_person(key, value):
            found.append(Candidate("PERSON", start, start + len(value), 0.8))
    return found


# --- A given name on a contact line or after a handover's arrow ------------------------------------

# Rotas and signature blocks name the person to call by a given name alone before the number
# ("Out of hours: Tanja 0170 1234567", "Astreinte : Malik +33 6 …"); shift handovers name who takes
# over after an arrow or the word for it ("Übergabe: S. Kraus → Lena", "entrega X, recibe Tomás.").
_LABEL_NAME_PHONE = re.compile(
    rf":[ \t]*(?P<name>{_TOKEN}(?:[ ]+{_TOKEN})?)[ \t]+(?=[+(]?\d[\d \t\-./()]{{6,}}\d)"
)
_TAKES_OVER = re.compile(
    r"(?:(?:\u2192|->)[ \t]*|\b(?:aan|recibe|riceve|reçoit)[ \t]+)"
    rf"(?P<name>{_TOKEN})(?=[ \t]*(?:[.,;)!?]|$))",
    re.MULTILINE,
)


def _lone_given(word: str) -> bool:
    return (
        is_given(word)
        and gazetteer._lone_ok(word)
        and word not in _ORGANISATION_WORDS
        and word.upper() not in _ORGANISATION_WORDS
    )


# Labels of a rota's line, where the word before the number is the person on duty whatever name
# it is ("Out of hours: Dwayne …", "Astreinte : …", "Rufbereitschaft: …", "Reperibile: …").
_ON_CALL = re.compile(
    r"(?i:out[ -]of[ -]hours|after[ -]hours|on[ -]call|on duty|duty officer|astreinte|permanence|de garde"
    r"|fuera de horario|de guardia|guardia|urgencias|reperibil\w*|bereitschaft|rufbereitschaft|notdienst"
    r"|piket|piketdienst|bereikbaarheidsdienst|storingsdienst|dienstdoende|avonddienst|nachtdienst)"
    r"[^:\n]{0,20}$"
)
# Lines of a shift's handover, where the names after "→" or "/" are the two people however written
# ("Übergabe: S. Kraus → Lena", "Relève : Malik / jdupont", "Consegna Ada → rossim").
_HANDOVER_WORD_LIST = (
    *("handover", "hand-over", "handed over", "übergabe", "uebergabe", "relève", "releve", "passation"),
    *("overdracht", "overgedragen", "consegna", "passaggio", "entrega", "traspaso", "relevo"),
)
# Written in lower case, capitalised or in capitals; one case-sensitive trie (a case-insensitive
# alternation searched over every text costs more).
_HANDOVER = re.compile(
    r"(?<![\w\-])(?:"
    + _trie_of([form for w in _HANDOVER_WORD_LIST for form in (w, w.capitalize(), w.upper())])
    + r")(?![\w\-])"
)
_HANDOVER_NAME = re.compile(
    rf"(?:(?:\u2192|->|/|:)[ \t]*|\b(?:to|aan|an|recibe|riceve|reçoit|à)[ \t]+)"
    rf"(?P<name>{_TOKEN}|{_LOGIN})(?=[ \t]*(?:[.,;)!?/\u2192]|->|$))",
    re.MULTILINE,
)


def _contact_given_names(text: str) -> list[Candidate]:
    found = []
    if ":" in text:
        for match in _LABEL_NAME_PHONE.finditer(text):
            if not _phone_after(text, match.end("name")):
                continue
            words = match.group("name").split()
            if len(words) == 2 and (gazetteer._plain_word(words[1]) or words[1] in _ORGANISATION_WORDS):
                continue
            if not _lone_given(words[0]):
                line_start = text.rfind("\n", 0, match.start()) + 1
                on_call = _ON_CALL.search(text, line_start, match.start())
                if on_call is None or not _loose_name(words[0]):
                    continue
            found.append(Candidate("PERSON", *match.span("name"), 0.8))
    if "\u2192" in text or "->" in text or "aan " in text or "ecibe " in text or "iceve " in text:
        for match in _TAKES_OVER.finditer(text):
            if _lone_given(match.group("name")):
                found.append(Candidate("PERSON", *match.span("name"), 0.8))
    return found


def _loose_name(word: str) -> bool:
    """A capitalised word a cue calls a name: not a function word, a label or a firm's word."""
    return (
        word[:1].isupper()
        and not gazetteer._plain_word(word)
        and word not in _ORGANISATION_WORDS
        and word.upper() not in _ORGANISATION_WORDS
        and word.lower() not in COMMON_WORDS
    )


def _handovers(text: str) -> list[Candidate]:
    found = []
    for line in _HANDOVER.finditer(text):
        line_end = text.find("\n", line.end())
        line_end = len(text) if line_end < 0 else line_end
        for match in _HANDOVER_NAME.finditer(text, line.end(), line_end):
            name = match.group("name")
            if name.islower():
                ok = not _system_login(name) and _login_in_place(name, "by")
            else:
                ok = _loose_name(name)
            if ok:
                found.append(Candidate("PERSON", *match.span("name"), 0.8))
    return found


# vCard: "N:Family;Given;Additional;Prefix;Suffix" and "FN:Given Family" are a person's name.
_VCARD_NAME = re.compile(
    r"^(?:item\d+\.)?(?P<key>FN|N)(?:;[^:\n]*)?:(?P<value>[^\n]{1,120})$", re.MULTILINE | re.I
)


def _vcard_names(text: str) -> list[Candidate]:
    found = []
    for match in _VCARD_NAME.finditer(text):
        value = match.group("value").rstrip("\r")
        start = match.start("value")
        if match.group("key").upper() == "FN":
            if any(c.isalpha() for c in value):
                found.append(Candidate("PERSON", start, start + len(value.rstrip()), 0.85))
            continue
        position = start
        for part in value.split(";")[:3]:
            stripped = part.strip()
            if stripped and any(c.isalpha() for c in stripped):
                begin = position + part.index(stripped)
                found.append(Candidate("PERSON", begin, begin + len(stripped), 0.85))
            position += len(part) + 1
    return found


# --- Chat mentions, the contacts of an SMS export, couples in a guest list -------------------------

# "@lucia.martin" in a chat; Slack's own markup "<@U02ABC|bram.devries>" carries the display name.
_MENTION = re.compile(r"(?<![\w.@])@(?P<login>[a-z][a-z0-9]*(?:[._\-][a-z0-9]+){0,2})(?![\w@\-]|\.\w)")
_SLACK_MENTION = re.compile(r"<@[A-Z0-9]{4,}\|(?P<login>[^<>|@\n]{1,40})>")


def _mentions(text: str) -> list[Candidate]:
    found = [Candidate("PERSON", *m.span("login"), 0.85) for m in _SLACK_MENTION.finditer(text)]
    for match in _MENTION.finditer(text):
        login = match.group("login")
        if _system_login(login) or login in COMMON_WORDS or login in _NOT_MENTIONS:
            continue
        if _login_in_place(login, "by") or (_logged_line(text, match.start()) and _any_login(login)):
            found.append(Candidate("PERSON", *match.span("login"), 0.8))
    return found


# Mentions that name a channel or a group; and code's decorators and at-rules, which a line opening
# with a time (a chat's, an audit trail's) does not hold.
_NOT_MENTIONS = frozenset(gazetteer._split("channel here everyone all team group devs admins mods"))
_TIMED_LINE = re.compile(r"[ \t]*\[?\d{1,2}:\d{2}")


def _logged_line(text: str, position: int) -> bool:
    """Whether ``position`` lies in a line of a chat or a log, one that opens with its time."""
    return bool(_TIMED_LINE.match(text, text.rfind("\n", 0, position) + 1))


def _any_login(login: str) -> bool:
    """A word that a chat's or a log's mention makes a person's login whatever it is built from."""
    return (
        len(login) >= 5
        and login.replace(".", "").replace("_", "").isalpha()
        and not gazetteer._plain_word(login)
    )


# An SMS or a call log writes the contact's name after the number ("+34 699 111 222 (Javi): ok").
_PHONE_CONTACT = re.compile(
    rf"(?<![\w+.])\+?\d[\d \-]{{6,18}}\d[ \t]*\("
    rf"(?P<name>{_TOKEN}(?:[ ]+(?:{_PARTICLES}[ ]+){{0,2}}{_TOKEN}){{0,2}})\)"
)


_NUMBER_BRACKET = re.compile(r"\d[ \t]*\(")


def _phone_contacts(text: str) -> list[Candidate]:
    found = []
    for match in _PHONE_CONTACT.finditer(text):
        words = [w for w in match.group("name").split() if w[:1].isupper()]
        if any(gazetteer._plain_word(w) or w in _ORGANISATION_WORDS for w in words):
            continue
        if not any(is_given(w) or gazetteer._is_surname(w) for w in words):
            continue  # "(Werk)", "(Office)": a label for the number
        found.append(Candidate("PERSON", *match.span("name"), 0.8))
    return found


# "Sr. y Sra. López", "Dhr. en mevr. de Boer", "Mr and Mrs Patel": one surname after two titles.
_COUPLE = re.compile(
    r"(?<![\w.])(?:Sr|Sres|Dhr|dhr|Hr|Mr|Herr|M|Sig|sr)\.?[ \t]+(?:y|e|en|and|und|et|&)[ \t]+"
    r"(?:Sra|sra|Mevr|mevr|Mw|mw|Mrs|Ms|Frau|Fr|Mme|Sig\.ra)\.?[ \t]+"
    rf"(?P<name>(?:{_PARTICLES}[ ]+){{0,2}}{_TOKEN}(?:[ ]+{_TOKEN})?)"
)


def _couples(text: str) -> list[Candidate]:
    found = []
    for match in _COUPLE.finditer(text):
        words = match.group("name").split()
        # The second word is a surname only if it is written as one ("López García", not "López - 2").
        if len(words) > 1 and (gazetteer._plain_word(words[-1]) or not words[-1][:1].isupper()):
            words = words[:-1]
        head = words[-1]
        if gazetteer._plain_word(head) or not head[:1].isupper():
            continue
        if len(words) == 1 and not gazetteer._is_surname(head):
            continue  # "Sr. y Sra. Casa vacía"
        start = match.start("name")
        found.append(Candidate("PERSON", start, start + len(" ".join(words)), 0.8))
    return found


# --- Dutch surnames written with their particles capitalised or shortened ------------------------

# "Van der Berg komt morgen" opens a sentence with the particle capitalised; "v.d. Berg" and "v/d
# Berg" shorten it. The word after must be a surname by its shape, not a word or an organisation's.
_DUTCH_PARTICLES = re.compile(
    rf"(?<![\w\-.])(?P<name>(?:Van[ ](?P<article>der|den|de|het|'t)|[vV]\.[ ]?d\.|v/d)[ ]?(?P<word>{_TOKEN})"
    rf"|Van[ ](?P<bare>{_TOKEN}))(?![\w\-])"
)


def _dutch_particles(text: str) -> list[Candidate]:
    found = []
    for match in _DUTCH_PARTICLES.finditer(text):
        word = match.group("word") or match.group("bare")
        if gazetteer._plain_word(word) or word in _ORGANISATION_WORDS:
            continue
        if match.group("bare") and not gazetteer._is_surname(word):
            continue  # "Van Hire", "Van Gogh" only when known as a surname
        after = text[match.end() : match.end() + 30].split()
        if after and after[0].strip(".,;:") in _ORGANISATION_WORDS:
            continue  # "Van der Valk Hotel"
        start, end = match.span("name") if match.group("name") else match.span()
        found.append(Candidate("PERSON", start, end, 0.75))
    return found


# "Jansen, P." and "de Vries, J.M.": a known surname, a comma, initials.
_SURNAME_INITIALS = re.compile(
    rf"(?<![\w\-'])(?P<name>(?:{_PARTICLES}[ ]+){{0,2}}(?P<surname>{_TOKEN}),[ \t]*"
    rf"[{_UP}]\.(?:[ ]?-?[{_UP}]\.){{0,3}})(?![\w])"
)
_COMMA_INITIAL = re.compile(rf",[ \t]*[{_UP}]\.")
_COMPANY_FORMS = frozenset({"N.V.", "B.V.", "S.A.", "S.L.", "E.V.", "S.P.A.", "A.G.", "S.C."})


def _surname_initials(text: str) -> list[Candidate]:
    found = []
    for match in _SURNAME_INITIALS.finditer(text):
        surname = match.group("surname")
        initials = match.group("name").split(",")[-1].replace(" ", "")
        if initials.upper() in _COMPANY_FORMS or not gazetteer._is_surname(surname):
            continue
        if gazetteer._plain_word(surname) or surname in _ORGANISATION_WORDS:
            continue
        found.append(Candidate("PERSON", *match.span("name"), 0.75))
    return found


# --- A family in a guest list ------------------------------------------------------------------------

# "fam. de boer - 4", "Familia Ortega Díaz (3)": a line of an RSVP list opening with the family word,
# then the surname (in any casing) and the count or the meal after it.
_FAMILY = re.compile(
    rf"^[ \t]*(?:[-*\u2022][ \t]+)?(?i:fam\.?|familia|familie|famille|famiglia)[ \t]+"
    rf"(?P<name>(?:{_PARTICLES}[ ]+){{0,2}}(?:{_TOKEN}|{_LOWER})(?:[ ](?:{_TOKEN}|{_LOWER}))?)"
    r"(?=[ \t]*(?:[-\u2013:(,|]|\d|$))",
    re.MULTILINE | re.IGNORECASE,
)


def _families(text: str) -> list[Candidate]:
    found = []
    for match in _FAMILY.finditer(text):
        words = match.group("name").split()
        heads = [w for w in words if not re.fullmatch(_PARTICLES, w, re.IGNORECASE)]
        if not heads or any(
            gazetteer._plain_word(w) or w.lower() in COMMON_WORDS or w.capitalize() in _ORGANISATION_WORDS
            for w in heads
        ):
            continue
        if any(w.islower() and not gazetteer._is_surname(w) for w in heads):
            continue  # "Familia numerosa"; in lower case only a known surname ("fam. de boer")
        found.append(Candidate("PERSON", *match.span("name"), 0.75))
    return found
