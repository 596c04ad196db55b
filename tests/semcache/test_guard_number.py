"""Grammatical number in the verifier (``semcache.guard``): a noun said in the singular on one
side and in the plural on the other asks about one thing or about several ("refund a customer"
/ "refund our customers"), so the two are refused; where the number says nothing more ("every
employee" / "all employees", both sides plural), the hit stays.

Every sentence here was written for this file; none comes from a benchmark set."""

from __future__ import annotations

import pytest

from semcache import guard, service

# The same request with one noun's number changed: each must be refused, both ways round.
NUMBER_CHANGED = {
    "an article against a possessive plural": (
        "How do I issue a refund to a customer?",
        "How do I issue a refund to our customers?",
    ),
    "the definite article": ("Approve the invoice from Initech", "Approve the invoices from Initech"),
    "a plural in the -es form": ("Close the branch in Leeds", "Close the branches in Leeds"),
    "a plural in the -ies form": (
        "Update the company policy on travel",
        "Update the company policies on travel",
    ),
    "an irregular plural: child": (
        "Is the child eligible for the museum discount?",
        "Are the children eligible for the museum discount?",
    ),
    "an irregular plural: person": (
        "Can a person enter the lab without a badge?",
        "Can people enter the lab without a badge?",
    ),
    "an irregular plural: analysis": (
        "Send the risk analysis to the auditor",
        "Send the risk analyses to the auditor",
    ),
    "an irregular plural: criterion": ("List the criterion for the grant", "List the criteria for the grant"),
    "an irregular plural: woman": (
        "Book a taxi for the woman from procurement",
        "Book a taxi for the women from procurement",
    ),
    "a synonym of the table in the plural": ("Draft an apology to a client", "Draft an apology to clients"),
    "a noun of a two-word phrase": ("Approve my expense claim", "Approve my expense claims"),
    "a noun of a phrase of the table": ("Email the staff member", "Email the staff members"),
    "the first of two objects": (
        "Email the supplier the signed contract",
        "Email the suppliers the signed contract",
    ),
    "a plural inside the text to translate": (
        "Translate into Italian: the delivery to our customer is late",
        "Translate into Italian: the delivery to our customers is late",
    ),
    "a plural inside the text to summarise": (
        "Summarise for the board: the contractor missed the deadline twice",
        "Summarise for the board: the contractors missed the deadline twice",
    ),
    "a plural after a quantifier's noun phrase": (
        "Are all invoices from the supplier paid?",
        "Are all invoices from suppliers paid?",
    ),
    "a typo of a plural": ("Archive the old ticket", "Archive the old tikcets"),
}

# The same request, the number unchanged or saying nothing more: each must still hit.
NUMBER_KEPT = [
    # A quantifier says which of the set, whatever the noun's number.
    ("Email every tenant about the boiler repair", "Email all tenants about the boiler repair"),
    ("Remind each employee to log their hours", "Remind each of the employees to log their hours"),
    ("Are any refunds still pending?", "Is any refund still pending?"),
    ("Are any of the refunds still pending?", "Is any refund still pending?"),
    # Both sides plural, said differently.
    ("What are the symptoms of scarlet fever?", "Which symptoms of scarlet fever are there?"),
    ("Can staff members park in the visitor bays?", "Can employees park in the visitor bays?"),
    # "Staff" has no number: a noun before a noun, as "employee" is.
    ("Archive the staff training records", "Archive the employee training records"),
    ("Where are my pay slips?", "Where are my payslips?"),
    ("Ask my coworkers about the offsite", "Ask my colleagues about the offsite"),
    # Nouns of no number: the details are the information, the settings the configuration.
    (
        "What details do you need for the insurance claim?",
        "What information do you need for the insurance claim?",
    ),
    ("Where are the settings for email alerts?", "Where is the configuration for email alerts?"),
    # Verbs in "s" are no plurals: after a subject pronoun, or before an article.
    ("Who approves the travel budget?", "Who approved the travel budget?"),
    ("Which script deletes the old backups?", "Which script deleted the old backups?"),
    # A typo corrected to a plural the writer never typed ("summarise" -> summaries).
    ("Summarise: the vendor raised its prices", "Summarize: the vendor raised its prices"),
]


@pytest.mark.parametrize("kind", sorted(NUMBER_CHANGED))
def test_a_noun_in_the_singular_against_its_plural_is_refused(kind: str) -> None:
    one, many = NUMBER_CHANGED[kind]
    assert not guard.benign(one, many), (kind, guard.signature(one), guard.signature(many))
    assert not guard.benign(many, one)


@pytest.mark.parametrize("pair", NUMBER_KEPT, ids=[a for a, _ in NUMBER_KEPT])
def test_the_same_number_or_none_that_matters_still_hits(pair: tuple[str, str]) -> None:
    a, b = pair
    assert guard.benign(a, b), (guard.signature(a), guard.signature(b))
    assert guard.benign(b, a)


def test_the_number_is_in_the_signature_and_not_in_the_word_order() -> None:
    # The order of the words is compared without the number, so a noun and a verb of one
    # synonym may still stand together ("shipped shipments" / "shipments that shipped").
    assert guard.content_words("Approve the invoices") == guard.content_words("Approve the invoice")
    assert guard.signature("Approve the invoices") != guard.signature("Approve the invoice")
    a = "For the Q2 audit, approve the invoices from Initech"
    b = "Approve the invoices from Initech for the Q2 audit"
    assert guard.signature(a) == guard.signature(b)
    assert guard.same_order(service.word_order(a), service.word_order(b))


def test_the_signature_version_changed_with_the_number() -> None:
    # Entries stored under the signature that folded plurals must not hit new questions.
    # (v7: the instruction around a quoted text is compared apart from it.)
    assert guard.signature("Approve the invoice").split()[0] not in {"v1", "v2", "v3", "v4", "v5"}
