"""The console's start page: the dashboard for those who may see it, else a map of their pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from appliance.roles import roles_of
from console.access import require_signed_in
from console.navigation import navigation, page_roles

DESCRIPTIONS = {
    "Dashboard": "Requests, tokens, latency, errors and cost, per application and model.",
    "Models": "Model versions with their weight checksums, deployments and backend health.",
    "Applications": "Internal applications, their API keys, allowed models and content logging.",
    "Quotas": "Limits and budgets, consumption against them, suspended applications.",
    "Egress": "External providers, each application's egress policy, and a redaction preview.",
    "Audit log": "Search the tamper-evident log, verify it, and export signed evidence.",
    "Retention": "Retention policies, legal holds and erasure of a data subject.",
    "Users": "People, their roles and their two-factor sign-in.",
}


@require_signed_in
def home(request: HttpRequest) -> HttpResponseBase:
    user: Any = request.user
    try:
        dashboard = reverse("console:dashboard")
    except NoReverseMatch:
        dashboard = None
    admitted = page_roles("console:dashboard")
    if dashboard and dashboard != request.path and admitted and admitted & roles_of(user):
        return redirect(dashboard)
    sections = [
        {"label": item.label, "url": item.url, "description": DESCRIPTIONS.get(item.label, "")}
        for group in navigation(request).groups
        for item in group.items
    ]
    return render(request, "console/home.html", {"sections": sections})
