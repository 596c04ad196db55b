"""People's names beyond what spaCy's NER tags on its own.

spaCy's small English model misses many names, above all non-English ones ("Dorothée Raynaud",
"Recep Rogner") and names in forms ("Patient: Potter, Jacob"). Names are found here by how text
introduces them, never by looking them up in a list of names:

- a title: "Mr. Willems", "Dr Okafor", "Frau Schmidt", "Mme Leduc";
- a label or a greeting: "Patient: …", "Applicant: …", "Dear …", "Hi …", "Regards,\\n…",
  "my name is …", "held in the name of …", "Witness: Last, First";
- repetition: once a name is found anywhere in a text, its other mentions — the full name, the
  surname alone, the first name alone ("Lauren tolerated the procedure well") — are found too.

The module also tidies spaCy's own entities: label words it swallowed ("Recipient Gomez"), spans
with digits ("Order A123313") and durations or clock times reported as dates are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redaction.recognizers import Candidate

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿß"
# One capitalised name token: "Anna", "O'Brien", "McDonald", "Wieloch-Bolnbach", "Lévy".
_TOKEN = rf"[{_UP}](?:[{_LOW}]+(?:[{_UP}][{_LOW}]+)?|['\u2019][{_UP}][{_LOW}]+)(?:-[{_UP}{_LOW}][{_LOW}]+)*"
_PARTICLE = (
    r"(?:van|von|de|der|den|du|da|di|del|della|dos|das|le|la|ter|ten|zu|vom|zum|af|al|el|bin|ibn|mac|st\.?)"
)
_NAME = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:[A-Z]\.[ \t]*)?{_TOKEN}){{0,3}}"
_SURNAME_FIRST = rf"{_TOKEN}(?:[ \t]+{_TOKEN})?,[ \t]+{_TOKEN}(?:[ \t]+[A-Z]\.)?"

_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Herr|Frau|Mme|Mlle|Mevr|Dhr|Sr|Sra|Srta|Rev|Fr)"
_TITLED = re.compile(rf"(?<![\w.])(?:{_TITLES})\.?[ \t]+(?P<name>(?:{_PARTICLE}[ \t]+){{0,2}}{_NAME})")


def _alternatives(words: str) -> str:
    """``"dear|best regards"`` as a regex alternation, a space matching any run of blanks."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words.split("|"))


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
    "|physician|doctor|nurse|contractor|consultant|caller|sender|author|c/o|care of"
)
_COLON_LABELS = _alternatives(
    "from|to|cc|bcc|name|user|owner|contact|member|student|guest|passenger|traveller|candidate"
)
_LABELLED = re.compile(
    rf"(?i:\b(?:(?:{_LABELS})[:,]?|(?:{_COLON_LABELS}):))[ \t_]*\n?[ \t_]*"
    rf"(?:(?:{_TITLES})\.?[ \t]+)?(?P<name>{_SURNAME_FIRST}|{_NAME})"
)
_LEADING_LABEL = re.compile(rf"^(?i:(?:{_LABELS}|{_COLON_LABELS}|{_TITLES}\.?))\b[:,.]?[ \t]*")
_NOT_NAMES = re.compile(
    r"^(?:The|This|That|These|Those|There|Thanks|Thank|Please|Our|Your|My|His|Her|Their|We|You|It|All|Team"
    r"|Sir|Madam|Customer|Customers|Client|Everyone|Support|Care|Billing|Sales|Admin|Staff|Colleagues?"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Agreement|Company|Contractor|Schedule|Section|Services"
    r"|Fees|Term|Notices|Confidentiality|Patient|Applicant|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme"
    r"|Mlle)\b"
)


def _name_candidates(text: str, start: int, end: int, score: float) -> Iterable[Candidate]:
    name = text[start:end]
    if _NOT_NAMES.match(name):
        # "Dear Customer Service" or "Hi Team": not a person. "Dear The Smiths" does not occur.
        return
    yield Candidate("PERSON", start, end, score)


def find_names(text: str) -> list[Candidate]:
    """Names after a title or a label that introduces a person."""
    found: list[Candidate] = []
    for match in _TITLED.finditer(text):
        found.extend(_name_candidates(text, *match.span("name"), 0.85))
    for match in _LABELLED.finditer(text):
        found.extend(_name_candidates(text, *match.span("name"), 0.8))
    for match in _ROLE_AFTER.finditer(text):
        found.extend(_name_candidates(text, *match.span("name"), 0.75))
    return found


# --- spaCy's entities, tidied -----------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_CALENDAR = re.compile(
    r"(?<![\w\-])(?:19|20)\d\d(?![\w\-])|(?<![\w\-/])\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?(?![\w\-/])"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)


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
        label = _LEADING_LABEL.match(span)
        if label and label.end() < len(span):
            start += label.end()
            span = text[start:end]
        if span.endswith(("'s", "\u2019s")):
            end -= 2
            span = span[:-2]
        if _DIGIT.search(span) or not any(c.islower() for c in span) or len(span) < 2:
            return None
        if entity_type == "PERSON" and _NOT_NAMES.match(span) and " " not in span:
            return None
    elif entity_type == "DATE_TIME" and not _CALENDAR.search(span):
        # Durations ("six weeks"), clock times and "today" are not dates about a person.
        return None
    return start, end


_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;\"'(\[\u2014\u2013-])[ \t]*$")


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a line or a sentence, where every word is capitalised."""
    return bool(_SENTENCE_START.search(text, max(0, start - 6), start))


# --- Other mentions of a name already found ---------------------------------------------------------

_TOKEN_RE = re.compile(_TOKEN)
_PARTICLE_RE = re.compile(rf"^{_PARTICLE}$", re.IGNORECASE)


def other_mentions(text: str, names: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Every other whole-word, same-case occurrence of the names found and of their parts."""
    forms: set[str] = set()
    for start, end in names:
        name = text[start:end]
        forms.add(name)
        parts = [t for t in _TOKEN_RE.findall(name) if not _PARTICLE_RE.match(t)]
        if len(parts) > 1 or (len(parts) == 1 and parts[0] == name):
            forms.update(p for p in parts if len(p) >= 3 and not _NOT_NAMES.match(p))
    if not forms:
        return []
    pattern = re.compile(
        r"(?<![\w\-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w\-])"
    )
    return [Candidate("PERSON", m.start(), m.end(), 0.75) for m in pattern.finditer(text)]
