"""The `cjm` headless commands. Exit 0 on success, 1 when a file is invalid, 2 on usage errors.

Messages go to stderr as `FILE: LOCATION: message`. Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from cjm_editor import __version__
from cjm_editor.cli import workshop
from cjm_editor.cli.interop import add_commands, load_map, refuse_output
from cjm_editor.cli.serve import add_serve
from cjm_editor.export.options import (
    DEFAULT_KIT,
    ORIENTATIONS,
    PAPERS,
    PARTS,
    KitOptions,
    OptionError,
    check_poster_scale,
    check_poster_sheets,
    parse_kit,
)
from cjm_editor.formats import cjm_json
from cjm_editor.formats.errors import LoadError, SaveError
from cjm_editor.formats.templates import TEMPLATE_IDS, template, templates
from cjm_editor.model.vocabulary import counted

OK, INVALID, USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_templates(args: argparse.Namespace) -> int:
    for t in templates():
        print(f"{t.id:<26}{t.title}")
        print(f"{'':<26}{' > '.join(t.stages)}")
    return OK


def cmd_new(args: argparse.Namespace) -> int:
    out = args.out
    if os.path.exists(out) and not args.force:
        _err(f"{out}: $: the file exists; use --force to replace it")
        return INVALID
    journey = template(args.template)
    if args.title:
        journey.title = args.title
    try:
        cjm_json.save(journey, out)
    except SaveError as exc:
        _err(str(exc))
        return INVALID
    print(f"{out}: new map from the {args.template!r} template")
    return OK


def _load(path: str) -> cjm_json.LoadResult | None:
    try:
        return cjm_json.load(path)
    except LoadError as exc:
        _err(str(exc))
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    status = OK
    for path in args.files:
        result = _load(path)
        if result is None:
            status = INVALID
        elif result.report:
            for line in result.report.lines():
                _err(line)
            status = INVALID
        elif not args.quiet:
            print(f"{path}: valid ({counted(len(result.journey.cards), 'card')})")
    return status


def cmd_format(args: argparse.Namespace) -> int:
    status = OK
    for path in args.files:
        result = _load(path)
        if result is None:
            status = INVALID
            continue
        if result.report:
            for line in result.report.lines():
                _err(line)
            _err(f"{path}: $: not formatted: the map needs repairs; open it in cjm-editor and save it")
            status = INVALID
            continue
        text = cjm_json.dumps(result.journey).encode("utf-8")
        with open(path, "rb") as f:
            current = f.read()
        if current == text:
            continue
        if args.check:
            _err(f"{path}: $: not in canonical form")
            status = INVALID
            continue
        try:
            cjm_json.save(result.journey, path)
        except SaveError as exc:
            _err(str(exc))
            status = INVALID
            continue
        print(f"{path}: formatted")
    return status


def info_dict(result: cjm_json.LoadResult) -> dict[str, Any]:
    """The summary `cjm info --json` prints."""
    j = result.journey
    by_kind: dict[str, int] = {}
    for c in j.cards:
        by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
    return {
        "title": j.title,
        "documentId": j.id,
        "formatVersion": result.source_version,
        "scale": {"min": j.scale.min, "max": j.scale.max},
        "personas": [p.name for p in j.personas],
        "stages": [s.name for s in j.stages],
        "lanes": [{"name": lane.name, "kind": lane.kind} for lane in j.lanes],
        "cards": len(j.cards),
        "cardsByKind": by_kind,
        "emotionPoints": len(j.emotions),
        "connections": len(j.connections),
        "links": [link.path for link in j.links],
        "repairs": [{"location": i.location, "message": i.message} for i in result.report.issues],
        "workshop": workshop.workshop_info(j),
    }


def cmd_info(args: argparse.Namespace) -> int:
    result = _load(args.file)
    if result is None:
        return INVALID
    info = info_dict(result)
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(f"{info['title']}  ({args.file}, format version {info['formatVersion']})")
        print(f"  stages ({len(info['stages'])}): {', '.join(info['stages'])}")
        print(f"  lanes ({len(info['lanes'])}): {', '.join(lane['name'] for lane in info['lanes'])}")
        print(f"  personas ({len(info['personas'])}): {', '.join(info['personas'])}")
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(info["cardsByKind"].items()))
        print(f"  cards: {info['cards']} ({kinds})")
        print(f"  emotion points: {info['emotionPoints']}, connections: {info['connections']}")
        scale = info["scale"]
        print(f"  emotion scale: {scale['min']}..{scale['max']}")
        ws = info["workshop"]
        people = len(ws["participants"])
        print(f"  workshop: {people} participants, {ws['votes']} votes, {ws['ratings']} ratings")
    for line in result.report.lines():
        _err(line)
    return INVALID if result.report else OK


def cmd_analyze(args: argparse.Namespace) -> int:
    result = _load(args.file)
    if result is None:
        return INVALID
    for line in result.report.lines():
        _err(line)
    from cjm_editor.analysis.report import analyze  # networkx loads only when it is needed

    report = analyze(result.journey, args.file, cjm_json.load_or_none)
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(f"{result.journey.title}  ({args.file})\n")
        print(report.text(), end="")
    return OK


def cmd_export_pdf(args: argparse.Namespace) -> int:
    refused = refuse_output(args.file, args.out, args.force)
    if refused is not None:
        return refused
    try:
        options = KitOptions(
            kit=parse_kit(args.kit) if args.kit else DEFAULT_KIT,
            paper=args.paper,
            orientation=args.orientation,
            persona=args.persona,
            blank=args.blank,
            grayscale=args.grayscale,
            date=date.fromisoformat(args.date) if args.date else None,
            author=args.author or "",
            source_path=args.file,
            poster_scale=check_poster_scale(args.poster_scale),
            poster_sheets=check_poster_sheets(args.poster_sheets),
        )
    except (OptionError, ValueError) as exc:
        _err(f"cjm: {exc}")
        return USAGE
    journey = load_map(args.file)
    if journey is None:
        return INVALID
    from cjm_editor.handouts import export_kit  # reportlab loads only when it is needed

    try:
        report = export_kit(journey, options, args.out)
    except OptionError as exc:  # an option the map cannot satisfy (e.g. a persona it does not have)
        _err(f"{args.file}: $: {exc}")
        return USAGE
    except SaveError as exc:
        _err(str(exc))
        return INVALID
    print(f"{args.out}: {report.pages} pages")
    for line in report.lines():
        print(f"{args.out}: {line}")
    return OK


DIFFERENT = 3
"""`cjm diff --exit-code` exits 3 when the maps differ (1 stays "a file is invalid", 2 a usage error)."""


def cmd_diff(args: argparse.Namespace) -> int:
    from cjm_editor.formats.diff import diff

    old, new = _load(args.old), _load(args.new)
    if old is None or new is None:
        return INVALID
    result = diff(old.journey, new.journey)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(f"{args.old} → {args.new}: {result.summary()}")
        for line in result.lines():
            print(f"  {line}")
    return DIFFERENT if args.exit_code and result else OK


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        _err(f"cjm: {message}")
        raise SystemExit(USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cjm", description="Customer journey maps from the command line.")
    parser.add_argument("--version", action="version", version=f"cjm {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("new", help="create a map from a template")
    p.add_argument("--template", "-t", default="classic-five", choices=TEMPLATE_IDS, metavar="ID")
    p.add_argument("--title", help="the map's title")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument("out", metavar="OUT")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("templates", help="list the templates")
    p.set_defaults(run=cmd_templates)

    p = sub.add_parser("validate", help="check map files; exit 1 if any is invalid or needs repair")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--quiet", "-q", action="store_true")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("format", help="rewrite map files in canonical form")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--check", action="store_true", help="only report files that are not canonical")
    p.set_defaults(run=cmd_format)

    p = sub.add_parser("info", help="summarise a map")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_info)

    p = sub.add_parser("analyze", help="insights: dead ends, main path, moments of truth, gaps")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="findings, paths and moments of truth as JSON")
    p.set_defaults(run=cmd_analyze)

    p = sub.add_parser(
        "diff",
        help="what changed between two versions of a map, matched by id",
        description="Lists what was added, removed, moved (from which cell to which) or changed (fields, "
        "old -> new) among stages, lanes, personas, cards, connections and emotion points; emotion per "
        "persona and stage; metric values against their targets. Exit status: 0 when both maps were "
        "read (whether or not they differ; with --exit-code, 3 when they differ), 1 when a file is "
        "invalid, 2 on a usage error.",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--json", action="store_true", help="the changes as JSON")
    p.add_argument("--exit-code", action="store_true", help="exit 3 when the maps differ (like diff(1)'s 1)")
    p.set_defaults(run=cmd_diff)

    export = sub.add_parser("export", help="write the map as a PDF kit, Mermaid, CSV or an image")
    formats = export.add_subparsers(dest="format", required=True, parser_class=_Parser, metavar="FORMAT")
    p = formats.add_parser("pdf", help="print-ready workshop handouts")
    p.add_argument("file", metavar="MAP")
    p.add_argument("-o", "--out", required=True, metavar="OUT.pdf")
    p.add_argument(
        "--kit",
        help=f"parts, comma-separated, from: {', '.join(PARTS)} (default: {','.join(DEFAULT_KIT)})",
    )
    p.add_argument("--paper", choices=list(PAPERS), default="A4")
    p.add_argument("--orientation", choices=ORIENTATIONS, default="landscape")
    p.add_argument("--persona", metavar="NAME", help="only this persona's cards and curve")
    p.add_argument(
        "--blank", action="store_true", help="an empty canvas of the map's grid for a wall workshop"
    )
    p.add_argument("--grayscale", action="store_true")
    p.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the date on the cover; makes the output reproducible"
    )
    p.add_argument("--author", help="the PDF's author field")
    p.add_argument(
        "--poster-scale",
        type=float,
        default=1.0,
        metavar="F",
        help="poster size: 1 prints the smallest text at 8 pt (default), 0.75 at 6 pt on fewer sheets",
    )
    p.add_argument(
        "--poster-sheets",
        type=int,
        metavar="N",
        help="at most N sheets: the poster is made as large as fits them",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_export_pdf)
    add_commands(sub, formats, _Parser)
    add_serve(sub)
    workshop.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()
    return status


def _reader_gone() -> int:
    """The reader of our output went away (`cjm analyze | head`): stop quietly, as a tool killed by
    SIGPIPE would, and keep the interpreter from failing again on its final flush."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


if __name__ == "__main__":
    sys.exit(main())
