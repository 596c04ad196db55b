"""The personal API tokens page, appended to the console's addresses by ``console.urls``."""

from __future__ import annotations

from django.urls import path

from console import token_views

urlpatterns = [
    path("account/tokens/", token_views.token_list, name="tokens"),
    path("account/tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
]
