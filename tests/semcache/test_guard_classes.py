"""Classes of benign difference the verifier (``semcache.guard``) accepts, each next to the
difference of the same shape that changes the answer and must still be refused.

Every sentence here was written for this file; none comes from a benchmark set."""

from __future__ import annotations

import pytest

from semcache import guard

# (same question worded twice, the same wording with one detail changed)
CLASSES = {
    "openings and sign-offs": (
        (
            "Hi team, sorry to bother you: reset the Okta password for Jane Doe asap. Thanks in advance!",
            "Ticket: reset the Okta password for Jane Doe",
        ),
        ("Reset the Okta password for Jane Doe", "Unlock the Okta account for Jane Doe"),
    ),
    "chat abbreviations": (
        ("pls move my appt w/ the dentist", "Please move my appointment with the dentist"),
        ("pls move my appt w/ the dentist", "pls cancel my appt w/ the dentist"),
    ),
    "inclusion said three ways": (
        ("Quote 300 euros with tax included", "Quote 300 euros incl. tax"),
        ("Quote 300 euros including tax", "Quote 300 euros excluding tax"),
    ),
    "exclusion said four ways": (
        ("Quote 300 euros, tax excluded", "Quote 300 euros not including tax"),
        ("Quote 300 euros with no tax", "Quote 300 euros with tax"),
    ),
    "how often": (
        ("Is 200 mg of aspirin twice a day too much?", "Is 200 mg of aspirin 2x daily too much?"),
        (
            "Is 200 mg of aspirin two times per day too much?",
            "Is 200 mg of aspirin three times a day too much?",
        ),
    ),
    "how often, per what": (
        ("Water the fern once a week", "Water the fern 1x weekly"),
        ("Water the fern once a week", "Water the fern once a day"),
    ),
    "end of the day and of the month": (
        ("Send the audit pack by end of day Friday", "Send the audit pack by EOD Friday"),
        ("Pay the landlord on the last day of the month", "Pay the landlord on the first day of the month"),
    ),
    "a request put as a passive question": (
        (
            "Could my 10:00 dentist appointment on Tuesday be cancelled?",
            "Cancel my 10:00 dentist appointment on Tuesday",
        ),
        (
            "Could my 10:00 dentist appointment on Tuesday be confirmed?",
            "Cancel my 10:00 dentist appointment on Tuesday",
        ),
    ),
    "advice": (
        (
            "Would selling 40 shares of Ericsson before the AGM make sense?",
            "Should we sell 40 Ericsson shares before the AGM?",
        ),
        (
            "Would selling 40 shares of Ericsson before the AGM make sense?",
            "Should we buy 40 Ericsson shares before the AGM?",
        ),
    ),
    "asking someone to do it": (
        ("I need you to translate the tenancy notice into Welsh", "Translate the tenancy notice into Welsh"),
        ("I need you to translate the tenancy notice into Welsh", "Translate the tenancy notice into Irish"),
    ),
    "asking to check whether": (
        (
            "Check whether the Lisbon office is open on Easter Monday",
            "Is the Lisbon office open on Easter Monday?",
        ),
        (
            "Check whether the Lisbon office is open on Easter Monday",
            "Is the Lisbon office closed on Easter Monday?",
        ),
    ),
    "money in two words": (
        ("Wire 80 pounds sterling to the club", "Wire 80 GBP to the club"),
        ("Wire 80 pounds sterling to the club", "Wire 80 US dollars to the club"),
    ),
    "a time of day on either clock": (
        ("Book the gym at 6 pm on Thursday", "Book the gym at 18:00 on Thursday"),
        ("Book the gym at 6 pm on Thursday", "Book the gym at 6 am on Thursday"),
    ),
    "a weekday of next week": (
        ("Move standup to Wednesday next week", "Move standup to next Wednesday"),
        ("Move standup to next Wednesday", "Move standup to next Thursday"),
    ),
    "numbers in words": (
        ("Set a timer for forty-five minutes", "Set a timer for 45 minutes"),
        ("Add one and a half cups of rice", "Add 1.5 cups of rice"),
    ),
    "a place a move starts from, and where it goes": (
        ("Courier the samples from Leeds to York", "Courier the samples Leeds to York"),
        ("Courier the samples from Leeds to York", "Courier the samples from York to Leeds"),
    ),
    "a comparison's sides": (
        ("Is tram fare cheaper than bus fare in Porto?", "In Porto, is tram fare cheaper than bus fare?"),
        ("Is tram fare cheaper than bus fare in Porto?", "Is bus fare cheaper than tram fare in Porto?"),
    ),
    "a run of words moved to the front": (
        ("Order 12 kg of basmati rice for the canteen", "For the canteen, order basmati rice, 12 kg"),
        ("Order 12 kg of basmati rice for the canteen", "Order 12 lb of basmati rice for the canteen"),
    ),
    "a unit conversion of something": (
        ("How many grams is 2 cups of oat flour?", "Convert oat flour: 2 cups -> grams"),
        ("How many grams is 2 cups of oat flour?", "How many cups is 2 grams of oat flour?"),
    ),
    "bounds before a number": (
        ("Summarise the memo in fewer than 150 words", "Summarise the memo in under 150 words"),
        ("Summarise the memo in fewer than 150 words", "Summarise the memo in more than 150 words"),
    ),
    "accents and micrograms": (
        ("Is the Zürich café open?", "Is the Zurich cafe open?"),
        ("Give 50 µg of vitamin D", "Give 50 g of vitamin D"),
    ),
    "versions": (
        ("Install Node v18.2 on the build server", "Install Node version 18.2 on the build server"),
        ("Install Node v18.2 on the build server", "Install Node 18.3 on the build server"),
    ),
    "quarters of a year": (
        ("Plot first-quarter revenue", "Plot Q1 revenue"),
        ("Plot first-quarter revenue", "Plot Q2 revenue"),
    ),
    "temperatures": (
        ("Roast the squash at 200 °C", "Roast the squash at 200 degrees Celsius"),
        ("Roast the squash at 200 °C", "Roast the squash at 200 °F"),
    ),
    "lists of points": (
        ("List the risks as bullet points", "List the risks as a bulleted list"),
        ("List the risks as bullet points", "List the risks as a table"),
    ),
    "an unknown verb's tenses": (
        ("Could the webinar be rescheduled?", "Reschedule the webinar"),
        ("Could the webinar be rescheduled?", "Cancel the webinar"),
    ),
    "with and without": (
        ("Order a latte with oat milk", "Order a latte, oat milk"),
        ("Order the pizza with olives", "Order the pizza without olives"),
    ),
    "asking for a list asks which": (
        ("Give me a list of suppliers with an ISO certificate", "Which suppliers have an ISO certificate?"),
        ("Give me a list of suppliers with an ISO certificate", "Which suppliers lack an ISO certificate?"),
    ),
    "the deadline asked as when": (
        ("When is the deadline for the grant report?", "What is the deadline for the grant report?"),
        ("When is the deadline for the grant report?", "What is the deadline for the audit report?"),
    ),
    "permission asked for someone": (
        ("Is it ok for contractors to use the staff car park?", "Can contractors use the staff car park?"),
        ("Is it ok for contractors to use the staff car park?", "Must contractors use the staff car park?"),
    ),
    "a typo of the words of asking": (
        ("Translate the menu into Greek, plase", "Translate the menu into Greek, please"),
        ("Translate the menu into Greek, plase", "Translate the menu into Turkish, please"),
    ),
    "my own, and a table's form": (
        (
            "Set up Docker on my own laptop and show the steps in table form",
            "Set up Docker on my laptop and show the steps as a table",
        ),
        (
            "Set up Docker on my own laptop and show the steps in table form",
            "Set up Docker on my laptop and show the steps as a list",
        ),
    ),
    "the tense of a question anchored to a year": (
        ("What was the churn rate in Q2 2024?", "What is the churn rate in Q2 2024?"),
        ("When was the churn rate published?", "When is the churn rate published?"),
    ),
    "how long it takes": (
        ("How long does it take to cycle 30 km at 15 km/h?", "How long to cycle 30 km at 15 kph?"),
        (
            "How long does it take to cycle 30 km at 15 km/h?",
            "How long does it take to cycle 30 km at 20 km/h?",
        ),
    ),
    "a word said twice": (
        (
            "Move 90 euros from the travel account into the payroll account",
            "Move 90 euros from the travel account to the payroll account, please",
        ),
        (
            "Move 90 euros from the travel account to the payroll account",
            "Move 90 euros from the payroll account to the travel account",
        ),
    ),
    # The text a request works on is answered word for word: a plural inside it is another text.
    "quoted text, verbatim": (
        (
            'Translate "The lab results are ready for collection." into German',
            'Translate "the lab results are ready for collection" into German, please',
        ),
        (
            'Translate "The lab result is ready for collection." into German',
            'Translate "The lab results are ready for collection." into German',
        ),
    ),
    # Over the same quoted notes, the instruction is the question: a name asked about that the
    # notes also hold is still another question.
    "the instruction around a quoted text": (
        (
            '"Decision: go-live moves to 3 June. Priya to update the runbook. Tomasz to brief support." '
            "what are the action items owned by tomasz? give them as a table with owner and task columns.",
            "what are the action items owned by tomasz? give them as a table with owner and task columns: "
            '"Decision: go-live moves to 3 June. Priya to update the runbook. Tomasz to brief support."',
        ),
        (
            '"Decision: go-live moves to 3 June. Priya to update the runbook. Tomasz to brief support." '
            "what are the action items owned by tomasz? give them as a table with owner and task columns.",
            '"Decision: go-live moves to 3 June. Priya to update the runbook. Tomasz to brief support." '
            "what are the action items owned by priya? give them as a table with owner and task columns.",
        ),
    ),
}


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_a_benign_difference_is_accepted_and_its_harmful_twin_refused(kind: str) -> None:
    (a, b), (c, d) = CLASSES[kind]
    assert guard.benign(a, b), (kind, guard.content_words(a), guard.content_words(b))
    assert guard.benign(b, a)
    if kind == "numbers in words":
        assert guard.benign(c, d), (guard.content_words(c), guard.content_words(d))
        assert not guard.benign("Set a timer for forty-five minutes", "Set a timer for 40 minutes")
        assert not guard.benign("Add one and a half cups of rice", "Add 1 cup of rice")
        return
    assert not guard.benign(c, d), (kind, guard.content_words(c), guard.content_words(d))
    assert not guard.benign(d, c)


# Pasted material the request works on, not in quotation marks: in a code block, or as lines of
# its own. Asking about another person or row of the same material is another question.
PASTED = (
    (
        "Stock levels:\n```\nBolts M6   qty 40   bin A3\nNuts M6    qty 12   bin A4\n"
        "Washers    qty 75   bin B1\n```\nHow many nuts are left?",
        "Stock levels:\n```\nBolts M6   qty 40   bin A3\nNuts M6    qty 12   bin A4\n"
        "Washers    qty 75   bin B1\n```\nHow many bolts are left?",
    ),
    (
        "On call this week:\nOwen  Mon Wed Fri\nLeila Tue Thu\nDaniel Sat Sun\nWhich days does Leila cover?",
        "On call this week:\nOwen  Mon Wed Fri\nLeila Tue Thu\nDaniel Sat Sun\nWhich days does Owen cover?",
    ),
    (
        'Config:\n```json\n{"retries": 3, "verbose": true}\n```\nExplain what this config does.',
        'Config:\n```json\n{"retries": 3, "verbose": false}\n```\nExplain what this config does.',
    ),
)


@pytest.mark.parametrize(("first", "second"), PASTED)
def test_a_question_about_other_pasted_material_or_another_row_of_it_is_refused(
    first: str, second: str
) -> None:
    assert not guard.benign(first, second)
    assert not guard.benign(second, first)


def test_pasted_material_moved_or_reworded_around_is_accepted() -> None:
    block = "```\nBolts M6   qty 40   bin A3\nNuts M6    qty 12   bin A4\n```"
    assert guard.benign(f"{block}\nHow many nuts are left?", f"How many nuts are left?\n{block}")
    assert guard.benign(f"How many nuts are left? {block}", f"how many nuts are left?? {block}")


def test_single_words_that_trade_places_round_a_third_are_refused() -> None:
    # A time and a city attached to each other: moving either breaks the attachment.
    assert not guard.benign(
        "What time is it in Oslo when it is 9 am in Lima?",
        "When it is 9 am in Oslo, what time is it in Lima?",
    )
    assert not guard.benign("Can the buyer sue the seller?", "Can the seller sue the buyer?")
    assert not guard.benign("Is Bob Alice's manager?", "Is Alice Bob's manager?")
    # Two quantities whose roles only their places give.
    assert not guard.benign(
        "How long is a 90 km drive at 120 km/h?", "How long is a 120 km drive at 90 km/h?"
    )


def test_the_order_check_works_on_keyed_hashes_with_repeated_words() -> None:
    from semcache import service

    a = "For the payroll run, move 90 euros from the travel account to the payroll account"
    b = "Move 90 euros from the travel account to the payroll account for the payroll run"
    assert guard.signature(a) == guard.signature(b)
    assert guard.same_order(service.word_order(a), service.word_order(b))
