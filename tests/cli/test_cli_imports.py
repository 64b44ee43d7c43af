"""`cjm export pdf day.mmd` loads what it uses and nothing more: it is timed against mermaid-cli
(bench/bench_pdf.py), and every module a command imports without using it is start-up time."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from cjm_editor.cli import main
    status = main(["export", "pdf", sys.argv[1], "-o", sys.argv[2], "--kit", "overview"])
    print(" ".join(sorted(sys.modules)))
    sys.exit(status)
    """
)
MERMAID = "journey\n  title Day\n  section Go\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n"
NOT_NEEDED = ("PySide6", "networkx", "yaml", "csv", "html", "cjm_editor.analysis")
NOT_NEEDED += ("cjm_editor.formats.csv_cards", "cjm_editor.formats.csv_ratings")
NOT_NEEDED += ("cjm_editor.formats.mermaid.write", "cjm_editor.formats.mermaid.front_matter")


def test_a_mermaid_journey_to_pdf_imports_only_what_it_uses(tmp_path: Path) -> None:
    source = tmp_path / "day.mmd"
    source.write_text(MERMAID, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(source), str(tmp_path / "day.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split("\n")[-2].split())
    assert "cjm_editor.formats.mermaid.parse" in loaded and "reportlab" in loaded
    assert sorted(m for m in loaded if m in NOT_NEEDED or m.split(".")[0] in NOT_NEEDED) == []
