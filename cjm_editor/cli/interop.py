"""`cjm import mermaid|csv` and `cjm export mermaid|csv|png|svg`."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from cjm_editor.cli.messages import INVALID, OK, USAGE, err, import_refused, warnings
from cjm_editor.cli.workshop import add_ratings_import
from cjm_editor.formats import cjm_json
from cjm_editor.formats.atomic import write_atomic
from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.model import limits

# The Mermaid and CSV readers and writers are imported by the commands that use them, so a command
# loads only what it needs (`cjm export pdf day.mmd` is timed against mermaid-cli: bench/bench_pdf.py).
from cjm_editor.model.journey import Journey
from cjm_editor.model.vocabulary import counted


def same_file(a: str, b: str) -> bool:
    """True when two names lead to the same file (or to the same place, for a file not yet made)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        try:
            return os.path.realpath(a) == os.path.realpath(b)
        except (OSError, ValueError):
            return False


def refuse_output(file: str, out: str, force: bool) -> int | None:
    """USAGE when OUT is the input itself (even with --force), INVALID when OUT exists and --force
    was not given; None when writing OUT is fine."""
    if same_file(file, out):
        err(f"{out}: $: this is the input file; choose another output (it was not changed)")
        return USAGE
    if os.path.lexists(out) and not force:
        err(f"{out}: $: the file exists; use --force to replace it")
        return INVALID
    return None


def _refuse_overwrite(args: argparse.Namespace) -> bool:
    status = refuse_output(args.file, args.out, args.force)
    args.refused = status
    return status is not None


def cmd_import_mermaid(args: argparse.Namespace) -> int:
    from cjm_editor.formats.mermaid import convert

    if _refuse_overwrite(args):
        return int(args.refused)
    try:
        result = convert.load(args.file, web_page=args.web_page)
        cjm_json.save(result.journey, args.out)
    except (LoadError, SaveError) as exc:
        err(str(exc))
        return INVALID
    for line in result.report.lines():
        err(f"warning: {line}")
    j = result.journey
    print(
        f"{args.out}: {counted(len(j.stages), 'stage')}, {counted(len(j.cards), 'task')}, "
        f"{counted(len(j.personas), 'persona')}"
    )
    return OK


def cmd_import_csv(args: argparse.Namespace) -> int:
    from cjm_editor.formats import csv_cards
    from cjm_editor.formats.csv_cards import CsvRowsError

    if args.into is None and _refuse_overwrite(args):
        return int(args.refused)
    if args.into is not None and same_file(args.file, args.into):
        err(f"{args.into}: $: this is the input file; choose another map (it was not changed)")
        return USAGE
    try:
        loaded = cjm_json.load(args.into) if args.into else None
        base = loaded.journey if loaded else None
        if loaded is not None:  # the map's own repairs are saved with the cards: say so
            for line in loaded.report.lines():
                err(f"warning: {line} (saved with the imported cards)")
        result = csv_cards.load(args.file, into=base, skip_bad=args.skip_bad)
        cjm_json.save(result.journey, args.out or args.into)
    except (CsvRowsError, LoadError, SaveError) as exc:
        return import_refused(exc, args.file)
    warnings(result.report)
    print(f"{args.out or args.into}: {counted(len(result.journey.cards), 'card')}")
    return OK


def load_map(path: str) -> Journey | None:
    """A map file, or a Mermaid journey (.mmd) read on the fly, so `cjm export pdf day.mmd` works."""
    try:
        if path.lower().endswith((".mmd", ".mermaid")):
            from cjm_editor.formats.mermaid import convert

            result = convert.load(path)
            for line in result.report.lines():
                err(f"warning: {line}")
            return result.journey
        return cjm_json.load(path).journey
    except LoadError as exc:
        err(str(exc))
        return None


def cmd_export_mermaid(args: argparse.Namespace) -> int:
    if _refuse_overwrite(args):
        return int(args.refused)
    journey = load_map(args.file)
    if journey is None:
        return INVALID
    from cjm_editor.formats.mermaid import write

    text, warnings = write.to_text(journey)
    try:
        write_atomic(args.out, text.encode("utf-8"))
    except SaveError as exc:
        err(str(exc))
        return INVALID
    for warning in warnings:
        err(f"warning: {args.file}: {warning}")
    print(f"{args.out}: Mermaid journey")
    return OK


def cmd_export_csv(args: argparse.Namespace) -> int:
    if _refuse_overwrite(args):
        return int(args.refused)
    journey = load_map(args.file)
    if journey is None:
        return INVALID
    from cjm_editor.formats import csv_cards
    from cjm_editor.formats.csv_losses import losses

    try:
        write_atomic(args.out, csv_cards.to_bytes(journey, bom=args.bom))
    except SaveError as exc:
        err(str(exc))
        return INVALID
    for warning in losses(journey):
        err(f"warning: {args.file}: {warning}")
    print(f"{args.out}: {counted(len(journey.cards), 'card')}")
    return OK


def cmd_export_image(args: argparse.Namespace) -> int:
    hit = limits.image_scale(args.scale)
    if hit is not None:
        err(f"cjm: --scale: {hit}")
        return USAGE
    out = args.out
    if not out.lower().endswith(f".{args.format}"):
        out = f"{out}.{args.format}"
    args.out = out
    if _refuse_overwrite(args):
        return int(args.refused)
    journey = load_map(args.file)
    if journey is None:
        return INVALID
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless: no window is shown anyway
    try:  # the one command that draws with Qt: imported here, so the rest of cjm works without it
        from PySide6.QtWidgets import QApplication

        from cjm_editor.ui.image_export import export_image
    except ImportError as exc:
        err(f"cjm: PNG and SVG images are drawn with Qt (PySide6), which cannot be loaded here: {exc}")
        return USAGE

    _app = QApplication.instance() or QApplication([sys.argv[0]])
    try:
        size = export_image(journey, out, args.scale)
    except SaveError as exc:
        err(str(exc))
        return INVALID
    print(f"{out}: {size.width()} × {size.height()}")
    return OK


def add_commands(sub: Any, formats: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """`import` under the main commands; mermaid, csv, png and svg under `export`."""
    imports = sub.add_parser("import", help="make a map from a Mermaid journey or a CSV of cards")
    kinds = imports.add_subparsers(dest="format", required=True, parser_class=parser_class, metavar="FORMAT")
    p = kinds.add_parser("mermaid", help="a Mermaid journey diagram (.mmd)")
    p.add_argument("file", metavar="IN")
    p.add_argument("-o", "--out", required=True, metavar="OUT.cjm.json")
    p.add_argument("--web-page", action="store_true", help="dedent first, as Mermaid does in a web page")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_import_mermaid)
    p = kinds.add_parser("csv", help="one card per row: stage, lane, kind, title, …")
    p.add_argument("file", metavar="IN")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--out", metavar="OUT.cjm.json", help="a new map")
    target.add_argument("--into", metavar="MAP", help="add the cards to this map (saved in place)")
    p.add_argument("--skip-bad", action="store_true", help="import the good rows and report the bad ones")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_import_csv)
    add_ratings_import(kinds)

    p = formats.add_parser("mermaid", help="a Mermaid journey diagram")
    p.add_argument("file", metavar="MAP")
    p.add_argument("-o", "--out", required=True, metavar="OUT.mmd")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_export_mermaid)
    p = formats.add_parser("csv", help="one row per card, for spreadsheets")
    p.add_argument("file", metavar="MAP")
    p.add_argument("-o", "--out", required=True, metavar="OUT.csv")
    p.add_argument("--bom", action="store_true", help="start with a byte order mark (for Excel)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_export_csv)
    for fmt in ("png", "svg"):
        p = formats.add_parser(fmt, help=f"the canvas as {fmt.upper()}")
        p.add_argument("file", metavar="MAP")
        p.add_argument("-o", "--out", required=True, metavar=f"OUT.{fmt}")
        p.add_argument(
            "--scale",
            type=float,
            default=2.0,
            help=f"pixels per canvas unit (PNG; {limits.MIN_IMAGE_SCALE} to {limits.MAX_IMAGE_SCALE}; "
            "default 2)",
        )
        p.add_argument("--force", action="store_true", help="replace an existing file")
        p.set_defaults(run=cmd_export_image, format=fmt)
