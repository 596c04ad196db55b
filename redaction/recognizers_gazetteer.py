"""People's names found by knowing common given names and surnames, in any of the six languages.

Only English and French have a NER model here; in German, Dutch, Spanish and Italian text the
English model reads names poorly, and a name without a title, a label or a greeting before it
("Bitte Sabine informieren", "Ehemann Rolf ruft zurück", "il marito Marco richiamerà") was sent in
clear. People name people with a small vocabulary: a few thousand given names and surnames cover
most of the people a European organisation writes about. The lists in ``redaction/data/`` were
written by hand for this purpose (no list was downloaded) and are loaded once per process.

Rules, read on :func:`recognizers_names.case_view` of the text (so ``JAN JANSEN`` reads as
``Jan Jansen``):

- a capitalised given name followed by capitalised words (particles allowed: "Willem ter Horst",
 "Heinz-Peter Vogel") is a name, given name to the last word;
- a known surname right before a given name is kept with it ("Özdemir Mehmet");
- a capitalised word followed by a known surname ("Gareth Pryce") is a name, unless the first word
 opens a sentence in German (where every noun is capitalised) or is a function word;
- a given name alone is a name unless it is also an everyday word or a place ("Will", "Rosa",
 "Florence", "Mercedes"): those are only taken with a surname beside them;
- in lower-case text ("ik daan visser") a known given name followed by a known surname.

Brands named after people ("Hugo Boss", "Tommy Hilfiger") are dropped here already, before the
names seed the search for their other mentions (a brand must not make "Hugo" a name elsewhere).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from redaction import languages, recognizers_lookalikes
from redaction.recognizers import Candidate
from redaction.recognizers_names import (
    _ELIDED,
    _NOT_NAMES,
    _ORGANISATION_WORDS,
    _TOKEN,
    _WORD_NAMES,
    COMMON_WORDS,
    at_sentence_start,
    case_view,
)

_DATA = Path(__file__).parent / "data"


def _split(words: str) -> list[str]:
    """The whitespace-separated words of ``words`` (word lists read best as prose)."""
    return words.split()


# Given names that are also words, places, months or brands in one of the six languages (or in
# English, which every text borrows from): taken only with a surname beside them.
_AMBIGUOUS = frozenset(
    _split(
        """
    will mark bill rose grace hope joy jack frank lee long guy max nick rob don ken dawn eve pearl
    ray may june april august summer amber ruby jade iris daisy lily olive penny sandy chase miles
    page reed wade glen gene art sue pat dean carter mason hunter jordan austin georgia victoria
    florence paris lourdes santiago sofia sophia alexandria marina trinidad mercedes hugo lincoln
    chelsea virginia christian angel santo sole alma vega luz paz rosa blanca clara pilar dolores
    amparo consuelo soledad esperanza remedios milagros concepcion concepción reyes bianca serena
    aurora gaia franca vera fortunato felice marine ambre claude dominique colin denis noël noel
    constant prudence aimé marin said sultan nour noor nur can cem ece gül deniz ali job bas floor
    puck roos tiny nel jet ad ton bep kim demi liv ben ernst kai till china india ming wei hui yan
    jun xin thi linh minh thanh valentino jesus jesús cruz domingo salvador angelo benedetto
    """
    )
)
# Words never a given name or surname in a name's position, whatever the lists say.
_NEVER = frozenset(
    _split("dank danke merci gracias grazie bedankt hallo hello bonjour hola ciao buongiorno goedemorgen")
)


_PARTICLES = frozenset(_split("van von de der den du da di del della dos das le la lo ter ten el al"))


def _fold(word: str) -> str:
    """``word`` lower-cased without accents: "Jürgen" and "Jurgen" are the same name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _load(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            continue
        for word in line.split():
            # Particles ("de", "van", "ter") belong to a surname, never stand for one.
            if word[:1].isupper() and _fold(word) not in _PARTICLES:
                words.add(_fold(word))
    return frozenset(words)


@functools.cache
def given_names() -> frozenset[str]:
    """The given names of ``data/given_names.txt``, folded (:func:`_fold`)."""
    return _load("given_names.txt")


@functools.cache
def surnames() -> frozenset[str]:
    """The surnames of ``data/surnames.txt``, folded (:func:`_fold`)."""
    return _load("surnames.txt")


@functools.cache
def _function_words() -> frozenset[str]:
    words: set[str] = set(COMMON_WORDS)
    for language in languages.LANGUAGES:
        words |= languages.stop_words(language)
    return frozenset(_fold(w) for w in words)


@functools.lru_cache(maxsize=4096)
def _is_given(word: str) -> bool:
    folded = _fold(word)
    if folded in given_names():
        return True
    parts = folded.split("-")
    # "Klaus-Dieter", "Marie-Claire": a double given name of two known ones.
    return len(parts) == 2 and all(p in given_names() for p in parts)


@functools.lru_cache(maxsize=4096)
def _is_surname(word: str) -> bool:
    folded = _fold(word)
    if folded in surnames():
        return True
    parts = folded.split("-")
    # "Schäfer-Ludwig", "Bakker-Smit": a double surname with one known half.
    return len(parts) == 2 and any(p in surnames() for p in parts)


@functools.lru_cache(maxsize=4096)
def _plain_word(word: str) -> bool:
    """Whether ``word`` is a function word, an everyday word or a label, never part of a name."""
    folded = _fold(word)
    return (
        folded in _function_words()
        or folded in _NEVER
        or bool(_NOT_NAMES.match(word))
        or word in _ORGANISATION_WORDS
    )


def _lone_ok(word: str) -> bool:
    folded = _fold(word)
    return len(word) >= 3 and folded not in _AMBIGUOUS and folded not in _WORD_NAMES and not _plain_word(word)


# Words before a given name that make it a saint's, a church's or a place's ("San Marco", "Santa Maria
# Novella", "Sankt Georg"), and words after a name that make it a street's or an institution's
# ("Victoria Street", "Juan de Dios Hospital").
_SAINTS = frozenset(_split("san santa santo sao são saint sainte sankt sint st st. ste"))
_PLACE_WORDS = frozenset(
    _split(
        """
    street st road rd avenue ave lane square place way drive close court gardens park hill bridge
    station straße strasse str weg platz allee gasse ring damm ufer markt bahnhof kirche klinik
    straat laan plein gracht kade dijk singel steeg markt kerk rue avenue boulevard bd place allée
    chemin quai impasse église gare calle avenida plaza paseo camino carretera iglesia estación via
    viale piazza corso largo vicolo chiesa stazione basilica
    """
    )
)
# Products after a word make it a brand, not a name ("Heinz Ketchup", "Otto Versand", "Dolce Gusto").
_PRODUCT_WORDS = frozenset(
    _split(
        """
        ketchup sauce soup beer bier bière birra cerveza whisky whiskey wine wein vin vino coffee kaffee
        café caffè koffie tea tee thé chocolate schokolade chocolat cioccolato chocolade perfume parfum
        parfüm profumo perfume shoes schuhe chaussures scarpe zapatos schoenen uhr montre orologio
        reloj horloge jeans shirt shirts anzug anzüge tasche sac borsa bolso
        car cars auto autos voiture coche versand markt supermarkt outlet group gruppe groupe
        gruppo grupo groep holding ag gmbh ltd inc plc spa srl bv nv
        """
    )
)
# Particles inside a name; "e", "y", "et" and "und" join two names, they are not part of one.
_NAME_PARTICLE = (
    r"(?:van|von|de|der|den|du|da|di|del|della|dos|das|le|la|ter|ten|zu|vom|zum|af|al|el|bin|ibn|des|degli"
    r"|dei|delle|het|'t)"
)
# A run of capitalised words, particles allowed inside: the places a name can be.
_RUN = re.compile(
    rf"(?<![\w\-.'@/])(?P<run>{_ELIDED}{_TOKEN}"
    # Words joined by spaces only: a tab separates the cells of a pasted table.
    rf"(?:[ ]+(?:{_NAME_PARTICLE}[ ]+){{0,2}}{_ELIDED}{_TOKEN}){{0,4}})"
    r"(?![\w\-@]|\.\w)"
)
_RUN_TOKEN = re.compile(rf"{_ELIDED}{_TOKEN}")
_LOWER_PAIR = re.compile(
    r"(?<![\w\-.@/])(?P<given>[a-zà-öø-ÿß]{3,})[ \t]+(?:(?:van|von|de|der|den|di|da|del|della|la|le|ter|ten)"
    r"[ \t]+){0,2}(?P<surname>[a-zà-öø-ÿß]{3,}(?:-[a-zà-öø-ÿß]{3,})?)(?![\w\-@])"
)


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def names_a_product(text: str, start: int, end: int) -> bool:
    """Whether the name-like ``text[start:end]`` ends in, or is followed by, a product word.

    "Heinz Ketchup", "Jacobs Kaffee", "Otto Versand": a maker's name with its product is a brand
    named after a person, whatever read it as a name.
    """
    words = text[start:end].split()
    if words and _fold(words[-1]) in _PRODUCT_WORDS:
        return True
    after = _NEXT_WORD.match(text, end)
    return bool(after and _fold(after.group(1)) in _PRODUCT_WORDS)


def _candidates_in_run(view: str, start: int, end: int, language: str) -> list[tuple[int, int, float]]:
    tokens = [(m.start(), m.end(), m.group()) for m in _RUN_TOKEN.finditer(view, start, end)]
    out: list[tuple[int, int, float]] = []
    index = 0
    while index < len(tokens):
        s, e, word = tokens[index]
        if _plain_word(word) or not _is_given(word):
            # "Gareth Pryce": an unknown first word before a known surname.
            if (
                index + 1 < len(tokens)
                and _is_surname(tokens[index + 1][2])
                and not _plain_word(word)
                and not _plain_word(tokens[index + 1][2])
                and len(word) >= 3
                and not (language == "de" and at_sentence_start(view, s))
            ):
                out.append((s, tokens[index + 1][1], 0.7))
                index += 2
                continue
            index += 1
            continue
        before = tokens[index - 1][2] if index > 0 else view[max(0, s - 8) : s].split()[-1:]
        if (before if isinstance(before, str) else "".join(before)).casefold() in _SAINTS:
            index += 1
            continue
        first = index
        if index > 0 and _is_surname(tokens[index - 1][2]) and not _plain_word(tokens[index - 1][2]):
            first = index - 1  # "Özdemir Mehmet", "ROUX Pascal"
        last = index
        while last + 1 < len(tokens) and last - first < 3 and not _plain_word(tokens[last + 1][2]):
            last += 1
        if any(
            _fold(t[2]) in _PLACE_WORDS or _fold(t[2]) in _PRODUCT_WORDS for t in tokens[index : last + 2]
        ):
            index = last + 1
            continue
        if last > index or first < index:
            out.append((tokens[first][0], tokens[last][1], 0.8))
        elif _lone_ok(word):
            out.append((s, e, 0.7))
        index = last + 1
    return out


def find_names(text: str, language: str) -> list[Candidate]:
    """Names made of known given names and surnames (see the module docstring for the rules)."""
    view = case_view(text)
    found: list[Candidate] = []
    for match in _RUN.finditer(view):
        for start, end, score in _candidates_in_run(view, *match.span("run"), language):
            found.append(Candidate("PERSON", start, end, score))
    if any(c.islower() for c in text):
        for match in _LOWER_PAIR.finditer(text):
            given, surname = match.group("given"), match.group("surname")
            if (
                _is_given(given)
                and _lone_ok(given)
                and _is_surname(surname)
                and _fold(surname) not in _function_words()
                and _fold(surname) not in _WORD_NAMES
            ):
                found.append(Candidate("PERSON", match.start(), match.end(), 0.75))
    if not found:
        return found
    return recognizers_lookalikes.without_brand_names(text, found)


# --- Names in the columns of pasted tables ---------------------------------------------------------

_HEADER_NOISE = re.compile(r"[_\d]+|/(?:in|innen|e)\b|\(in\)|\*in\b")
_MORE_HEADERS = frozenset(
    _split(
        """
        bewerber bewerberin familienname geburtsname rufname vornamen apellido primer_apellido
        segundo_apellido nombres prénoms nom_d'usage nom_de_naissance nominativo voornamen tussenvoegsel
        roepnaam given_names first_names surname(s) lastname firstname givenname fullname
        """
    )
)


# Column headers that hold people's names, in the six languages (compared in lower case, without
# surrounding punctuation).
_NAME_HEADERS = frozenset(
    line.strip()
    for line in """
    name
    full name
    surname
    last name
    family name
    first name
    given name
    forename
    employee
    customer
    patient
    contact
    nachname
    vorname
    vor- und nachname
    mitarbeiter
    mitarbeiterin
    kunde
    patientin
    ansprechpartner
    nom
    prénom
    nom complet
    nom de famille
    salarié
    apellidos
    apellido
    nombre
    nombre completo
    empleado
    paciente
    cognome
    nome
    nome e cognome
    cognome e nome
    dipendente
    paziente
    naam
    achternaam
    voornaam
    volledige naam
    medewerker
    klant
    patiënt
    contactpersoon
    """.strip().splitlines()
) | frozenset(w.replace("_", " ") for w in _MORE_HEADERS)
_DELIMITERS = ("\t", ";", "|", ",")
# A fixed-width report aligns its columns with runs of spaces ("ID  SURNAME, FORENAME  DOB").
_GAP = "  "
_DIGIT = re.compile(r"\d")
_GAP_CELL = re.compile(r"[^ \t\n]+(?: [^ \t\n]+)*")
_CELL_NAME = re.compile(r"[^\W\d_][^\d@:/]{0,60}")
_HEADER_PARTS = re.compile(r"[ ]*(?:[,/&+]|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)[ ]*")


def _header(cell: str) -> str:
    """A column header as compared: lower case, "last_name" as "last name", "apellido1" as "apellido"."""
    return " ".join(_HEADER_NOISE.sub(" ", cell.strip(" *:_\t").lower()).split())


_HEADER_FIRST_WORDS = frozenset(h.split()[0] for h in _NAME_HEADERS if h.split())


def _name_header(head: str) -> bool:
    """A name column's header, or one naming two parts of a name ("surname, forename", "nom/prénom")."""
    if head in _NAME_HEADERS:
        return True
    if len(head) > 40 or not any(c in head for c in ",/&+ "):
        return False
    words = head.replace(",", " ").replace("/", " ").replace("&", " ").replace("+", " ").split()
    if not words or words[0] not in _HEADER_FIRST_WORDS:
        return False
    parts = [p for p in _HEADER_PARTS.split(head) if p]
    return len(parts) >= 2 and all(p in _NAME_HEADERS for p in parts)


def _cells(line: str, delimiter: str) -> list[tuple[int, str]]:
    """The cells of a table's line with their offsets in it."""
    if delimiter == _GAP:
        return [(m.start(), m.group()) for m in _GAP_CELL.finditer(line)] if _GAP in line.strip() else []
    cells, position = [], 0
    for cell in line.split(delimiter):
        cells.append((position, cell))
        position += len(cell) + len(delimiter)
    return cells


def names_in_tables(text: str) -> list[Candidate]:
    """The cells under a name column of a pasted table ("Nachname;Vorname" then "Kämmerer;Roswitha").

    A spreadsheet row splits a person into cells that no sentence-level rule reads as a name; the
    header says what each column holds. Tables with tabs, semicolons, pipes or commas are read, and
    reports whose columns are aligned with spaces.
    """
    delimiters = _DELIMITERS + ((_GAP,) if _GAP in text else ())
    if not any(d in text for d in delimiters):
        return []
    found: list[Candidate] = []
    columns: tuple[int, ...] = ()
    offset, delimiter, width = 0, "", 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        cells = _cells(line, delimiter) if columns else []
        if columns and len(cells) == width:
            if set(line.strip()) <= set("|-: \t+"):
                continue  # a Markdown table's rule under its header
            for index, (position, cell) in enumerate(cells):
                stripped = cell.strip()
                if index in columns and _CELL_NAME.fullmatch(stripped) and len(stripped.split()) <= 5:
                    start = line_start + position + cell.index(stripped)
                    found.append(Candidate("PERSON", start, start + len(stripped), 0.8))
            continue
        columns = ()
        for candidate in delimiters:
            if candidate not in line:
                continue
            if candidate == _GAP and (_DIGIT.search(line) or line.count(_GAP) < 2):
                continue  # "Surname    SMITH" is a form's field, not a report's header
            cells = _cells(line, candidate)
            if candidate == _GAP and len(cells) < 3:
                continue
            heads = [_header(c) for _, c in cells]
            named = tuple(i for i, h in enumerate(heads) if _name_header(h))
            if named and len(heads) >= 2:
                columns, delimiter, width = named, candidate, len(heads)
                break
    return found
