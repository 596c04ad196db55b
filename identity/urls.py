"""Single sign-on addresses, under /console/sso/ (namespace "identity")."""

from django.urls import path

from identity import views

app_name = "identity"

urlpatterns = [
    path("<slug:slug>/sign-in/", views.start, name="start"),
    # The redirect URI to register at the provider.
    path("<slug:slug>/callback/", views.callback, name="callback"),
]
