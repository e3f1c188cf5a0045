"""A software passkey authenticator for tests without a browser (WebAuthn Level 2, ES256, "none" attestation).

It does what an authenticator and the browser do for the relying party: it makes a
P-256 key pair per credential, answers the server's creation and request options
with a signed ``clientDataJSON``/``authenticatorData`` for the given origin, and
counts its signatures. The server side (django-otp-webauthn, py_webauthn) checks
every byte as it would from a real device; nothing of the server is replaced.
The browser tests use Chromium's own virtual authenticator instead (tests/browser/test_passkeys.py).
"""

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass, field

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, AT = 0x01, 0x04, 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(tekst: str) -> bytes:
    return base64.urlsafe_b64decode(tekst + "=" * (-len(tekst) % 4))


@dataclass
class Sleutel:
    credential_id: bytes
    prive: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    teller: int = 0


@dataclass
class Authenticator:
    origin: str
    sleutels: list[Sleutel] = field(default_factory=list)

    def _client_data(self, soort: str, challenge: str) -> bytes:
        return json.dumps({"type": soort, "challenge": challenge, "origin": self.origin, "crossOrigin": False}).encode()

    def registreren(self, opties: dict) -> dict:
        """navigator.credentials.create(): the JSON the browser posts to the registration's completion."""
        rp_id = opties["rp"]["id"]
        sleutel = Sleutel(os.urandom(32), ec.generate_private_key(ec.SECP256R1()), rp_id, _unb64url(opties["user"]["id"]))
        self.sleutels.append(sleutel)
        getallen = sleutel.prive.public_key().public_numbers()
        cose = cbor2.dumps({1: 2, 3: -7, -1: 1, -2: getallen.x.to_bytes(32, "big"), -3: getallen.y.to_bytes(32, "big")})
        auth_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([UP | UV | AT])
            + struct.pack(">I", sleutel.teller)
            + bytes(16)  # AAGUID
            + struct.pack(">H", len(sleutel.credential_id))
            + sleutel.credential_id
            + cose
        )
        attestatie = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {
            "id": b64url(sleutel.credential_id),
            "rawId": b64url(sleutel.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(self._client_data("webauthn.create", opties["challenge"])),
                "attestationObject": b64url(attestatie),
                "transports": ["internal"],
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
            "authenticatorAttachment": "platform",
        }

    def aanmelden(self, opties: dict, sleutel: Sleutel | None = None) -> dict:
        """navigator.credentials.get(): the JSON the browser posts to the authentication's completion."""
        sleutel = sleutel or self.sleutels[-1]
        sleutel.teller += 1
        auth_data = hashlib.sha256(opties["rpId"].encode()).digest() + bytes([UP | UV]) + struct.pack(">I", sleutel.teller)
        client_data = self._client_data("webauthn.get", opties["challenge"])
        handtekening = sleutel.prive.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return {
            "id": b64url(sleutel.credential_id),
            "rawId": b64url(sleutel.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(auth_data),
                "signature": b64url(handtekening),
                "userHandle": b64url(sleutel.user_handle),
            },
            "clientExtensionResults": {},
            "authenticatorAttachment": "platform",
        }


def passkey_registreren(client, authenticator: Authenticator):
    """The registration ceremony through the library's endpoints, as its script runs it. Returns the completion's answer."""
    from django.urls import reverse

    opties = client.post(reverse("otp_webauthn:credential-registration-begin"), content_type="application/json")
    assert opties.status_code == 200, opties.content
    return client.post(
        reverse("otp_webauthn:credential-registration-complete"),
        json.dumps(authenticator.registreren(opties.json())),
        content_type="application/json",
    )


def passkey_aanmelden(client, authenticator: Authenticator, sleutel: Sleutel | None = None, volgende: str = ""):
    """The authentication ceremony (second factor). Returns the completion's answer."""
    from django.urls import reverse

    opties = client.post(reverse("otp_webauthn:credential-authentication-begin"), content_type="application/json")
    assert opties.status_code == 200, opties.content
    url = reverse("otp_webauthn:credential-authentication-complete") + (f"?next={volgende}" if volgende else "")
    return client.post(url, json.dumps(authenticator.aanmelden(opties.json(), sleutel)), content_type="application/json")
