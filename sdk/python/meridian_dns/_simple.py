"""The Simple API (a drop-in for the original dns-api), authenticated by a JWT from ``meridian token create``."""
from __future__ import annotations

from typing import List, Optional, Tuple, cast

from ._pagination import Pager
from ._paths import segment
from ._transport import RequestOptions, Transport
from .types.simple import (SimpleRecordData, SimpleRecordEnvelope, SimpleRecordListEnvelope, SimpleResource,
                           SimpleResourceEnvelope, SimpleResourceListEnvelope)


class SimpleRecords:
    def __init__(self, transport: Transport):
        self._transport = transport

    def list(self, *, page_size: int = 100,
             request_options: Optional[RequestOptions] = None) -> Pager[SimpleRecordData]:
        """GET /records, newest first, every page (``page[size]`` 10–100)."""
        def fetch(page: int) -> Tuple[List[SimpleRecordData], bool]:
            answer = self._transport.request("GET", "/records",
                                             query={"page[number]": page, "page[size]": page_size},
                                             options=request_options)
            items = list(cast(SimpleRecordListEnvelope, answer.body)["data"])
            # The original reports no totals: a short page is the last one.
            return items, len(items) >= page_size
        return Pager(fetch)

    def retrieve(self, record_id: int, *, request_options: Optional[RequestOptions] = None) -> SimpleRecordData:
        """GET /records/{id}."""
        answer = self._transport.request("GET", f"/records/{segment(record_id)}", options=request_options)
        return cast(SimpleRecordEnvelope, answer.body)["data"]

    get = retrieve

    def create(self, *, domain_type: str, domain: str, subdomain: str, to: str,
               request_options: Optional[RequestOptions] = None) -> SimpleRecordData:
        """POST /records: a new A or CNAME record (ConflictError when that name already has one)."""
        body = {"domain_type": domain_type, "domain": domain, "subdomain": subdomain, "to": to}
        answer = self._transport.request("POST", "/records", json_body=body, options=request_options)
        return cast(SimpleRecordEnvelope, answer.body)["data"]

    def update(self, record_id: int, *, to: str,
               request_options: Optional[RequestOptions] = None) -> SimpleRecordData:
        """PATCH /records/{id}: point the record elsewhere."""
        answer = self._transport.request("PATCH", f"/records/{segment(record_id)}", json_body={"to": to},
                                         options=request_options)
        return cast(SimpleRecordEnvelope, answer.body)["data"]

    def delete(self, record_id: int, *, request_options: Optional[RequestOptions] = None) -> SimpleRecordData:
        """DELETE /records/{id}: the answer holds the deleted record."""
        answer = self._transport.request("DELETE", f"/records/{segment(record_id)}", options=request_options)
        return cast(SimpleRecordEnvelope, answer.body)["data"]

    def upsert(self, domain_type: str, domain: str, subdomain: str, to: str, *,
               request_options: Optional[RequestOptions] = None) -> SimpleRecordData:
        """POST /records/{type}/{domain}/{subdomain}/{to}: create the record, or repoint the one of that name."""
        path = f"/records/{segment(domain_type)}/{segment(domain)}/{segment(subdomain)}/{segment(to)}"
        answer = self._transport.request("POST", path, options=request_options)
        return cast(SimpleRecordEnvelope, answer.body)["data"]

    def delete_by_name(self, domain_type: str, domain: str, subdomain: str, *,
                       request_options: Optional[RequestOptions] = None) -> SimpleRecordData:
        """DELETE /records/{type}/{domain}/{subdomain}."""
        path = f"/records/{segment(domain_type)}/{segment(domain)}/{segment(subdomain)}"
        answer = self._transport.request("DELETE", path, options=request_options)
        return cast(SimpleRecordEnvelope, answer.body)["data"]


class Simple:
    """``client.simple`` (or ``MeridianSimple(token=…, base_url=…)``): base URL ends in ``/simple`` on the main
    port, or is the root of ``SimpleApi:Listen``'s own port."""

    def __init__(self, transport: Transport):
        self._transport = transport
        self.records = SimpleRecords(transport)

    def health(self, *, request_options: Optional[RequestOptions] = None) -> SimpleResource:
        """GET / (no token needed): ``{"id": "ok", "type": "healthcheck"}``."""
        return cast(SimpleResourceEnvelope, self._transport.request("GET", "/", options=request_options).body)["data"]

    def whoami(self, *, request_options: Optional[RequestOptions] = None) -> SimpleResource:
        """GET /whoami: ``{"id": USER, "type": "user"}``."""
        answer = self._transport.request("GET", "/whoami", options=request_options)
        return cast(SimpleResourceEnvelope, answer.body)["data"]

    def domains(self, *, request_options: Optional[RequestOptions] = None) -> List[SimpleResource]:
        """GET /domains: the caller's domains, then the blacklisted subdomains (``type`` tells which)."""
        answer = self._transport.request("GET", "/domains", options=request_options)
        return list(cast(SimpleResourceListEnvelope, answer.body)["data"])
