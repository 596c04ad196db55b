"""Single sign-on with OpenID Connect for the console (issue 18, item 1)."""
