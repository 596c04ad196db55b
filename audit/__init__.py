"""The audit log: encrypted, tamper-evident, fail-closed."""
