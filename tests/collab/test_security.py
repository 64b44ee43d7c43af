"""The join code is checked before the websocket opens: a wrong code gets an HTTP refusal and not one
byte of the map; wrong codes lock an address out; the room's size is capped."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import time

import pytest

from cjm_editor.collab.gate import Gate, new_code, normal
from cjm_editor.collab.shared import JoinError, SharedMap
from cjm_editor.formats import cjm_json
from tests.collab.hosting import serve

pytestmark = pytest.mark.timeout(120)


def _handshake(address: str, code: str) -> bytes:
    """Open a websocket by hand and return every byte the host sends in the first second or two."""
    host, port = address.rsplit(":", 1)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /map?code={code} HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    received = b""
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(request.encode())
        sock.settimeout(0.5)
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                continue
            if not chunk:
                break
            received += chunk
    return received


@pytest.fixture
def hosted(tmp_path, sample_file):
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    served = serve(map_path, tmp_path / "store.sqlite")
    yield served, cjm_json.load(map_path).journey
    served.stop()


def test_a_wrong_code_receives_no_map_data(hosted):
    served, journey = hosted
    wrong = _handshake(served.address, new_code())
    assert wrong.startswith(b"HTTP/1.1 403"), wrong[:80]
    right = _handshake(served.address, served.code)
    assert right.startswith(b"HTTP/1.1 101"), right[:80]
    head, _, frames = right.partition(b"\r\n\r\n")
    _, _, after = wrong.partition(b"\r\n\r\n")
    # the right code gets the room's first sync message (a binary frame); the wrong one gets nothing
    assert frames[:1] == b"\x82"
    assert b"\x82" not in after and len(after) < 64
    title = journey.cards[0].title.encode()
    assert title not in wrong


def test_wrong_codes_lock_the_address_out(hosted):
    served, _ = hosted
    for _ in range(5):
        assert _handshake(served.address, new_code()).startswith(b"HTTP/1.1 403")
    # now even the right code is refused from this address for a while
    assert _handshake(served.address, served.code).startswith(b"HTTP/1.1 403")


def test_joining_with_a_wrong_code_raises_a_clear_error(hosted):
    served, _ = hosted
    with pytest.raises(JoinError, match="refused"):
        SharedMap(served.address, new_code()).join(20)


def test_the_code_is_at_least_64_bits_and_forgiving_to_type():
    code = new_code()
    letters = normal(code)
    assert len(letters) * 5 >= 64
    assert normal(code.lower().replace("-", " ")) == letters
    assert len({new_code() for _ in range(100)}) == 100


def test_gate_counts_clients_and_forgets_lockouts():
    now = [0.0]
    gate = Gate("ABCD-EFGH-IJKL-MNOP", max_clients=2, lockout_seconds=30, clock=lambda: now[0])
    assert gate.check("10.0.0.1", "abcd efgh ijkl mnop") is None
    gate.clients = 2
    assert "connected" in (gate.check("10.0.0.1", "ABCDEFGHIJKLMNOP") or "")
    gate.clients = 0
    for _ in range(5):
        assert gate.check("10.0.0.2", "WRONG") == "wrong join code"
    assert "too many" in (gate.check("10.0.0.2", "ABCDEFGHIJKLMNOP") or "")
    assert gate.check("10.0.0.3", "ABCDEFGHIJKLMNOP") is None  # others are not locked out
    now[0] = 31.0
    assert gate.check("10.0.0.2", "ABCDEFGHIJKLMNOP") is None


def test_gate_caps_wrong_codes_from_everywhere():
    gate = Gate("ABCD-EFGH-IJKL-MNOP", global_failures_per_minute=10, clock=lambda: 0.0)
    for i in range(10):
        gate.check(f"10.0.1.{i}", "WRONG")
    assert "a minute" in (gate.check("10.0.2.1", "ABCDEFGHIJKLMNOP") or "")


def test_an_oversized_message_closes_the_connection_and_the_host_lives_on(hosted):
    import anyio
    import httpx
    from httpx_ws import aconnect_ws

    from cjm_editor.collab.host import MAX_MESSAGE
    from cjm_editor.collab.peer import room_url

    served, journey = hosted
    outcome: list[str] = []

    async def attack() -> None:
        async with (
            httpx.AsyncClient() as client,
            aconnect_ws(
                room_url(served.address, served.code), client, max_message_size_bytes=MAX_MESSAGE
            ) as ws,
        ):
            await ws.receive_bytes()  # the room's first sync message: the code was right
            await ws.send_bytes(b"\x00\x02" + b"x" * (MAX_MESSAGE + 1024))
            try:
                with anyio.fail_after(20):
                    while True:
                        await ws.receive_bytes()
            except Exception as exc:  # closed by the host
                outcome.append(type(exc).__name__)

    anyio.run(attack)
    assert outcome and outcome[0] != "TimeoutError", outcome
    # the map is unharmed and others still join
    shared = SharedMap(served.address, served.code)
    doc = shared.join(20)
    shared.close()
    assert len(doc.journey.cards) == len(journey.cards)


def test_the_room_has_a_size_limit(tmp_path, sample_file):
    map_path = tmp_path / "shared.cjm.json"
    shutil.copy(sample_file, map_path)
    served = serve(map_path, tmp_path / "store.sqlite", max_clients=2)
    first, second = SharedMap(served.address, served.code), SharedMap(served.address, served.code)
    try:
        first.join(20)
        second.join(20)
        with pytest.raises(JoinError, match="refused"):
            SharedMap(served.address, served.code).join(20)
        second.close()
        late = SharedMap(served.address, served.code)
        assert late.join(20) is not None  # a place came free
        late.close()
    finally:
        first.close()
        second.close()
        served.stop()
