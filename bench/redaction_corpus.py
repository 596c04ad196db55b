"""A labelled synthetic corpus for the redaction evaluation (bench/redaction_eval.py).

Documents are English prose of the kinds that reach an LLM from inside an organisation —
clinical notes, loan applications, support tickets, contract clauses, HR e-mails, insurance
claims, delivery notes, chat messages — about people from six locales (en_US, en_GB, de_DE,
fr_FR, nl_NL, en_CA), whose names, phone numbers, addresses, IBANs and so on come from Faker
with a fixed seed. Each document is assembled from templates picked at random per kind, so the
same identifier appears in many sentence shapes; every seeded identifier carries its character
span and type.

Gold types: PERSON, EMAIL_ADDRESS, PHONE_NUMBER, US_SSN, CREDIT_CARD, IBAN_CODE, IP_ADDRESS,
ADDRESS (a street line, a postcode), LOCATION (a city or town), DATE_OF_BIRTH, DATE_TIME (other
dates about the person: HIPAA counts them), MEDICAL_RECORD_NUMBER.

Neutral spans (type NEUTRAL) are things that are not personal data but that a redactor may
reasonably hide: company names, states/provinces, countries. A finding inside one counts neither
for nor against an engine. Everything else a finding touches is a false positive: order numbers,
amounts, lab values, ticket ids, dosages, durations and the like are sprinkled through the text as
distractors.

This module never looks at the engine, and the engine never looks at this module.
"""

# ruff: noqa: E501  (template and value tables read best one entry a line)
from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from faker import Faker

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "nl_NL", "en_CA")
NEUTRAL = "NEUTRAL"


@dataclass(frozen=True)
class Span:
    """One labelled identifier: ``text[start:end]`` is personal data of ``entity_type``."""

    entity_type: str
    start: int
    end: int


@dataclass
class Document:
    """A generated document, its kind and locale, and its gold spans."""

    doc_id: int
    kind: str
    locale: str
    text: str
    spans: list[Span] = field(default_factory=list)


# --- Values -------------------------------------------------------------------------------------

_US_STATES = ("CA", "NY", "TX", "WA", "IL", "MA", "FL", "OH", "GA", "PA", "NC", "AZ", "CO", "MN")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Person:
    """Everything the templates may say about one person of one locale."""

    def __init__(self, fakers: dict[str, Faker], rng: random.Random, locale: str) -> None:
        fake = fakers[locale]
        self.locale = locale
        self.rng = rng
        female = rng.random() < 0.5
        self.first = fake.first_name_female() if female else fake.first_name_male()
        self.last = fake.last_name()
        self.middle = rng.choice(string.ascii_uppercase) + "." if rng.random() < 0.15 else ""
        self.title = rng.choice(("Ms.", "Mrs.", "Ms")) if female else rng.choice(("Mr.", "Mr"))
        self.full = " ".join(p for p in (self.first, self.middle, self.last) if p)
        self.email = self._email(fake)
        self.phone = self._phone(fake)
        self.mobile = self._phone(fake)
        self.dob = fake.date_of_birth(minimum_age=18, maximum_age=90)
        self.ssn = _ssn(fake, rng)
        self.card = _card(fake, rng)
        self.iban = _iban(fake, rng, locale, fakers)
        self.ip = fake.ipv4_public() if rng.random() < 0.75 else fake.ipv6()
        self.street = fake.street_address().replace("\n", ", ")
        self.postcode = _postcode(fake, rng, locale)
        self.city = fake.city()
        self.region = _region(fake, rng, locale)
        self.country = {
            "en_US": "USA",
            "en_GB": "United Kingdom",
            "de_DE": "Germany",
            "fr_FR": "France",
            "nl_NL": "the Netherlands",
            "en_CA": "Canada",
        }[locale]
        self.mrn = _mrn(rng)
        self.company = fake.company()

    def _email(self, fake: Faker) -> str:
        roll = self.rng.random()
        if roll < 0.4:
            return fake.email()
        local = _ascii(self.first).lower() + self.rng.choice((".", "_", "")) + _ascii(self.last).lower()
        local = re.sub(r"[^a-z0-9._]", "", local) or "user"
        if roll < 0.6:
            local += str(self.rng.randint(1, 99))
        domain = self.rng.choice(
            (fake.free_email_domain(), fake.domain_name(), "mail." + fake.domain_name(), fake.domain_name(2))
        )
        return f"{local}@{domain}"

    def _phone(self, fake: Faker) -> str:
        number = fake.phone_number()
        if self.rng.random() < 0.2 and self.locale in ("en_US", "en_CA"):
            digits = "".join(c for c in number if c.isdigit())[-10:]
            number = self.rng.choice(
                (
                    f"+1 {digits[:3]} {digits[3:6]} {digits[6:]}",
                    f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}",
                    f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
                )
            )
        return number

    def name_forms(self) -> list[tuple[str, str]]:
        """(prefix outside the span, name inside the span) pairs for later mentions."""
        return [
            ("", self.full),
            (self.title + " ", self.last),
            ("", self.first),
            ("", f"{self.first} {self.last}"),
        ]


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _ssn(fake: Faker, rng: random.Random) -> str:
    # Within the SSA's rules (as Faker's en_US ssn() is): no 000/666/9xx area, no 00 group or 0000 serial.
    area = f"{rng.choice([a for a in range(1, 900) if a != 666]):03d}"
    group = f"{rng.randint(1, 99):02d}"
    serial = f"{rng.randint(1, 9999):04d}"
    style = rng.random()
    if style < 0.8:
        return f"{area}-{group}-{serial}"
    if style < 0.9:
        return f"{area} {group} {serial}"
    return f"{area}{group}{serial}"


def _card(fake: Faker, rng: random.Random) -> str:
    card_type = rng.choice(
        ("visa16", "visa16", "visa19", "mastercard", "mastercard", "mastercard", "amex", "discover", "jcb16")
    )
    number = fake.credit_card_number(card_type)
    style = rng.random()
    if style < 0.45:
        return number
    sep = " " if style < 0.85 else "-"
    if len(number) == 15:
        return sep.join((number[:4], number[4:10], number[10:]))
    return sep.join(number[i : i + 4] for i in range(0, len(number), 4))


def _iban(fake: Faker, rng: random.Random, locale: str, fakers: dict[str, Faker]) -> str:
    # North Americans in these documents bank in Europe (Faker's en_CA gives GB IBANs anyway).
    iban = fake.iban() if locale not in ("en_US", "en_CA") else fakers[rng.choice(LOCALES[1:5])].iban()
    if rng.random() < 0.5:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def _postcode(fake: Faker, rng: random.Random, locale: str) -> str:
    code = fake.postcode()
    if locale == "nl_NL" and rng.random() < 0.7:
        code = code[:4] + " " + code[4:].strip()
    if locale == "en_CA" and " " not in code and rng.random() < 0.7:
        code = code[:3] + " " + code[3:]
    if locale == "en_US" and rng.random() < 0.15:
        code = f"{code}-{rng.randint(1000, 9999)}"
    return code


def _region(fake: Faker, rng: random.Random, locale: str) -> str:
    if locale == "en_US":
        return rng.choice(_US_STATES)
    if locale == "en_CA":
        return str(fake.province_abbr())
    return ""


def _mrn(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.4:
        return str(rng.randint(1_000_000, 99_999_999))
    if shape < 0.6:
        return rng.choice(string.ascii_uppercase) + str(rng.randint(100_000, 9_999_999))
    if shape < 0.8:
        return f"{rng.randint(10, 99)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"
    return f"{rng.choice(('H', 'MR', 'PT'))}{rng.randint(100000, 999999)}"


def _format_date(day: date, rng: random.Random, locale: str) -> str:
    style = rng.random()
    if locale == "en_US" and style < 0.5:
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if style < 0.2:
        return day.isoformat()
    if style < 0.45:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if style < 0.65:
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style < 0.8:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style < 0.9:
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


# --- Templates ----------------------------------------------------------------------------------
#
# Slots: {name} full name, {first}, {last}, {title_last} ("Mrs. " + last, only the surname is
# labelled), {email}, {phone}, {mobile}, {ssn}, {card}, {iban}, {ip}, {address} (street, postcode,
# city in the locale's order), {street}, {postcode}, {city}, {region}, {country}, {dob}, {mrn},
# {date} (another date about the person), {company}; other people: {doctor}, {agent}, {contact};
# distractors: {amount}, {order}, {ticket}, {qty}, {percent}, {sku}, {version}, {lab}, {dose},
# {duration}, {room}, {icd}, {bp}, {case}, {time}.

CLINICAL = [
    "Patient: {name}\nMRN: {mrn}\nDOB: {dob}\nAdmitted: {date}\n",
    "{name} (MRN {mrn}, date of birth {dob}) was seen in clinic today for follow-up of type 2 diabetes.",
    "Patient {name}, born {dob}, presents with a {duration} history of intermittent chest pain.",
    "{title_last} reports good adherence to metformin {dose} twice daily; HbA1c today is {lab}%.",
    "BP {bp}, HR 72, SpO2 98% on room air. Afebrile.",
    "Assessment: {icd} — stable. Plan: continue current regimen, recheck labs in {duration}.",
    "The patient lives at {address} with her daughter and can be reached on {phone}.",
    "Contact details on file: {phone} (home), {mobile} (mobile), {email}.",
    "Referred by Dr. {doctor} for evaluation of worsening shortness of breath.",
    "Discussed with Dr. {doctor}, who agrees with discharge on {date}.",
    "Medical record number {mrn} was merged with a duplicate chart created at triage.",
    "Insurance: {company}; subscriber {name}; SSN on file {ssn}.",
    "Next appointment {date} in room {room}. {first} was given written instructions.",
    "{first} tolerated the procedure well; estimated blood loss {qty} mL.",
    "Emergency contact: {contact}, phone {mobile}.",
    "Allergies: penicillin (rash). Current medications reviewed with {title_last} and her pharmacist.",
    "Pt. DOB {dob}; MRN: {mrn}. Labs drawn at {time}.",
]

LOAN = [
    "LOAN APPLICATION — reference {case}\nApplicant: {name}\nDate of birth: {dob}\nSSN: {ssn}\n",
    "Current address: {address}\nTime at address: {duration}\n",
    "The applicant, {name}, requests a personal loan of {amount} over 60 months at {percent}% APR.",
    "{first} has been employed by {company} since {date} and reports a gross annual income of {amount}.",
    "Please send all correspondence to {email} or call {phone} between 9 and 5.",
    "Disbursement account: IBAN {iban}, held in the name of {name}.",
    "Repayments will be collected by direct debit from {iban} on the 1st of each month.",
    "Card on file for the arrangement fee: {card} (exp. 09/28).",
    "Co-applicant: {contact}, born {dob2}, social security number {ssn2}.",
    "Credit check run on {date} returned a score of {qty}; no defaults recorded.",
    "I, {name}, confirm that the information above is accurate. Signed on {date}.",
    "Underwriter notes: debt-to-income ratio {percent}%, loan-to-value {percent}%.",
    "{title_last} previously lived at {street}, {city} for {duration}.",
]

SUPPORT = [
    "Ticket {ticket} — opened by {name} <{email}>\n",
    "Hi, this is {name}. I was charged twice for order #{order} ({amount}) and need a refund.",
    "The charge appeared on my card {card} on {date}.",
    "Customer verified identity with date of birth {dob} and the last four digits of her card.",
    "Login attempts from IP {ip} were blocked after 5 failures.",
    "Our logs show the session came from {ip} at {time} UTC using app version {version}.",
    "Please call me back on {mobile}, I'm available after 3pm.",
    "Agent {agent} escalated the case to billing (priority 2).",
    "Shipping address on the account is {address}.",
    "Hello {first}, thanks for reaching out! I've issued a refund of {amount} for order {order}.",
    "Replacement part {sku} ({qty} units) will ship within {duration}.",
    "{title_last} asked us to update her email from {email} to {email2}.",
    "Best regards,\n{agent}\nCustomer Care",
]

CONTRACT = [
    'THIS AGREEMENT is made on {date} between {company} (the "Company") and {name}, '
    'residing at {address} (the "Contractor").',
    "1. Services. The Contractor shall provide consulting services as described in Schedule A "
    "for {duration}.",
    "2. Fees. The Company shall pay the Contractor {amount} per month to the account IBAN {iban}.",
    "3. Notices. Notices to the Contractor shall be sent to {email} or by post to "
    "{street}, {postcode} {city}.",
    "4. Term. This Agreement commences on {date} and continues until terminated by either party "
    "on {duration}' notice.",
    "5. Confidentiality. The Contractor shall not disclose Confidential Information, including "
    "the personal data of {contact}.",
    "Signed: ____________ {name}, date of birth {dob}",
    "For and on behalf of {company}: {agent}, Director",
    "The Contractor's tax identification (SSN) is {ssn}.",
    "Any dispute shall be referred to arbitration in {city2}, {country}.",
]

HR_EMAIL = [
    "From: {agent}\nTo: {email}\nSubject: Your onboarding\n",
    "Hi {first},\n\nWelcome to {company}! Your start date is {date}.",
    "Could you confirm your home address is still {address}? Payroll needs it before the {qty}th.",
    "Your salary of {amount} will be paid to IBAN {iban} on the last working day of each month.",
    "If anything comes up, call me on {phone} or my mobile {mobile2}.",
    "For the background check we need your date of birth ({dob}) and SSN ({ssn}).",
    "{name} will be your buddy for the first {duration}; she sits in room {room}.",
    "VPN access is restricted to your laptop's address {ip}.",
    "Kind regards,\n{agent}\nPeople Team, {company}",
    "P.S. {contact} from finance may contact you at {email} about expenses.",
]

CLAIM = [
    "Claim {case}: policyholder {name}, DOB {dob}.",
    "On {date}, {title_last} was driving on {street} in {city} when another vehicle struck her car.",
    "The other driver, {contact}, gave her number as {phone2}.",
    "Witness: {agent}, who lives at {address2}.",
    "Estimated repair cost is {amount}; the vehicle was towed {qty} km.",
    "Please pay the settlement to {iban} (account holder {name}).",
    "{first} can be reached at {mobile} or {email}.",
    "The police report number is {ticket}; officer badge {order}.",
    "Hospital record {mrn} shows {first} was treated for whiplash and discharged after {duration}.",
]

DELIVERY = [
    "Deliver to: {name}\n{address}\nTel: {phone}\n",
    "Order {order} — {qty} items, total {amount}. Leave with neighbour if no answer.",
    "Delivery attempted on {date}; {first} was not home. Card left at {street}.",
    "Recipient {name} asked for delivery to {street}, {postcode} {city} instead.",
    "Contact the recipient on {mobile} before {time}.",
    "Billing address: {address2}. Payment by card ending in {last4}.",
]

CHAT = [
    "Can you rewrite this letter for me? It's to my landlord. My name is {name} and I live at {address}.",
    "Summarise this: {name} ({email}, {phone}) complained that her refund of {amount} never arrived.",
    "Draft a reply to {first} — she says her card {card} was declined at checkout on {date}.",
    "Translate to French: 'Dear {title_last}, your appointment is on {date} at {time}.'",
    "Why is this IBAN rejected? {iban}",
    "Check this spreadsheet row: {name}; {dob}; {ssn}; {city}; {email}",
    "My son {contact} was born on {dob2} in {city}. What documents do we need for a passport?",
    "Is {ip} a private address? Our firewall flagged it in ticket {ticket}.",
    "Write a birthday card for {first}, who turns {qty} on {date}.",
]

# --- Held-out templates ----------------------------------------------------------------------------
# Written after Airlock's recognisers had been tuned on the kinds above, and never used to tune
# them: the eval reports them separately, as a check on over-fitting to the phrasing above.

PHARMACY = [
    "Rx refill request received {date} for {name}; prescriber on record is Dr. {doctor}.",
    "The pharmacist left a voicemail at {phone} about the interaction between {dose} metformin "
    "and her new statin.",
    "Chart {mrn} lists an allergy to sulfa drugs, so {first} should not be given co-trimoxazole.",
    "Delivery of the {qty}-day supply goes to {address}; the courier will ring {mobile} on arrival.",
    "{name} (born {dob}) asked whether the co-pay of {amount} can go on the card ending {last4}.",
    "Please confirm with {first} {last} that {email} is still the right address for refill reminders.",
    "Prior authorisation was denied on {date}; appeal reference {case}.",
]

RENTAL = [
    "Rental application for the flat at {street}, {city}.",
    "Prospective tenant {name}, currently of {address}, earns {amount} a year at {company}.",
    "References: previous landlord {contact} ({phone2}) and employer contact {agent}.",
    "{first} consents to a credit check using SSN {ssn} and date of birth {dob}.",
    "Deposit of {amount} to be paid by bank transfer to {iban} within {duration}.",
    "The holding fee was charged to {card} on {date}; receipt sent to {email}.",
    "Move-in is planned for {date}. Pets: one cat. Smoker: no.",
    "{name} will share the flat with {contact}, whose mobile is {mobile2}.",
]

INCIDENT = [
    "Security incident {ticket}: at {time} UTC we saw repeated logins to {first}'s account from {ip}.",
    "The account owner, {name}, confirmed by phone ({mobile}) that she was not travelling.",
    "Password reset link sent to {email}; the old session from {ip} was revoked.",
    "{agent} (SOC on call) opened the case and assigned it to {contact}.",
    "Affected record: customer since {date}, billing address {address}.",
    "No card data was exposed; only the last four digits ({last4}) are stored with the order history.",
    "Follow-up call with {title_last} booked for {date}.",
]

MINUTES = [
    "Minutes of the site visit, {date}. Present: {name}, {agent}, {contact}.",
    "{agent} walked the group through the damage at {street} in {city}.",
    "{first} will send photos to {email} by Friday; questions to {phone}.",
    "Action: {contact} to get two quotes (budget {amount}) before {date}.",
    "The owner, {title_last}, asked that invoices quote her account {iban}.",
    "Next meeting at the {city} office; dial-in for remote attendees on {mobile}.",
]

DISPUTE = [
    "Card dispute for {name} — card number {card}, statement dated {date}.",
    "The cardholder says the {amount} charge from {company} on {date} was never authorised.",
    "We reached {first} on {mobile}; she confirmed her date of birth as {dob} and her postcode "
    "as {postcode}.",
    "Refund to be credited to {iban}; confirmation to {email}.",
    "The merchant's logs show the order placed from {ip} and shipped to {address}.",
    "Case {case} handled by {agent}; customer reference {order}.",
]

HOLDOUT_KINDS: dict[str, list[str]] = {
    "pharmacy_note": PHARMACY,
    "rental_application": RENTAL,
    "security_incident": INCIDENT,
    "meeting_minutes": MINUTES,
    "card_dispute": DISPUTE,
}

KINDS: dict[str, list[str]] = {
    "clinical_note": CLINICAL,
    "loan_application": LOAN,
    "support_ticket": SUPPORT,
    "contract_clause": CONTRACT,
    "hr_email": HR_EMAIL,
    "insurance_claim": CLAIM,
    "delivery_note": DELIVERY,
    "chat_request": CHAT,
}

_SLOT = re.compile(r"\{(\w+)\}")


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []

    def add(self, text: str, entity: str | None = None) -> None:
        if entity and text:
            self.spans.append(Span(entity, self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


class Corpus:
    """Deterministic document generator: ``Corpus(seed).documents(n)``."""

    def __init__(self, seed: int = 4) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.fakers: dict[str, Faker] = {}
        for index, locale in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed * 1000 + index)
            self.fakers[locale] = fake

    def documents(self, count: int, kinds: dict[str, list[str]] | None = None) -> list[Document]:
        names = list(kinds or KINDS)
        return [self.document(i, names[i % len(names)]) for i in range(count)]

    def document(self, doc_id: int, kind: str) -> Document:
        rng = self.rng
        locale = rng.choice(LOCALES)
        fake = self.fakers[locale]
        person = Person(self.fakers, rng, locale)
        others = [Person(self.fakers, rng, rng.choice(LOCALES)) for _ in range(3)]
        templates = KINDS.get(kind) or HOLDOUT_KINDS[kind]
        # A header template (if the kind has one) first, then a random selection in random order:
        # documents of one kind share a vocabulary but not a shape.
        header = [templates[0]] if templates[0].endswith("\n") or rng.random() < 0.5 else []
        body = rng.sample(templates[1:], k=min(len(templates) - 1, rng.randint(4, 8)))
        builder = _Builder()
        for index, template in enumerate(header + body):
            if index and not builder.text().endswith("\n"):
                builder.add(rng.choice((" ", " ", "\n", "\n\n")))
            self._render(builder, template, person, others, fake, rng)
        return Document(doc_id, kind, locale, builder.text(), builder.spans)

    def _render(
        self,
        builder: _Builder,
        template: str,
        person: Person,
        others: list[Person],
        fake: Faker,
        rng: random.Random,
    ) -> None:
        position = 0
        for match in _SLOT.finditer(template):
            builder.add(template[position : match.start()])
            self._slot(builder, match.group(1), person, others, fake, rng)
            position = match.end()
        builder.add(template[position:])

    def _slot(
        self, b: _Builder, slot: str, p: Person, others: list[Person], fake: Faker, rng: random.Random
    ) -> None:
        second, third, fourth = others
        if slot == "name":
            if rng.random() < 0.1:
                b.add(f"{p.last}, {p.first}", "PERSON")
            else:
                b.add(p.full, "PERSON")
        elif slot == "first":
            b.add(p.first, "PERSON")
        elif slot == "last":
            b.add(p.last, "PERSON")
        elif slot == "title_last":
            b.add(p.title + " ")
            b.add(p.last, "PERSON")
        elif slot in ("doctor", "agent", "contact"):
            other = {"doctor": second, "agent": third, "contact": fourth}[slot]
            b.add(other.full if slot != "doctor" or rng.random() < 0.6 else other.last, "PERSON")
        elif slot in ("email", "email2"):
            b.add(p.email if slot == "email" else second.email, "EMAIL_ADDRESS")
        elif slot in ("phone", "phone2"):
            b.add(p.phone if slot == "phone" else fourth.phone, "PHONE_NUMBER")
        elif slot in ("mobile", "mobile2"):
            b.add(p.mobile if slot == "mobile" else third.mobile, "PHONE_NUMBER")
        elif slot in ("ssn", "ssn2"):
            b.add(p.ssn if slot == "ssn" else fourth.ssn, "US_SSN")
        elif slot == "card":
            b.add(p.card, "CREDIT_CARD")
        elif slot == "iban":
            b.add(p.iban, "IBAN_CODE")
        elif slot == "ip":
            b.add(p.ip, "IP_ADDRESS")
        elif slot in ("address", "address2"):
            self._address(b, p if slot == "address" else third, rng)
        elif slot == "street":
            b.add(p.street, "ADDRESS")
        elif slot == "postcode":
            b.add(p.postcode, "ADDRESS")
        elif slot in ("city", "city2"):
            b.add(p.city if slot == "city" else second.city, "LOCATION")
        elif slot == "region":
            b.add(p.region, NEUTRAL)
        elif slot == "country":
            b.add(p.country, NEUTRAL)
        elif slot in ("dob", "dob2"):
            b.add(_format_date(p.dob if slot == "dob" else fourth.dob, rng, p.locale), "DATE_OF_BIRTH")
        elif slot == "mrn":
            b.add(p.mrn, "MEDICAL_RECORD_NUMBER")
        elif slot == "date":
            day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 900))
            b.add(_format_date(day, rng, p.locale), "DATE_TIME")
        elif slot == "company":
            b.add(p.company, NEUTRAL)
        else:
            b.add(_distractor(slot, rng))

    def _address(self, b: _Builder, p: Person, rng: random.Random) -> None:
        sep = rng.choice((", ", ", ", "\n"))
        b.add(p.street, "ADDRESS")
        b.add(sep)
        if p.locale in ("en_US", "en_CA"):
            b.add(p.city, "LOCATION")
            b.add(", ")
            b.add(p.region, NEUTRAL)
            b.add(" ")
            b.add(p.postcode, "ADDRESS")
        elif p.locale == "en_GB":
            b.add(p.city, "LOCATION")
            b.add(sep if sep != ", " else " ")
            b.add(p.postcode, "ADDRESS")
        else:
            b.add(p.postcode, "ADDRESS")
            b.add(" ")
            b.add(p.city, "LOCATION")
        if rng.random() < 0.25:
            b.add(", ")
            b.add(p.country, NEUTRAL)


def _distractor(slot: str, rng: random.Random) -> str:
    r = rng.randint
    values: dict[str, Any] = {
        "amount": lambda: rng.choice(
            (
                f"${r(100, 90000):,}.{r(0, 99):02d}",
                f"EUR {r(100, 9000)}",
                f"£{r(50, 5000):,}",
                f"{r(1, 60)}k USD",
            )
        ),
        "order": lambda: rng.choice(
            (str(r(1_000_000, 99_999_999)), f"ORD-{r(10000, 99999)}", f"A{r(100000, 999999)}")
        ),
        "ticket": lambda: rng.choice(
            (f"INC{r(1000000, 9999999)}", f"#{r(10000, 99999)}", f"CS-{r(1000, 9999)}-{r(10, 99)}")
        ),
        "case": lambda: rng.choice(
            (f"LA-{r(2023, 2025)}-{r(10000, 99999)}", f"CLM{r(100000, 999999)}", f"REF/{r(1000, 9999)}")
        ),
        "qty": lambda: str(r(2, 850)),
        "percent": lambda: f"{r(1, 45)}.{r(0, 9)}",
        "sku": lambda: (
            "".join(rng.choice(string.ascii_uppercase) for _ in range(2)) + f"-{r(100, 999)}-{r(10, 99)}"
        ),
        "version": lambda: f"{r(1, 9)}.{r(0, 20)}.{r(0, 9)}",
        "lab": lambda: f"{r(5, 11)}.{r(0, 9)}",
        "dose": lambda: f"{rng.choice((250, 500, 850, 1000))} mg",
        "duration": lambda: rng.choice(
            ("two weeks", "3 months", "six weeks", "10 days", "one year", "5 years")
        ),
        "room": lambda: f"{r(1, 6)}{rng.choice('ABC')}{r(10, 40)}",
        "icd": lambda: rng.choice(("E11.9", "I10", "J45.909", "M54.5", "K21.9")),
        "bp": lambda: f"{r(105, 160)}/{r(60, 100)}",
        "time": lambda: f"{r(7, 18)}:{rng.choice(('00', '15', '30', '45'))}",
        "last4": lambda: f"{r(1000, 9999)}",
    }
    return str(values[slot]())


def generate(count: int = 300, seed: int = 4) -> list[Document]:
    """``count`` documents, the same ones for the same seed."""
    return Corpus(seed).documents(count)


def generate_holdout(count: int = 100, seed: int = 4) -> list[Document]:
    """``count`` documents of the held-out kinds (a different stream of people than ``generate``)."""
    return Corpus(seed + 1000).documents(count, HOLDOUT_KINDS)


# --- Development documents in the held-out schema (six languages, the shapes of issue 20) -----------
#
# ``generate_world`` writes documents in the schema of bench/heldout/heldout.jsonl (``lang``,
# ``kind``, ``text``, ``entities`` with a ``category``, ``lookalikes``) from its own templates:
# names in capitals, surname first, in e-mail headers and chat prefixes; national identifiers with
# valid check digits; Spanish and Italian street lines; dates of birth in each language. It is the
# material the recognisers are developed against; the held-out set is only measured.

_WORLD_LOCALES = {"en": "en_GB", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT", "nl": "nl_NL"}
_WORLD_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}
_WORLD = {
    "en": [
        ("email", "From: {NAME_UPPER} <{EMAIL}>\nTo: \"{SURNAME}, {GIVEN}\" <{EMAIL2}>\nSubject: claim {LA_ORDER}\n\n"
         "Hi {GIVEN}, please see the attached. Card ending in {LA_LAST4}. Reach me at {OBF_EMAIL}.\n"
         "NI number: {UK_NINO}, NHS number {UK_NHS}.\n{NAME}"),
        ("notice", "Attention: {NAME}\nRE: {LA_CITATION}\nPursuant to the agreement, notice is given to the attention of "
         "{NAME_UPPER}, born {DOB_EN}, residing at {MIL_ADDRESS}. Policy number {LA_POLICY}."),
        ("chat", "{HANDLE}: hi, it's {GIVEN}\nsupport_bot: hello\n{HANDLE}: my number is {PHONE}, I drink {LA_BRAND}\n"
         "{HANDLE}: my IBAN is {IBAN_DOTS} and SSN {SSN_DOTS}"),
        ("clinical", "Patient: {SURNAME_UPPER} {GIVEN}\nHospital number {HOSP}\nHistory of {LA_EPONYM}. Seen by Dr {NAME2}."),
        ("chat", "[09:14] {GIVEN_LOWER}: morning, is anyone there?\n[09:15] support_bot: hi, how can I help\n"
         "[09:15] {GIVEN_LOWER}: my card {CARD} got charged twice, I'm {NAME_LOWER}\n[09:16] {GIVEN_LOWER}: call me on {PHONE_NAT}\n"
         "[09:17] support_bot: thanks {GIVEN_LOWER}, checking now"),
        ("call_note", "Call note {LA_TXDATE}: spoke to {NAME_LOWER} re overdue invoice; earlier {LA_NOTE_EN}, she asked us to ring back on {PHONE_NAT}. "
         "Also call with {NAME2_LOWER} tomorrow. {GIVEN_LOWER} prefers {LA_PBRAND} vouchers. Card on file {CARD}."),
        ("letter", "{NAME}\n{EN_ADDRESS}\n\nDear {GIVEN},\nThank you for your order of {LA_PBRAND}. Tel. {PHONE_NAT}.\n"
         "Yours sincerely,\n{NAME2}"),
    ],
    "fr": [
        ("email", "De : {NAME_UPPER} <{EMAIL}>\nÀ : {EMAIL2} ({NAME2})\nObjet : dossier {LA_ORDER}\n\n"
         "Bonjour {GIVEN},\nJe suis {NAME}, né le {DOB}. Mon numéro de sécurité sociale : {FR_NIR}.\n"
         "Adresse : {FR_ADDRESS}.\nCordialement,\n{NAME}"),
        ("form", "Nom : {SURNAME_UPPER}\nPrénom : {GIVEN}\nDate de naissance : {DOB_NUM}\nNIR {FR_NIR}\n"
         "IBAN : {IBAN}\nTéléphone : {PHONE}\nAntécédents : {LA_EPONYM}"),
        ("chat", "{HANDLE} : salut c'est {GIVEN}\n{HANDLE2} : ok\n{HANDLE} : écris à {OBF_EMAIL} stp"),
        ("chat", "{GIVEN_LOWER} : bonjour, j'ai un souci avec ma carte {CARD}\nconseiller : bonjour, je vous écoute\n"
         "{GIVEN_LOWER} : je suis {NAME_LOWER}, rappelez-moi au {PHONE_NAT}\n{GIVEN_LOWER} : merci"),
        ("call_note", "Compte rendu d'appel : {LA_NOTE_FR}, puis j'ai appelé {NAME_LOWER} au {PHONE_NAT} au sujet de sa commande de {LA_PBRAND}. "
         "Rendez-vous pris avec {NAME2_LOWER}. Adresse de livraison : {FR_ADDRESS2}."),
        ("letter", "{NAME_UPPER}\n{FR_ADDRESS2}\n\nMadame, Monsieur,\nSuite à votre appel du {LA_TXDATE}, "
         "nous confirmons le remboursement sur la carte {CARD}. Tél. : {PHONE_NAT}\n{NAME2}"),
    ],
    "de": [
        ("letter", "Sehr geehrte Frau {SURNAME},\nIhre Steuer-ID {DE_TAX_ID} und Ihre Sozialversicherungsnummer "
         "{DE_SVNR} liegen uns vor. Versichertennummer {DE_KVNR}. Geboren am"
         " {DOB_NUM}.\nAnschrift: {DE_ADDRESS}\n"
         "Mit freundlichen Grüßen\n{NAME}"),
        ("form", "Name: {SURNAME_UPPER}, {GIVEN}\nGeb. am {DOB}\nFallnummer: {HOSP}\nIBAN {IBAN}\nBestellnummer {LA_ORDER}"),
        ("email", "Von: {NAME} <{EMAIL}>\nBuchung vom {LA_TXDATE}. {NAME2} schrieb:\n> Bitte {LA_CITATION} beachten."),
        ("chat", "[14:02] {GIVEN_LOWER}: hallo, meine Karte {CARD} wurde gesperrt\n[14:03] service: Guten Tag!\n"
         "[14:03] {GIVEN_LOWER}: ich bin {NAME_LOWER}, erreichbar unter {PHONE_NAT}\n[14:05] service: danke {GIVEN_LOWER}"),
        ("call_note", "Telefonnotiz: {LA_NOTE_DE}, dann sprach mit {NAME_LOWER} wegen Rückruf unter {PHONE_NAT}. Termin mit {NAME2_LOWER} "
         "am Montag. Kunde bestellt regelmäßig {LA_PBRAND}. Lieferadresse: {DE_ADDRESS2}"),
        ("letter", "{NAME}\n{DE_ADDRESS2}\n\nSehr geehrter Herr {SURNAME},\nvielen Dank für Ihren Anruf. "
         "Die Kreditkarte {CARD} wurde belastet. Telefon {PHONE_NAT}\nMit freundlichen Grüßen\n{NAME2}"),
    ],
    "es": [
        ("letter", "Estimada Sra. {NAME}:\nLe escribimos en relación con su DNI {ES_DNI}, nacida el {DOB}, con domicilio "
         "en {ES_ADDRESS}. Teléfono {PHONE}.\nAtentamente,\n{NAME2}"),
        ("form", "Nombre y apellidos: {NAME_UPPER}\nNIE: {ES_NIE}\nFecha de nacimiento: {DOB_NUM}\nCorreo: {EMAIL}\n"
         "Pedido {LA_ORDER}"),
        ("chat", "{HANDLE}: hola soy {GIVEN}\n{HANDLE2}: dime\n{HANDLE}: mi correo es {OBF_EMAIL}"),
        ("chat", "{GIVEN_LOWER}: hola, tengo un problema con la tarjeta {CARD}\nagente: buenas tardes\n"
         "{GIVEN_LOWER}: soy {NAME_LOWER}, mi móvil es {PHONE_NAT}\n{GIVEN_LOWER}: gracias"),
        ("call_note", "Nota de llamada: {LA_NOTE_ES}; luego hablé con {NAME_LOWER}, pide que le llamemos al {PHONE_NAT}. Reunión con "
         "{NAME2_LOWER} el lunes. Compra habitual: {LA_PBRAND}. Envío a {ES_ADDRESS2}."),
        ("letter", "{NAME}\n{ES_ADDRESS2}\n\nEstimado Sr. {SURNAME}:\nLe confirmamos el cargo en la tarjeta {CARD}. "
         "Tel.: {PHONE_NAT}\nUn saludo,\n{NAME2}"),
    ],
    "it": [
        ("letter", "Gentile Sig.ra {NAME},\nnata il {DOB}, codice fiscale {IT_CF}, residente in {IT_ADDRESS}.\n"
         "Polizza n. {LA_POLICY}.\nCordiali saluti\n{NAME2}"),
        ("form", "Cognome e nome: {SURNAME_UPPER} {GIVEN}\nCartella clinica n. {HOSP}\nIBAN {IBAN}\nTel. {PHONE}\n"
         "Diagnosi: {LA_EPONYM}"),
        ("email", "Da: {NAME_UPPER} <{EMAIL}>\nA: {EMAIL2}\n\nCiao {GIVEN}, scrivimi a {OBF_EMAIL}. Ordine {LA_ORDER}."),
        ("chat", "{GIVEN_LOWER}: buongiorno, ho un problema con la carta {CARD}\noperatore: buongiorno, mi dica\n"
         "{GIVEN_LOWER}: sono {NAME_LOWER}, il mio cellulare è {PHONE_NAT}\n{GIVEN_LOWER}: grazie mille"),
        ("call_note", "Nota telefonata: {LA_NOTE_IT}, poi ho parlato con {NAME_LOWER}, chiede di essere richiamato al {PHONE_NAT}. "
         "Appuntamento con {NAME2_LOWER} giovedì. Ordina spesso {LA_PBRAND}. Spedire a {IT_ADDRESS2}."),
        ("letter", "Spett.le\n{NAME}\n{IT_ADDRESS2}\n\nGentile Sig. {SURNAME},\nconfermiamo l'addebito sulla carta {CARD}. "
         "Per informazioni: tel. {PHONE_NAT}\nDistinti saluti\n{NAME2}"),
    ],
    "nl": [
        ("letter", "Geachte heer {SURNAME},\nUw BSN {NL_BSN}, geboren op {DOB}, adres {NL_ADDRESS}.\n"
         "Met vriendelijke groet,\n{NAME2}"),
        ("form", "Naam: {SURNAME_UPPER}, {GIVEN}\nGeboortedatum: {DOB_NUM}\nIBAN: {IBAN}\nTelefoon: {PHONE}\n"
         "Factuur {LA_ORDER}"),
        ("chat", "{HANDLE}: hoi, {GIVEN} hier\n{HANDLE2}: hallo\n{HANDLE}: mail me op {OBF_EMAIL}"),
        ("chat", "{GIVEN_LOWER}: hoi, mijn pas {CARD} is geblokkeerd\nmedewerker: goedemiddag\n"
         "{GIVEN_LOWER}: ik ben {NAME_LOWER}, bel me op {PHONE_NAT}\n{GIVEN_LOWER}: dank je"),
        ("call_note", "Belnotitie: {LA_NOTE_NL}, daarna gesproken met {NAME_LOWER}, graag terugbellen op {PHONE_NAT}. Afspraak met "
         "{NAME2_LOWER} op dinsdag. Klant koopt vaak {LA_PBRAND}. Bezorgadres: {NL_ADDRESS2}."),
        ("letter", "{NAME}\n{NL_ADDRESS2}\n\nGeachte mevrouw {SURNAME},\nWij hebben het bedrag van uw creditcard {CARD} "
         "afgeschreven. Telefoon: {PHONE_NAT}\nMet vriendelijke groet,\n{NAME2}"),
    ],
}  # fmt: skip
_WORLD_CATEGORY = {
    "NAME": "name", "NAME2": "name", "NAME_UPPER": "name", "GIVEN": "name", "SURNAME": "name",
    "SURNAME_UPPER": "name", "HANDLE": "name", "HANDLE2": "name", "EMAIL": "structured", "EMAIL2": "structured",
    "OBF_EMAIL": "structured", "PHONE": "structured", "IBAN": "structured", "IBAN_DOTS": "structured",
    "SSN_DOTS": "national_id", "UK_NINO": "national_id", "UK_NHS": "national_id", "DE_TAX_ID": "national_id",
    "DE_SVNR": "national_id", "DE_KVNR": "national_id", "FR_NIR": "national_id", "ES_DNI": "national_id",
    "ES_NIE": "national_id", "IT_CF": "national_id", "NL_BSN": "national_id", "HOSP": "national_id",
    "DOB": "date", "DOB_NUM": "date", "DOB_EN": "date", "MIL_ADDRESS": "address", "FR_ADDRESS": "address",
    "DE_ADDRESS": "address", "ES_ADDRESS": "address", "IT_ADDRESS": "address", "NL_ADDRESS": "address",
    "GIVEN_LOWER": "name", "NAME_LOWER": "name", "NAME2_LOWER": "name", "PHONE_NAT": "structured",
    "CARD": "structured", "EN_ADDRESS": "address", "FR_ADDRESS2": "address", "DE_ADDRESS2": "address",
    "ES_ADDRESS2": "address", "IT_ADDRESS2": "address", "NL_ADDRESS2": "address",
}  # fmt: skip
_LOOKALIKES = {
    "LA_BRAND": ["Dr Pepper", "Jack Daniel's", "Ben & Jerry's", "Dr. Oetker"],
    "LA_EPONYM": ["Parkinson's disease", "Hodgkin lymphoma", "Crohn's disease", "maladie d'Alzheimer",
                  "Morbus Crohn", "sindrome di Down"],
    "LA_CITATION": ["Art. 6 Abs. 1 DSGVO", "Donoghue v Stevenson [1932] AC 562", "§ 823 BGB", "Article 9 RGPD"],
    "LA_ORDER": ["ORD-2024-118273", "#5512-889", "A-77120034", "2023/44871"],
    "LA_POLICY": ["POL-88231-B", "44-7712-90", "IT-2291-XA"],
    "LA_LAST4": ["4242", "0019", "7781"],
    "LA_TXDATE": ["03.04.2024", "12/05/2023", "2024-01-09"],
    # What follows the same cue words in call notes and is no one's name.
    "LA_NOTE_EN": ["spoke to the billing team", "call with legal on friday", "met with accounting about q3",
                   "called back twice", "spoke to support re refund"],
    "LA_NOTE_DE": ["sprach mit dem Kundenservice", "Termin mit der Buchhaltung", "Rückruf an die Zentrale"],
    "LA_NOTE_FR": ["j'ai appelé le service client", "rendez-vous avec la comptabilité", "parlé avec le support"],
    "LA_NOTE_ES": ["hablé con el servicio técnico", "reunión con contabilidad", "llamé a la oficina"],
    "LA_NOTE_IT": ["ho parlato con il servizio clienti", "appuntamento con l'amministrazione",
                   "ho chiamato la banca"],
    "LA_NOTE_NL": ["gesproken met de klantenservice", "afspraak met de boekhouding", "gebeld met de helpdesk"],
    # Brands, houses and shops named after people, as customers write them.
    "LA_PBRAND": ["Hugo Boss", "Tommy Hilfiger", "Giorgio Armani", "Albert Heijn", "Douwe Egberts", "Ferrero Rocher",
                  "Dolce & Gabbana", "Massimo Dutti", "Ralph Lauren", "Yves Saint Laurent", "Jacques Dessange",
                  "Kellogg's", "Heinz", "Van Houten", "Dr. Oetker", "Jack Daniel's", "Marks & Spencer",
                  "Lindt & Sprüngli", "Jean Paul Gaultier", "Carolina Herrera", "Adolfo Domínguez", "Ted Baker",
                  "Paul Smith", "Laura Ashley", "Bruno Banani", "Tom Tailor", "Pierre Cardin", "Salvatore Ferragamo",
                  "Ermenegildo Zegna", "Hema", "Sergio Tacchini", "Ben & Jerry's"],
}  # fmt: skip


def _luhn_free_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def _national_phone(lang: str, rng: random.Random) -> str:
    """A telephone number as people of ``lang``'s country write it (fixed lines and mobiles)."""
    d = lambda n: _d(rng, n)  # noqa: E731
    forms = {
        "en": [f"020 7946 {d(4)}", f"07700 {d(6)}", f"+44 7700 {d(6)}", f"(0161) 496 {d(4)}", f"+44 (0)20 7946 {d(4)}",
               f"0113 {d(3)} {d(4)}"],
        "de": [f"030 {d(8)}", f"089/{d(7)}", f"0151 {d(8)}", f"+49 (0) 30 {d(7)}", f"+49 171 {d(3)} {d(4)}",
               f"0221-{d(6)}", f"0176/{d(3)} {d(2)} {d(3)}"],
        "fr": [f"01 {d(2)} {d(2)} {d(2)} {d(2)}", f"06.{d(2)}.{d(2)}.{d(2)}.{d(2)}", f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
               f"+33 (0)4 {d(2)} {d(2)} {d(2)} {d(2)}", f"07{d(8)}", f"09-{d(2)}-{d(2)}-{d(2)}-{d(2)}"],
        "es": [f"6{d(2)} {d(3)} {d(3)}", f"91 {d(3)} {d(2)} {d(2)}", f"+34 6{d(2)} {d(2)} {d(2)} {d(2)}",
               f"(+34) 9{d(8)}", f"93 {d(3)} {d(2)} {d(2)}", f"7{d(2)}-{d(3)}-{d(3)}"],
        "it": [f"06 {d(4)} {d(4)}", f"02-{d(8)}", f"3{d(2)} {d(3)} {d(4)}", f"+39 34{d(1)} {d(3)} {d(4)}",
               f"0039 011 {d(6)}", f"055/{d(6)}", f"33{d(1)}.{d(7)}"],
        "nl": [f"06-{d(8)}", f"06 {d(2)} {d(2)} {d(2)} {d(2)}", f"020-{d(7)}", f"010 {d(3)} {d(4)}",
               f"+31 6 {d(8)}", f"+31 (0)20 {d(3)} {d(4)}", f"0031 70 {d(7)}"],
    }  # fmt: skip
    return rng.choice(forms[lang])


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return body + str((10 - total % 10) % 10)


def _grouped_card(rng: random.Random) -> str:
    """A Luhn-valid card number in one of the groupings printed on cards and receipts."""
    kind = rng.choice(["visa", "mc", "amex", "visa19", "maestro", "plain"])
    if kind == "amex":
        n = _luhn_complete(rng.choice(["34", "37"]) + _d(rng, 12))
        return f"{n[:4]} {n[4:10]} {n[10:]}"
    if kind == "visa19":
        n = _luhn_complete("4" + _d(rng, 17))
        return " ".join([n[:4], n[4:8], n[8:12], n[12:16], n[16:]])
    if kind == "maestro":
        n = _luhn_complete(rng.choice(["6759", "5018", "6304"]) + _d(rng, 14))
        return f"{n[:4]} {n[4:8]} {n[8:12]} {n[12:16]} {n[16:]}"
    prefix = "4" if kind in ("visa", "plain") else rng.choice(["51", "53", "55", "2221"])
    n = _luhn_complete(prefix + _d(rng, 15 - len(prefix)))
    if kind == "plain":
        return n
    sep = rng.choice([" ", "-", " "])
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


def _national_address(lang: str, fake: Faker, rng: random.Random) -> str:
    """A postal address in its country's own form, as the first lines of a letter or a delivery note."""
    n = rng.randint(1, 240)
    city, pc, last = fake.city(), fake.postcode(), fake.last_name()
    if lang == "it":
        street = f"{rng.choice(['Via', 'Viale', 'Piazza', 'Corso', 'Largo', 'Vicolo', 'via', 'V.le', 'P.zza'])} {rng.choice([last, 'Garibaldi', 'Roma', 'dei Mille', 'XX Settembre', 'San Marco'])}"
        extra = rng.choice(
            ["", f", int. {rng.randint(1, 30)}", f", scala {rng.choice('ABC')}", f"/{rng.choice('ABC')}"]
        )
        sep = rng.choice([", ", "\n", " - "])
        head = rng.choice(["", f"c/o {fake.last_name()}, "])
        return (
            f"{head}{street}, {n}{extra}{sep}{pc} {city} ({fake.state_abbr()})"
            if rng.random() < 0.5
            else f"{head}{street} {n}{extra}{sep}{pc} {city} {fake.state_abbr()}"
        )
    if lang == "nl":
        street = fake.street_name()
        extra = rng.choice(
            [
                "",
                f"-{rng.randint(1, 3)}",
                f" {rng.choice('ABC')}",
                "-hs",
                " bis",
                f"{rng.choice('abc')}",
                f"-{rng.randint(1, 3)}hg",
            ]
        )
        sep = rng.choice([", ", "\n", "  "])
        return f"{street} {n}{extra}{sep}{rng.randint(1000, 9999)} {rng.choice(['AB', 'KL', 'XT', 'HG', 'RD'])} {city.upper() if rng.random() < 0.3 else city}"
    if lang == "de":
        street = rng.choice(
            [
                fake.street_name(),
                f"{last}straße",
                f"{last}str.",
                f"Am {last}weg",
                f"{last}platz",
                f"{last}allee",
                f"{last}-Straße",
            ]
        )
        sep = rng.choice([", ", "\n"])
        return f"{street} {n}{rng.choice(['', 'a', ' b', '-3'])}{sep}{pc} {city}"
    if lang == "fr":
        typ = rng.choice(["rue", "avenue", "boulevard", "chemin", "allée", "impasse", "place", "bd", "av."])
        sep = rng.choice([", ", "\n"])
        cedex = rng.choice(["", "", " CEDEX", f" Cedex {rng.randint(1, 20)}"])
        return f"{n}{rng.choice(['', ' bis', ' ter', ','])} {typ} {rng.choice(['du Général ' + last, 'de la République', 'des Lilas', last, 'Victor Hugo'])}{sep}{pc} {city.upper() if rng.random() < 0.4 else city}{cedex}"
    if lang == "es":
        typ = rng.choice(["C/", "Calle", "Avda.", "Avenida", "Pº", "Paseo", "Plaza", "Pza.", "c/"])
        floor = rng.choice(
            [
                "",
                f", {rng.randint(1, 9)}º {rng.choice('ABCD')}",
                f", piso {rng.randint(1, 9)}, puerta {rng.randint(1, 4)}",
                f" {rng.randint(1, 8)}º{rng.randint(1, 4)}ª",
                ", bajo",
            ]
        )
        num = rng.choice([f"{n}", f"nº {n}", f"n.º {n}"])
        sep = rng.choice([", ", "\n"])
        return f"{typ} {rng.choice([last, 'Mayor', 'de la Constitución', 'del Prado', 'San Vicente'])}, {num}{floor}{sep}{pc} {city}{rng.choice(['', ' (' + fake.state_name() + ')'])}"
    # en
    return f"{n} {fake.street_name()}\n{city}\n{fake.postcode()}"


def _world_value(slot: str, lang: str, fake: Faker, rng: random.Random, person: dict[str, str]) -> str:
    from redaction import recognizers_ids as ids  # validators only, to produce valid check digits

    if slot in person:
        return person[slot]
    if slot in ("EMAIL", "EMAIL2"):
        local = f"{_ascii(person['GIVEN'])}.{_ascii(person['SURNAME'])}".lower().replace(" ", "")
        return f"{local}@{fake.free_email_domain()}"
    if slot == "OBF_EMAIL":
        g, s_ = (
            _ascii(person["GIVEN"]).lower().replace(" ", ""),
            _ascii(person["SURNAME"]).lower().replace(" ", ""),
        )
        return rng.choice(
            [f"{g} dot {s_} at example dot com", f"{g}.{s_}(at)example.org", f"{g} [at] mail [dot] de"]
        )
    if slot == "PHONE":
        return fake.phone_number()
    if slot == "PHONE_NAT":
        return _national_phone(lang, rng)
    if slot == "CARD":
        return _grouped_card(rng)
    if slot in ("IBAN", "IBAN_DOTS"):
        iban = Faker(_WORLD_LOCALES[lang]).iban()
        groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
        return ".".join(groups) if slot == "IBAN_DOTS" else " ".join(groups)
    if slot == "SSN_DOTS":
        return f"{rng.randint(100, 665)}.{rng.randint(10, 99)}.{rng.randint(1000, 9999)}"
    if slot == "DOB" or slot == "DOB_EN":
        d = date(1950, 1, 1) + timedelta(days=rng.randint(0, 18000))
        months = _WORLD_MONTHS["en" if slot == "DOB_EN" else lang].split()
        sep = {"de": ". ", "es": " de ", "it": " ", "fr": " ", "nl": " ", "en": " "}[
            "en" if slot == "DOB_EN" else lang
        ]
        tail = " de " if lang == "es" and slot == "DOB" else " "
        return f"{d.day}{sep}{months[d.month - 1]}{tail}{d.year}"
    if slot == "DOB_NUM":
        d = date(1950, 1, 1) + timedelta(days=rng.randint(0, 18000))
        return d.strftime(rng.choice(["%d.%m.%Y", "%d/%m/%Y"]))
    if slot == "UK_NINO":
        return f"{rng.choice('ABCEHJKLMNPRSTWXY')}{rng.choice('ABCEHJKLMNPRSTWXYZ')} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.choice('ABCD')}"
    if slot == "UK_NHS":
        while True:
            n = _luhn_free_digits(rng, 10)
            if ids.nhs_valid(n):
                return f"{n[:3]} {n[3:6]} {n[6:]}"
    if slot == "DE_TAX_ID":
        while True:
            n = str(rng.randint(1, 9)) + _luhn_free_digits(rng, 10)
            if ids.steuer_id_valid(n):
                return n
    if slot == "DE_SVNR":
        while True:
            parts = (f"{rng.randint(10, 99)}", f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99)}",
                     rng.choice(string.ascii_uppercase), f"{rng.randint(0, 99):02d}", str(rng.randint(0, 9)))  # fmt: skip
            if ids.de_svnr_valid(*parts):
                return " ".join(parts[:3]) + " " + parts[3] + parts[4]
    if slot == "DE_KVNR":
        while True:
            letter, body, check = (
                rng.choice(string.ascii_uppercase),
                _luhn_free_digits(rng, 8),
                str(rng.randint(0, 9)),
            )
            if ids.kvnr_valid(letter, body, check):
                return letter + body + check
    if slot == "FR_NIR":
        nir = Faker("fr_FR").ssn()
        return " ".join([nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]])
    if slot == "ES_DNI":
        n = rng.randint(10_000_000, 99_999_999)
        return f"{n}{ids._DNI_LETTERS[n % 23]}"
    if slot == "ES_NIE":
        p, n = rng.choice("XYZ"), rng.randint(1_000_000, 9_999_999)
        return f"{p}-{n}-{ids._DNI_LETTERS[int(str('XYZ'.index(p)) + str(n)) % 23]}"
    if slot == "IT_CF":
        return Faker("it_IT").ssn()
    if slot == "NL_BSN":
        return Faker("nl_NL").ssn()
    if slot == "HOSP":
        return rng.choice([f"KH-{rng.randint(2015, 2024)}/{rng.randint(1000, 99999):05d}", f"{rng.randint(2015, 2024)}/{rng.randint(100, 99999)}",
                           f"H{rng.randint(100000, 9999999)}"])  # fmt: skip
    if slot == "MIL_ADDRESS":
        return f"PSC {rng.randint(1000, 9999)}, Box {rng.randint(100, 9999)}, {rng.choice(['APO', 'FPO', 'DPO'])} {rng.choice(['AE', 'AP', 'AA'])} {rng.randint(9000, 96999):05d}"
    if slot.endswith("_ADDRESS2") or slot == "EN_ADDRESS":
        return _national_address(slot[:2].lower(), fake, rng)
    if slot.endswith("_ADDRESS"):
        street = fake.street_name()
        n = rng.randint(1, 180)
        if slot == "ES_ADDRESS":
            return f"{rng.choice(['C/', 'Calle', 'Avda.', 'Plaza'])} {fake.last_name()} {n}, {rng.randint(1, 9)}º {rng.choice('ABCD')}, {fake.postcode()} {fake.city()}"
        if slot == "IT_ADDRESS":
            return f"{rng.choice(['Via', 'Viale', 'Piazza', 'Corso'])} {fake.last_name()} {n}, {fake.postcode()} {fake.city()} ({fake.state_abbr()})"
        if slot == "FR_ADDRESS":
            return f"{n} {rng.choice(['rue', 'avenue', 'boulevard'])} {fake.last_name()}, {fake.postcode()} {fake.city()}"
        return f"{street} {n}, {fake.postcode()} {fake.city()}"
    raise KeyError(slot)


def generate_world(count: int = 120, seed: int = 4) -> list[dict[str, Any]]:
    """``count`` development documents in the held-out schema, spread over six languages."""
    rng = random.Random(seed)
    docs: list[dict[str, Any]] = []
    langs = list(_WORLD)
    for index in range(count):
        lang = langs[index % len(langs)]
        fake = Faker(_WORLD_LOCALES[lang])
        fake.seed_instance(seed * 10_000 + index)
        kind, template = rng.choice(_WORLD[lang])
        given, surname = fake.first_name(), fake.last_name()
        given2, surname2 = fake.first_name(), fake.last_name()
        handle = f"{_ascii(given).lower().replace(' ', '')}.{_ascii(surname).lower().replace(' ', '')}"
        person = {
            "GIVEN": given, "SURNAME": surname, "NAME": f"{given} {surname}", "NAME2": f"{given2} {surname2}",
            "NAME_UPPER": f"{given} {surname}".upper(), "SURNAME_UPPER": surname.upper(), "HANDLE": handle,
            "HANDLE2": f"{_ascii(given2).lower()}_{_ascii(surname2)[:1].lower()}",
            "GIVEN_LOWER": given.lower(), "NAME_LOWER": f"{given} {surname}".lower(),
            "NAME2_LOWER": f"{given2} {surname2}".lower(),
        }  # fmt: skip
        values: dict[str, str] = {}
        text, entities, lookalikes = "", [], []
        position = 0
        for match in _SLOT.finditer(template):
            text += template[position : match.start()]
            slot = match.group(1)
            if slot.startswith("LA_"):
                value = rng.choice(_LOOKALIKES[slot])
                lookalikes.append(
                    {"start": len(text), "end": len(text) + len(value), "what": slot[3:].lower()}
                )
            else:
                value = values.setdefault(slot, _world_value(slot, lang, fake, rng, person))
                entities.append({"start": len(text), "end": len(text) + len(value), "type": slot,
                                 "category": _WORLD_CATEGORY[slot], "structured": _WORLD_CATEGORY[slot] != "name"})  # fmt: skip
            text += value
            position = match.end()
        text += template[position:]
        docs.append({"id": f"dev-{index}", "lang": lang, "kind": kind, "text": text, "entities": entities,
                     "lookalikes": lookalikes})  # fmt: skip
    return docs


if __name__ == "__main__":
    for doc in generate(4):
        print(f"--- {doc.doc_id} {doc.kind} {doc.locale}")
        print(doc.text)
        for span in doc.spans:
            print(f"    {span.entity_type:22} {doc.text[span.start : span.end]!r}")
