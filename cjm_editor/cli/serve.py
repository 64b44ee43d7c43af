"""`cjm serve MAP`: share a map on the local network, headless, until Ctrl+C or SIGTERM.

The map file stays the host's saved copy: it is rewritten (atomically) a few seconds after the shared
map changes and once more when the host stops; the room's history lives in a SQLite store so a
restart resumes it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError, SaveError

if TYPE_CHECKING:  # the network stack loads only when a map is shared (`cjm` starts fast)
    from cjm_editor.collab.host import Host, HostInfo


def add_serve(sub: Any) -> None:
    p = sub.add_parser("serve", help="share a map on the local network (co-editing host)")
    p.add_argument("file", metavar="MAP")
    p.add_argument("--bind", metavar="ADDR", help="the one interface to listen on (default: the LAN one)")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port (default: 8765)")
    p.add_argument("--store", metavar="PATH", help="the SQLite file of the shared history")
    p.add_argument("--code", help="the join code (default: a fresh random one)")
    p.add_argument("--max-clients", type=int, default=32)
    p.add_argument("--save-seconds", type=float, default=3.0, help="how soon the map file follows changes")
    p.add_argument("--no-qr", action="store_true", help="do not print the QR code")
    p.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import anyio

    from cjm_editor.collab.host import Host, HostOptions, default_store, legacy_store
    from cjm_editor.collab.network import lan_address

    try:
        loaded = cjm_json.load(args.file)
    except LoadError as exc:
        print(exc, file=sys.stderr)
        return 1
    for line in loaded.report.lines():
        print(line, file=sys.stderr)
    options = HostOptions(bind=args.bind or lan_address(), port=args.port, max_clients=args.max_clients)
    if args.code:
        options.code = args.code
    document_id = loaded.journey.id
    store = Path(args.store) if args.store else default_store(args.file, document_id)
    legacy = None if args.store else legacy_store(document_id)
    host = Host(loaded.journey, store, options, legacy)
    try:
        host.listen()
        anyio.run(_serve, host, args)
    except OSError as exc:
        print(
            f"{args.file}: $: cannot share on {options.bind}:{options.port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    except SaveError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


async def _serve(host: Host, args: argparse.Namespace) -> None:
    import anyio

    changes = [0, 0]  # changes seen, changes saved

    def count(_: Any) -> None:
        changes[0] += 1

    def started(info: HostInfo) -> None:
        _keep_the_file(host, info, args)
        _announce(info, args)
        host.ydoc.observe(count)

    async with anyio.create_task_group() as tg:
        tg.start_soon(_stop_on_signal, host)
        tg.start_soon(_save_loop, host, args, changes)
        await host.run(started)
        tg.cancel_scope.cancel()
    if changes[0] != changes[1]:
        _save(host, args)
    print(f"{args.file}: stopped sharing; the map file is saved", flush=True)


def _keep_the_file(host: Host, info: HostInfo, args: argparse.Namespace) -> None:
    """The room resumed its history, which wins (clients may hold it); a map file that differs from it
    (edited while not shared) is kept as a copy beside the history before it is ever overwritten."""
    if not info.resumed or cjm_json.dumps(host.snapshot()) == cjm_json.dumps(host.journey):
        return
    store = Path(info.store)
    kept = store.with_name(f"{store.stem}-before-sharing-{int(time.time())}{cjm_json.SUFFIX}")
    cjm_json.save(host.journey, kept)
    print(
        f"{args.file}: $: differs from the shared history, which is resumed; "
        f"the file as it was is kept in {kept}"
    )


def _announce(info: HostInfo, args: argparse.Namespace) -> None:
    import segno

    print(f"{args.file}: shared at {info.url}", flush=False)
    if info.resumed:
        print(f"resumed the shared history kept in {info.store}")
    print(f"address: {info.address}:{info.port}")
    print(f"code: {info.code}")
    if not args.no_qr:
        segno.make(info.invitation, error="m").terminal(out=sys.stdout, compact=True)
    print("Stop sharing with Ctrl+C.", flush=True)


async def _stop_on_signal(host: Host) -> None:
    import anyio

    with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async for _ in signals:
            host.stop.set()
            return


async def _save_loop(host: Host, args: argparse.Namespace, changes: list[int]) -> None:
    import anyio

    while True:
        await anyio.sleep(args.save_seconds)
        if changes[0] != changes[1] and host.info is not None:
            _save(host, args)
            changes[1] = changes[0]


def _save(host: Host, args: argparse.Namespace) -> None:
    journey = host.snapshot()
    if os.path.exists(args.file):
        with contextlib.suppress(LoadError):
            if cjm_json.dumps(journey) == cjm_json.dumps(cjm_json.load(args.file).journey):
                return
    cjm_json.save(journey, args.file)
