"""Shapes of the egress-policy API. Business rules (what is a valid policy) live in ``redaction.services``."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from appliance.api import JsonBoolean, JsonInteger, JsonNumber, JsonText
from redaction.policy import ACTIONS


class PatternSerializer(serializers.Serializer[Any]):
    name = JsonText(max_length=64)
    entity_type = JsonText(max_length=48)
    regex = JsonText(max_length=2000, trim_whitespace=False)
    score = JsonNumber(required=False, min_value=0.0, max_value=1.0)


class PolicyChangeSerializer(serializers.Serializer[Any]):
    """A PUT names only the fields it changes; in an application's policy ``null`` means "as global"."""

    enabled = JsonBoolean(required=False)
    allowed_providers = serializers.ListField(
        child=JsonText(max_length=64),
        required=False,
        allow_null=True,
        help_text='Provider names; ["*"] for every registered provider.',
    )
    entities = serializers.ListField(
        child=JsonText(max_length=48),
        required=False,
        allow_null=True,
        help_text='Entity types to detect; ["*"] for every type.',
    )
    entity_actions = serializers.DictField(
        child=serializers.ChoiceField(choices=ACTIONS),
        required=False,
        help_text="{entity type: placeholder | redact | refuse}",
    )
    default_action = serializers.RegexField(
        r"^({})$".format("|".join(ACTIONS)),
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text='placeholder, redact or refuse; in an application\'s policy "" or null: as global.',
    )
    threshold = JsonNumber(required=False, allow_null=True, min_value=0.0, max_value=1.0)
    deny_terms = serializers.ListField(child=JsonText(max_length=200), required=False, max_length=1000)
    allow_terms = serializers.ListField(child=JsonText(max_length=200), required=False, max_length=1000)
    patterns = PatternSerializer(many=True, required=False)


class ApplicationRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class EffectivePolicySerializer(serializers.Serializer[Any]):
    enabled = serializers.BooleanField()
    disabled_by = serializers.CharField(allow_null=True, help_text='"global", "application" or null.')
    disabled_reason = serializers.CharField(allow_null=True)
    allowed_providers = serializers.ListField(child=serializers.CharField())
    entities = serializers.ListField(child=serializers.CharField())
    entity_actions = serializers.DictField(child=serializers.CharField())
    default_action = serializers.CharField()
    threshold = serializers.FloatField()
    deny_terms = serializers.ListField(child=serializers.CharField())
    allow_terms = serializers.ListField(child=serializers.CharField())
    patterns = PatternSerializer(many=True)


class PolicySerializer(serializers.Serializer[Any]):
    """A stored policy (global, or one application's with nulls for "as global") and its effect."""

    scope = serializers.ChoiceField(choices=["global", "application"])
    application = ApplicationRefSerializer(allow_null=True)
    enabled = serializers.BooleanField()
    allowed_providers = serializers.ListField(child=serializers.CharField(), allow_null=True)
    entities = serializers.ListField(child=serializers.CharField(), allow_null=True)
    entity_actions = serializers.DictField(child=serializers.CharField())
    default_action = serializers.CharField(allow_blank=True)
    threshold = serializers.FloatField(allow_null=True)
    deny_terms = serializers.ListField(child=serializers.CharField())
    allow_terms = serializers.ListField(child=serializers.CharField())
    patterns = PatternSerializer(many=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    updated_by = serializers.CharField(allow_null=True)
    effective = EffectivePolicySerializer()


class EntitiesSerializer(serializers.Serializer[Any]):
    entities = serializers.ListField(child=serializers.CharField())
    actions = serializers.ListField(child=serializers.CharField())


class PreviewRequestSerializer(serializers.Serializer[Any]):
    text = JsonText(max_length=100_000, trim_whitespace=False)
    application_id = JsonInteger(required=False, allow_null=True)
    provider = JsonText(required=False, allow_null=True, max_length=64)


class PreviewFindingSerializer(serializers.Serializer[Any]):
    type = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    score = serializers.FloatField()
    action = serializers.ChoiceField(choices=ACTIONS)
    replacement = serializers.CharField(allow_null=True, help_text="null when the type refuses the request.")


class PreviewEgressSerializer(serializers.Serializer[Any]):
    enabled = serializers.BooleanField()
    disabled_reason = serializers.CharField(allow_null=True)
    provider = serializers.CharField(allow_null=True)
    provider_allowed = serializers.BooleanField(allow_null=True)


class PreviewSerializer(serializers.Serializer[Any]):
    application_id = serializers.IntegerField(allow_null=True)
    egress = PreviewEgressSerializer()
    would_refuse = serializers.BooleanField()
    refused_types = serializers.ListField(child=serializers.CharField())
    sent = serializers.CharField(help_text="The text as it would leave.")
    body = serializers.DictField(help_text="The whole request body as it would leave (a chat completion).")
    findings = PreviewFindingSerializer(many=True)
    placeholders = serializers.DictField(
        child=serializers.CharField(), help_text="Placeholder -> the original value (for the administrator)."
    )
    counts = serializers.DictField(child=serializers.IntegerField())
    analysed_chars = serializers.IntegerField()
    cached_chars = serializers.IntegerField()
    analysis_ms = serializers.FloatField()
