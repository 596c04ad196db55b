"""Who may open a console page.

Every console view is wrapped by ``require_role`` (function views) or ``RoleRequiredMixin``
(class views). Both apply the same three checks, in this order:

1. nobody signed in → the sign-in page, which comes back here afterwards;
2. the user must use two-factor sign-in (administrators, compliance officers, and anyone who
   enrolled a device) but has not passed it in this session → the two-factor step (which
   enrols them first if they have no device yet);
3. the user holds none of the page's roles → the 403 page.

The checks run on every request, not only at sign-in: a role granted or a device reset
mid-session takes effect on the next page. Console pages are never cached by the browser
or a proxy (``Cache-Control: no-store``): they show keys, audit metadata and user lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from appliance.roles import (
    TWO_FACTOR_ROLES,
    Role,
    has_role,
    has_two_factor_device,
    is_verified,
    roles_of,
    two_factor_required,
)

__all__ = [
    "TWO_FACTOR_ROLES",
    "RoleRequiredMixin",
    "forbidden",
    "has_two_factor_device",
    "is_verified",
    "owned_applications",
    "require_role",
    "require_signed_in",
    "two_factor_required",
]

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponseBase])
User = AbstractBaseUser | AnonymousUser


def forbidden(request: HttpRequest, message: str = "", needed: Iterable[Role] = ()) -> HttpResponse:
    """The console's 403 page: the roles the page needs, the ones the user holds, and who grants them."""
    response = render(
        request,
        "console/403.html",
        {
            "message": message,
            "roles": sorted(roles_of(request.user)),
            "needed": sorted(needed),
            "is_administrator": has_role(request.user, Role.ADMINISTRATOR),
        },
        status=403,
    )
    add_never_cache_headers(response)
    return response


def check_access(request: HttpRequest, roles: Iterable[Role] | None) -> HttpResponseBase | None:
    """``None`` when the request may proceed; otherwise the response that refuses it.

    ``roles=None``: any signed-in person (who passed two-factor sign-in if they must).
    """
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("console:login"))
    if two_factor_required(user) and not is_verified(user):
        url = reverse("console:two_factor") + "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(url)
    if roles is not None and not has_role(user, *roles):
        return forbidden(request, needed=roles)
    return None


def require_role(*roles: Role) -> Callable[[ViewFunc], ViewFunc]:
    """Decorator for console function views: the user must hold one of ``roles``.

    The wrapped view carries ``allowed_roles``, which the navigation reads to show a link
    only to the people the page would let in.
    """
    if not roles:
        raise ValueError("require_role needs at least one role")
    allowed = frozenset(roles)

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            refused = check_access(request, allowed)
            response = refused if refused is not None else view(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response

        wrapped.allowed_roles = allowed  # type: ignore[attr-defined]
        return cast(ViewFunc, wrapped)

    return decorator


def require_signed_in(view: ViewFunc) -> ViewFunc:
    """For pages every signed-in person may open whatever their roles (their own account):
    the sign-in and two-factor checks of ``require_role``, without the role check."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        refused = check_access(request, None)
        response = refused if refused is not None else view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return cast(ViewFunc, wrapped)


class RoleRequiredMixin:
    """For console class-based views: set ``allowed_roles`` on the class."""

    allowed_roles: Iterable[Role] = ()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.allowed_roles:
            raise ValueError(f"{type(self).__name__} must set allowed_roles")
        refused = check_access(request, frozenset(self.allowed_roles))
        response = refused if refused is not None else super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        add_never_cache_headers(response)
        return response


def view_roles(view: Callable[..., Any]) -> frozenset[Role] | None:
    """The roles a console view admits, or ``None`` when it does not say (public pages)."""
    roles = getattr(view, "allowed_roles", None)
    if roles is None:
        view_class = getattr(view, "view_class", None)
        roles = getattr(view_class, "allowed_roles", None) or None
    return frozenset(roles) if roles is not None else None


def owned_applications(user: User) -> QuerySet[Any]:
    """The applications this user may see as an app owner: the ones they own.

    Administrators see every application; pages for them should not call this.
    """
    from inference.models import Application

    if not user.is_authenticated or not has_role(user, Role.APP_OWNER):
        return Application.objects.none()
    return Application.objects.filter(owner_id=user.pk)
