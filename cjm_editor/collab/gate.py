"""The join code and the door it opens: checked before the websocket is accepted, so a wrong code
never receives a byte of the map; wrong codes are rate-limited per address and overall."""

from __future__ import annotations

import base64
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs

CODE_BYTES = 10
"""80 bits of secret: far past guessing at the rates the gate allows."""


def new_code() -> str:
    """A fresh join code, as people read it: 16 letters and digits in groups of four."""
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normal(code: str) -> str:
    """A code as typed (any case, spaces or dashes, 0/1 for O/I) in its canonical form."""
    kept = "".join(ch for ch in code.upper() if ch.isalnum())
    return kept.replace("0", "O").replace("1", "I").replace("8", "B")


def code_from_query(query: bytes) -> str:
    """The `code` parameter of a websocket URL's query string ("" when absent)."""
    values = parse_qs(query.decode("latin-1")).get("code", [""])
    return values[0]


@dataclass
class Gate:
    """Decides whether a connection may join: the right code, not locked out, room not full."""

    code: str
    max_clients: int = 32
    failures_before_lockout: int = 5
    lockout_seconds: float = 30.0
    global_failures_per_minute: int = 60
    clock: Callable[[], float] = time.monotonic
    clients: int = 0
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _locked_until: dict[str, float] = field(default_factory=dict)
    _recent: list[float] = field(default_factory=list)

    def check(self, address: str, offered: str) -> str | None:
        """None to let the connection in; otherwise why it is refused (for the host's log)."""
        now = self.clock()
        if self._locked_until.get(address, 0.0) > now:
            return "too many wrong codes from this address; wait and try again"
        self._recent = [t for t in self._recent if now - t < 60.0]
        if len(self._recent) >= self.global_failures_per_minute:
            return "too many wrong codes; the host is refusing joins for a minute"
        if not hmac.compare_digest(normal(offered).encode(), normal(self.code).encode()):
            self._recent.append(now)
            times = [t for t in self._failures.get(address, []) if now - t < self.lockout_seconds]
            times.append(now)
            self._failures[address] = times
            if len(times) >= self.failures_before_lockout:
                self._locked_until[address] = now + self.lockout_seconds
                self._failures[address] = []
            return "wrong join code"
        if self.clients >= self.max_clients:
            return f"the map already has {self.max_clients} people connected"
        self._failures.pop(address, None)
        return None
