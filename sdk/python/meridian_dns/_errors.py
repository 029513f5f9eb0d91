"""The errors the SDK raises: one base class carrying what the server said, a subclass per kind of refusal."""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Type


class MeridianError(Exception):
    """Base of every error the SDK raises.

    ``status`` is the HTTP status (None when no answer came), ``body`` the surface's parsed error body
    (``{"errors": [...]}`` on the Partner and Simple APIs, ``{"error": "..."}`` on the Client and Admin APIs,
    ``{"Errors": [{"Code", "Message"}]}`` on the Email DNS API; the raw text when it was not JSON), ``request_id``
    the server's request id header when it sent one, ``headers`` the answer's headers.
    """

    def __init__(self, message: str, *, status: Optional[int] = None, body: Any = None,
                 request_id: Optional[str] = None, headers: Optional[Mapping[str, str]] = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.body = body
        self.request_id = request_id
        self.headers: Dict[str, str] = dict(headers or {})

    @property
    def messages(self) -> List[str]:
        """Every message of the error body, whichever surface's shape it has."""
        return error_messages(self.body) or [self.message]

    @property
    def codes(self) -> List[Any]:
        """The machine-readable codes of the body: Partner ``details[].code``, Email DNS ``Errors[].Code``."""
        body = self.body if isinstance(self.body, dict) else {}
        if isinstance(body.get("details"), list):
            return [d.get("code") for d in body["details"] if isinstance(d, dict)]
        if isinstance(body.get("Errors"), list):
            return [e.get("Code") for e in body["Errors"] if isinstance(e, dict)]
        return []


class MeridianConfigurationError(MeridianError, ValueError):
    """The client was built with settings that cannot work (raised before any request is sent)."""


class MeridianConnectionError(MeridianError):
    """No answer: the connection failed or was cut (after the retries)."""


class MeridianTimeoutError(MeridianConnectionError):
    """No answer within the timeout (after the retries)."""


class APIStatusError(MeridianError):
    """The server answered with a status >= 400."""


class BadRequestError(APIStatusError):
    """400: the request was malformed (not JSON, a field of the wrong type, an unknown field)."""


class AuthenticationError(APIStatusError):
    """401: no key, a bad key, or a key of the other environment."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks the scope, the account is suspended or over its domain limit."""


class NotFoundError(APIStatusError):
    """404: no such object for this caller (another tenant's objects are 404 too)."""


class ConflictError(APIStatusError):
    """409: the object exists elsewhere, or a request with the same Idempotency-Key is still in flight."""


class UnprocessableEntityError(APIStatusError):
    """422: validation failed; ``messages`` lists every problem found."""


class RateLimitError(APIStatusError):
    """429: over the rate limit; ``retry_after`` is the server's ``Retry-After`` in seconds when it sent one."""

    @property
    def retry_after(self) -> Optional[float]:
        from ._retry import parse_retry_after
        return parse_retry_after(self.headers)


class InternalServerError(APIStatusError):
    """5xx: the server (or the DNS provider behind it) failed."""


_BY_STATUS: Dict[int, Type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def error_messages(body: Any) -> List[str]:
    if not isinstance(body, dict):
        return [body.strip()] if isinstance(body, str) and body.strip() else []
    if isinstance(body.get("errors"), list):  # Partner ["…"], Simple [{"title"}], Client import partial errors
        return [e if isinstance(e, str) else str(e.get("title", e)) if isinstance(e, dict) else str(e)
                for e in body["errors"]]
    if isinstance(body.get("Errors"), list):  # Email DNS
        return [f"{e.get('Message', '')} (code {e.get('Code')})" + (f": {e['Detail']}" if e.get("Detail") else "")
                for e in body["Errors"] if isinstance(e, dict)]
    if isinstance(body.get("error"), str):  # Client, Admin
        return [body["error"]]
    return []


def error_for_status(status: int, body: Any, request_id: Optional[str], headers: Mapping[str, str],
                     method: str, url: str) -> APIStatusError:
    kind = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    text = "; ".join(error_messages(body)) or "no error body"
    return kind(f"{method} {url}: HTTP {status}: {text}", status=status, body=body,
                request_id=request_id, headers=headers)
