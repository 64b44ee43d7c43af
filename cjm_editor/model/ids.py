"""Element ids: uuid4 hex strings, created once and persisted."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """Return a fresh element id."""
    return uuid.uuid4().hex
