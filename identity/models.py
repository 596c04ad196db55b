"""Who a person is at their identity provider, and the console sessions opened through it.

State changes go through ``identity.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class ExternalIdentity(models.Model):
    """The link between an account and one subject (``sub``) at one identity provider.

    An account is found by this link only, never by a user name or e-mail address that a
    provider asserts: a provider that says "alice" must not open the local break-glass account
    named alice.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="identities")
    provider = models.CharField(max_length=32)
    subject = models.CharField(max_length=255)
    # The account was deactivated because the provider no longer accepted this person; a later
    # successful sign-in through the provider reactivates it. An administrator's deactivation
    # is never undone this way.
    deactivated_by_provider = models.BooleanField(default=False)
    # Applications this person was made owner of through the provider's claims (APP_MAP): only
    # these are given up again when the claims stop naming them.
    managed_applications = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="identity_provider_subject_unique")
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.subject}"


class ProviderSession(models.Model):
    """A console session opened through a provider, re-checked against it periodically.

    Kept in the database rather than in the Django session: two requests of one browser may
    run at once, and the one that refreshed must not have its new refresh token overwritten by
    the other saving the session it read before.
    """

    identity = models.ForeignKey(ExternalIdentity, on_delete=models.CASCADE, related_name="sessions")
    # The refresh token (or, failing one, the access token), encrypted with a key derived from
    # the appliance's secret key (identity.sealing).
    refresh_token = models.BinaryField(null=True, blank=True)
    access_token = models.BinaryField(null=True, blank=True)
    checked_at = models.DateTimeField(default=timezone.now)
    # A request that is re-checking the session holds it until this time; others go on.
    busy_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"session {self.pk} of {self.identity}"
