"""When and how long to wait before trying a request again."""
from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Mapping, Optional

# Statuses worth another attempt: a timeout, a request still in flight (409 with an Idempotency-Key), the rate
# limit, and the server's own failures.
RETRYABLE_STATUSES = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """``max_retries`` attempts after the first; waits grow from ``initial_delay`` doubling up to ``max_delay``,
    each scaled by a random factor in [0.5, 1] (jitter, so many clients do not retry in step); a ``Retry-After``
    from the server is honoured up to ``max_retry_after`` seconds."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def should_retry_status(self, status: int) -> bool:
        return status in RETRYABLE_STATUSES or status >= 500

    def delay(self, retry_number: int, headers: Optional[Mapping[str, str]] = None,
              rng: Optional[random.Random] = None) -> float:
        """Seconds to wait before retry ``retry_number`` (1 for the first retry)."""
        retry_after = parse_retry_after(headers or {})
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        base = min(self.initial_delay * (2 ** (retry_number - 1)), self.max_delay)
        jitter: float = (rng or random).random()
        return float(base * (0.5 + 0.5 * jitter))


def parse_retry_after(headers: Mapping[str, str]) -> Optional[float]:
    """``Retry-After`` as seconds (a number or an HTTP date), None when absent or unreadable."""
    value = None
    for name, header in headers.items():
        if name.lower() == "retry-after":
            value = header.strip()
            break
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)
