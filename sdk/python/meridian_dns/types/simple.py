"""Types of the Meridian Simple API (1.0), generated from its OpenAPI document.

Do not edit: run sdk/python/scripts/generate_types.py against a running server.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict  # noqa: F401 (not every module uses each)

__all__ = [
    "SimpleErrorBody",
    "SimpleErrorBodyErrorsItem",
    "SimpleErrorBodyMeta",
    "SimpleListMeta",
    "SimpleMeta",
    "SimplePagination",
    "SimpleRecordBody",
    "SimpleRecordData",
    "SimpleRecordEnvelope",
    "SimpleRecordListEnvelope",
    "SimpleResource",
    "SimpleResourceEnvelope",
    "SimpleResourceListEnvelope",
    "SimpleRetargetBody",
]


class SimpleErrorBody(TypedDict):
    """A refusal: `{"errors": [{"title": "…"}], "meta": {"status": N}}`."""

    errors: List[SimpleErrorBodyErrorsItem]
    # The envelope's `meta`: the status.
    meta: SimpleErrorBodyMeta


class SimpleErrorBodyErrorsItem(TypedDict):
    """The SimpleErrorBodyErrorsItem object."""

    title: str


class SimpleErrorBodyMeta(TypedDict):
    """The envelope's `meta`: the status."""

    status: int


class SimpleListMeta(TypedDict):
    """A list's `meta`: the status and the page."""

    status: int
    pagination: SimplePagination


class SimpleMeta(TypedDict):
    """The envelope's `meta`: the status."""

    status: int


class SimplePagination(TypedDict):
    """The page a list answer holds (`page[number]`, `page[size]`)."""

    number: int
    size: int


class SimpleRecordBody(TypedDict, total=False):
    """The body of `POST /records` and `PATCH /records/{id}` (documented; read by hand whatever the Content-Type)."""

    domain_type: Optional[str]
    domain: Optional[str]
    subdomain: Optional[str]
    to: Optional[str]


class SimpleRecordData(TypedDict):
    """A record as the original service wrote it, plus its TTL."""

    id: int
    type: str
    domain_key: str
    domain_type: str
    domain: str
    subdomain: str
    to: str
    created: str
    ttl: int


class SimpleRecordEnvelope(TypedDict):
    """An answer holding one record: `{"data": {…}, "meta": {"status": 200}}`."""

    data: SimpleRecordData
    meta: SimpleMeta


class SimpleRecordListEnvelope(TypedDict):
    """A page of records: `{"data": […], "meta": {"status": 200, "pagination": {"number", "size"}}}`."""

    data: List[SimpleRecordData]
    meta: SimpleListMeta


class SimpleResource(TypedDict):
    """A typed id: `{"id": "alice", "type": "user"}`, a domain, a blacklisted subdomain, the health check."""

    id: str
    type: str


class SimpleResourceEnvelope(TypedDict):
    """An answer holding one typed id (the user, the health check)."""

    data: SimpleResource
    meta: SimpleMeta


class SimpleResourceListEnvelope(TypedDict):
    """An answer holding typed ids (domains and blacklisted subdomains)."""

    data: List[SimpleResource]
    meta: SimpleMeta


class SimpleRetargetBody(TypedDict, total=False):
    """The body of `PATCH /records/{id}`."""

    to: Optional[str]

