"""Host a shared map: one pycrdt-websocket room behind a join code, served by hypercorn on one
chosen interface, its history kept in a SQLite store.

The room's Y doc comes from the store when the store already holds this map's room (a restart
resumes the same history, so clients that still hold old state merge), and from the map file only
the first time. Stores are kept per map file (`default_store`), never per documentId alone: copies of
a map share that id, and one copy's room must never come back as another's map.
The store is written by a flusher: the room's updates are buffered and written,
merged, every `flush_seconds` and once more before the host stops (pycrdt-websocket's own store
writes are fire-and-forget and can be lost when the process stops).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import platformdirs
from hypercorn.asyncio import serve
from hypercorn.config import Config
from pycrdt import Doc, TransactionEvent, merge_updates
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import WebsocketServer, YRoom
from pycrdt.websocket.asgi_server import ASGIWebsocket
from pycrdt.websocket.websocket_server import exception_logger

from cjm_editor.collab.gate import Gate, code_from_query, new_code
from cjm_editor.collab.ystate import populate, read_journey
from cjm_editor.formats import cjm_json
from cjm_editor.formats.recovery import file_key
from cjm_editor.model.journey import Journey

ROOM = "/map"
"""The one room a host serves; clients connect to ws://ADDRESS:PORT/map?code=CODE."""
MAX_MESSAGE = 16 * 1024 * 1024
"""Largest websocket message accepted: a 5,000-card map's whole state is about 1.5 MB."""

log = logging.getLogger("cjm_editor.collab")

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass
class HostInfo:
    """What a person needs to join: the address and the code."""

    address: str
    port: int
    code: str
    resumed: bool = False
    store: str = ""

    @property
    def url(self) -> str:
        return f"ws://{self.address}:{self.port}"

    @property
    def invitation(self) -> str:
        """The text of the QR code: the address and the code together."""
        return f"cjm://{self.address}:{self.port}/?code={self.code}"


@dataclass
class HostOptions:
    bind: str = "127.0.0.1"
    port: int = 0
    code: str = field(default_factory=new_code)
    max_clients: int = 32
    max_message: int = MAX_MESSAGE
    flush_seconds: float = 1.0


class Host:
    """Serves `journey` (or the history the store holds for it) until `stop` is set."""

    def __init__(
        self, journey: Journey, store: Path, options: HostOptions | None = None, legacy: Path | None = None
    ) -> None:
        self.journey = journey
        self.store_path = store
        self.legacy = legacy  # where an older editor kept this map's room (by documentId), if anywhere
        self.options = options or HostOptions()
        self.gate = Gate(self.options.code, max_clients=self.options.max_clients)
        self.ydoc: Doc[Any] = Doc()
        self.server = WebsocketServer(auto_clean_rooms=False, exception_handler=exception_logger, log=log)
        self._pending: list[bytes] = []
        self._sockets: set[Send] = set()
        self._socket: socket.socket | None = None
        self._server_ready = anyio.Event()
        self.stop = anyio.Event()
        self.info: HostInfo | None = None

    # ------------------------------------------------------------------ ASGI
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] == "http":
            body = b"A cjm-editor shared map: join it with File > Join in the editor.\n"
            headers = [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 404, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        if scope["type"] != "websocket":
            return
        message = await receive()
        if message["type"] != "websocket.connect":
            return
        address = str((scope.get("client") or ("?", 0))[0])
        why = self.gate.check(address, code_from_query(scope.get("query_string", b"")))
        if why is not None:
            log.warning("refused a join from %s: %s", address, why)
            await send({"type": "websocket.close", "code": 1008})
            return
        await self._server_ready.wait()
        self.gate.clients += 1
        self._sockets.add(send)
        try:
            await send({"type": "websocket.accept"})
            await self.server.serve(ASGIWebsocket(receive, send, ROOM))
        finally:
            self._sockets.discard(send)
            self.gate.clients -= 1

    # ------------------------------------------------------------------ running
    def listen(self) -> socket.socket:
        """Open the listening socket on the chosen interface (OSError: address taken or not ours).
        Called by `run` when not called before; call it first to report a bad address plainly."""
        if self._socket is None:
            self._socket = _listen(self.options.bind, self.options.port)
        return self._socket

    async def run(self, started: Callable[[HostInfo], None] | None = None) -> None:
        """Open the store, start the room and the web server; return once `stop` is set and the
        store has been flushed."""
        sock = self._socket or self.listen()
        self.store_path.parent.mkdir(parents=True, exist_ok=True)
        if self.legacy is not None and self.legacy.is_file() and not self.store_path.exists():
            await self._adopt(self.legacy)
        store = SQLiteYStore(path=ROOM, log=log)
        store.db_path = str(self.store_path)
        async with store:
            resumed = await self._load(store)
            subscription = self.ydoc.observe(self._buffer)
            room = YRoom(ready=True, ydoc=self.ydoc, exception_handler=exception_logger, log=log)
            room.on_message_error = _skip_bad_message
            config = Config()
            config.bind = [f"fd://{sock.fileno()}"]
            config.websocket_max_message_size = self.options.max_message
            config.graceful_timeout = 2.0
            config.accesslog = None
            config.loglevel = "WARNING"  # no "Running on" line: the caller says where
            try:
                async with self.server, anyio.create_task_group() as tg:
                    self.server.rooms[ROOM] = room
                    await self.server.start_room(room)
                    self._server_ready.set()
                    tg.start_soon(self._flusher, store)
                    async with anyio.create_task_group() as web:
                        web.start_soon(self._serve, config)
                        port = sock.getsockname()[1]
                        options = self.options
                        self.info = HostInfo(options.bind, port, options.code, resumed, str(self.store_path))
                        if started is not None:
                            started(self.info)
                    # the web server has shut down gracefully (its trigger is `stop`)
                    tg.cancel_scope.cancel()
            finally:
                self.ydoc.unobserve(subscription)
                with contextlib.suppress(OSError):  # hypercorn may have closed it already
                    sock.close()
                with anyio.CancelScope(shield=True):
                    await self._flush(store)

    async def _serve(self, config: Config) -> None:
        await serve(self, config, shutdown_trigger=self._shutdown)  # type: ignore[arg-type]

    async def _shutdown(self) -> None:
        """Wait for `stop`, then close every websocket so the web server can stop at once."""
        await self.stop.wait()
        for send in list(self._sockets):
            with contextlib.suppress(Exception):
                await send({"type": "websocket.close", "code": 1001})

    async def _load(self, store: SQLiteYStore) -> bool:
        """Resume the room's history from the store, or start it from the map file."""
        try:
            await store.apply_updates(self.ydoc)
            return True
        except YDocNotFound:
            populate(self.ydoc, self.journey)
            await store.write(self.ydoc.get_update())
            return False

    async def _adopt(self, legacy: Path) -> None:
        """Resume an older editor's room (kept per documentId) only when it holds this map file as it
        is: then it is this file's room. The room is copied, never moved: a copy of the map with the
        same id may adopt it too, and from then on each has its own."""
        trial = self.store_path.with_name(f".{self.store_path.name}.{os.getpid()}.adopting")
        shutil.copyfile(legacy, trial)
        try:
            old = SQLiteYStore(path=ROOM, log=log)
            old.db_path = str(trial)
            ydoc: Doc[Any] = Doc()
            async with old:
                await old.apply_updates(ydoc)
            room, _report = read_journey(ydoc, "shared map")
            fresh: Doc[Any] = Doc()
            populate(fresh, self.journey)  # the file as a room holds it (keyed and repaired)
            mine, _report = read_journey(fresh, "shared map")
            if cjm_json.dumps(room) == cjm_json.dumps(mine):
                os.replace(trial, self.store_path)
        except (YDocNotFound, OSError, ValueError) as exc:
            log.warning("did not resume the room kept in %s: %s", legacy, exc)
        finally:
            with contextlib.suppress(FileNotFoundError):
                trial.unlink()

    def _buffer(self, event: TransactionEvent) -> None:
        self._pending.append(event.update)

    async def _flusher(self, store: SQLiteYStore) -> None:
        while True:
            await anyio.sleep(self.options.flush_seconds)
            await self._flush(store)

    async def _flush(self, store: SQLiteYStore) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        await store.write(merge_updates(*pending) if len(pending) > 1 else pending[0])

    def snapshot(self) -> Journey:
        """The map as the room holds it now, repaired like a loaded file (for the host's copy)."""
        journey, _report = read_journey(self.ydoc, "shared map")
        return journey


def _shared_folder() -> Path:
    return Path(platformdirs.user_data_dir("cjm-editor")) / "shared"


def _safe(document_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in document_id)[:80] or "map"


def default_store(path: str | os.PathLike[str] | None, document_id: str) -> Path:
    """Where a map's shared history lives: the user's data folder, never beside the map. One store per
    map file (its resolved path); a map without a file (never saved) by its documentId."""
    if path is not None:
        return _shared_folder() / f"{file_key(path)}.sqlite"
    return _shared_folder() / f"untitled-{_safe(document_id)}.sqlite"


def legacy_store(document_id: str) -> Path:
    """Where older editors kept a map's shared history: per documentId (see `Host._adopt`)."""
    return _shared_folder() / f"{_safe(document_id)}.sqlite"


def _skip_bad_message(exc: Exception, message: bytes, channel: Any) -> bool:
    log.warning("ignored a malformed message (%d bytes): %s", len(message), exc)
    return True


def _listen(bind: str, port: int) -> socket.socket:
    """A listening socket on one interface (never all of them unless asked for by name)."""
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((bind, port))
    sock.listen(64)
    sock.set_inheritable(True)
    return sock
