"""Types of the Meridian Partner API (v1), generated from its OpenAPI document.

Do not edit: run sdk/python/scripts/generate_types.py against a running server.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict  # noqa: F401 (not every module uses each)

__all__ = [
    "BatchDelete",
    "BatchPatch",
    "BatchPost",
    "BatchRequest",
    "BatchResponse",
    "ChangesResponse",
    "CreateDomainRequest",
    "CreatePartnerKeyRequest",
    "CreateRecordRequest",
    "CreateUserRequest",
    "JournalEntry",
    "JournalRecord",
    "JournalRecordSet",
    "PaginationInfo",
    "PartnerDomain",
    "PartnerErrorBody",
    "PartnerErrorBodyDetailsItem",
    "PartnerKey",
    "PartnerKeysResponse",
    "PartnerRecord",
    "RecordListResponse",
    "UpdateRecordRequest",
    "UserDomainsResponse",
    "UserSessionResponse",
]


class BatchDelete(TypedDict):
    """One record to delete in a batch."""

    id: str


class _BatchPatchRequired(TypedDict):
    id: str


class BatchPatch(_BatchPatchRequired, total=False):
    """One record to change in a batch: its id and the fields of PATCH /dns_records/{id}."""

    type: Optional[str]
    name: Optional[str]
    value: Optional[str]
    content: Optional[str]
    ttl: Optional[int]
    priority: Optional[int]
    weight: Optional[int]
    port: Optional[int]
    target: Optional[str]


class BatchPost(TypedDict, total=False):
    """One record to create in a batch: the fields of POST /dns_records without domain_id."""

    type: Optional[str]
    name: Optional[str]
    value: Optional[str]
    content: Optional[str]
    ttl: Optional[int]
    priority: Optional[int]
    weight: Optional[int]
    port: Optional[int]
    target: Optional[str]


class BatchRequest(TypedDict, total=False):
    """POST /api/v1/domains/{domain_id}/dns_records/batch: deletes, then patches, then posts; all or nothing."""

    deletes: Optional[List[BatchDelete]]
    patches: Optional[List[BatchPatch]]
    posts: Optional[List[BatchPost]]


class BatchResponse(TypedDict):
    """What a batch did: the ids deleted, the records as patched and as created, and the zone's new serial."""

    deletes: List[str]
    patches: List[PartnerRecord]
    posts: List[PartnerRecord]
    serial: int


class ChangesResponse(TypedDict):
    """A page of a zone's change journal, as the Partner and Client APIs show it."""

    changes: List[JournalEntry]
    pagination: PaginationInfo


class CreateDomainRequest(TypedDict):
    """POST /api/v1/users/{user_id}/domains."""

    # The domain name, e.g. example.com.
    name: str


class _CreatePartnerKeyRequestRequired(TypedDict):
    # What the key is for ("billing sync"), unique among your live keys; at most 200 characters.
    name: str


class CreatePartnerKeyRequest(_CreatePartnerKeyRequestRequired, total=False):
    """POST /api/v1/keys."""

    # dns:read, dns:write, users, keys: by default those of the calling key, and none it lacks.
    scopes: Optional[List[str]]


class _CreateRecordRequestRequired(TypedDict):
    domain_id: str
    # A, AAAA, CNAME, MX, TXT, SRV, CAA, NS, or another type the server supports.
    type: str
    # Record name relative to the domain; @ for the domain itself.
    name: str


class CreateRecordRequest(_CreateRecordRequestRequired, total=False):
    """POST /api/v1/dns_records. `content` is accepted as another name for `value`."""

    # The record's value (required unless content, or target for SRV, is sent).
    value: Optional[str]
    # Another name for value.
    content: Optional[str]
    # Time to live in seconds, 1–604800 (default 3600).
    ttl: Optional[int]
    # MX and SRV priority, 0–65535.
    priority: Optional[int]
    # SRV weight, 0–65535.
    weight: Optional[int]
    # SRV port, 0–65535.
    port: Optional[int]
    # SRV target host.
    target: Optional[str]


class _CreateUserRequestRequired(TypedDict):
    # Your own unique id for the user (1–255 characters).
    user_identifier: str


class CreateUserRequest(_CreateUserRequestRequired, total=False):
    """POST /api/v1/users: find or create the user and make a sign-in link."""

    # The user's email address (optional).
    email: Optional[str]


class _JournalEntryRequired(TypedDict):
    serial: int
    at: str
    kind: str


class JournalEntry(_JournalEntryRequired, total=False):
    """One journal entry as the APIs show it."""

    principal: Optional[str]
    record_sets: Optional[List[JournalRecordSet]]
    record_count: Optional[int]


class JournalRecord(TypedDict):
    """One record in the journal, in canonical presentation form."""

    id: str
    ttl: int
    data: str
    country_codes: List[str]


class JournalRecordSet(TypedDict):
    """One record set in the journal: its records before and after the change."""

    name: str
    type: str
    before: List[JournalRecord]
    after: List[JournalRecord]


class PaginationInfo(TypedDict):
    """Where a page stands in its list."""

    page: int
    per_page: int
    total: int
    total_pages: int


class PartnerDomain(TypedDict):
    """A domain as the Partner API shows it."""

    id: str
    name: str


class PartnerErrorBody(TypedDict, total=False):
    """The Partner API's error body."""

    errors: List[str]
    details: List[PartnerErrorBodyDetailsItem]
    error: Optional[str]


class _PartnerErrorBodyDetailsItemRequired(TypedDict):
    code: str
    message: str


class PartnerErrorBodyDetailsItem(_PartnerErrorBodyDetailsItemRequired, total=False):
    """One problem of a Partner API refusal, for programs."""

    field: Optional[str]


class _PartnerKeyRequired(TypedDict):
    id: str
    name: str
    # production or sandbox, as the token's prefix says (mk_live_ / mk_test_).
    environment: str
    # The start of the token, to recognise it by.
    prefix: str
    scopes: List[str]
    created_at: str


class PartnerKey(_PartnerKeyRequired, total=False):
    """An API key without its secret; the token only in the answer that issues it."""

    last_used_at: Optional[str]
    revoked_at: Optional[str]
    # The whole token, in the answer that issues the key and never again.
    token: Optional[str]


class PartnerKeysResponse(TypedDict):
    """GET /api/v1/keys."""

    keys: List[PartnerKey]


class _PartnerRecordRequired(TypedDict):
    id: str
    type: str
    name: str
    value: str
    ttl: int


class PartnerRecord(_PartnerRecordRequired, total=False):
    """A DNS record as the Partner API shows it; MX/SRV fields only where they apply."""

    priority: Optional[int]
    weight: Optional[int]
    port: Optional[int]
    target: Optional[str]


class RecordListResponse(TypedDict):
    """GET /api/v1/domains/{domain_id}/dns_records."""

    dns_records: List[PartnerRecord]
    pagination: PaginationInfo


class UpdateRecordRequest(TypedDict, total=False):
    """PATCH /api/v1/dns_records/{id}: every field optional; absent fields keep their values."""

    type: Optional[str]
    name: Optional[str]
    value: Optional[str]
    content: Optional[str]
    ttl: Optional[int]
    priority: Optional[int]
    weight: Optional[int]
    port: Optional[int]
    target: Optional[str]


class _UserDomainsResponseRequired(TypedDict):
    domains: List[PartnerDomain]


class UserDomainsResponse(_UserDomainsResponseRequired, total=False):
    """GET /api/v1/users/{user_id}/domains."""

    pagination: PaginationInfo


class _UserSessionResponseRequired(TypedDict):
    user_identifier: str
    login_url: str


class UserSessionResponse(_UserSessionResponseRequired, total=False):
    """The user and a one-time sign-in link into the embedded interface, valid 24 hours."""

    # When login_url stops working (24 hours after it was made).
    expires_at: str

