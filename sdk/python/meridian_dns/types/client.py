"""Types of the Meridian Client API (1.0), generated from its OpenAPI document.

Do not edit: run sdk/python/scripts/generate_types.py against a running server.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict  # noqa: F401 (not every module uses each)

__all__ = [
    "ChangesResponse",
    "CreateDomainRequest",
    "DomainResponse",
    "ErrorBody",
    "ImportResponse",
    "JournalEntry",
    "JournalRecord",
    "JournalRecordSet",
    "MessageResponse",
    "PaginationInfo",
    "RecordRequest",
    "RecordResponse",
    "RotateKeyResponse",
]


class ChangesResponse(TypedDict):
    """A page of a zone's change journal, as the Partner and Client APIs show it."""

    changes: List[JournalEntry]
    pagination: PaginationInfo


class CreateDomainRequest(TypedDict):
    """POST /api/client/domains."""

    name: str


class DomainResponse(TypedDict):
    """A domain as the Client API shows it."""

    id: str
    client_id: str
    name: str
    active: bool
    created_at: str
    updated_at: str


class ErrorBody(TypedDict):
    """The `{"error": "…"}` body."""

    error: str


class _ImportResponseRequired(TypedDict):
    domain: DomainResponse
    records_created: int
    records: List[RecordResponse]


class ImportResponse(_ImportResponseRequired, total=False):
    """The answer to a BIND import (201, or 206 with errors when some records failed)."""

    partial_success: Optional[bool]
    errors: Optional[List[str]]


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


class MessageResponse(TypedDict):
    """The answer to a deletion."""

    message: str


class PaginationInfo(TypedDict):
    """Where a page stands in its list."""

    page: int
    per_page: int
    total: int
    total_pages: int


class RecordRequest(TypedDict, total=False):
    """POST /api/client/records; PUT /api/client/records/{id} uses the same fields, all optional."""

    domain_id: Optional[str]
    name: Optional[str]
    type: Optional[str]
    value: Optional[str]
    ttl: Optional[int]
    priority: Optional[int]
    country_codes: Optional[List[str]]


class RecordResponse(TypedDict):
    """A record as the Client API shows it: MX and SRV priority apart from the value."""

    id: str
    domain_id: str
    name: str
    type: str
    ttl: int
    country_codes: List[str]
    priority: int
    value: str
    created_at: str
    updated_at: str


class _RotateKeyResponseRequired(TypedDict):
    id: str
    name: str
    api_token: str
    created_at: str
    updated_at: str


class RotateKeyResponse(_RotateKeyResponseRequired, total=False):
    """The answer to a key rotation: the account and its new token, shown this once."""

    email: Optional[str]
    domain_limit: Optional[int]

