"""Small helpers to read settings from environment variables."""

import os


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


def oidc_ontdekken(discovery_url: str) -> dict[str, str]:
    """The endpoints of an OpenID provider from its discovery document (read once, at start-up)."""
    import json
    import urllib.request

    url = discovery_url
    if not url.rstrip("/").endswith(".well-known/openid-configuration"):
        url = url.rstrip("/") + "/.well-known/openid-configuration"
    with urllib.request.urlopen(url, timeout=10) as antwoord:  # noqa: S310 (a configured https URL)
        document = json.load(antwoord)
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": document["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": document["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": document.get("userinfo_endpoint", ""),
        "OIDC_OP_JWKS_ENDPOINT": document["jwks_uri"],
    }
