"""Template tags of the console shell."""

from __future__ import annotations

from typing import Any

from django import template

from console.navigation import Navigation, navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def console_nav(context: dict[str, Any]) -> Navigation:
    """The navigation for the signed-in person: ``{% console_nav as nav %}``."""
    request = context.get("request")
    if request is None:  # error pages rendered without a request
        return Navigation(signed_in=False)
    return navigation(request)


@register.filter
def role_label(role: object) -> str:
    """``compliance_officer`` → ``compliance officer``."""
    from appliance.roles import Role
    from console.navigation import ROLE_LABELS

    try:
        return ROLE_LABELS[Role(str(role))]
    except ValueError:
        return str(role)
