"""Tables of the audit log. Rows are written by ``audit.log`` and sealed by ``audit.sequencer``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditRecord(models.Model):
    """One event of the log.

    ``body`` is canonical JSON written once and never re-serialised: the Merkle leaf commits
    to ``seq`` and these exact bytes (``audit.verifier.leaf_bytes``). The other columns repeat
    fields of the body so they can be queried; verification checks they agree with it.
    Content (prompts, answers, source details) lives only in ``content``, AES-256-GCM
    encrypted under the data key ``key_id``; the body commits to the SHA-256 of that
    ciphertext, never to plaintext, so shredding the key leaves the log verifiable.
    """

    uid = models.CharField(max_length=32)
    seq = models.BigIntegerField(
        null=True, blank=True, unique=True, help_text="Position in the log; set when sealed."
    )
    created_at = models.DateTimeField(db_index=True)
    event = models.CharField(max_length=64)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_name = models.CharField(
        max_length=150, blank=True, help_text="A copy: it survives the user's deletion."
    )
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=128, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    application_id = models.BigIntegerField(null=True, blank=True)
    subject = models.CharField(max_length=64, blank=True, help_text="Keyed-hash pseudonym.")
    body = models.TextField()
    key_id = models.CharField(max_length=64, blank=True)
    content = models.BinaryField(null=True, blank=True)
    leaf_hash = models.BinaryField(null=True, blank=True, max_length=32)

    class Meta:
        # Explicit indexes rather than db_index=True: on PostgreSQL Django adds a second,
        # "_like" index for every indexed CharField, and each index is paid for by the insert of
        # every record and by its update when sealed (five of them cost inserts 23%, seals 38%).
        constraints = [models.UniqueConstraint(fields=["uid"], name="audit_unique_uid")]
        indexes = [
            models.Index(fields=["application_id", "created_at"], name="audit_app_time"),
            models.Index(fields=["event", "created_at"], name="audit_event_time"),
            models.Index(fields=["request_id"], name="audit_request", condition=~models.Q(request_id="")),
            models.Index(fields=["subject"], name="audit_subject", condition=~models.Q(subject="")),
            models.Index(fields=["key_id"], name="audit_key", condition=~models.Q(key_id="")),
            # What the sealer looks for: small, since sealed rows leave it.
            models.Index(fields=["id"], name="audit_unsealed", condition=models.Q(seq__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"#{self.seq if self.seq is not None else '?'} {self.event}"


class TreeState(models.Model):
    """The sealed log's size and compact Merkle frontier (a single row, id 1)."""

    size = models.BigIntegerField(default=0)
    frontier = models.JSONField(default=list)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"tree of {self.size}"


class Checkpoint(models.Model):
    """A signed statement of the log's size and root (Ed25519), also sent to the witness."""

    size = models.BigIntegerField(db_index=True)
    root = models.CharField(max_length=64)
    timestamp = models.CharField(max_length=40)
    origin = models.CharField(max_length=200)
    signature = models.CharField(max_length=128)
    key_fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["size"]

    def __str__(self) -> str:
        return f"checkpoint {self.size} {self.root[:12]}"

    def as_dict(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "size": self.size,
            "root": self.root,
            "timestamp": self.timestamp,
            "signature": self.signature,
            "key_fingerprint": self.key_fingerprint,
        }


class DataKey(models.Model):
    """A data key for audit content, stored only wrapped by the key-encryption key.

    One per application, day and (when a request names one) data subject, so that retention
    and erasure can destroy exactly the content they concern by destroying its key.
    """

    key_id = models.CharField(max_length=64, unique=True)
    application_id = models.BigIntegerField(null=True, blank=True)
    period = models.DateField()
    subject = models.CharField(max_length=64, blank=True)
    wrapped = models.BinaryField(null=True, blank=True)
    kek_id = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)
    shredded_at = models.DateTimeField(null=True, blank=True)
    shred_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            # Shredded keys leave the scope free: content after an erasure gets a fresh key.
            models.UniqueConstraint(
                fields=["application_id", "period", "subject"],
                condition=models.Q(shredded_at__isnull=True),
                name="one_live_data_key_per_scope",
            )
        ]

    def __str__(self) -> str:
        return self.key_id


class RetentionPolicy(models.Model):
    """How long a class of records is kept: metadata (six years by default) or content."""

    class RecordClass(models.TextChoices):
        METADATA = "metadata", "Metadata"
        CONTENT = "content", "Content"

    record_class = models.CharField(max_length=16, choices=RecordClass.choices)
    application_id = models.BigIntegerField(null=True, blank=True, help_text="Empty: the default for all.")
    days = models.PositiveIntegerField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record_class", "application_id"], name="one_policy_per_scope")
        ]

    def __str__(self) -> str:
        return f"{self.record_class} {self.application_id or 'default'}: {self.days} days"


class LegalHold(models.Model):
    """While active, nothing in its scope is shredded or erased (litigation, investigation)."""

    application_id = models.BigIntegerField(
        null=True, blank=True, help_text="Empty with no subject: everything."
    )
    subject = models.CharField(max_length=64, blank=True)
    reason = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    released_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"hold {self.pk}: {self.reason[:40]}"


class ExportJob(models.Model):
    """An evidence export, built by a Celery task; the bundle is kept in the data folder."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by_name = models.CharField(max_length=150, blank=True)
    query = models.JSONField(default=dict)
    include_content = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    records = models.BigIntegerField(default=0)
    path = models.CharField(max_length=1024, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.status})"
