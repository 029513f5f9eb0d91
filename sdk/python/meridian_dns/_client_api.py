"""The Client API (/api/client): a customer's own domains and records (GeoDNS ``country_codes``), BIND zone files,
change history and key rotation."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple, cast

from ._pagination import Pager, single_page
from ._paths import segment, without_none
from ._transport import RequestOptions, Transport
from .types.client import (ChangesResponse, DomainResponse, ImportResponse, JournalEntry, MessageResponse,
                           RecordResponse, RotateKeyResponse)


class ClientDomains:
    def __init__(self, transport: Transport):
        self._transport = transport

    def list(self, *, request_options: Optional[RequestOptions] = None) -> Pager[DomainResponse]:
        """GET /api/client/domains (answered whole)."""
        def fetch() -> List[DomainResponse]:
            return list(self._transport.request("GET", "/api/client/domains", options=request_options).body)
        return single_page(fetch)

    def create(self, *, name: str, request_options: Optional[RequestOptions] = None) -> DomainResponse:
        """POST /api/client/domains; the account's domain limit applies (403 beyond it)."""
        answer = self._transport.request("POST", "/api/client/domains", json_body={"name": name},
                                         options=request_options)
        return cast(DomainResponse, answer.body)

    def delete(self, domain_id: str, *, request_options: Optional[RequestOptions] = None) -> MessageResponse:
        """DELETE /api/client/domains/{id}."""
        answer = self._transport.request("DELETE", f"/api/client/domains/{segment(domain_id)}",
                                         options=request_options)
        return cast(MessageResponse, answer.body)

    def changes(self, domain: str, *, per_page: int = 100,
                request_options: Optional[RequestOptions] = None) -> Pager[JournalEntry]:
        """GET /api/client/domains/{domain}/changes (``domain`` is the id or the name), newest first, every page."""
        path = f"/api/client/domains/{segment(domain)}/changes"

        def fetch(page: int) -> Tuple[List[JournalEntry], bool]:
            answer = self._transport.request("GET", path, query={"page": page, "per_page": per_page},
                                             options=request_options)
            body = cast(ChangesResponse, answer.body)
            return list(body["changes"]), page < int(body["pagination"]["total_pages"])
        return Pager(fetch)

    def export_bind(self, domain_id: str, *, request_options: Optional[RequestOptions] = None) -> str:
        """GET /api/client/domains/{id}/export/bind: the zone file text."""
        return self._transport.request("GET", f"/api/client/domains/{segment(domain_id)}/export/bind",
                                       options=request_options).text


class ClientRecords:
    def __init__(self, transport: Transport):
        self._transport = transport

    def list(self, domain_id: str, *, request_options: Optional[RequestOptions] = None) -> Pager[RecordResponse]:
        """GET /api/client/domains/{id}/records (answered whole)."""
        def fetch() -> List[RecordResponse]:
            return list(self._transport.request("GET", f"/api/client/domains/{segment(domain_id)}/records",
                                                options=request_options).body)
        return single_page(fetch)

    def create(self, *, domain_id: str, type: str, name: str, value: str, ttl: Optional[int] = None,
               priority: Optional[int] = None, country_codes: Optional[Sequence[str]] = None,
               request_options: Optional[RequestOptions] = None) -> RecordResponse:
        """POST /api/client/records; ``country_codes`` (e.g. ``["US", "CA"]``) limits who gets the record."""
        body = without_none(domain_id=domain_id, type=type, name=name, value=value, ttl=ttl, priority=priority,
                            country_codes=list(country_codes) if country_codes is not None else None)
        answer = self._transport.request("POST", "/api/client/records", json_body=body, options=request_options)
        return cast(RecordResponse, answer.body)

    def update(self, record_id: str, *, type: Optional[str] = None, name: Optional[str] = None,
               value: Optional[str] = None, ttl: Optional[int] = None, priority: Optional[int] = None,
               country_codes: Optional[Sequence[str]] = None,
               request_options: Optional[RequestOptions] = None) -> RecordResponse:
        """PUT /api/client/records/{id}."""
        body: Dict[str, Any] = without_none(type=type, name=name, value=value, ttl=ttl, priority=priority,
                                            country_codes=list(country_codes) if country_codes is not None else None)
        answer = self._transport.request("PUT", f"/api/client/records/{segment(record_id)}", json_body=body,
                                         options=request_options)
        return cast(RecordResponse, answer.body)

    def delete(self, record_id: str, *, request_options: Optional[RequestOptions] = None) -> MessageResponse:
        """DELETE /api/client/records/{id}."""
        answer = self._transport.request("DELETE", f"/api/client/records/{segment(record_id)}",
                                         options=request_options)
        return cast(MessageResponse, answer.body)


class ClientApi:
    """``client.client``: the Client API with a client account's key."""

    def __init__(self, transport: Transport):
        self._transport = transport
        self.domains = ClientDomains(transport)
        self.records = ClientRecords(transport)

    def import_bind(self, zone_file: str, *, request_options: Optional[RequestOptions] = None) -> ImportResponse:
        """POST /api/client/import/bind: creates the domain when needed; ``partial_success`` and ``errors`` tell
        which lines were refused (HTTP 206)."""
        answer = self._transport.request("POST", "/api/client/import/bind", data=zone_file.encode("utf-8"),
                                         content_type="text/plain", options=request_options)
        return cast(ImportResponse, answer.body)

    def rotate_api_key(self, *, request_options: Optional[RequestOptions] = None) -> RotateKeyResponse:
        """POST /api/client/rotate-api-key: the old key stops working at once. This client switches to the new
        ``api_token`` itself; store it from the answer."""
        answer = self._transport.request("POST", "/api/client/rotate-api-key", options=request_options)
        body = cast(RotateKeyResponse, answer.body)
        self._transport.authorization = f"Bearer {body['api_token']}"
        return body
