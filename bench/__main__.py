"""Run every benchmark: `python -m bench [--write]` (--write updates bench/RESULTS.md)."""

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
from bench.harness import HEADER

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
    if args.write:
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
        Path(__file__).with_name("RESULTS.md").write_text(text, encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
