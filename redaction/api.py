"""The egress-policy management API, mounted at ``/api/redaction/``.

Who may do what (``appliance.roles``):

=============================  =============  ==================  ======================
endpoint                       administrator  app owner           everyone else
=============================  =============  ==================  ======================
GET  policy                    yes            403                 403
PUT  policy                    yes            403                 403
GET  applications/<id>/policy  yes            their own app only  403
PUT  applications/<id>/policy  yes            403                 403
GET  entities                  yes            403                 403
POST preview                   yes            403                 403
=============================  =============  ==================  ======================

Views only parse, check the role and call ``redaction.services``. A preview is recorded in
the audit log (``egress.previewed``: counts, never the text) before it is returned, and its
answer is marked ``no-store``.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from appliance.api import ManagementView
from appliance.roles import Role, has_role
from inference.models import Application
from redaction import policy, services
from redaction.engine import DENY_LIST, get_engine
from redaction.serializers import (
    EntitiesSerializer,
    PolicyChangeSerializer,
    PolicySerializer,
    PreviewRequestSerializer,
    PreviewSerializer,
)

ADMINISTRATORS = (Role.ADMINISTRATOR,)


class RedactionView(ManagementView):
    """The egress policy API: administrators, unless a view says otherwise."""

    allowed_roles: tuple[Role, ...] = ADMINISTRATORS


def _shown(application: Application | None) -> dict[str, Any]:
    data = services.policy_dict(services.policy_row(application), application)
    data["effective"] = policy.resolve(application.pk if application else None).as_dict()
    return data


def _changes(request: Request) -> dict[str, Any]:
    given = PolicyChangeSerializer(data=request.data)
    given.is_valid(raise_exception=True)
    # Only the fields the caller sent; DRF fills in nothing for absent optional fields.
    return {name: value for name, value in given.validated_data.items() if name in request.data}


class GlobalPolicy(RedactionView):
    @extend_schema(
        operation_id="redaction_policy_retrieve",
        summary="The global egress policy (and its effect on requests without an application)",
        responses={200: PolicySerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(_shown(None))

    @extend_schema(
        operation_id="redaction_policy_update",
        summary="Change the global egress policy (only the fields given)",
        request=PolicyChangeSerializer,
        responses={200: PolicySerializer},
    )
    def put(self, request: Request) -> Response:
        services.do_set_egress_policy(None, _changes(request), actor=request.user)
        return Response(_shown(None))


class ApplicationPolicy(RedactionView):
    read_roles = (Role.ADMINISTRATOR, Role.APP_OWNER)

    def _application(self, request: Request, application_id: int) -> Application:
        app = get_object_or_404(Application, pk=application_id)
        if not has_role(request.user, Role.ADMINISTRATOR) and app.owner_id != request.user.pk:
            raise exceptions.PermissionDenied("You may read the egress policy of your own applications only.")
        return app

    @extend_schema(
        operation_id="redaction_application_policy_retrieve",
        summary="An application's egress policy (null = as global) and the policy in effect for it",
        responses={200: PolicySerializer},
    )
    def get(self, request: Request, application_id: int) -> Response:
        return Response(_shown(self._application(request, application_id)))

    @extend_schema(
        operation_id="redaction_application_policy_update",
        summary="Change an application's egress policy (only the fields given; null = as global)",
        request=PolicyChangeSerializer,
        responses={200: PolicySerializer},
    )
    def put(self, request: Request, application_id: int) -> Response:
        app = self._application(request, application_id)
        services.do_set_egress_policy(app, _changes(request), actor=request.user)
        return Response(_shown(app))


class Entities(RedactionView):
    @extend_schema(
        operation_id="redaction_entities_list",
        summary="Entity types the detector knows, and the actions a policy may give them",
        responses={200: EntitiesSerializer},
    )
    def get(self, request: Request) -> Response:
        return Response(
            {
                "entities": sorted({*get_engine().supported_entities(), DENY_LIST}),
                "actions": list(policy.ACTIONS),
            }
        )


class Preview(RedactionView):
    @extend_schema(
        operation_id="redaction_preview",
        summary="Exactly what would be sent for a text, what was found and what each finding becomes",
        request=PreviewRequestSerializer,
        responses={
            200: PreviewSerializer,
            404: OpenApiResponse(description="No application has that application_id."),
        },
    )
    def post(self, request: Request) -> Response:
        given = PreviewRequestSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        app = None
        if data.get("application_id") is not None:
            app = get_object_or_404(Application, pk=data["application_id"])
        result = services.do_preview(
            data["text"],
            actor=request.user,
            application=app,
            provider=data.get("provider") or None,
            request_id=self.request_id,
        )
        response = Response(result.as_dict())
        # The answer holds the administrator's test text: no browser or proxy may keep it.
        response["Cache-Control"] = "no-store"
        return response
