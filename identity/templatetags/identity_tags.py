"""``{% sso_providers as providers %}``: the sign-in page's "Sign in with …" buttons."""

from __future__ import annotations

from django import template
from django.conf import settings

from identity.config import ProviderConfig

register = template.Library()


@register.simple_tag
def sso_providers() -> list[ProviderConfig]:
    return list(settings.AIRLOCK_OIDC_PROVIDERS.values())
