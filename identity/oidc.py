"""The OpenID Connect relying party: discovery, keys, the code flow with PKCE, refresh.

Written on PyJWT rather than mozilla-django-oidc, which takes one provider from global
settings, has no discovery, fetches the key set at every sign-in and re-checks sessions only
by redirecting the browser (``prompt=none``), which cannot refresh an API call or a form post.

- Discovery (``/.well-known/openid-configuration``) is cached for an hour; its ``issuer``
  must be the configured one exactly (OpenID Connect Discovery 1.0, section 4.3).
- The key set (JWKS) is cached too. An ID token signed with a ``kid`` the cache does not
  hold makes one refetch (key rotation at the provider), at most once per
  ``AIRLOCK_OIDC_JWKS_REFETCH_SECONDS``, so tokens with made-up key ids cannot make the
  appliance hammer its provider.
- Only asymmetric signatures are accepted (never ``none``, never HMAC with the client secret).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import httpx2 as httpx
import jwt
from django.conf import settings
from django.core.cache import cache

from identity.config import ProviderConfig

ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
DISCOVERY_SECONDS = 3600
JWKS_SECONDS = 3600
# Tolerated difference between the provider's clock and ours, for exp / iat / nbf.
LEEWAY_SECONDS = 60


class OidcError(Exception):
    """The provider could not be used, or what it sent cannot be trusted. ``reason`` is short,
    fit for the audit log and the person's page; no token is ever in it."""

    def __init__(self, reason: str, *, refused: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        # The provider answered that it no longer accepts this person or grant (invalid_grant,
        # 401 at userinfo), as opposed to being unreachable or misbehaving.
        self.refused = refused


@dataclass(frozen=True)
class Tokens:
    id_token: str
    access_token: str
    refresh_token: str


def _client(provider: ProviderConfig) -> httpx.Client:
    # No proxy from the environment: the provider is reached directly, like every other call of
    # an air-gapped appliance; a private CA is given per provider.
    verify: Any = provider.ca_file or True
    return httpx.Client(
        timeout=settings.AIRLOCK_OIDC_HTTP_TIMEOUT, verify=verify, trust_env=False, follow_redirects=False
    )


def _get_json(provider: ProviderConfig, url: str, what: str) -> dict[str, Any]:
    try:
        with _client(provider) as client:
            response = client.get(url, headers={"Accept": "application/json"})
    except httpx.HTTPError as exc:
        raise OidcError(f"{what} unreachable ({type(exc).__name__})") from None
    if response.status_code != 200:
        raise OidcError(f"{what} answered {response.status_code}")
    try:
        data = response.json()
    except ValueError:
        raise OidcError(f"{what} is not JSON") from None
    if not isinstance(data, dict):
        raise OidcError(f"{what} is not a JSON object")
    return data


def discovery(provider: ProviderConfig) -> dict[str, Any]:
    key = f"identity:discovery:{provider.slug}:{provider.issuer}"
    doc = cache.get(key)
    if doc is None:
        doc = _get_json(provider, provider.issuer + "/.well-known/openid-configuration", "discovery")
        if doc.get("issuer", "").rstrip("/") != provider.issuer:
            raise OidcError("discovery names another issuer")
        for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(doc.get(name), str) or not doc[name]:
                raise OidcError(f"discovery has no {name}")
        cache.set(key, doc, DISCOVERY_SECONDS)
    return dict(doc)


def _jwks_key(provider: ProviderConfig) -> str:
    return f"identity:jwks:{provider.slug}:{provider.issuer}"


def _fetch_jwks(provider: ProviderConfig) -> list[dict[str, Any]]:
    doc = _get_json(provider, discovery(provider)["jwks_uri"], "key set")
    keys = doc.get("keys")
    if not isinstance(keys, list):
        raise OidcError("key set has no keys")
    found = [k for k in keys if isinstance(k, dict) and k.get("use", "sig") == "sig"]
    cache.set(_jwks_key(provider), found, JWKS_SECONDS)
    return found


def _pick(keys: list[dict[str, Any]], kid: str | None) -> dict[str, Any] | None:
    if kid is None:
        return keys[0] if len(keys) == 1 else None
    return next((k for k in keys if k.get("kid") == kid), None)


def signing_key(provider: ProviderConfig, kid: str | None) -> jwt.PyJWK:
    keys = cache.get(_jwks_key(provider))
    if keys is None:
        keys = _fetch_jwks(provider)
    jwk = _pick(keys, kid)
    if jwk is None and cache.add(
        f"identity:jwks-refetch:{provider.slug}", True, settings.AIRLOCK_OIDC_JWKS_REFETCH_SECONDS
    ):
        # A key id we have not seen: the provider may have rotated its keys since we fetched.
        jwk = _pick(_fetch_jwks(provider), kid)
    if jwk is None:
        raise OidcError("ID token signed with an unknown key")
    try:
        return jwt.PyJWK(jwk)
    except jwt.PyJWTError:
        raise OidcError("the provider's signing key cannot be used") from None


def validate_id_token(
    provider: ProviderConfig, token: str, *, nonce: str | None, subject: str | None = None
) -> dict[str, Any]:
    """The ID token's claims, once its signature, issuer, audience, times and nonce are right.

    ``nonce=None`` only for a token from a refresh, which carries none or the original one;
    ``subject`` then must match the session's.
    """
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise OidcError("ID token is malformed") from None
    alg = header.get("alg")
    allowed = discovery(provider).get("id_token_signing_alg_values_supported") or ALGORITHMS
    if alg not in ALGORITHMS or alg not in allowed:
        raise OidcError(f"ID token algorithm {alg!r} is not accepted")
    key = signing_key(provider, header.get("kid"))
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key=key,
            algorithms=[alg],
            audience=provider.client_id,
            issuer=provider.issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
    except jwt.ExpiredSignatureError:
        raise OidcError("ID token has expired") from None
    except jwt.InvalidAudienceError:
        raise OidcError("ID token is for another client") from None
    except jwt.InvalidIssuerError:
        raise OidcError("ID token is from another issuer") from None
    except jwt.PyJWTError as exc:
        raise OidcError(f"ID token refused ({type(exc).__name__})") from None
    audience = claims["aud"]
    if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != provider.client_id:
        raise OidcError("ID token is for several clients and not authorised for this one")
    if nonce is not None and not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
        raise OidcError("ID token nonce does not match this sign-in")
    if subject is not None and claims["sub"] != subject:
        raise OidcError("ID token is about another person")
    if provider.acr_values and nonce is not None and claims.get("acr") not in provider.acr_values:
        raise OidcError("the provider did not sign this person in as strongly as required (acr)")
    return claims


# --- The authorization code flow ---


@dataclass(frozen=True)
class Authorization:
    """What one sign-in attempt must remember between leaving for the provider and coming back."""

    url: str
    state: str
    nonce: str
    verifier: str


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def authorization(provider: ProviderConfig, redirect_uri: str) -> Authorization:
    doc = discovery(provider)
    methods = doc.get("code_challenge_methods_supported")
    if isinstance(methods, list) and "S256" not in methods:
        raise OidcError("the provider does not support PKCE with S256")
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)  # 86 characters, within RFC 7636's 43-128
    params = {
        "response_type": "code",
        "client_id": provider.client_id,
        "redirect_uri": redirect_uri,
        "scope": " ".join(provider.scopes),
        "state": state,
        "nonce": nonce,
        "code_challenge": pkce_challenge(verifier),
        "code_challenge_method": "S256",
    }
    if provider.acr_values:
        params["acr_values"] = " ".join(provider.acr_values)
    endpoint = doc["authorization_endpoint"]
    separator = "&" if "?" in endpoint else "?"
    return Authorization(endpoint + separator + urlencode(params), state, nonce, verifier)


def _client_auth(provider: ProviderConfig, form: dict[str, str]) -> dict[str, str]:
    """Headers for the token endpoint; the form gains the client id (and secret for _post)."""
    form["client_id"] = provider.client_id
    if not provider.client_secret:
        return {}
    methods = discovery(provider).get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_basic" not in methods and "client_secret_post" in methods:
        form["client_secret"] = provider.client_secret
        return {}
    # RFC 6749 section 2.3.1: both parts form-urlencoded before base64.
    pair = f"{quote(provider.client_id, safe='')}:{quote(provider.client_secret, safe='')}"
    return {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}


def _token_request(provider: ProviderConfig, form: dict[str, str]) -> dict[str, Any]:
    headers = {"Accept": "application/json", **_client_auth(provider, form)}
    try:
        with _client(provider) as client:
            response = client.post(discovery(provider)["token_endpoint"], data=form, headers=headers)
    except httpx.HTTPError as exc:
        raise OidcError(f"token endpoint unreachable ({type(exc).__name__})") from None
    try:
        data = response.json()
    except ValueError:
        data = {}
    if response.status_code != 200:
        error = str(data.get("error", "")) if isinstance(data, dict) else ""
        raise OidcError(
            f"token endpoint refused: {error or response.status_code}"[:120],
            refused=error in ("invalid_grant", "unauthorized_client", "access_denied"),
        )
    if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
        raise OidcError("token endpoint sent no access token")
    return data


def exchange_code(provider: ProviderConfig, code: str, redirect_uri: str, verifier: str) -> Tokens:
    data = _token_request(
        provider,
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        },
    )
    if not isinstance(data.get("id_token"), str):
        raise OidcError("token endpoint sent no ID token")
    return Tokens(data["id_token"], data["access_token"], str(data.get("refresh_token") or ""))


def refresh(provider: ProviderConfig, refresh_token: str) -> Tokens:
    data = _token_request(provider, {"grant_type": "refresh_token", "refresh_token": refresh_token})
    # A provider that does not rotate refresh tokens sends none back: the old one stays valid.
    return Tokens(
        str(data.get("id_token") or ""), data["access_token"], str(data.get("refresh_token") or refresh_token)
    )


def userinfo(provider: ProviderConfig, access_token: str, subject: str) -> dict[str, Any]:
    """The userinfo claims, or ``{}`` when the provider has no userinfo endpoint."""
    endpoint = discovery(provider).get("userinfo_endpoint")
    if not endpoint:
        return {}
    try:
        with _client(provider) as client:
            response = client.get(
                endpoint, headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"}
            )
    except httpx.HTTPError as exc:
        raise OidcError(f"userinfo unreachable ({type(exc).__name__})") from None
    if response.status_code in (401, 403):
        raise OidcError(f"userinfo refused ({response.status_code})", refused=True)
    if response.status_code != 200:
        raise OidcError(f"userinfo answered {response.status_code}")
    if response.headers.get("content-type", "").split(";")[0].strip() == "application/jwt":
        # A signed userinfo response (OpenID Connect Core 5.3.2): same keys as ID tokens; its
        # iss and aud, when present, must be the provider's and ours.
        token = response.text.strip()
        try:
            alg = jwt.get_unverified_header(token).get("alg")
            if alg not in ALGORITHMS:
                raise OidcError(f"signed userinfo algorithm {alg!r} is not accepted")
            unverified = jwt.decode(token, options={"verify_signature": False})
            claims = jwt.decode(
                token,
                key=signing_key(provider, jwt.get_unverified_header(token).get("kid")),
                algorithms=[alg],
                audience=provider.client_id if "aud" in unverified else None,
                issuer=provider.issuer if "iss" in unverified else None,
                options={"verify_aud": "aud" in unverified},
            )
        except jwt.PyJWTError:
            raise OidcError("signed userinfo refused") from None
    else:
        try:
            claims = response.json()
        except ValueError:
            raise OidcError("userinfo is not JSON") from None
    if not isinstance(claims, dict) or claims.get("sub") != subject:
        # Core 5.3.4: the userinfo sub must be the ID token's, or the response is not used.
        raise OidcError("userinfo is about another person")
    return claims
