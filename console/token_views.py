"""The signed-in person's personal API tokens (``/console/account/tokens/``).

Anyone with a role makes tokens for themselves here, carrying some or all of their roles; the
secret is shown once, on the answer to the form. Creation and revocation call
``appliance.tokens``, which audits both. A token stands in for a session past the TOTP step,
so this page asks for that step like every console page (``require_role``).
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from appliance import tokens
from appliance.models import ApiToken
from appliance.roles import Role
from appliance.services import stored_roles
from console.access import require_role

EVERYONE = tuple(Role)


class TokenForm(forms.Form):
    """A new token: its name, its roles (a subset of the person's), its lifetime."""

    name = forms.CharField(max_length=100, help_text="What it is for, e.g. ci-deploy.")
    roles = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple, help_text="It can do only what these roles allow."
    )
    expires_in_days = forms.IntegerField(
        min_value=1,
        max_value=tokens.MAX_LIFETIME_DAYS,
        initial=tokens.DEFAULT_LIFETIME_DAYS,
        label="Expires in (days)",
    )

    def __init__(self, *args: Any, held: set[Role], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(r.value, r.value.replace("_", " ")) for r in Role if r in held]
        field = cast(forms.MultipleChoiceField, self.fields["roles"])
        field.choices = choices
        field.initial = [value for value, _ in choices]


@require_role(*EVERYONE)
def token_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = TokenForm(request.POST if request.method == "POST" else None, held=stored_roles(user))
    created = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = tokens.do_create_token(
                user,
                name=data["name"],
                roles=data["roles"],
                expires_in_days=data["expires_in_days"],
                actor=user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = TokenForm(held=stored_roles(user))
    context = {
        "form": form,
        "created": created,
        "tokens": ApiToken.objects.filter(user_id=user.pk),
        "now_usable": {t.pk for t in ApiToken.objects.filter(user_id=user.pk) if tokens.is_usable(t)},
    }
    status = 400 if form.is_bound and created is None else 200
    return render(request, "console/tokens.html", context, status=status)


@require_role(*EVERYONE)
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponseBase:
    user: Any = request.user
    token = get_object_or_404(ApiToken, pk=pk, user_id=user.pk)
    tokens.do_revoke_token(token, actor=user)
    messages.success(request, f"Token {token.name} (alt_{token.prefix}…) is revoked.")
    return redirect("console:tokens")
