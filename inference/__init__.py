"""The /v1 gateway: applications and keys, the model registry, routing and backend clients."""
