"""Connect a Y doc to a host from a worker thread.

pycrdt objects are thread-affine, so the worker owns its own asyncio loop, the websocket and a shadow
Y doc that `pycrdt.Provider` keeps in sync with the room. Only update bytes cross threads: `send()`
hands the caller's updates to the worker; `on_update` is called (in the worker thread) with every
update the shadow received from the room. The worker reconnects after a lost connection; the shadow
keeps everything, so edits made offline merge when the connection comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx
from httpx_ws import WebSocketUpgradeError, aconnect_ws
from pycrdt import (
    Awareness,
    Doc,
    Provider,
    TransactionEvent,
    YMessageType,
    create_awareness_message,
    create_update_message,
    read_message,
)

from cjm_editor.collab.host import MAX_MESSAGE, ROOM
from cjm_editor.collab.states import CONNECTING, OFFLINE, REFUSED, STOPPED, SYNCED

__all__ = ["CONNECTING", "OFFLINE", "REFUSED", "STOPPED", "SYNCED", "Peer", "room_url"]
log = logging.getLogger("cjm_editor.collab")

PRESENCE_TIMEOUT = 30.0
"""Seconds after which a silent participant is no longer shown."""


def room_url(address: str, code: str) -> str:
    """The websocket URL of a host's room; `address` is HOST:PORT (or a ws:// URL)."""
    base = address if address.startswith(("ws://", "wss://")) else f"ws://{address}"
    return f"{base.rstrip('/')}{ROOM}?code={code}"


class _Channel:
    """A websocket as a pycrdt Channel that notices when it closes and hands awareness messages
    to the peer (the Provider only handles sync messages)."""

    def __init__(self, ws: Any, on_awareness: Callable[[bytes], None]) -> None:
        self._ws = ws
        self._on_awareness = on_awareness
        self._lock = anyio.Lock()
        self.closed = anyio.Event()
        self.echoes: set[bytes] = set()

    @property
    def path(self) -> str:
        return ROOM

    def __aiter__(self) -> _Channel:
        return self

    async def __anext__(self) -> bytes:
        try:
            message = bytes(await self._ws.receive_bytes())
        except Exception:
            self.closed.set()
            raise StopAsyncIteration from None
        if message and message[0] == YMessageType.AWARENESS:
            self._on_awareness(message[1:])
        return message

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        if message in self.echoes:  # the provider sends back what it received: the host has it
            self.echoes.discard(message)
            return
        async with self._lock:
            try:
                await self._ws.send_bytes(message)
            except Exception:
                self.closed.set()


class Peer:
    """A connection to a host's room, run by a worker thread. `on_update(bytes)`,
    `on_status(state, detail)` and `on_presence({client id: state})` are called in that thread."""

    def __init__(
        self,
        address: str,
        code: str,
        on_update: Callable[[bytes], None],
        on_status: Callable[[str, str], None] = lambda state, detail: None,
        on_presence: Callable[[dict[int, dict[str, Any]]], None] = lambda states: None,
        initial: bytes = b"",
        retry_seconds: float = 0.5,
    ) -> None:
        self.url = room_url(address, code)
        self._on_update, self._on_status, self._on_presence = on_update, on_status, on_presence
        self._initial = initial
        self._retry = retry_seconds
        self._loop: asyncio.AbstractEventLoop | None = None
        self._inbox: asyncio.Queue[bytes | None] | None = None
        self._started = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._main, name="cjm-collab-peer", daemon=True)
        self._from_caller = False
        self._channel: _Channel | None = None
        self._awareness: Awareness | None = None
        self._local_state: dict[str, Any] | None = None
        self.state = CONNECTING

    # ------------------------------------------------------------------ caller's thread
    def start(self) -> None:
        self._thread.start()
        self._started.wait(10)

    def _call(self, function: Callable[..., Any], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the worker has just ended
                loop.call_soon_threadsafe(function, *args)

    def send(self, update: bytes) -> None:
        """Hand a local update to the worker (thread-safe)."""
        if self._inbox is not None:
            self._call(self._inbox.put_nowait, update)

    def set_presence(self, state: dict[str, Any]) -> None:
        """Tell the others who you are and what you have selected (thread-safe)."""
        self._call(self._set_presence, state)

    def stop(self, timeout: float = 5.0) -> None:
        """Send what is queued, close the connection and end the worker."""
        self._stopping.set()
        if self._inbox is not None:
            self._call(self._inbox.put_nowait, None)
        self._thread.join(timeout)

    # ------------------------------------------------------------------ worker thread
    def _main(self) -> None:
        asyncio.run(self._run())

    def _status(self, state: str, detail: str = "") -> None:
        self.state = state
        self._on_status(state, detail)

    async def _run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._inbox = asyncio.Queue()
        shadow: Doc[Any] = Doc()
        if self._initial:
            shadow.apply_update(self._initial)
        self._awareness = Awareness(shadow)
        if self._local_state is not None:
            self._awareness.set_local_state(self._local_state)
        subscription = shadow.observe(self._forward)
        self._started.set()
        async with anyio.create_task_group() as tg:
            tg.start_soon(self._take_inbox, shadow, tg)
            tg.start_soon(self._heartbeat)
            while not self._stopping.is_set():
                await self._connect_once(shadow)
                if self.state == REFUSED or self._stopping.is_set():
                    break
                with anyio.move_on_after(self._retry):
                    while not self._stopping.is_set():
                        await anyio.sleep(0.05)
            tg.cancel_scope.cancel()
        shadow.unobserve(subscription)
        self._status(STOPPED)

    async def _take_inbox(self, shadow: Doc[Any], tg: Any) -> None:
        assert self._inbox is not None
        while True:
            update = await self._inbox.get()
            if update is None:
                break
            self._from_caller = True
            try:
                shadow.apply_update(update)
            finally:
                self._from_caller = False
        # stopping: tell the others you left, and give the provider a moment to send what is queued
        channel = self._channel
        if channel is not None and self._awareness is not None:
            self._awareness.set_local_state(None)
            update = self._awareness.encode_awareness_update([self._awareness.client_id])
            await channel.send(create_awareness_message(update))
        if channel is not None:
            with anyio.move_on_after(1.0):
                await anyio.sleep(0.1)
            await _close(channel)

    def _forward(self, event: TransactionEvent) -> None:
        if not self._from_caller:
            if self._channel is not None:
                self._channel.echoes.add(create_update_message(event.update))
            self._on_update(event.update)

    async def _connect_once(self, shadow: Doc[Any]) -> None:
        self._status(CONNECTING)
        try:
            async with (
                httpx.AsyncClient(timeout=10.0) as client,
                aconnect_ws(self.url, client, max_message_size_bytes=MAX_MESSAGE) as ws,  # type: ignore[var-annotated]
            ):
                channel = _Channel(ws, self._awareness_message)
                self._channel = channel
                async with Provider(shadow, channel, log=log) as provider:
                    with anyio.move_on_after(30):
                        await _first(provider.synced.wait, channel.closed.wait)
                    if provider.synced.is_set():
                        self._status(SYNCED)
                        await self._send_presence()
                    await channel.closed.wait()
                self._channel = None
        except WebSocketUpgradeError as exc:
            self._status(REFUSED, f"the host refused to let you in ({exc.response.status_code})")
            return
        except Exception as exc:  # a network error of any kind: retry
            log.info("connection to %s lost: %s", self.url, exc)
        self._channel = None
        if not self._stopping.is_set():
            self._status(OFFLINE, "the connection to the host was lost; your edits are kept")

    # ------------------------------------------------------------------ presence
    def _set_presence(self, state: dict[str, Any]) -> None:
        self._local_state = state
        if self._awareness is not None:
            self._awareness.set_local_state(state)
            asyncio.ensure_future(self._send_presence())

    async def _send_presence(self) -> None:
        channel, awareness = self._channel, self._awareness
        if channel is None or awareness is None or awareness.get_local_state() is None:
            return
        update = awareness.encode_awareness_update([awareness.client_id])
        await channel.send(create_awareness_message(update))

    def _awareness_message(self, payload: bytes) -> None:
        if self._awareness is None:
            return
        try:
            self._awareness.apply_awareness_update(read_message(payload), "remote")
        except Exception as exc:
            log.info("ignored a malformed presence message: %s", exc)
            return
        self._report_presence()

    def _report_presence(self) -> None:
        """The others present: states heard from in the last PRESENCE_TIMEOUT seconds."""
        awareness = self._awareness
        if awareness is None:
            return
        own, now = awareness.client_id, time.time() * 1000
        fresh = {
            k: v
            for k, v in awareness.states.items()
            if k != own
            and v
            and now - awareness.meta.get(k, {}).get("lastUpdated", 0) < PRESENCE_TIMEOUT * 1000
        }
        self._on_presence(fresh)

    async def _heartbeat(self) -> None:
        """Say you are still here every few seconds, and forget those who went quiet."""
        while True:
            await anyio.sleep(PRESENCE_TIMEOUT / 3)
            await self._send_presence()
            self._report_presence()


async def _first(*waits: Callable[[], Any]) -> None:
    """Return when the first of several waits returns."""
    async with anyio.create_task_group() as tg:

        async def one(wait: Callable[[], Any]) -> None:
            await wait()
            tg.cancel_scope.cancel()

        for wait in waits:
            tg.start_soon(one, wait)


async def _close(channel: _Channel) -> None:
    with contextlib.suppress(Exception):
        await channel._ws.close()
    channel.closed.set()
