"""Every change made in Django's ``/admin/`` becomes an audit record (issue 18, item 3).

``/admin/`` is off in the production profile (``AIRLOCK_ADMIN_SITE``). Where it is on, the
admin writes one ``LogEntry`` per change it makes (add, change, delete; users, groups, 2FA
devices and anything else registered there), in the same transaction as the change; a
receiver turns each into an ``admin.change`` record naming the person, the object and what
changed, in that transaction too, so a change without its record cannot commit. The admin's
bulk "delete selected" action writes its entries with ``bulk_create``, which sends no
signal, so that action is switched off: every deletion is one object, one entry, one record.
"""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save

ACTIONS = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}


def audit_admin_change(sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    # Imported here: every command runs AppConfig.ready(), and the audit log's modules are
    # not cheap to import for a command that never writes through the admin.
    from audit.events import Event
    from audit.log import record

    content_type = cast(ContentType | None, instance.content_type)
    model = f"{content_type.app_label}.{content_type.model}" if content_type else "unknown"
    record(
        Event.ADMIN_SITE_CHANGE,
        actor=instance.user,
        target=(model, instance.object_id or ""),
        meta={
            "action": ACTIONS.get(instance.action_flag, str(instance.action_flag)),
            "object": instance.object_repr,
            "change": instance.get_change_message(),
        },
    )


def install() -> None:
    """Connect the receiver and remove the action that would bypass it (``AppConfig.ready``)."""
    post_save.connect(audit_admin_change, sender=LogEntry, dispatch_uid="airlock-admin-audit")
    if settings.AIRLOCK_ADMIN_SITE and "delete_selected" in dict(admin.site.actions):
        admin.site.disable_action("delete_selected")
