"""Types of the Meridian Email DNS API (v1), generated from its OpenAPI document.

Do not edit: run sdk/python/scripts/generate_types.py against a running server.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict  # noqa: F401 (not every module uses each)

__all__ = [
    "DkimKeyJson",
    "DkimResponse",
    "EmailDnsCommandBody",
    "EmailDnsErrorBody",
    "EmailDnsErrorBodyErrorsItem",
    "HistoryEntryJson",
    "HistoryRecordJson",
    "HistoryResponse",
    "ProviderResponse",
    "SuccessResponse",
]


class DkimKeyJson(TypedDict):
    """One DKIM key: where it is published, the record, and the private key (PKCS#8 PEM) for the signing server."""

    selector: str
    dns_name: str
    dns_value: str
    private_key: str
    created_at: str


class DkimResponse(TypedDict):
    """A domain's DKIM keys (`GET /api/v1/dns.dkim`)."""

    domain: str
    keys: List[DkimKeyJson]


class _EmailDnsCommandBodyRequired(TypedDict):
    Domain: str
    Provider: str
    ApiKey: str


class EmailDnsCommandBody(_EmailDnsCommandBodyRequired, total=False):
    """The parameters of `dns.authorize` and `dns.set` as a JSON body (for the document; names as the spec
    writes them). The caller's own key may also be sent as `APIKey`, which differs from the provider's `ApiKey`
    only by case; a JSON schema of one object cannot hold both names, so the document shows the Bearer header instead."""

    Command: Optional[str]
    RecordType: Optional[str]
    ApiSecret: Optional[str]
    ApiUser: Optional[str]
    Username: Optional[str]
    SessionID: Optional[str]


class EmailDnsErrorBody(TypedDict):
    """The Email DNS API's error body."""

    Errors: List[EmailDnsErrorBodyErrorsItem]


class _EmailDnsErrorBodyErrorsItemRequired(TypedDict):
    Code: int
    Message: str


class EmailDnsErrorBodyErrorsItem(_EmailDnsErrorBodyErrorsItemRequired, total=False):
    """One error: the spec's code and message, and the provider's reason when there is one."""

    Detail: Optional[str]


class _HistoryEntryJsonRequired(TypedDict):
    at: str
    principal: str
    provider: str
    record_type: str
    outcome: str
    records: List[HistoryRecordJson]
    warnings: List[str]


class HistoryEntryJson(_HistoryEntryJsonRequired, total=False):
    """One `dns.set`: who ran it, where, what it wrote, what it kept, and why it failed when it did."""

    error: Optional[str]


class HistoryRecordJson(TypedDict):
    """One record a `dns.set` wrote."""

    action: str
    type: str
    name: str
    content: str
    ttl: int


class HistoryResponse(TypedDict):
    """A domain's `dns.set` runs, newest first (`GET /api/v1/dns.history`)."""

    domain: str
    history: List[HistoryEntryJson]


class ProviderResponse(TypedDict):
    """`dns.provider`'s answer."""

    provider: str


class _SuccessResponseRequired(TypedDict):
    success: bool


class SuccessResponse(_SuccessResponseRequired, total=False):
    """`dns.authorize`'s and `dns.set`'s answer; `warnings` lists what `dns.set` left alone
    (a DMARC policy that is not ours), only when there is something to say."""

    warnings: Optional[List[str]]

