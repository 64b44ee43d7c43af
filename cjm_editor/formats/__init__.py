"""File formats in and out. Pure Python: no Qt."""

from __future__ import annotations
