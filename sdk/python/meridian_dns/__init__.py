"""Meridian DNS for Python: ``from meridian_dns import Meridian``.

Standard library only. See README.md for the quick start.
"""
from ._async import AsyncMeridian, AsyncPager
from ._client import Meridian, MeridianSimple, PocketDNS, sandbox_url_for
from ._errors import (APIStatusError, AuthenticationError, BadRequestError, ConflictError, InternalServerError,
                      MeridianConfigurationError, MeridianConnectionError, MeridianError, MeridianTimeoutError,
                      NotFoundError, PermissionDeniedError, RateLimitError, UnprocessableEntityError)
from ._pagination import Pager
from ._retry import RetryPolicy
from ._transport import RequestOptions
from ._version import __version__

__all__ = [
    "Meridian", "PocketDNS", "MeridianSimple", "AsyncMeridian", "AsyncPager", "sandbox_url_for", "Pager", "RequestOptions", "RetryPolicy",
    "MeridianError", "MeridianConfigurationError", "MeridianConnectionError", "MeridianTimeoutError",
    "APIStatusError", "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError",
    "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError", "__version__",
]
