"""Users and roles: administrators only, every change audited with old and new values."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance.roles import Role, roles_of
from audit.events import Event
from tests.console.conftest import SignIn, records, sign_in_verified

pytestmark = pytest.mark.django_db


def user_pages(target: User) -> list[str]:
    return [reverse("console:users"), reverse("console:user_create")] + [
        reverse(f"console:{name}", kwargs={"pk": target.pk})
        for name in [
            "user_detail",
            "user_deactivate",
            "user_reactivate",
            "user_reset_two_factor",
            "user_reset_password",
        ]
    ]


def test_an_administrator_opens_every_user_page(
    client: Client, signed_in: SignIn, administrator: User, auditor: User
) -> None:
    signed_in(client, administrator)
    for url in user_pages(auditor):
        assert client.get(url).status_code in (200, 302), url
    assert client.get(reverse("console:user_detail", kwargs={"pk": auditor.pk})).status_code == 200


@pytest.mark.parametrize("who", ["compliance_officer", "auditor", "app_owner", "nobody"])
def test_everyone_else_is_refused_every_user_page(
    who: str, client: Client, signed_in: SignIn, people: dict[str, User]
) -> None:
    me = people[who]
    signed_in(client, me)
    target = people["administrator"]
    for url in user_pages(target):
        assert client.get(url).status_code == 403, (who, url)
    # Not even to give themselves a role.
    assert (
        client.post(
            reverse("console:user_detail", kwargs={"pk": me.pk}), {"roles": ["administrator"]}
        ).status_code
        == 403
    )
    assert Role.ADMINISTRATOR not in roles_of(User.objects.get(pk=me.pk))


def test_the_list_shows_roles_and_two_factor_status(
    client: Client, signed_in: SignIn, administrator: User, compliance_officer: User, auditor: User
) -> None:
    signed_in(client, administrator)  # gives the administrator a confirmed device
    page = client.get(reverse("console:users")).content.decode()
    html = page[page.index('id="users-table"') :]
    row = html[html.index(compliance_officer.username) :]
    assert "compliance officer" in row[:600] and "at next sign-in" in row[:600]
    admin_row = html[html.index(administrator.username) :]
    assert 'badge-ok">on' in admin_row[:600]


def test_creating_a_user_shows_a_set_password_link_once(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    answer = client.post(
        reverse("console:user_create"),
        {"username": "nina", "email": "nina@example.org", "roles": ["auditor", "app_owner"]},
    )
    assert answer.status_code == 200
    link = re.search(r'id="password-link">([^<]+)<', answer.content.decode())
    assert link is not None and "/console/set-password/" in link.group(1)
    nina = User.objects.get(username="nina")
    assert not nina.has_usable_password()
    assert roles_of(nina) == {Role.AUDITOR, Role.APP_OWNER}
    created = records(Event.USER_CREATED)[-1]
    assert created["actor"]["name"] == administrator.username
    assert created["meta"]["roles"] == ["app_owner", "auditor"]
    assert "password" not in created["meta"] or created["meta"]["password"] == "set-password link"

    visitor = Client()
    assert visitor.get(link.group(1).split("testserver", 1)[1]).status_code == 302
    duplicate = client.post(reverse("console:user_create"), {"username": "NINA"})
    assert duplicate.status_code == 400 and "already exists" in duplicate.content.decode()


def test_roles_are_granted_and_revoked_with_old_and_new_in_the_log(
    client: Client, signed_in: SignIn, administrator: User, auditor: User
) -> None:
    signed_in(client, administrator)
    url = reverse("console:user_detail", kwargs={"pk": auditor.pk})
    assert client.post(url, {"roles": ["compliance_officer"]}).status_code == 302
    assert roles_of(User.objects.get(pk=auditor.pk)) == {Role.COMPLIANCE_OFFICER}
    changed = records(Event.USER_ROLES_CHANGED)[-1]
    assert changed["meta"]["old"] == ["auditor"] and changed["meta"]["new"] == ["compliance_officer"]
    assert changed["target"] == {"type": "user", "id": str(auditor.pk)}

    # The new compliance officer must now pass two-factor sign-in to see anything.
    officer = Client()
    officer.force_login(auditor)
    assert officer.get(reverse("console:home"))["Location"].startswith(reverse("console:two_factor"))


def test_the_last_administrator_cannot_be_demoted_or_deactivated(
    client: Client, signed_in: SignIn, administrator: User
) -> None:
    signed_in(client, administrator)
    url = reverse("console:user_detail", kwargs={"pk": administrator.pk})
    page = client.post(url, {"roles": ["auditor"]})
    assert page.status_code == 400 and "last active administrator" in page.content.decode()
    assert Role.ADMINISTRATOR in roles_of(User.objects.get(pk=administrator.pk))
    refused = client.post(
        reverse("console:user_deactivate", kwargs={"pk": administrator.pk}), {"confirm": "yes"}
    )
    assert refused.status_code == 400 and "your own account" in refused.content.decode()
    assert User.objects.get(pk=administrator.pk).is_active


def test_a_deactivated_user_is_signed_out_on_their_next_click_and_can_come_back(
    client: Client, signed_in: SignIn, administrator: User, auditor: User
) -> None:
    theirs = sign_in_verified(Client(), auditor)
    assert theirs.get(reverse("console:account")).status_code == 200
    signed_in(client, administrator)
    url = reverse("console:user_deactivate", kwargs={"pk": auditor.pk})
    assert "Deactivate audrey-auditor?" in client.get(url).content.decode()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert theirs.get(reverse("console:account"))["Location"].startswith(reverse("console:login"))
    assert records(Event.USER_DEACTIVATED)[-1]["meta"]["new"] == {"active": False}

    again = reverse("console:user_reactivate", kwargs={"pk": auditor.pk})
    assert client.post(again, {"confirm": "yes"}).status_code == 302
    assert User.objects.get(pk=auditor.pk).is_active
    assert records(Event.USER_REACTIVATED)[-1]["actor"]["name"] == administrator.username


def test_resetting_two_factor_makes_the_person_enrol_again(
    client: Client, signed_in: SignIn, administrator: User, compliance_officer: User
) -> None:
    theirs = sign_in_verified(Client(), compliance_officer)
    assert theirs.get(reverse("console:account")).status_code == 200
    signed_in(client, administrator)
    url = reverse("console:user_reset_two_factor", kwargs={"pk": compliance_officer.pk})
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=compliance_officer).exists()
    # Their open session is no longer verified: the next page asks them to enrol again.
    assert theirs.get(reverse("console:account"))["Location"].startswith(reverse("console:two_factor"))
    assert "Set up two-factor" in theirs.get(reverse("console:two_factor")).content.decode()
    reset = records(Event.USER_TWO_FACTOR_RESET)[-1]
    assert reset["meta"]["old"] == {"enrolled": True} and reset["meta"]["new"] == {"enrolled": False}


def test_resetting_a_password_disables_it_and_gives_a_new_link(
    client: Client, signed_in: SignIn, administrator: User, django_user_model: type[User]
) -> None:
    bob = django_user_model.objects.create_user("bob", password="an old and long password")
    signed_in(client, administrator)
    url = reverse("console:user_reset_password", kwargs={"pk": bob.pk})
    shown = client.post(url, {"confirm": "yes"})
    assert shown.status_code == 200 and "/console/set-password/" in shown.content.decode()
    bob.refresh_from_db()
    assert not bob.has_usable_password()
    assert records(Event.USER_PASSWORD_RESET)[-1]["meta"]["old"] == {"usable_password": True}
