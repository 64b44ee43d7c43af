"""The states of a connection to a host (a module of its own, light to import)."""

from __future__ import annotations

CONNECTING, SYNCED, OFFLINE, REFUSED, STOPPED = "connecting", "synced", "offline", "refused", "stopped"
