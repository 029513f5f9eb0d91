"""Builds request paths with every caller-supplied segment percent-encoded."""
from __future__ import annotations

import urllib.parse
from typing import Any, Dict


def segment(value: Any) -> str:
    """One path segment: a user identifier like ``a/b`` must not become two segments."""
    return urllib.parse.quote(str(value), safe="")


def without_none(**fields: Any) -> Dict[str, Any]:
    """A JSON body of the fields the caller gave (None means "not sent")."""
    return {name: value for name, value in fields.items() if value is not None}
