"""Cache entries follow the audit content they came from.

An entry is encrypted under the audit data key of its application, day and end user. When
retention or a subject's erasure (``audit.services``) shreds that key, the entry could no
longer be decrypted anyway; it is deleted in the same transaction, so an erased subject's
answers are gone from the table and from every search (a worker's in-memory copy finds the
row missing when it fetches it). Deleting an application deletes its entries.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from audit.models import DataKey
from inference.models import Application
from semcache.models import CacheEntry, CacheHit, CacheLookup


@receiver(post_save, sender=DataKey)
def _key_shredded(sender: Any, instance: DataKey, **kwargs: Any) -> None:
    if instance.shredded_at is not None:
        CacheEntry.objects.filter(key_id=instance.key_id).delete()


@receiver(post_delete, sender=Application)
def _application_deleted(sender: Any, instance: Application, **kwargs: Any) -> None:
    CacheEntry.objects.filter(application_id=instance.pk).delete()
    CacheHit.objects.filter(application_id=instance.pk).delete()
    CacheLookup.objects.filter(application_id=instance.pk).delete()
