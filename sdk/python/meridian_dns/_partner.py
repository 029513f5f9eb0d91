"""The Partner API (/api/v1): users and their login sessions, domains, records, batches and the change journal."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple, cast

from ._pagination import Pager
from ._paths import segment, without_none
from ._transport import RequestOptions, Transport
from .types.partner import (BatchDelete, BatchPatch, BatchPost, BatchResponse, ChangesResponse, JournalEntry,
                            PartnerDomain, PartnerRecord, RecordListResponse, UserDomainsResponse,
                            UserSessionResponse)

MAX_PER_PAGE = 100


def _more(body: Any, page: int) -> bool:
    pagination = body.get("pagination") if isinstance(body, dict) else None
    if not isinstance(pagination, dict):
        return False  # an answer without totals is the whole list
    return page < int(pagination.get("total_pages", 0))


class Users:
    """Your users: ``create_session`` finds or creates one and hands back its ``login_url``."""

    def __init__(self, transport: Transport):
        self._transport = transport

    def create_session(self, *, user_identifier: str, email: Optional[str] = None,
                       request_options: Optional[RequestOptions] = None) -> UserSessionResponse:
        """POST /api/v1/users: the user (created on first use) and a single-use ``login_url`` valid 24 hours."""
        body = without_none(user_identifier=user_identifier, email=email)
        answer = self._transport.request("POST", "/api/v1/users", json_body=body, options=request_options)
        return cast(UserSessionResponse, answer.body)

    def list_domains(self, user_identifier: str, *, per_page: int = MAX_PER_PAGE,
                     request_options: Optional[RequestOptions] = None) -> Pager[PartnerDomain]:
        """GET /api/v1/users/{user_id}/domains, every page."""
        path = f"/api/v1/users/{segment(user_identifier)}/domains"

        def fetch(page: int) -> Tuple[List[PartnerDomain], bool]:
            answer = self._transport.request("GET", path, query={"page": page, "per_page": per_page},
                                             options=request_options)
            body = cast(UserDomainsResponse, answer.body)
            return list(body["domains"]), _more(body, page)
        return Pager(fetch)

    def add_domain(self, user_identifier: str, *, name: str,
                   request_options: Optional[RequestOptions] = None) -> PartnerDomain:
        """POST /api/v1/users/{user_id}/domains: host a domain for the user (the account's domain limit applies)."""
        answer = self._transport.request("POST", f"/api/v1/users/{segment(user_identifier)}/domains",
                                         json_body={"name": name}, options=request_options)
        return cast(PartnerDomain, answer.body)


class Domains:
    """Domains by id: read, delete, and their change journal."""

    def __init__(self, transport: Transport):
        self._transport = transport

    def retrieve(self, domain_id: str, *, request_options: Optional[RequestOptions] = None) -> PartnerDomain:
        """GET /api/v1/domains/{domain_id}."""
        answer = self._transport.request("GET", f"/api/v1/domains/{segment(domain_id)}", options=request_options)
        return cast(PartnerDomain, answer.body)

    get = retrieve

    def delete(self, domain_id: str, *, request_options: Optional[RequestOptions] = None) -> None:
        """DELETE /api/v1/domains/{domain_id}: the domain and its records."""
        self._transport.request("DELETE", f"/api/v1/domains/{segment(domain_id)}", options=request_options)

    def list(self, user_identifier: str, *, per_page: int = MAX_PER_PAGE,
             request_options: Optional[RequestOptions] = None) -> Pager[PartnerDomain]:
        """A user's domains (the same list as ``users.list_domains``)."""
        return Users(self._transport).list_domains(user_identifier, per_page=per_page,
                                                   request_options=request_options)

    def changes(self, domain_id: str, *, per_page: int = MAX_PER_PAGE,
                request_options: Optional[RequestOptions] = None) -> Pager[JournalEntry]:
        """GET /api/v1/domains/{domain_id}/changes: the change journal, newest first, every page."""
        path = f"/api/v1/domains/{segment(domain_id)}/changes"

        def fetch(page: int) -> Tuple[List[JournalEntry], bool]:
            answer = self._transport.request("GET", path, query={"page": page, "per_page": per_page},
                                             options=request_options)
            body = cast(ChangesResponse, answer.body)
            return list(body["changes"]), _more(body, page)
        return Pager(fetch)


class Records:
    """DNS records of your users' domains."""

    def __init__(self, transport: Transport):
        self._transport = transport

    def create(self, *, domain_id: str, type: str, name: str, value: Optional[str] = None,
               ttl: Optional[int] = None, priority: Optional[int] = None, weight: Optional[int] = None,
               port: Optional[int] = None, target: Optional[str] = None,
               request_options: Optional[RequestOptions] = None) -> PartnerRecord:
        """POST /api/v1/dns_records. ``name`` is relative to the domain (``@`` for the apex); TTL defaults to 3600."""
        body = without_none(domain_id=domain_id, type=type, name=name, value=value, ttl=ttl, priority=priority,
                            weight=weight, port=port, target=target)
        answer = self._transport.request("POST", "/api/v1/dns_records", json_body=body, options=request_options)
        return cast(PartnerRecord, answer.body)

    def retrieve(self, record_id: str, *, request_options: Optional[RequestOptions] = None) -> PartnerRecord:
        """GET /api/v1/dns_records/{id}."""
        answer = self._transport.request("GET", f"/api/v1/dns_records/{segment(record_id)}",
                                         options=request_options)
        return cast(PartnerRecord, answer.body)

    get = retrieve

    def update(self, record_id: str, *, type: Optional[str] = None, name: Optional[str] = None,
               value: Optional[str] = None, ttl: Optional[int] = None, priority: Optional[int] = None,
               weight: Optional[int] = None, port: Optional[int] = None, target: Optional[str] = None,
               request_options: Optional[RequestOptions] = None) -> PartnerRecord:
        """PATCH /api/v1/dns_records/{id}: only the fields given change."""
        body = without_none(type=type, name=name, value=value, ttl=ttl, priority=priority, weight=weight,
                            port=port, target=target)
        answer = self._transport.request("PATCH", f"/api/v1/dns_records/{segment(record_id)}", json_body=body,
                                         options=request_options)
        return cast(PartnerRecord, answer.body)

    def delete(self, record_id: str, *, request_options: Optional[RequestOptions] = None) -> None:
        """DELETE /api/v1/dns_records/{id}."""
        self._transport.request("DELETE", f"/api/v1/dns_records/{segment(record_id)}", options=request_options)

    def list(self, domain_id: str, *, type: Optional[str] = None, name: Optional[str] = None,
             per_page: int = MAX_PER_PAGE,
             request_options: Optional[RequestOptions] = None) -> Pager[PartnerRecord]:
        """GET /api/v1/domains/{domain_id}/dns_records, every page; ``type`` and ``name`` filter."""
        path = f"/api/v1/domains/{segment(domain_id)}/dns_records"

        def fetch(page: int) -> Tuple[List[PartnerRecord], bool]:
            query: Dict[str, Any] = {"page": page, "per_page": per_page, "type": type, "name": name}
            answer = self._transport.request("GET", path, query=query, options=request_options)
            body = cast(RecordListResponse, answer.body)
            return list(body["dns_records"]), _more(body, page)
        return Pager(fetch)

    def batch(self, domain_id: str, *, deletes: Optional[Sequence[BatchDelete]] = None,
              patches: Optional[Sequence[BatchPatch]] = None, posts: Optional[Sequence[BatchPost]] = None,
              request_options: Optional[RequestOptions] = None) -> BatchResponse:
        """POST /api/v1/domains/{domain_id}/dns_records/batch: deletes, then patches, then posts; all or nothing,
        one new serial. ``deletes`` are ``{"id": …}``, ``patches`` ``{"id": …, fields…}``, ``posts`` new records."""
        body = without_none(deletes=list(deletes) if deletes is not None else None,
                            patches=list(patches) if patches is not None else None,
                            posts=list(posts) if posts is not None else None)
        answer = self._transport.request("POST", f"/api/v1/domains/{segment(domain_id)}/dns_records/batch",
                                         json_body=body, options=request_options)
        return cast(BatchResponse, answer.body)
