"""What the request path calls after an answer: validate it by its policy, record a failure.

One call per answered request (``check_answer``), local or external: a local answer from
``inference.views``, an external provider's (restored) answer from ``inference.egress``. A good
answer costs the checks of ``quality.validation`` (tens of microseconds for a page of text) and a
cached policy lookup; only a failure touches the database (``quality.services.record_failure``).
The caller decides what to do with the result: retry once on the next target when ``retry`` is
set, and tell the client (``problems`` carry stable codes and messages that never quote the
answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inference import database
from inference.hotcache import HotCache
from quality import services
from quality.models import ValidationPolicy
from quality.validation import Problem

# Dropped when the gateway epoch moves: set_policy bumps it.
_policies: HotCache[ValidationPolicy] = HotCache(max_entries=10_000)


@dataclass(frozen=True)
class AnswerCheck:
    """The verdict on one answer."""

    problems: list[Problem]
    retry: bool  # the policy asks for one more try on the next target
    ejected: bool  # this failure took the deployment out of routing

    @property
    def ok(self) -> bool:
        return not self.problems


OK = AnswerCheck(problems=[], retry=False, ejected=False)


async def policy(application_id: int | None, model_id: int | None, model_name: str = "") -> ValidationPolicy:
    """The policy of an (application, model) pair, cached per worker until the epoch moves.

    The request path knows the model by the name the client sent: ``model_name`` stands in
    for ``model_id`` when that is None.
    """
    key = f"{application_id}:{model_id if model_id is not None else 'name:' + model_name}"
    found = _policies.get(key)
    if found is None:
        found = await database.read(services.policy_for, application_id, model_id, model_name or None)
        _policies.put(key, found)
    return found


async def check_answer(
    answer_text: str,
    *,
    application_id: int | None,
    model_id: int | None,
    model_name: str,
    target: str,
    deployment_id: int | None,
    response_format: dict[str, Any] | None = None,
    finish_reason: str | None = None,
    request_id: str = "",
    retried: bool = False,
) -> AnswerCheck:
    """Validate one whole answer (for a stream: its text once it ended) and record a failure.

    ``deployment_id`` is None for an external provider's answer (counted, never ejected);
    ``retried`` is True for the answer of the one retry, which is never retried again.
    """
    current = await policy(application_id, model_id, model_name)
    problems = services.check(
        answer_text, current, response_format=response_format, finish_reason=finish_reason
    )
    if not problems:
        return OK
    outcome = await database.read(
        services.record_failure,
        problems,
        model_name=model_name,
        target=target,
        deployment_id=deployment_id,
        application_id=application_id,
        request_id=request_id,
        policy=current,
    )
    return AnswerCheck(problems=problems, retry=current.retry_once and not retried, ejected=outcome.ejected)


def calls_tools(data: dict[str, Any]) -> bool:
    """A whole answer with a tool (or function) call in any choice: its answer is the call's
    arguments, so a missing text is not an empty answer."""
    for choice in data.get("choices") or []:
        message = choice.get("message") if isinstance(choice, dict) else None
        if isinstance(message, dict) and (message.get("tool_calls") or message.get("function_call")):
            return True
    return False


def failure_note(verdict: AnswerCheck, *, retried: bool) -> dict[str, Any] | None:
    """What a request keeps of a failed verdict (``Exchange.validation``): the audit record's
    ``validation`` and the client's ``x-airlock-validation`` header. None when the answer passed."""
    if verdict.ok:
        return None
    codes = sorted({problem.code for problem in verdict.problems})
    return {
        "problems": codes,
        "ejected": verdict.ejected,
        "retried": retried,
        "header": f"failed; problems={','.join(codes)}",
    }
