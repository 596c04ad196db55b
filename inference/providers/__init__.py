"""External providers: the egress path's last step, after the redaction gate.

- ``client``: ``complete`` / ``stream`` — take a ``redaction.gate.SafeBody`` and nothing else;
- ``openai_compat`` and ``anthropic``: the two wire protocols (Anthropic through an adapter
  that speaks OpenAI's format both ways);
- ``resilience``: retries with back-off and jitter, ``Retry-After``, the circuit breaker;
- ``transport``: the egress connection pool, imported by ``client`` alone.

Only ``inference.egress`` calls the client; the gateway's views hand it external targets.
"""
