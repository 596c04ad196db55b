"""The console's frame: navigation by role, the start page, error pages, the access helpers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import View

from appliance.roles import Role
from console.access import RoleRequiredMixin, owned_applications, require_role
from inference import services
from tests.console.conftest import SignIn

pytestmark = pytest.mark.django_db


def menu(client: Client) -> list[str]:
    html = client.get(reverse("console:account")).content.decode()
    side = html[html.index('id="nav-side"') :]
    side = side[: side.index("</nav>")]
    return re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a></li>', side)


def test_the_menu_shows_each_role_only_its_pages(
    client: Client, signed_in: SignIn, people: dict[str, User]
) -> None:
    signed_in(client, people["administrator"])
    admin_menu = menu(client)
    assert {"Models", "Applications", "Users"} <= set(admin_menu)

    for who, never in [
        ("auditor", {"Models", "Applications", "Users"}),
        ("compliance_officer", {"Models", "Applications", "Users"}),
        ("app_owner", {"Models", "Users"}),
        ("nobody", {"Models", "Applications", "Users"}),
    ]:
        other = Client()
        signed_in(other, people[who])
        assert not set(menu(other)) & never, who
    owner = Client()
    signed_in(owner, people["app_owner"])
    assert "Applications" in menu(owner)


def test_every_link_in_the_menu_opens_for_the_person_it_is_shown_to(
    client: Client, signed_in: SignIn, people: dict[str, User]
) -> None:
    for who, person in people.items():
        visitor = Client()
        signed_in(visitor, person)
        html = visitor.get(reverse("console:account")).content.decode()
        side = html[html.index('id="nav-side"') :]
        for url in re.findall(r'<li><a href="([^"]+)"', side[: side.index("</nav>")]):
            assert visitor.get(url).status_code == 200, (who, url)


def test_someone_without_a_role_is_told_so_on_the_start_page(
    client: Client, signed_in: SignIn, nobody: User
) -> None:
    signed_in(client, nobody)
    page = client.get(reverse("console:home"))
    assert page.status_code == 200 and "Your account has no role yet" in page.content.decode()


def test_the_start_page_maps_the_pages_of_a_role_without_a_dashboard(
    client: Client, signed_in: SignIn, auditor: User
) -> None:
    signed_in(client, auditor)
    page = client.get(reverse("console:home"), follow=True)
    assert page.status_code == 200
    assert "Audit log" in page.content.decode()


def test_unknown_addresses_get_the_consoles_404_page(
    client: Client, signed_in: SignIn, auditor: User
) -> None:
    signed_in(client, auditor)
    page = client.get("/console/no-such-page/")
    assert page.status_code == 404 and "Page not found" in page.content.decode()
    assert "console.css" in page.content.decode()


def test_the_root_address_leads_to_the_console(client: Client) -> None:
    assert client.get("/")["Location"] == reverse("console:home")


def test_the_stylesheet_has_the_shared_building_blocks() -> None:
    from django.contrib.staticfiles import finders

    path = finders.find("console/console.css")
    assert path is not None
    css = Path(path).read_text()
    names = """.card .grid .table .table-wrap .badge-ok .badge-warn .badge-bad .badge-muted .btn-primary
        .btn-danger .btn-quiet .form .field .help .errors .empty .kv .pager .filters .stat .chart .confirm
        .secret .mono :focus-visible .skip-link"""
    for name in names.split():
        assert name in css, name
    assert "@media (max-width: 900px)" in css, "a tablet layout"


# --- The access helpers other console modules use ---


def _request(user: Any, path: str = "/console/x/") -> HttpRequest:
    request = RequestFactory().get(path)
    request.user = user
    request.session = SessionStore()
    return request


@require_role(Role.AUDITOR)
def _auditors_only(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


class _AuditorsOnly(RoleRequiredMixin, View):
    allowed_roles = (Role.AUDITOR,)

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")


@pytest.mark.parametrize("view", [_auditors_only, _AuditorsOnly.as_view()])
def test_the_role_checks_send_strangers_to_sign_in_and_refuse_other_roles(
    view: Any, auditor: User, app_owner: User
) -> None:
    anonymous = view(_request(AnonymousUser()))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("console:login"))
    refused = view(_request(app_owner))
    assert refused.status_code == 403 and "no-store" in refused["Cache-Control"]
    allowed = view(_request(auditor))
    assert allowed.status_code == 200 and "no-store" in allowed["Cache-Control"]
    assert getattr(_auditors_only, "allowed_roles", None) == frozenset({Role.AUDITOR})


def test_owned_applications_are_only_the_owners(app_owner: User, administrator: User) -> None:
    mine = services.do_create_application("mine", owner=app_owner)
    services.do_create_application("theirs")
    assert list(owned_applications(app_owner)) == [mine]
    assert list(owned_applications(administrator)) == [], "administrators are not owners"
    assert list(owned_applications(AnonymousUser())) == []
