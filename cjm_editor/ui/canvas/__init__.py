"""The journey canvas: scene mirroring the document, view, items."""

from __future__ import annotations
