"""A small but real OpenID Connect provider for the tests, run in its own process on loopback.

    python tests/identity/provider.py --port 8765

It serves discovery, a JWKS of RS256 keys, an authorization endpoint with a sign-in form, a
token endpoint (authorization code with PKCE S256 verification, refresh tokens with rotation,
client_secret_basic / client_secret_post) and userinfo. Tests configure it and look at what
it was asked through ``/control/*`` (JSON): users and their claims, the client, key rotation,
a switch that makes it misbehave in one way, and the log of token requests.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import secrets
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

LOCK = threading.Lock()
# The host name in the issuer and endpoints (``--issuer-host localhost``: another site than the
# appliance on 127.0.0.1, as a real provider is, for the browser test).
ISSUER_HOST = ""


def _new_key() -> dict[str, Any]:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = secrets.token_hex(8)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    public.update({"kid": kid, "use": "sig", "alg": "RS256"})
    return {"kid": kid, "private": private, "public": public}


class State:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.keys = [_new_key()]
        self.users: dict[str, dict[str, Any]] = {}
        self.client: dict[str, Any] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.access: dict[str, dict[str, Any]] = {}
        self.refresh: dict[str, str] = {}
        self.tamper: dict[str, Any] = {}
        self.log: list[dict[str, Any]] = []
        self.issue_refresh_tokens = True


STATE = State()


def _b64url_sha256(text: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).decode().rstrip("=")


class Handler(BaseHTTPRequestHandler):
    server_version = "test-idp"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    @property
    def issuer(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{ISSUER_HOST or host}:{port}"

    def _send(self, status: int, body: Any, content_type: str = "application/json", **headers: str) -> None:
        data = (
            body
            if isinstance(body, bytes)
            else (json.dumps(body) if content_type == "application/json" else str(body)).encode()
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(data)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(raw or "{}")
        return {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}

    # --- GET ---

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/.well-known/openid-configuration":
            self._send(200, self._discovery())
        elif parts.path == "/jwks":
            with LOCK:
                keys = [k["public"] for k in STATE.keys]
            self._send(200, {"keys": keys})
        elif parts.path == "/authorize":
            self._authorize_form(query)
        elif parts.path == "/userinfo":
            self._userinfo()
        elif parts.path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")  # browsers ask; an error would show in their console
        elif parts.path == "/control/log":
            with LOCK:
                self._send(200, STATE.log)
        else:
            self._send(404, {"error": "not_found"})

    def _discovery(self) -> dict[str, Any]:
        doc = {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
        }
        if STATE.tamper.get("discovery_issuer"):
            doc["issuer"] = STATE.tamper["discovery_issuer"]
        return doc

    def _authorize_error(self, query: dict[str, str]) -> str | None:
        client = STATE.client
        if query.get("client_id") != client.get("client_id"):
            return "unknown client"
        if query.get("redirect_uri") not in client.get("redirect_uris", []):
            return "redirect_uri not registered"
        if query.get("response_type") != "code":
            return "response_type must be code"
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            return "PKCE with S256 is required"
        if "openid" not in query.get("scope", "").split():
            return "scope must include openid"
        return None

    def _authorize_form(self, query: dict[str, str], problem: str = "") -> None:
        error = self._authorize_error(query)
        if error:
            self._send(400, f"<p id='error'>{escape(error)}</p>", "text/html")
            return
        hidden = "".join(
            f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in query.items()
        )
        page = (
            f"<html><body><h1>Test IdP</h1><p id='problem'>{escape(problem)}</p>"
            f"<form method='post' action='/authorize'>{hidden}"
            "<input name='username' id='username'><input name='password' id='password' type='password'>"
            "<button type='submit' id='submit'>Sign in</button></form></body></html>"
        )
        self._send(200, page, "text/html")

    def _bearer_user(self) -> tuple[str, dict[str, Any]] | None:
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return None
        with LOCK:
            grant = STATE.access.get(auth[7:])
            if grant is None or grant["exp"] < time.time():
                return None
            user = STATE.users.get(grant["username"])
        if user is None or not user["enabled"]:
            return None
        return grant["username"], user

    def _userinfo(self) -> None:
        found = self._bearer_user()
        with LOCK:
            STATE.log.append({"endpoint": "userinfo", "ok": found is not None})
        if found is None:
            self._send(401, {"error": "invalid_token"}, WWW_Authenticate='Bearer error="invalid_token"')
            return
        _, user = found
        body = {"sub": user["sub"], **user["claims"]}
        if STATE.tamper.get("signed_userinfo"):
            # OpenID Connect Core 5.3.2: userinfo as a JWT signed with the provider's key.
            key = STATE.keys[-1]
            body.update({"iss": self.issuer, "aud": STATE.client["client_id"]})
            token = jwt.encode(body, key["private"], algorithm="RS256", headers={"kid": key["kid"]})
            self._send(200, token.encode(), "application/jwt")
            return
        self._send(200, body)

    # --- POST ---

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        form = self._form()
        if path == "/authorize":
            self._authorize_post(form)
        elif path == "/token":
            self._token(form)
        elif path.startswith("/control/"):
            self._control(path[len("/control/") :], form)
        else:
            self._send(404, {"error": "not_found"})

    def _authorize_post(self, form: dict[str, str]) -> None:
        query = {k: v for k, v in form.items() if k not in ("username", "password")}
        error = self._authorize_error(query)
        if error:
            self._send(400, f"<p id='error'>{escape(error)}</p>", "text/html")
            return
        with LOCK:
            user = STATE.users.get(form.get("username", ""))
        if user is None or not secrets.compare_digest(user["password"], form.get("password", "")):
            self._authorize_form(query, "Wrong user name or password.")
            return
        if not user["enabled"]:
            self._authorize_form(query, "This account is disabled.")
            return
        code = secrets.token_urlsafe(24)
        with LOCK:
            STATE.codes[code] = {
                "username": form["username"],
                "redirect_uri": query["redirect_uri"],
                "challenge": query["code_challenge"],
                "nonce": query.get("nonce"),
                "exp": time.time() + 60,
            }
            STATE.log.append({"endpoint": "authorize", "params": query})
        target = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query.get("state", "")})
        self._send(302, b"", "text/plain", Location=target)

    def _client_ok(self, form: dict[str, str]) -> bool:
        client = STATE.client
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            pair = base64.b64decode(auth[6:]).decode()
            client_id, _, secret = pair.partition(":")
            client_id, secret = unquote(client_id), unquote(secret)
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        return client_id == client.get("client_id") and secrets.compare_digest(
            secret, client.get("client_secret", "")
        )

    def _id_token(self, username: str, user: dict[str, Any], nonce: str | None) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": user["sub"],
            "aud": STATE.client["client_id"],
            "iat": now,
            "exp": now + 300,
            "auth_time": now,
            **user["id_token_claims"],
        }
        if nonce is not None:
            claims["nonce"] = nonce
        tamper = STATE.tamper
        if "nonce" in tamper and nonce is not None:
            claims["nonce"] = tamper["nonce"]
        if "aud" in tamper:
            claims["aud"] = tamper["aud"]
        if "exp" in tamper:
            claims["exp"] = now + int(tamper["exp"])
        if tamper.get("alg_none"):
            return jwt.encode(claims, key=None, algorithm="none")
        key = _new_key() if tamper.get("unknown_key") else STATE.keys[-1]
        return jwt.encode(claims, key["private"], algorithm="RS256", headers={"kid": key["kid"]})

    def _issue(self, username: str, user: dict[str, Any], nonce: str | None) -> dict[str, Any]:
        access = secrets.token_urlsafe(24)
        STATE.access[access] = {"username": username, "exp": time.time() + 300}
        body: dict[str, Any] = {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self._id_token(username, user, nonce),
        }
        if STATE.issue_refresh_tokens:
            refresh = secrets.token_urlsafe(24)
            STATE.refresh[refresh] = username
            body["refresh_token"] = refresh
        return body

    def _token(self, form: dict[str, str]) -> None:
        with LOCK:
            STATE.log.append(
                {
                    "endpoint": "token",
                    "grant_type": form.get("grant_type"),
                    "has_verifier": bool(form.get("code_verifier")),
                    "basic_auth": self.headers.get("Authorization", "").startswith("Basic "),
                }
            )
            if not self._client_ok(form):
                self._send(401, {"error": "invalid_client"})
                return
            grant = form.get("grant_type")
            if grant == "authorization_code":
                code = STATE.codes.pop(form.get("code", ""), None)  # single use
                if code is None or code["exp"] < time.time():
                    self._send(400, {"error": "invalid_grant", "error_description": "unknown code"})
                    return
                if form.get("redirect_uri") != code["redirect_uri"]:
                    self._send(400, {"error": "invalid_grant", "error_description": "redirect_uri"})
                    return
                if _b64url_sha256(form.get("code_verifier", "")) != code["challenge"]:
                    self._send(
                        400, {"error": "invalid_grant", "error_description": "PKCE verification failed"}
                    )
                    return
                user = STATE.users[code["username"]]
                self._send(200, self._issue(code["username"], user, code["nonce"]))
            elif grant == "refresh_token":
                username = STATE.refresh.pop(form.get("refresh_token", ""), None)  # rotated
                user = STATE.users.get(username or "")
                if user is None or not user["enabled"]:
                    self._send(400, {"error": "invalid_grant", "error_description": "refresh refused"})
                    return
                self._send(200, self._issue(username or "", user, None))
            else:
                self._send(400, {"error": "unsupported_grant_type"})

    def _control(self, what: str, form: dict[str, Any]) -> None:
        with LOCK:
            if what == "reset":
                STATE.reset()
            elif what == "client":
                STATE.client = form
            elif what == "user":
                # {"username", "password", "enabled", "claims": {...userinfo}, "id_token_claims": {...}}
                existing = STATE.users.get(form["username"], {})
                STATE.users[form["username"]] = {
                    "password": form.get("password", existing.get("password", "")),
                    "sub": existing.get("sub") or form.get("sub") or secrets.token_hex(8),
                    "enabled": form.get("enabled", True),
                    "claims": form.get("claims", existing.get("claims", {})),
                    "id_token_claims": form.get("id_token_claims", existing.get("id_token_claims", {})),
                }
            elif what == "rotate":
                STATE.keys.append(_new_key())
                if form.get("retire_old"):
                    STATE.keys = STATE.keys[-1:]
            elif what == "tamper":
                STATE.tamper = form
            elif what == "refresh-tokens":
                STATE.issue_refresh_tokens = bool(form.get("issue"))
            else:
                self._send(404, {"error": "unknown control"})
                return
            keys = [k["kid"] for k in STATE.keys]
        self._send(200, {"ok": True, "kids": keys})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--issuer-host", default="")
    args = parser.parse_args()
    global ISSUER_HOST
    ISSUER_HOST = args.issuer_host
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"test IdP on http://127.0.0.1:{args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
