"""The journey canvas: the scene mirroring the document, the view, the items, and the interactions
(one object per gesture; a mode is the set of interactions the scene offers its events to)."""

from __future__ import annotations
