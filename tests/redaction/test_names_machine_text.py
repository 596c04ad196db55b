"""Names in machine-written text: payload keys, query strings, audit trails, chats, SMS exports, guest lists.

Systems write a person under a key ('"firstName": "Bram"', "user=mlopez"), after a phone number
("+34 699 111 222 (Javi): ok"), as a chat mention ("@lucia.martin") or with a Dutch particle shortened
or capitalised ("v.d. Berg", "Van der Berg komt"); the values next to them that are not people stay.
"""

from __future__ import annotations

import pytest

from redaction.engine import Engine, get_engine
from tests.redaction.spans import person_values, protected


@pytest.fixture(scope="module")
def engine() -> Engine:
    return get_engine()


PAYLOAD = """POST /api/v1/tickets HTTP/1.1
Content-Type: application/json

{"requester": {"firstName": "Bram", "lastName": "de Vries", "role": "viewer"},
 "watcher": "Hoekstra", "status": "Open", "city": "Utrecht", "updated_by": "kvanleeuwen"}
"""


@pytest.mark.parametrize("name", ["Bram", "de Vries", "kvanleeuwen"])
def test_it_takes_the_people_a_json_payload_names_under_their_keys(engine: Engine, name: str) -> None:
    assert protected(engine, PAYLOAD, name)


def test_it_takes_a_surname_first_value_with_its_particles_in_yaml(engine: Engine) -> None:
    text = 'admission:\n  patient_name: "van den Berg, Sanne"\n  ward: B4\n'
    assert protected(engine, text, "van den Berg, Sanne")


def test_it_takes_a_login_in_a_query_string(engine: Engine) -> None:
    assert protected(engine, "GET /api/v2/orders?user=mlopez&page=2 HTTP/1.1", "mlopez")


def test_it_takes_a_login_as_a_yaml_value_quoted(engine: Engine) -> None:
    assert protected(engine, 'summary: "Refund"\nassignee: "pdejong"\ncomponent: "Checkout"\n', "pdejong")


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "iPhone 15 Pro", "brand": "Apple", "status": "Open", "city": "Madrid"}',
        '{"name": "Hotel Miramar", "category": "Lodging"}',
        '{"assignee": "unassigned", "reporter": "system", "user": "svc_backup"}',
        '{"displayName": "Marketing Team", "customer": "Acme Corp"}',
        "GET /search?q=zapatos&user=admin&sort=price HTTP/1.1",
        "user=www-data pid=1203 cmd=/usr/bin/php by=date",
    ],
)
def test_it_leaves_the_values_of_a_payload_that_are_not_people(engine: Engine, text: str) -> None:
    assert person_values(engine, text) == []


def test_it_takes_a_login_after_the_comment_line_of_an_audit_trail(engine: Engine) -> None:
    text = "2024-11-02 14:03 Estado: abierto\n2024-11-02 14:05 Comentario de jmartinez: revisado\n"
    assert protected(engine, text, "jmartinez")


@pytest.mark.parametrize("login", ["lucia.martin", "bram.devries"])
def test_it_takes_the_people_a_chat_mentions(engine: Engine, login: str) -> None:
    text = "@lucia.martin can you check the deploy? <@U02ABC|bram.devries> rolled it back"
    assert protected(engine, text, login)


def test_it_leaves_the_mentions_of_a_channel(engine: Engine) -> None:
    assert person_values(engine, "@here @channel please deploy before noon") == []


def test_it_takes_the_contact_an_sms_export_writes_after_the_number(engine: Engine) -> None:
    text = "+34 612 345 678 (Lucía): llego en 10 min\n+34 699 111 222 (Javi): vale\n"
    assert protected(engine, text, "Javi")


def test_it_leaves_the_label_of_a_number(engine: Engine) -> None:
    found = person_values(engine, "Bel +31 20 123 4567 (Kantoor) of +31 6 1234 5678 (Werk).")
    assert "Kantoor" not in found and "Werk" not in found


def test_it_takes_the_surname_of_a_couple_in_a_guest_list(engine: Engine) -> None:
    text = "Sr. y Sra. López \u2013 2 personas\nCarmen Vidal \u2013 1 persona \u2013 menú vegetariano\n"
    assert protected(engine, text, "López")


@pytest.mark.parametrize("name", ["Jansen, P.", "Van der Berg", "v.d. Berg"])
def test_it_takes_dutch_surnames_with_initials_or_particles_in_every_writing(
    engine: Engine, name: str
) -> None:
    text = "Jansen, P. heeft gebeld. Van der Berg komt morgen, v.d. Berg misschien ook."
    assert protected(engine, text, name)


def test_it_leaves_a_company_form_after_a_comma(engine: Engine) -> None:
    assert person_values(engine, "Geleverd door Bakker, B.V. te Utrecht.") == []


@pytest.mark.parametrize("name", ["pvisser", "mlopez", "Marta Ruiz", "Iñaki Etxeberria"])
def test_it_takes_the_people_of_a_list_under_a_key(engine: Engine, name: str) -> None:
    text = 'reviewers: [pvisser, mlopez]\n"attendees": ["Marta Ruiz", "Iñaki Etxeberria"]\n'
    assert protected(engine, text, name)


def test_it_takes_the_account_a_log_line_names_after_user(engine: Engine) -> None:
    assert protected(engine, "2025-03-04 10:12:33 WARN login failed for user sdevries", "sdevries")


@pytest.mark.parametrize("login", ["jdekker", "mlopez"])
def test_it_takes_both_logins_of_a_reassignment(engine: Engine, login: str) -> None:
    assert protected(engine, "2025-03-04 10:14 Reassigned from jdekker to mlopez by admin", login)


@pytest.mark.parametrize("name", ["de boer", "Ortega Díaz"])
def test_it_takes_the_family_of_a_guest_list_line(engine: Engine, name: str) -> None:
    text = "juan y marta - 2\nfam. de boer - 4\nFamilia Ortega Díaz (3)\n"
    assert protected(engine, text, name)


def test_it_leaves_a_family_word_before_an_everyday_word(engine: Engine) -> None:
    found = person_values(engine, "Familia numerosa - 3 descuentos\nFamily room - 2 beds\n")
    assert not any("numerosa" in f or "room" in f for f in found)


def test_it_leaves_a_team_a_ticket_is_escalated_to(engine: Engine) -> None:
    assert "payments" not in person_values(engine, "Customer verified. Escalated to payments.\n")
