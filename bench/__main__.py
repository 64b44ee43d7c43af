"""Run the benchmarks: `python -m bench [--write] [SUITE...]`. --write rewrites bench/RESULTS.md after a
full run, and replaces only the rows of the suites run when some are named."""

from __future__ import annotations

import argparse
import platform
import sys
from datetime import date
from pathlib import Path

from bench import (
    bench_analysis,
    bench_autosave,
    bench_canvas,
    bench_collab,
    bench_files,
    bench_interaction,
    bench_labels,
    bench_pdf,
    bench_startup,
)
from bench.harness import HEADER, Result

SUITES = {
    "files": bench_files.run,
    "canvas": bench_canvas.run,
    "interaction": bench_interaction.run,
    "labels": bench_labels.run,
    "autosave": bench_autosave.run,
    "startup": bench_startup.run,
    "analysis": bench_analysis.run,
    "pdf": bench_pdf.run,
    "collab": bench_collab.run,
}


def merged(text: str, rows: list[Result]) -> str:
    """RESULTS.md with the rows (and generated notes) of the suites just run replaced, and the other
    rows and every hand-written note kept: `python -m bench analysis --write` updates one row."""
    lines = text.split("\n")
    new_rows = {(r.name, r.size): r for r in rows}
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and (cells[0], cells[1]) in new_rows:
            lines[i] = new_rows.pop((cells[0], cells[1])).row()
    if new_rows:  # rows the table did not have yet go at its end
        end = max(i for i, line in enumerate(lines) if line.startswith("|")) + 1
        lines[end:end] = [r.row() for r in new_rows.values()]
    for r in rows:
        start = f"- **{r.name}, {r.size}**:"
        at = next((i for i, line in enumerate(lines) if line.startswith(start)), None)
        if at is not None:
            end = next((i for i in range(at + 1, len(lines)) if not lines[i].startswith("  ")), len(lines))
            lines[at:end] = [f"{start} {r.note}"] if r.note else []
        elif r.note:
            lines += ["", f"{start} {r.note}"]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    parser.add_argument(
        "suites", nargs="*", metavar="SUITE", help=f"which suites: {', '.join(SUITES)} (default: all)"
    )
    args = parser.parse_args()
    unknown = set(args.suites) - set(SUITES)
    if unknown:
        parser.error(f"unknown suite: {', '.join(sorted(unknown))}")
    rows = []
    print(HEADER)
    for name in args.suites or list(SUITES):
        for result in SUITES[name]():
            print(result.row(), flush=True)
            rows.append(result)
    missed = [r for r in rows if not r.ok]
    results = Path(__file__).with_name("RESULTS.md")
    if args.write and args.suites and results.exists():
        results.write_text(merged(results.read_text(encoding="utf-8"), rows), encoding="utf-8")
    elif args.write:
        machine = f"{platform.machine()}, Python {platform.python_version()}, {platform.system()}"
        text = (
            "# Benchmark results\n\n"
            f"Measured {date.today().isoformat()} with `python -m bench --write` on {machine}.\n"
            "Each figure is the median of 5 runs; its floor is the same work done with the bare library,\n"
            "measured in the same run. Targets are in DESIGN.md.\n\n"
            + HEADER
            + "\n"
            + "\n".join(r.row() for r in rows)
            + "\n"
            + "".join(f"\n- **{r.name}, {r.size}**: {r.note}\n" for r in rows if r.note)
        )
        results.write_text(text, encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
