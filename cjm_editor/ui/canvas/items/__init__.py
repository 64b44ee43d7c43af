"""One module per kind of canvas item."""

from __future__ import annotations
