"""The Email DNS API (/api/v1/dns.*): who hosts a domain's DNS, the provider credentials, and the SPF/DKIM/DMARC
records published there. The ``api_key``, ``api_secret``, ``api_user`` and ``username`` arguments are the DNS
provider's credentials (the spec's ``ApiKey``, ``ApiSecret``, ``ApiUser``, ``Username``); the Meridian key is the
client's own."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ._pagination import Pager, single_page
from ._transport import RequestOptions, Transport
from .types.email_dns import DkimResponse, HistoryEntryJson, HistoryResponse, ProviderResponse, SuccessResponse


def _credentials(api_key: Optional[str], api_secret: Optional[str], api_user: Optional[str],
                 username: Optional[str]) -> Dict[str, Any]:
    fields = {"ApiKey": api_key, "ApiSecret": api_secret, "ApiUser": api_user, "Username": username}
    return {name: value for name, value in fields.items() if value is not None}


class EmailDns:
    """``client.email_dns`` with a key holding the ``User.Update`` scope."""

    def __init__(self, transport: Transport):
        self._transport = transport

    def provider(self, domain: str, *, request_options: Optional[RequestOptions] = None) -> ProviderResponse:
        """GET /api/v1/dns.provider: ``{"provider": "cloudflare"}``; NotFoundError (code 2) when unknown."""
        answer = self._transport.request("GET", "/api/v1/dns.provider", query={"Domain": domain},
                                         options=request_options)
        return cast(ProviderResponse, answer.body)

    def authorize(self, *, domain: str, provider: str, api_key: Optional[str] = None,
                  api_secret: Optional[str] = None, api_user: Optional[str] = None, username: Optional[str] = None,
                  request_options: Optional[RequestOptions] = None) -> SuccessResponse:
        """POST /api/v1/dns.authorize: the provider checks the credentials; Meridian keeps them encrypted."""
        body = {"Command": "dns.authorize", "Domain": domain, "Provider": provider,
                **_credentials(api_key, api_secret, api_user, username)}
        answer = self._transport.request("POST", "/api/v1/dns.authorize", json_body=body, options=request_options)
        return cast(SuccessResponse, answer.body)

    def set(self, *, domain: str, provider: str, record_type: str, api_key: Optional[str] = None,
            api_secret: Optional[str] = None, api_user: Optional[str] = None, username: Optional[str] = None,
            request_options: Optional[RequestOptions] = None) -> SuccessResponse:
        """POST /api/v1/dns.set: publish the ``record_type`` set (``campaign`` or ``email-gateway``) at the
        provider. Without credentials the ones kept by ``authorize`` are used."""
        body = {"Command": "dns.set", "Domain": domain, "Provider": provider, "RecordType": record_type,
                **_credentials(api_key, api_secret, api_user, username)}
        answer = self._transport.request("POST", "/api/v1/dns.set", json_body=body, options=request_options)
        return cast(SuccessResponse, answer.body)

    def dkim(self, domain: str, *, request_options: Optional[RequestOptions] = None) -> DkimResponse:
        """GET /api/v1/dns.dkim: the domain's DKIM keys and where they are published."""
        answer = self._transport.request("GET", "/api/v1/dns.dkim", query={"Domain": domain},
                                         options=request_options)
        return cast(DkimResponse, answer.body)

    def history(self, domain: str, *,
                request_options: Optional[RequestOptions] = None) -> Pager[HistoryEntryJson]:
        """GET /api/v1/dns.history: every ``set`` for the domain, newest first."""
        def fetch() -> List[HistoryEntryJson]:
            answer = self._transport.request("GET", "/api/v1/dns.history", query={"Domain": domain},
                                             options=request_options)
            return list(cast(HistoryResponse, answer.body)["history"])
        return single_page(fetch)
