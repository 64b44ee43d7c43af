"""Which address to offer: the one interface a host binds to."""

from __future__ import annotations

import socket


def lan_address() -> str:
    """The address of the interface that reaches the local network (the default route's), or
    127.0.0.1 when there is none. Connecting a UDP socket sends nothing; it only picks the route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never reached
            address = str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
    return "127.0.0.1" if address.startswith("0.") else address
