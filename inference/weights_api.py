"""``POST /api/hosts/weights``: a GPU host reports its check of the weights it serves.

The host hashes its copy of a model version against the version's manifest (the installer's
timer runs the check before every vLLM start and periodically) and sends::

    {"backend": "gpu-1", "model": "llama-8b", "version": "3",
     "manifest_sha256": "<the version's manifest digest the host checked against>",
     "problems": ["changed: model-00001-of-00004.safetensors"]}

with ``Authorization: Bearer $AIRLOCK_WEIGHTS_REPORT_TOKEN``. An empty ``problems`` is a clean
check. A report with problems takes that backend's deployment of the version out of routing and
is audited (``inference.weights``). A host checking against another manifest than the registry's
is itself a mismatch: it is holding other weights than the ones registered.
"""

from __future__ import annotations

import hmac
from typing import Any

import orjson
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from inference import weights
from inference.models import Deployment

MAX_BODY = 256 * 1024


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


def _authorized(request: HttpRequest) -> bool:
    token = settings.AIRLOCK_WEIGHTS_REPORT_TOKEN
    given = request.headers.get("Authorization", "")
    if not token or not given.startswith("Bearer "):
        return False
    return hmac.compare_digest(given[len("Bearer ") :].strip().encode(), token.encode())


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


@csrf_exempt  # a machine client with a bearer token, not a browser session
@require_POST
def report(request: HttpRequest) -> JsonResponse:
    if not _authorized(request):
        return _error(401, "A valid bearer token (AIRLOCK_WEIGHTS_REPORT_TOKEN) is required.")
    if len(request.body) > MAX_BODY:
        return _error(413, f"The report is larger than {MAX_BODY} bytes.")
    try:
        data = orjson.loads(request.body)
    except orjson.JSONDecodeError:
        return _error(400, "The body is not JSON.")
    if not isinstance(data, dict):
        return _error(400, "The body must be a JSON object.")
    fields = ("backend", "model", "version", "manifest_sha256")
    missing = [name for name in fields if not isinstance(data.get(name), str) or not data[name]]
    if missing or not _strings(data.get("problems")):
        return _error(400, f"Expected strings {', '.join(fields)} and a list of strings 'problems'.")
    deployment = (
        Deployment.objects.select_related("backend", "model_version__model")
        .filter(
            backend__name=data["backend"],
            model_version__model__name=data["model"],
            model_version__version=data["version"],
        )
        .first()
    )
    if deployment is None:
        return _error(404, f"{data['model']}@{data['version']} is not deployed on backend {data['backend']}.")
    problems = [str(p)[:500] for p in data["problems"]][: weights.MAX_PROBLEMS_SHOWN]
    registered = deployment.model_version.manifest_sha256
    if data["manifest_sha256"] != registered:
        problems.insert(
            0, f"manifest: the host checked against {data['manifest_sha256'][:64]}, registered {registered}"
        )
    removed = weights.record_result(deployment, problems, reporter=f"report from backend {data['backend']}")
    deployment.refresh_from_db()
    return JsonResponse(
        {
            "ok": not problems,
            "in_routing": deployment.is_active,
            "removed_from_routing": removed,
            "problems": problems,
        }
    )
