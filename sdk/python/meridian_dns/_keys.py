"""API keys of an account, through the Admin API (/api/admin): the client needs an admin account's key."""
from __future__ import annotations

from typing import List, Optional, Sequence, cast

from ._pagination import Pager, single_page
from ._paths import segment, without_none
from ._transport import RequestOptions, Transport
from .types.admin import KeyResponse


class Keys:
    """List, create and revoke an account's API keys. Tokens are shown once, in ``create``'s answer."""

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
        """POST /api/admin/accounts/{id}/keys: ``environment`` ``production`` (mk_live_) or ``sandbox`` (mk_test_);
        the answer's ``token`` is the only time the secret is shown."""
        body = without_none(name=name, environment=environment, scopes=list(scopes) if scopes else None)
        answer = self._transport.request("POST", f"/api/admin/accounts/{segment(account_id)}/keys",
                                         json_body=body, options=request_options)
        return cast(KeyResponse, answer.body)

    def revoke(self, account_id: str, key_id: str, *,
               request_options: Optional[RequestOptions] = None) -> KeyResponse:
        """DELETE /api/admin/accounts/{id}/keys/{key_id}: the key stops working at once."""
        answer = self._transport.request(
            "DELETE", f"/api/admin/accounts/{segment(account_id)}/keys/{segment(key_id)}", options=request_options)
        return cast(KeyResponse, answer.body)
