"""The verifier after the embedding (``semcache.guard``): a hit only when the two questions
differ in nothing but filler, spelling and the wording of the same content."""

from __future__ import annotations

import pytest

from semcache import guard, service

# One word changed, of every kind the embedding blurs: each must be refused.
DIFFERENT = {
    "scope": [
        ("Are all our stores closed on Good Friday?", "Are some of our stores closed on Good Friday?"),
        ("Show the first 10 orders of May", "Show the last 10 orders of May"),
        ("Which contractors have a badge?", "Do any contractors have a badge?"),
        ("Summarise the contract", "Summarise the first page of the contract"),
    ],
    "antonyms": [
        ("Approve invoice 4471 from Acme", "Reject invoice 4471 from Acme"),
        ("Should we buy Siemens shares?", "Should we sell Siemens shares?"),
        ("Book the call before the audit", "Book the call after the audit"),
        ("How do I enable read receipts in Outlook?", "How do I disable read receipts in Outlook?"),
        ("How do I import contacts into Slack?", "How do I export contacts from Slack?"),
        ("Sort the tickets by priority, ascending", "Sort the tickets by priority, descending"),
    ],
    "output format": [
        ("Summarise the audit memo in French", "Summarise the audit memo in German"),
        ("List the open tickets as a table", "List the open tickets as bullet points"),
        ("Write an email to Aiko accepting the offer", "Write a short email to Aiko accepting the offer"),
    ],
    "units and numbers": [
        ("Ship a 5 kg parcel to Porto", "Ship a 5 lb parcel to Porto"),
        ("Convert 40 euros to dollars", "Convert 400 euros to dollars"),
        ("Book a taxi for 7 am", "Book a taxi for 7 pm"),
    ],
    "common nouns and names": [
        ("How many vacation days do interns get?", "How many sick days do interns get?"),
        ("Give Priya read access to the billing repo", "Give Lars read access to the billing repo"),
        ("My laptop won't connect to the VPN", "My phone won't connect to the VPN"),
    ],
    "negation and modality": [
        ("Which invoices from Q3 are paid?", "Which invoices from Q3 are not paid?"),
        ("Can interns expense taxi rides?", "Must interns expense taxi rides?"),
        ("List all visitors with a badge", "List all visitors without a badge"),
        ("When is the policy updated?", "When was the policy updated?"),
    ],
    "roles": [
        ("Convert 5 miles to kilometres", "Convert 5 kilometres to miles"),
        ("Does Legal report to Finance?", "Does Finance report to Legal?"),
        ("Book a flight from Osaka to Denver", "Book a flight from Denver to Osaka"),
        ("Is Go faster than Rust?", "Is Rust faster than Go?"),
    ],
}

# The same question: politeness, casing, typos, contractions, reordered clauses, a question
# against an imperative, abbreviations and synonyms of the table.
SAME = [
    ("How do I reset my VPN password?", "hi, how can I reset my vpn pasword? thanks"),
    ("Can you summarise the incident report in Spanish?", "Summarize the incident report in Spanish please"),
    ("What's the deadline for the Q3 expense report?", "For the Q3 expense report, what is the deadline?"),
    ("If the VPN drops, how do I reconnect?", "How do I reconnect if the VPN drops?"),
    ("Tell me the parental leave policy", "What is the parental leave policy?"),
    ("How do I turn on dark mode in Slack?", "How do I enable dark mode in Slack?"),
    ("Approve invoice number 5521 from Globex", "Could you approve invoice #5521 from Globex?"),
    ("Convert 75 dollars to euros", "Convert $75 to euros"),
    ("Which tickets aren't closed?", "Which tickets are not closed"),
    ("Where do I find my payslip?", "Where do I find my pay slip?"),
    ("Please approve the budget request", "Approve the budget reqeust"),
    ("Is it possible to expense gym fees?", "Can I expense gym fees?"),
    ("Book the board room for June 5th", "Book the board room for the 5th of June"),
    ("Where can I find the travel policy?", "Where's the travel policy?"),
    ("Who should I contact about payroll?", "Who do I talk to about payroll?"),
    ("I'd like to cancel my gym membership", "Cancel my gym membership"),
    ("Explain the on-call rota", "What is the on-call rota?"),
]


@pytest.mark.parametrize("kind", sorted(DIFFERENT))
def test_the_verifier_refuses_every_kind_of_one_word_change(kind: str) -> None:
    for a, b in DIFFERENT[kind]:
        assert not guard.benign(a, b), (a, b)
        assert not guard.benign(b, a), (b, a)


def test_the_verifier_keeps_paraphrases_that_only_reword() -> None:
    for a, b in SAME:
        assert guard.benign(a, b), (a, b, guard.content_words(a), guard.content_words(b))


def test_typos_are_corrected_only_when_one_word_is_meant() -> None:
    assert guard.content_words("my latpop") == guard.content_words("my laptop")
    assert guard.content_words("covnert it") == guard.content_words("convert it")
    # "imort": import or mort? Left as it is, so it matches neither: a miss, never a false hit.
    assert guard.content_words("imort tasks") not in (
        guard.content_words("import tasks"),
        guard.content_words("mort tasks"),
    )
    # Capitalised words inside a sentence are names, never corrected.
    # ("Nestle" is folded like an unknown verb's "-e", the same on both sides, never corrected.)
    assert "nestl" in guard.content_words("Should we buy Nestle shares?")


def test_clauses_may_move_but_words_inside_a_clause_may_not() -> None:
    moved = ("In Jira, how do I export tasks to Slack?", "How do I export tasks to Slack in Jira?")
    assert guard.benign(*moved)
    swapped = ("In Jira, how do I export tasks to Slack?", "In Slack, how do I export tasks to Jira?")
    assert not guard.benign(*swapped)


def test_a_unit_conversion_is_one_question_however_it_is_asked() -> None:
    asked = [
        "Convert 12 miles to km",
        "How many km is 12 miles?",
        "What is 12 miles in kilometres?",
        "12 mi in km, please",
    ]
    for other in asked[1:]:
        assert guard.benign(asked[0], other), other
    # The units right after the number are the ones converted from, wherever the others stand.
    assert not guard.benign("Convert 12 miles to km", "How many miles is 12 km?")
    assert not guard.benign("Convert 12 miles to km", "Convert 12 miles to km per hour")


def test_one_of_phrase_may_be_said_as_a_compound() -> None:
    assert guard.benign("Should we buy 250 shares of Nestle?", "Should we buy 250 Nestle shares?")
    assert guard.benign("What is the deadline for the Q3 report?", "What is the Q3 report deadline?")
    # Not when both sides say "of" or "for": the roles changed.
    assert not guard.benign("Convert a list of dicts to JSON", "Convert a dict of lists to JSON")
    assert not guard.benign("Swap euros for dollars", "Swap dollars for euros")
    assert not guard.benign("Is Alice's manager Bob?", "Is Bob's manager Alice?")


def test_the_cache_compares_keyed_hashes_with_the_clause_marks() -> None:
    a, b = "For the Q3 report, what is the deadline?", "What is the deadline for the Q3 report?"
    hashed_a, hashed_b = service.word_order(a), service.word_order(b)
    assert guard.MARK in hashed_a and guard.LINK in hashed_b
    assert "deadline" not in "".join(hashed_a)
    assert guard.same_order(hashed_a, hashed_b)
    assert not guard.same_order(
        service.word_order("Can the tenant sue the landlord?"),
        service.word_order("Can the landlord sue the tenant?"),
    )
