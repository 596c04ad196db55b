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


# Pages of the quality work a reviewer sees the drift banner on (administrators see it everywhere).
QUALITY_PAGES = ("review_", "quality_")


@register.simple_tag(takes_context=True)
def drift_alerts(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The drifts still standing (``quality.alerts``), for the banner: ``{% drift_alerts as alerts %}``.

    Shown to administrators on every page and to reviewers on the quality pages; nobody else
    is asked (no query). One query when shown.
    """
    from appliance.roles import Role, roles_of

    request = context.get("request")
    if request is None:
        return []
    roles = roles_of(getattr(request, "user", None))
    match = getattr(request, "resolver_match", None)
    on_quality_page = bool(match and (match.url_name or "").startswith(QUALITY_PAGES))
    if Role.ADMINISTRATOR not in roles and not (Role.REVIEWER in roles and on_quality_page):
        return []
    from quality.alerts import unresolved

    alerts = []
    for run in unresolved():
        metrics = run.verdict.get("metrics") or {}
        drops = [
            (name, -float(metrics.get(name, {}).get("relative_change", 0.0)))
            for name in run.verdict.get("drifted") or []
        ]
        if not drops:
            drops = [
                (
                    str(run.verdict.get("metric") or run.metric),
                    -float(run.verdict.get("relative_change", 0.0)),
                )
            ]
        shown = [(name, f"{drop:.1%}".replace("%", "\u00a0%")) for name, drop in drops]
        alerts.append(
            {
                "run": run,
                "model": run.golden_set.model_name,
                "golden_set": f"golden set of {run.golden_set.model_name}",
                "version": run.version,
                "drops": shown,
            }
        )
    return alerts
