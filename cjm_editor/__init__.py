"""cjm-editor: an offline-first desktop editor for customer journey maps."""

from __future__ import annotations

__version__ = "0.1.0"
