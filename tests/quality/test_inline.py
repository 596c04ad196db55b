"""``quality.inline.check_answer``: what the request path will call after each answer."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from inference import hotcache
from inference.models import Deployment
from quality import inline, services
from quality.models import ValidationFailure

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_policies() -> None:
    inline._policies.clear()


async def check(deployment: Deployment, text: str, **kwargs: object) -> inline.AnswerCheck:
    return await inline.check_answer(
        text,
        application_id=None,
        model_id=deployment.model_version.model_id,
        model_name="chat",
        target="gpu1",
        deployment_id=deployment.pk,
        request_id="req-1",
        **kwargs,
    )


async def test_a_good_answer_passes_and_writes_nothing(deployment: Deployment) -> None:
    result = await check(deployment, "The capital of France is Paris.")
    assert result.ok and result == inline.OK
    assert await ValidationFailure.objects.acount() == 0


async def test_a_bad_answer_is_recorded_and_retried_once_when_the_policy_says_so(
    deployment: Deployment,
) -> None:
    model = deployment.model_version.model
    await sync_to_async(services.set_policy)(
        application=None, model=model, retry_once=True, failures_to_eject=2
    )
    first = await check(deployment, "", response_format={"type": "json_object"})
    assert [p.code for p in first.problems] == ["empty"] and first.retry and not first.ejected
    again = await check(deployment, "the " * 40, retried=True)
    assert not again.retry and again.ejected
    assert await ValidationFailure.objects.acount() == 2
    await deployment.arefresh_from_db()
    assert not deployment.is_active


async def test_a_changed_policy_is_read_again(deployment: Deployment) -> None:
    model = deployment.model_version.model
    assert (await check(deployment, "a long enough answer")).ok
    await sync_to_async(services.set_policy)(application=None, model=model, max_chars=5)
    await hotcache.refresh()  # what every request does first: the epoch moved, caches drop
    result = await check(deployment, "a long enough answer")
    assert [p.code for p in result.problems] == ["too_long"]
