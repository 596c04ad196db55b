"""External providers: the egress path's last step, after the redaction gate.

- ``client``: ``complete`` / ``stream`` — take a ``redaction.gate.SafeBody`` and nothing else;
- ``openai_compat`` and ``anthropic``: the two wire protocols (Anthropic through an adapter
  that speaks OpenAI's format both ways);
- ``resilience``: retries with back-off and jitter, ``Retry-After``, the circuit breaker;
- ``transport``: the egress connection pool, imported by ``client`` alone;
- ``guard``: where a provider may be (public https, or what the installation allows), checked
  when saved and on every connection; ``keyfile``: the rules for API key files;
  ``headers``: which extra headers a provider may be given.

Only ``inference.egress`` calls the client; the gateway's views hand it external targets.
"""
