"""``Meridian``: one object per key and environment, with a resource group per API surface."""
from __future__ import annotations

import ipaddress
import os
import urllib.parse
from typing import Any, Dict, Mapping, Optional

from ._client_api import ClientApi
from ._email_dns import EmailDns
from ._errors import MeridianConfigurationError
from ._keys import AdminKeys, Keys
from ._partner import Domains, Records, Users
from ._retry import RetryPolicy
from ._simple import Simple
from ._transport import DEFAULT_TIMEOUT, Transport

ENVIRONMENTS = ("production", "sandbox")
SANDBOX_KEY_PREFIX = "mk_test_"
SANDBOX_HOST_PREFIX = "api.sandbox."


def _env(name: str) -> Optional[str]:
    value = os.environ.get(name, "").strip()
    return value or None


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def sandbox_url_for(production_url: str) -> str:
    """The sandbox twin of a production base URL, by the server's default rule: ``api.X`` becomes
    ``api.sandbox.X``, any other host X becomes ``api.sandbox.X``; scheme, port and path stay."""
    parts = urllib.parse.urlsplit(production_url)
    host = parts.hostname or ""
    if _is_ip_address(host):
        raise MeridianConfigurationError(
            f"cannot derive a sandbox URL from {production_url!r} (an IP address has no sandbox host name); "
            "pass sandbox_base_url")
    if host.startswith(SANDBOX_HOST_PREFIX):
        sandbox_host = host
    elif host.startswith("api."):
        sandbox_host = SANDBOX_HOST_PREFIX + host[len("api."):]
    else:
        sandbox_host = SANDBOX_HOST_PREFIX + host
    netloc = sandbox_host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _check_url(url: str, what: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MeridianConfigurationError(f"{what} must be an http:// or https:// URL, got {url!r}")
    if parts.query or parts.fragment:
        raise MeridianConfigurationError(f"{what} must not carry a query or fragment, got {url!r}")
    return url.rstrip("/")


class Meridian:
    """A client of a Meridian server.

    ``Meridian(api_key=…, environment="production" | "sandbox", base_url=…)``. The key defaults to
    ``MERIDIAN_API_KEY`` (then ``POCKETDNS_API_KEY``), the base URL to ``MERIDIAN_BASE_URL`` (the production API);
    the sandbox uses ``sandbox_base_url`` (or ``MERIDIAN_SANDBOX_BASE_URL``), else the base URL's host with
    ``api.sandbox.`` in front. A sandbox key (``mk_test_…``) with ``environment="production"`` is refused here,
    before any request.

    Resource groups: ``users``, ``domains``, ``records``, ``keys`` (Partner API), ``client`` (Client API),
    ``email_dns`` (Email DNS API), ``simple`` (Simple API, with ``simple_token``), ``admin_keys`` (Admin API).
    """

    def __init__(self, api_key: Optional[str] = None, *, environment: str = "production",
                 base_url: Optional[str] = None, sandbox_base_url: Optional[str] = None,
                 timeout: float = DEFAULT_TIMEOUT, max_retries: int = 2,
                 max_retry_after: float = 60.0, initial_retry_delay: float = 0.5, max_retry_delay: float = 8.0,
                 simple_token: Optional[str] = None, simple_base_url: Optional[str] = None,
                 default_headers: Optional[Mapping[str, str]] = None):
        if environment not in ENVIRONMENTS:
            raise MeridianConfigurationError(f"environment must be 'production' or 'sandbox', got {environment!r}")
        api_key = api_key or _env("MERIDIAN_API_KEY") or _env("POCKETDNS_API_KEY")
        simple_token = simple_token or _env("MERIDIAN_SIMPLE_TOKEN")
        if not api_key and not simple_token:
            raise MeridianConfigurationError(
                "no API key: pass api_key or set MERIDIAN_API_KEY (or POCKETDNS_API_KEY)")
        if api_key and environment == "production" and api_key.startswith(SANDBOX_KEY_PREFIX):
            raise MeridianConfigurationError(
                "a sandbox key (mk_test_…) cannot be used with environment='production'; "
                "pass environment='sandbox' or a production key (mk_live_…)")
        if timeout <= 0:
            raise MeridianConfigurationError(f"timeout must be positive, got {timeout!r}")
        if max_retries < 0:
            raise MeridianConfigurationError(f"max_retries must be 0 or more, got {max_retries!r}")
        base_url = base_url or _env("MERIDIAN_BASE_URL")
        if not base_url:
            raise MeridianConfigurationError(
                "no base URL: Meridian is self-hosted; pass base_url or set MERIDIAN_BASE_URL")
        production_url = _check_url(base_url, "base_url")
        if environment == "sandbox":
            sandbox = sandbox_base_url or _env("MERIDIAN_SANDBOX_BASE_URL")
            api_url = _check_url(sandbox, "sandbox_base_url") if sandbox else sandbox_url_for(production_url)
        else:
            api_url = production_url

        self.environment = environment
        self.base_url = api_url
        self.production_base_url = production_url
        self._settings: Dict[str, Any] = dict(
            api_key=api_key, environment=environment, base_url=base_url, sandbox_base_url=sandbox_base_url,
            timeout=timeout, max_retries=max_retries, max_retry_after=max_retry_after,
            initial_retry_delay=initial_retry_delay, max_retry_delay=max_retry_delay, simple_token=simple_token,
            simple_base_url=simple_base_url, default_headers=default_headers)
        retry = RetryPolicy(max_retries=max_retries, initial_delay=initial_retry_delay, max_delay=max_retry_delay,
                            max_retry_after=max_retry_after)
        self._transport = Transport(api_url, f"Bearer {api_key}" if api_key else None, timeout=timeout,
                                    retry=retry, headers=default_headers)
        self.users = Users(self._transport)
        self.domains = Domains(self._transport)
        self.records = Records(self._transport)
        self.keys = Keys(self._transport)
        self.admin_keys = AdminKeys(self._transport)
        self.client = ClientApi(self._transport)
        self.email_dns = EmailDns(self._transport)
        self._simple: Optional[Simple] = None
        if simple_token:
            simple_url = _check_url(simple_base_url or _env("MERIDIAN_SIMPLE_BASE_URL") or production_url + "/simple",
                                    "simple_base_url")
            self._simple = Simple(Transport(simple_url, f"Bearer {simple_token}", timeout=timeout, retry=retry,
                                            headers=default_headers))

    @property
    def simple(self) -> Simple:
        """The Simple API, authenticated by ``simple_token`` (a JWT from ``meridian token create``)."""
        if self._simple is None:
            raise MeridianConfigurationError(
                "the Simple API needs a token: pass simple_token (or set MERIDIAN_SIMPLE_TOKEN)")
        return self._simple

    @property
    def api_key(self) -> Optional[str]:
        """The key in use (a new one after ``client.rotate_api_key()``)."""
        authorization = self._transport.authorization
        return authorization[len("Bearer "):] if authorization else None

    def with_options(self, **changes: Any) -> "Meridian":
        """A copy with some settings changed, e.g. ``client.with_options(timeout=5, max_retries=0)``."""
        settings = dict(self._settings, api_key=self.api_key)
        unknown = set(changes) - set(settings)
        if unknown:
            raise TypeError(f"with_options: unknown setting(s) {sorted(unknown)}")
        settings.update(changes)
        return Meridian(**settings)

    def __repr__(self) -> str:
        return f"Meridian(environment={self.environment!r}, base_url={self.base_url!r})"


def MeridianSimple(token: Optional[str] = None, *, base_url: Optional[str] = None,  # noqa: N802 (a constructor)
                   timeout: float = DEFAULT_TIMEOUT, max_retries: int = 2) -> Simple:
    """The Simple API alone, from its JWT (or ``MERIDIAN_SIMPLE_TOKEN``) and its base URL (or
    ``MERIDIAN_SIMPLE_BASE_URL``, else ``MERIDIAN_BASE_URL`` + ``/simple``)."""
    token = token or _env("MERIDIAN_SIMPLE_TOKEN")
    if not token:
        raise MeridianConfigurationError("no Simple API token: pass token or set MERIDIAN_SIMPLE_TOKEN")
    url = base_url or _env("MERIDIAN_SIMPLE_BASE_URL")
    if not url and _env("MERIDIAN_BASE_URL"):
        url = str(_env("MERIDIAN_BASE_URL")).rstrip("/") + "/simple"
    if not url:
        raise MeridianConfigurationError("no Simple API base URL: pass base_url or set MERIDIAN_SIMPLE_BASE_URL")
    return Simple(Transport(_check_url(url, "base_url"), f"Bearer {token}", timeout=timeout,
                            retry=RetryPolicy(max_retries=max_retries)))


# The name the spec's examples use: code written as `from pocketdns import PocketDNS` runs after changing the import.
PocketDNS = Meridian
