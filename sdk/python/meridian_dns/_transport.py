"""Sends one API call over urllib: JSON in and out, retries, Idempotency-Key, timeouts, typed errors."""
from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Mapping, Optional, TypedDict

from ._errors import MeridianConnectionError, MeridianTimeoutError, error_for_status
from ._retry import RetryPolicy
from ._version import __version__

DEFAULT_TIMEOUT = 60.0
# Methods whose retry could apply the change twice without an Idempotency-Key.
_IDEMPOTENCY_METHODS = frozenset({"POST", "PATCH"})
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id")


class RequestOptions(TypedDict, total=False):
    """Per-call settings; every method takes them as ``request_options``."""

    timeout: float            # seconds for each attempt (default: the client's, 60 s)
    max_retries: int          # retries after the first attempt (default: the client's, 2)
    idempotency_key: str      # for POST/PATCH, instead of a generated one
    headers: Mapping[str, str]


@dataclass
class Response:
    status: int
    headers: Dict[str, str]
    text: str
    body: Any = field(default=None)  # parsed JSON, or None when the answer was empty or not JSON


class Transport:
    """One base URL and one credential; shared by the resource groups of a client."""

    def __init__(self, base_url: str, authorization: Optional[str], *, timeout: float = DEFAULT_TIMEOUT,
                 retry: RetryPolicy = RetryPolicy(), headers: Optional[Mapping[str, str]] = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.base_url = base_url.rstrip("/")
        self.authorization = authorization
        self.timeout = timeout
        self.retry = retry
        self.headers = dict(headers or {})
        self.sleep = sleep
        self._opener = urllib.request.build_opener()

    def request(self, method: str, path: str, *, query: Optional[Mapping[str, Any]] = None,
                json_body: Any = None, data: Optional[bytes] = None, content_type: Optional[str] = None,
                options: Optional[RequestOptions] = None) -> Response:
        options = options or {}
        url = self.base_url + path
        params = {k: v for k, v in (query or {}).items() if v is not None}
        if params:
            url += "?" + urllib.parse.urlencode(params, doseq=True)
        headers = {"Accept": "application/json", "User-Agent": f"meridian-dns-python/{__version__}", **self.headers}
        if self.authorization:
            headers["Authorization"] = self.authorization
        if json_body is not None:
            data = json.dumps(json_body).encode("utf-8")
            content_type = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        if method in _IDEMPOTENCY_METHODS:
            # Chosen once, before the first attempt, so every retry names the same operation.
            headers["Idempotency-Key"] = options.get("idempotency_key") or str(uuid.uuid4())
        headers.update(options.get("headers") or {})
        timeout = options.get("timeout", self.timeout)
        max_retries = options.get("max_retries", self.retry.max_retries)

        retry_number = 0
        while True:
            try:
                response = self._send(method, url, headers, data, timeout)
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout,
                    TimeoutError, OSError) as failure:
                if retry_number < max_retries:
                    retry_number += 1
                    self.sleep(self.retry.delay(retry_number))
                    continue
                raise _connection_error(method, url, failure) from failure
            if response.status < 400:
                return response
            if retry_number < max_retries and self.retry.should_retry_status(response.status):
                retry_number += 1
                self.sleep(self.retry.delay(retry_number, response.headers))
                continue
            raise error_for_status(response.status, response.body, _request_id(response.headers),
                                   response.headers, method, url)

    def _send(self, method: str, url: str, headers: Mapping[str, str], data: Optional[bytes],
              timeout: float) -> Response:
        request = urllib.request.Request(url, data=data, headers=dict(headers), method=method)
        try:
            with self._opener.open(request, timeout=timeout) as answer:
                return _read(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as refused:
            with refused:
                return _read(refused.code, refused.headers, refused.read())


def _read(status: int, raw_headers: Any, payload: bytes) -> Response:
    headers = {name: value for name, value in raw_headers.items()} if raw_headers is not None else {}
    text = payload.decode("utf-8", errors="replace")
    body: Any = None
    if text:
        try:
            body = json.loads(text)
        except ValueError:
            body = None if status < 400 else text
    return Response(status=status, headers=headers, text=text, body=body)


def _request_id(headers: Mapping[str, str]) -> Optional[str]:
    lowered = {k.lower(): v for k, v in headers.items()}
    return next((lowered[name] for name in _REQUEST_ID_HEADERS if name in lowered), None)


def _connection_error(method: str, url: str, failure: BaseException) -> MeridianConnectionError:
    reason = getattr(failure, "reason", failure)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return MeridianTimeoutError(f"{method} {url}: no answer within the timeout")
    return MeridianConnectionError(f"{method} {url}: connection failed: {reason}")
