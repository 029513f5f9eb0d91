"""Types of the Meridian Admin API (1.0), generated from its OpenAPI document.

Do not edit: run sdk/python/scripts/generate_types.py against a running server.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict  # noqa: F401 (not every module uses each)

__all__ = [
    "AccountResponse",
    "CreateAccountRequest",
    "CreateKeyRequest",
    "CreateTsigKeyRequest",
    "ErrorBody",
    "FrameOriginsRequest",
    "FrameOriginsResponse",
    "KeyResponse",
    "TsigKeyResponse",
    "UpdateAccountRequest",
    "ZoneTransferRequest",
    "ZoneTransferResponse",
]


class _AccountResponseRequired(TypedDict):
    id: str
    kind: str
    name: str
    created_at: str
    updated_at: str


class AccountResponse(_AccountResponseRequired, total=False):
    """An account as the admin API shows it."""

    email: Optional[str]
    domain_limit: Optional[int]
    suspended_at: Optional[str]


class _CreateAccountRequestRequired(TypedDict):
    kind: str
    name: str


class CreateAccountRequest(_CreateAccountRequestRequired, total=False):
    """POST /api/admin/accounts."""

    email: Optional[str]
    domain_limit: Optional[int]


class _CreateKeyRequestRequired(TypedDict):
    name: str


class CreateKeyRequest(_CreateKeyRequestRequired, total=False):
    """POST /api/admin/accounts/{id}/keys."""

    environment: Optional[str]
    scopes: Optional[List[str]]


class _CreateTsigKeyRequestRequired(TypedDict):
    name: str


class CreateTsigKeyRequest(_CreateTsigKeyRequestRequired, total=False):
    """POST /api/admin/tsig-keys."""

    algorithm: Optional[str]
    update_zones: Optional[List[str]]
    update_names: Optional[List[str]]
    update_types: Optional[List[str]]


class ErrorBody(TypedDict):
    """The `{"error": "…"}` body."""

    error: str


class FrameOriginsRequest(TypedDict, total=False):
    """PUT /api/admin/accounts/{id}/frame-origins."""

    frame_origins: Optional[List[str]]


class FrameOriginsResponse(TypedDict):
    """A partner's allowed frame origins, normalized ("https://app.example.com")."""

    frame_origins: List[str]


class _KeyResponseRequired(TypedDict):
    id: str
    name: str
    environment: str
    key_id: str
    prefix: str
    scopes: List[str]
    created_at: str


class KeyResponse(_KeyResponseRequired, total=False):
    """A key without its secret; string? KeyResponse.Token is set only in the answer that creates it."""

    last_used_at: Optional[str]
    revoked_at: Optional[str]
    token: Optional[str]


class _TsigKeyResponseRequired(TypedDict):
    name: str
    algorithm: str
    update_zones: List[str]
    update_names: List[str]
    update_types: List[str]
    created_at: str


class TsigKeyResponse(_TsigKeyResponseRequired, total=False):
    """A TSIG key; string? TsigKeyResponse.Secret only in the answer that makes it."""

    secret: Optional[str]


class UpdateAccountRequest(TypedDict, total=False):
    """PATCH /api/admin/accounts/{id}: the domain limit (null = unlimited)."""

    domain_limit: Optional[int]


class ZoneTransferRequest(TypedDict, total=False):
    """PUT /api/admin/zones/{zone}/transfer: null (or absent) restores the global list."""

    allow: Optional[List[str]]
    allow_tsig: Optional[List[str]]
    notify: Optional[List[str]]


class _ZoneTransferResponseRequired(TypedDict):
    zone: str
    effective_allow: List[str]
    effective_allow_tsig: List[str]
    effective_notify: List[str]


class ZoneTransferResponse(_ZoneTransferResponseRequired, total=False):
    """A zone's own lists (null: the global one applies) and the effective ones."""

    allow: Optional[List[str]]
    allow_tsig: Optional[List[str]]
    notify: Optional[List[str]]

