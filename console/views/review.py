"""The human review queue (issue 15), for reviewers: the queue, an item, labelling, gate decisions.

Pages only: what an item shows, what a label does and what is audited live in
``quality.review`` and ``quality.gate``. The queue lists no content; an item's page decrypts
its request's audit records as the application's audit content mode allows, and each opening
is audited (``review.viewed``).
"""

from __future__ import annotations

from typing import Any

import orjson
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from appliance.api import request_id_of
from appliance.roles import Role
from audit.events import Event
from audit.log import record
from console.access import require_role
from quality import gate, review
from quality.models import JudgeScore, ReviewItem

REVIEWERS = (Role.REVIEWER,)
PAGE = 100


class LabelForm(forms.Form):
    label = forms.ChoiceField(choices=ReviewItem.Label.choices, widget=forms.RadioSelect)
    correction = forms.CharField(
        required=False,
        max_length=review.MAX_CORRECTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The answer it should have been (joins the model's golden set and the training set).",
    )
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve and release"), ("reject", "Reject")])
    note = forms.CharField(required=False, max_length=2000)


@require_role(*REVIEWERS)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """Open and held items first; filtered by state and source. No content is shown here."""
    state = request.GET.get("state", "")
    source = request.GET.get("source", "")
    items = ReviewItem.objects.select_related("application")
    if state in ReviewItem.State.values:
        items = items.filter(state=state)
    else:
        items = items.filter(state__in=[ReviewItem.State.OPEN, ReviewItem.State.PENDING])
    if source in ReviewItem.Source.values:
        items = items.filter(source=source)
    shown = list(items.order_by("-created_at")[:PAGE])
    scores = (
        JudgeScore.objects.filter(mean__isnull=False)
        .values("application__name", "model_name", "version")
        .annotate(
            n=Count("pk"),
            mean=Avg("mean"),
            relevance=Avg("relevance"),
            tone=Avg("tone"),
            unsupported=Avg("unsupported_claims"),
        )
        .order_by("application__name", "model_name", "version")
    )
    with transaction.atomic():
        record(
            Event.REVIEW_VIEWED,
            actor=request.user,
            target=("review_queue", state or "open"),
            request_id=request_id_of(request),
            meta={"what": "queue", "state": state, "source": source, "returned": len(shown)},
        )
    return render(
        request,
        "console/review/queue.html",
        {
            "items": shown,
            "state": state,
            "source": source,
            "states": ReviewItem.State.choices,
            "sources": ReviewItem.Source.choices,
            "scores": list(scores),
        },
    )


def _item_page(request: HttpRequest, item: ReviewItem, status: int = 200, **extra: Any) -> HttpResponse:
    shown = review.content_of(item, actor=request.user, request_id=request_id_of(request))  # type: ignore[arg-type]
    records = [
        {
            "event": r["event"],
            "meta": orjson.dumps(r["meta"], option=orjson.OPT_INDENT_2).decode(),
            "content": (
                orjson.dumps(r["content"], option=orjson.OPT_INDENT_2).decode()
                if r["content"] is not None
                else None
            ),
        }
        for r in shown.records
    ]
    context = {
        "item": item,
        "shown": shown,
        "records": records,
        "label_form": extra.pop("label_form", None)
        or LabelForm(initial={"label": item.label, "correction": item.correction, "note": item.note}),
        "decide_form": extra.pop("decide_form", None) or DecideForm(),
        "pending": item.state == ReviewItem.State.PENDING,
        **extra,
    }
    return render(request, "console/review/item.html", context, status=status)


@require_role(*REVIEWERS)
@require_GET
def item_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    item = get_object_or_404(ReviewItem.objects.select_related("application"), public_id=public_id)
    return _item_page(request, item)


@require_role(*REVIEWERS)
@require_POST
def item_label(request: HttpRequest, public_id: str) -> HttpResponseBase:
    item = get_object_or_404(ReviewItem, public_id=public_id)
    form = LabelForm(request.POST)
    if form.is_valid():
        try:
            review.do_label(
                item,
                actor=request.user,  # type: ignore[arg-type]
                label=form.cleaned_data["label"],
                correction=form.cleaned_data["correction"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{item.public_id} labelled {form.cleaned_data['label']}.")
            return redirect("console:review_item", public_id=item.public_id)
    return _item_page(request, item, status=400, label_form=form)


@require_role(*REVIEWERS)
@require_POST
def item_decide(request: HttpRequest, public_id: str) -> HttpResponseBase:
    """Release a gated answer to the client that is polling for it, or reject it."""
    item = get_object_or_404(ReviewItem, public_id=public_id)
    form = DecideForm(request.POST)
    if form.is_valid():
        try:
            gate.do_decide(
                item,
                actor=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{item.public_id}: {form.cleaned_data['decision']}d.")
            return redirect("console:review_item", public_id=item.public_id)
    return _item_page(request, item, status=400, decide_form=form)


@require_role(*REVIEWERS)
@require_GET
def export_training_set(request: HttpRequest) -> HttpResponse:
    """Labelled items as JSONL chat examples (for LoRA fine-tuning); the export is audited."""
    model = request.GET.get("model", "").strip() or None
    body = review.do_export_training_set(actor=request.user, model_name=model)  # type: ignore[arg-type]
    response = HttpResponse(body, content_type="application/jsonl; charset=utf-8")
    name = f"training-{model or 'all'}.jsonl".replace("/", "_")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
