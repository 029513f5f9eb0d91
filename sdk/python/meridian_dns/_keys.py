"""API keys: the partner's own keys through the Partner API (``keys``, a key holding the ``keys`` scope), and any
account's keys through the Admin API (``admin_keys``, an admin account's key)."""
from __future__ import annotations

import datetime
from typing import List, Optional, Sequence, cast

from ._errors import MeridianConfigurationError
from ._pagination import Pager, single_page
from ._paths import segment, without_none
from ._transport import RequestOptions, Transport
from .types.admin import KeyResponse
from .types.partner import PartnerKey, PartnerKeysResponse


class Keys:
    """The keys of the calling key's account and environment (``/api/v1/keys``). Tokens are shown once, in the
    answer of ``create`` (or ``rotate``)."""

    def __init__(self, transport: Transport):
        self._transport = transport

    def list(self, *, request_options: Optional[RequestOptions] = None) -> Pager[PartnerKey]:
        """GET /api/v1/keys: oldest first, revoked ones included, never their secrets."""
        def fetch() -> List[PartnerKey]:
            answer = self._transport.request("GET", "/api/v1/keys", options=request_options)
            return list(cast(PartnerKeysResponse, answer.body)["keys"])
        return single_page(fetch)

    def create(self, *, name: str, scopes: Optional[Sequence[str]] = None,
               request_options: Optional[RequestOptions] = None) -> PartnerKey:
        """POST /api/v1/keys: a key of the caller's environment with ``scopes`` (default: the caller's own; one
        the caller lacks is PermissionDeniedError). The answer's ``token`` is the only time it is shown."""
        body = without_none(name=name, scopes=list(scopes) if scopes is not None else None)
        answer = self._transport.request("POST", "/api/v1/keys", json_body=body, options=request_options)
        return cast(PartnerKey, answer.body)

    def revoke(self, key_id: str, *, request_options: Optional[RequestOptions] = None) -> PartnerKey:
        """DELETE /api/v1/keys/{key_id}: requests with that key fail at once."""
        answer = self._transport.request("DELETE", f"/api/v1/keys/{segment(key_id)}", options=request_options)
        return cast(PartnerKey, answer.body)

    def rotate(self, *, name: Optional[str] = None, request_options: Optional[RequestOptions] = None) -> PartnerKey:
        """Issue, move, revoke: a new key with the calling key's scopes, this client switched to it, then the calling
        key revoked. Returns the new key with its ``token``: store it."""
        authorization = self._transport.authorization or ""
        token = authorization[len("Bearer "):]
        current = next((k for k in self.list(request_options=request_options)
                        if not k.get("revoked_at") and token.startswith(k["prefix"] + "_")), None)
        if current is None:
            raise MeridianConfigurationError("rotate: the calling key is not among this account's live keys")
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        issued = self.create(name=name or f"{current['name'][:170]} (rotated {stamp})", scopes=current["scopes"],
                             request_options=request_options)
        self._transport.authorization = f"Bearer {issued['token']}"
        self.revoke(current["id"], request_options=request_options)
        return issued


class AdminKeys:
    """Any account's keys through the Admin API (``/api/admin/accounts/{id}/keys``), with an admin account's key."""

    def __init__(self, transport: Transport):
        self._transport = transport

    def list(self, account_id: str, *, request_options: Optional[RequestOptions] = None) -> Pager[KeyResponse]:
        """GET /api/admin/accounts/{id}/keys."""
        def fetch() -> List[KeyResponse]:
            answer = self._transport.request("GET", f"/api/admin/accounts/{segment(account_id)}/keys",
                                             options=request_options)
            return list(cast(List[KeyResponse], answer.body))
        return single_page(fetch)

    def create(self, account_id: str, *, name: str, environment: Optional[str] = None,
               scopes: Optional[Sequence[str]] = None,
               request_options: Optional[RequestOptions] = None) -> KeyResponse:
        """POST /api/admin/accounts/{id}/keys: ``environment`` ``production`` (mk_live_) or ``sandbox`` (mk_test_)."""
        body = without_none(name=name, environment=environment, scopes=list(scopes) if scopes else None)
        answer = self._transport.request("POST", f"/api/admin/accounts/{segment(account_id)}/keys",
                                         json_body=body, options=request_options)
        return cast(KeyResponse, answer.body)

    def revoke(self, account_id: str, key_id: str, *,
               request_options: Optional[RequestOptions] = None) -> KeyResponse:
        """DELETE /api/admin/accounts/{id}/keys/{key_id}."""
        answer = self._transport.request(
            "DELETE", f"/api/admin/accounts/{segment(account_id)}/keys/{segment(key_id)}", options=request_options)
        return cast(KeyResponse, answer.body)
