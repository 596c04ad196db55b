"""vLLM's panels of the dashboard and the console's Backends page, against a real vLLM server
(the CPU build serving SmolLM2-135M) and the appliance under gunicorn: end-to-end suite only."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openai
import pytest

from inference.metrics import vllm
from tests.e2e.conftest import MODEL, Stack
from tests.metrics.conftest import Prometheus, is_vllm_query, panel_queries, scrape, value

pytestmark = pytest.mark.e2e


def test_vllm_panels_return_series_and_the_gateway_counts_its_requests(stack: Stack) -> None:
    client = openai.OpenAI(base_url=f"{stack.url}/v1", api_key=stack.key, max_retries=0)
    before = value(scrape(stack.url), "airlock_requests_total", model=MODEL, status_class="2xx")
    with tempfile.TemporaryDirectory(prefix="airlock-prometheus-") as folder:
        prometheus = Prometheus({"airlock": [stack.url], "vllm": [stack.vllm_url]}, Path(folder))
        try:
            prometheus.scraped("vllm", times=1)
            for stream in (False, True, False):
                answer = client.chat.completions.create(
                    model=MODEL,
                    messages=[{"role": "user", "content": "Name a colour."}],
                    max_tokens=8,
                    stream=stream,
                )
                if stream:
                    list(answer)
            prometheus.scraped("vllm", times=3)
            queries = [(title, expr) for title, expr in panel_queries() if is_vllm_query(expr)]
            assert len(queries) >= 5
            empty = [f"{title}: {expr}" for title, expr in queries if not prometheus.query(expr)]
            assert not empty, "vLLM queries without series:\n" + "\n".join(empty)
        finally:
            prometheus.stop()
    after = scrape(stack.url)
    assert value(after, "airlock_requests_total", model=MODEL, status_class="2xx") - before == 3
    # The console's reader finds the same figures vLLM reports.
    vllm.clear()
    figures = vllm.read(stack.vllm_url)
    assert not figures.error
    assert figures.running is not None and figures.waiting is not None and figures.kv_cache is not None
    assert figures.ttft_count >= 3 and figures.ttft_p95 is not None
