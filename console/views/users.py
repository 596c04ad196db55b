"""People and their roles — administrators only.

Every change calls ``appliance.services`` (also behind ``airlock users``), so each is audited
with old and new values. A new account gets a set-password link, shown once, instead of a
password an administrator would know.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from appliance import services
from appliance.roles import Role
from console.access import TWO_FACTOR_ROLES, require_role
from console.forms import RolesForm, UserCreateForm
from console.views.common import confirm

ADMINS = (Role.ADMINISTRATOR,)


def _people() -> Any:
    from django.contrib.auth.models import Group

    enrolled = TOTPDevice.objects.filter(user_id=OuterRef("pk"), confirmed=True)
    managed = Group.objects.filter(name__in=[r.value for r in Role])
    return (
        get_user_model()
        .objects.annotate(two_factor=Exists(enrolled))
        .prefetch_related(Prefetch("groups", queryset=managed, to_attr="role_groups"))
        .order_by("-is_active", "username")
    )


def _roles(user: Any) -> list[Role]:
    return sorted(Role(g.name) for g in getattr(user, "role_groups", []))


def _link_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def _link(request: HttpRequest, link: services.SetPasswordLink) -> str:
    path = reverse("console:set_password", kwargs={"uidb64": link.uidb64, "token": link.token})
    return request.build_absolute_uri(path)


@require_role(*ADMINS)
def user_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for person in _people():
        roles = _roles(person)
        rows.append(
            {
                "person": person,
                "roles": roles,
                "two_factor": person.two_factor,
                "two_factor_required": bool(set(roles) & TWO_FACTOR_ROLES),
            }
        )
    return render(request, "console/users/list.html", {"rows": rows})


@require_role(*ADMINS)
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            person = services.do_create_user(
                form.cleaned_data["username"],
                actor=request.user,  # type: ignore[arg-type]
                email=form.cleaned_data["email"],
                roles=[Role(r) for r in form.cleaned_data["roles"]],
            )
        except ValidationError as exc:
            form.add_error("username", exc)
        else:
            link = _link(request, services.set_password_link(person))
            context = {"person": person, "link": link, "created": True, "link_days": _link_days()}
            return render(request, "console/users/password_link.html", context)
    status = 400 if form.is_bound else 200
    return render(request, "console/users/create.html", {"form": form}, status=status)


@require_role(*ADMINS)
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(_people(), pk=pk)
    roles = _roles(person)
    form = RolesForm(
        request.POST if request.method == "POST" else None, initial={"roles": [r.value for r in roles]}
    )
    if form.is_valid():
        try:
            services.do_set_roles(person, [Role(r) for r in form.cleaned_data["roles"]], actor=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            form.add_error("roles", exc)
        else:
            messages.success(request, f"Saved the roles of {person.get_username()}.")
            return redirect("console:user_detail", pk=person.pk)
    context = {
        "person": person,
        "roles": roles,
        "form": form,
        "two_factor_required": bool(set(roles) & TWO_FACTOR_ROLES),
        "is_self": person.pk == request.user.pk,
        "applications": person.applications.order_by("name"),
    }
    return render(request, "console/users/detail.html", context, status=400 if form.is_bound else 200)


def _person(pk: int) -> Any:
    return get_object_or_404(get_user_model(), pk=pk)


@require_role(*ADMINS)
def user_deactivate(request: HttpRequest, pk: int) -> HttpResponseBase:
    person = _person(pk)
    detail = reverse("console:user_detail", kwargs={"pk": pk})

    def perform() -> HttpResponseBase:
        services.do_deactivate_user(person, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"{person.get_username()} can no longer sign in.")
        return redirect(detail)

    if not person.is_active:
        messages.info(request, f"{person.get_username()} is already deactivated.")
        return redirect(detail)
    return confirm(
        request,
        title=f"Deactivate {person.get_username()}",
        question=f"Deactivate {person.get_username()}?",
        message="They cannot sign in any more, and their open sessions end with their next click. "
        "Nothing is deleted: the audit log keeps their name and their applications keep working. "
        "You can reactivate the account later.",
        confirm_label="Deactivate",
        cancel_url=detail,
        perform=perform,
    )


@require_role(*ADMINS)
def user_reactivate(request: HttpRequest, pk: int) -> HttpResponseBase:
    person = _person(pk)
    detail = reverse("console:user_detail", kwargs={"pk": pk})

    def perform() -> HttpResponseBase:
        services.do_reactivate_user(person, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"{person.get_username()} can sign in again.")
        return redirect(detail)

    return confirm(
        request,
        title=f"Reactivate {person.get_username()}",
        question=f"Let {person.get_username()} sign in again?",
        message="They sign in with their existing password, and roles, as before.",
        confirm_label="Reactivate",
        cancel_url=detail,
        perform=perform,
        danger=False,
    )


@require_role(*ADMINS)
def user_reset_two_factor(request: HttpRequest, pk: int) -> HttpResponseBase:
    person = _person(pk)
    detail = reverse("console:user_detail", kwargs={"pk": pk})

    def perform() -> HttpResponseBase:
        services.do_reset_two_factor(person, actor=request.user)  # type: ignore[arg-type]
        messages.success(
            request,
            f"Reset the two-factor sign-in of {person.get_username()}: "
            "they set it up again at their next sign-in.",
        )
        return redirect(detail)

    return confirm(
        request,
        title=f"Reset two-factor sign-in of {person.get_username()}",
        question=f"Forget {person.get_username()}'s authenticator?",
        message="Use this when a phone is lost or replaced. Their current device stops working at once; "
        "at their next sign-in, after the password, they scan a new QR code. Check who is asking first: "
        "until they have done so, whoever knows their password can set up an authenticator.",
        confirm_label="Reset two-factor sign-in",
        cancel_url=detail,
        perform=perform,
    )


@require_role(*ADMINS)
def user_reset_password(request: HttpRequest, pk: int) -> HttpResponseBase:
    person = _person(pk)
    detail = reverse("console:user_detail", kwargs={"pk": pk})

    def perform() -> HttpResponseBase:
        link = services.do_reset_password(person, actor=request.user)  # type: ignore[arg-type]
        context = {
            "person": person,
            "link": _link(request, link),
            "created": False,
            "link_days": _link_days(),
        }
        return render(request, "console/users/password_link.html", context)

    return confirm(
        request,
        title=f"Reset the password of {person.get_username()}",
        question=f"Disable {person.get_username()}'s password and make a set-password link?",
        message="Their current password stops working at once. You get a link, shown once, to give them "
        "through a trusted channel; with it they choose a new password.",
        confirm_label="Reset password",
        cancel_url=detail,
        perform=perform,
    )
