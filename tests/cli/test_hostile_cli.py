"""`cjm` on hostile input: exit 1 with one `FILE: LOCATION: message` line (a limit names itself), exit 2
for usage, never a traceback, a hang or a file written over."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cjm_editor.cli import main
from cjm_editor.formats import cjm_json
from cjm_editor.model import limits
from tests.fuzz.corpus import as_bytes, base_map, json_cases, mermaid_cases

JSON = {c.name: c.data for c in json_cases()}
needs_qt = pytest.mark.skipif(os.environ.get("CJM_BLOCK_QT") == "1", reason="images are drawn with Qt")
MERMAID = {c.name: c.data for c in mermaid_cases()}


def _one_error_line(err: str, file: str) -> str:
    lines = [line for line in err.splitlines() if line]
    assert lines and lines[0].startswith(f"{file}: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("case", [c.name for c in json_cases() if not c.loads])
def test_every_hostile_map_is_an_invalid_input(case, tmp_path, capsys):
    path = tmp_path / "hostile.cjm.json"
    path.write_bytes(JSON[case])
    assert main(["validate", str(path)]) == 1
    _one_error_line(capsys.readouterr().err, str(path))


@pytest.mark.parametrize("case", [c.name for c in mermaid_cases() if not c.loads])
def test_every_hostile_mermaid_text_is_an_invalid_input(case, tmp_path, capsys):
    path = tmp_path / "hostile.mmd"
    path.write_bytes(MERMAID[case])
    assert main(["import", "mermaid", str(path), "-o", str(tmp_path / "out.cjm.json")]) == 1
    line = _one_error_line(capsys.readouterr().err, str(path))
    assert "\ufb02" not in line
    assert not (tmp_path / "out.cjm.json").exists()


def test_a_limit_hit_exits_1_naming_the_limit(tmp_path, capsys):
    path = tmp_path / "big.cjm.json"
    path.write_bytes(JSON["int past 4300 digits"])
    assert main(["info", str(path)]) == 1
    assert "(limit: number of digits)" in capsys.readouterr().err


@pytest.mark.timeout(60)
def test_a_real_process_ends_without_a_traceback_on_every_class(tmp_path):
    for name in (
        "int past 4300 digits",
        "deep nesting after a duplicate key",
        "v1 deep copy of deep nesting",
    ):
        path = tmp_path / "h.cjm.json"
        path.write_bytes(JSON[name])
        done = subprocess.run(
            [sys.executable, "-m", "cjm_editor.cli", "analyze", str(path)], capture_output=True, text=True
        )
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("fmt", ["csv", "mermaid", "pdf"])
def test_an_export_onto_its_own_input_is_refused_and_the_map_kept(fmt, sample_file, tmp_path, capsys):
    path = tmp_path / "m.cjm.json"
    path.write_bytes(sample_file.read_bytes())
    before = path.read_bytes()
    assert main(["export", fmt, str(path), "-o", str(path), "--force"]) == 2
    assert "this is the input file" in capsys.readouterr().err
    assert path.read_bytes() == before
    link = tmp_path / "alias.cjm.json"
    link.symlink_to(path)
    assert main(["export", fmt, str(link), "-o", str(path)]) == 2
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("fmt", "out"),
    [("csv", "o.csv"), ("mermaid", "o.mmd"), ("pdf", "o.pdf"), pytest.param("svg", "o.svg", marks=needs_qt)],
)
def test_an_export_replaces_an_existing_file_only_with_force(fmt, out, sample_file, tmp_path, capsys):
    target = tmp_path / out
    target.write_bytes(b"precious")
    assert main(["export", fmt, str(sample_file), "-o", str(target)]) == 1
    assert "use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"precious"
    assert main(["export", fmt, str(sample_file), "-o", str(target), "--force"]) == 0
    assert target.read_bytes() != b"precious"


@pytest.mark.parametrize("scale", ["nan", "inf", "-1", "0", "50"])
def test_png_scale_out_of_bounds_is_a_usage_error(scale, sample_file, tmp_path, capsys):
    out = tmp_path / "m.png"
    assert main(["export", "png", str(sample_file), "-o", str(out), "--scale", scale]) == 2
    err = capsys.readouterr().err
    assert "(limit: image scale)" in err and "Traceback" not in err
    assert not out.exists()


@needs_qt
def test_png_past_the_pixel_limit_is_an_invalid_input(tmp_path, capsys):
    value = base_map()
    value["stages"] = [{"id": f"s{i}", "name": f"S{i}", "width": 4000} for i in range(12)]
    path = tmp_path / "wide.cjm.json"
    path.write_bytes(as_bytes(value))
    assert main(["export", "png", str(path), "-o", str(tmp_path / "w.png"), "--scale", "8"]) == 1
    assert "(limit: image" in capsys.readouterr().err
    assert not (tmp_path / "w.png").exists()


@pytest.mark.timeout(60)
def test_analyze_follows_no_hostile_link_and_never_hangs(tmp_path, capsys):
    outside = tmp_path / "outside.cjm.json"
    outside.write_bytes(as_bytes(base_map()))
    folder = tmp_path / "maps"
    folder.mkdir()
    os.mkfifo(folder / "pipe.cjm.json")
    links = ["a\0b.cjm.json", "x/" * 2500, "pipe.cjm.json", str(outside), "../outside.cjm.json"]
    value = base_map(stages=[{"id": f"s{i}", "name": "S", "link": link} for i, link in enumerate(links)])
    value["cards"] = []
    value["emotions"], value["connections"] = [], []
    path = folder / "m.cjm.json"
    path.write_bytes(as_bytes(value))
    assert main(["analyze", str(path), "--json"]) == 0
    findings = [f["message"] for f in json.loads(capsys.readouterr().out)["findings"]]
    text = "\n".join(findings)
    assert "control character" in text
    assert "(limit: link length)" in text
    assert "not a regular file" in text
    assert "absolute path" in text
    assert "leads out of the map's folder" in text
    assert main(["export", "pdf", str(path), "-o", str(tmp_path / "k.pdf")]) == 0


def test_import_csv_into_a_map_lists_the_map_s_repairs(tmp_path, capsys):
    target = tmp_path / "m.cjm.json"
    target.write_bytes(JSON["placeholder id taken by a card"])
    data = tmp_path / "more.csv"
    data.write_text("stage,title\nDiscover,New card\n", encoding="utf-8")
    assert main(["import", "csv", str(data), "--into", str(target)]) == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "added a placeholder stage" in err
    again = cjm_json.load(target)
    assert not again.report and len(again.journey.connections) == 2


def test_a_mermaid_import_exports_to_csv_and_imports_again_on_its_scale(tmp_path):
    mmd = tmp_path / "day.mmd"
    mmd.write_text("journey\n  section Go\n    Walk: 5: Me\n    Wait: 1: Me\n", encoding="utf-8")
    assert main(["import", "mermaid", str(mmd), "-o", str(tmp_path / "day.cjm.json")]) == 0
    assert main(["export", "csv", str(tmp_path / "day.cjm.json"), "-o", str(tmp_path / "day.csv")]) == 0
    assert main(["import", "csv", str(tmp_path / "day.csv"), "-o", str(tmp_path / "back.cjm.json")]) == 0
    back = cjm_json.load(tmp_path / "back.cjm.json").journey
    assert (back.scale.min, back.scale.max) == (1, 5)
    assert sorted(e.score for e in back.emotions) == [1, 5]


def test_pdf_of_a_very_long_title_is_bounded(tmp_path):
    path = tmp_path / "long.cjm.json"
    path.write_bytes(as_bytes(base_map(title="Long " * 3200)))
    done = subprocess.run(
        [sys.executable, "-m", "cjm_editor.cli", "export", "pdf", str(path), "-o", str(tmp_path / "l.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "cut" in done.stdout


def test_limits_are_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in ("MAX_FILE_BYTES", "MAX_DEPTH", "MAX_DIGITS", "MAX_TEXT", "MAX_LINK", "MAX_SCALE_SPAN"):
        value = getattr(limits, name)
        shown = f"{value:,}" if name != "MAX_FILE_BYTES" else f"{value // 2**20} MB"
        assert shown in readme, f"README does not state {name} ({shown})"


@pytest.mark.parametrize("command", [["info"], ["analyze"], ["analyze", "--json"], ["votes"]])
def test_a_reader_that_goes_away_ends_the_command_quietly(command, sample_file):
    """`cjm analyze MAP | head`: the pipe closes before the command writes; no traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "cjm_editor.cli", *command, str(sample_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141, err
    assert err == ""


@needs_qt
@pytest.mark.timeout(300)
@pytest.mark.parametrize("kind", ["svg", "png"])
def test_an_image_of_ten_thousand_overlapping_arrows_stays_under_a_gigabyte(kind, tmp_path):
    """Every connection between two cells: Qt's spatial index of the scene took 1.4 GB on the first
    render of an SVG; a one-off export renders without one."""
    from tests.export.test_pdf_many_arrows import _two_cells

    source = tmp_path / "two.cjm.json"
    cjm_json.save(_two_cells(100), source)
    probe = (
        "import resource, sys; from cjm_editor.cli import main; status = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(status)"
    )
    out = tmp_path / f"two.{kind}"
    done = subprocess.run(
        [sys.executable, "-c", probe, "export", kind, str(source), "-o", str(out)]
        + (["--scale", "1"] if kind == "png" else []),  # the default scale is past the pixel limit
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.split()[-1]) / 1024
    assert peak_mb < 1024, f"{peak_mb:.0f} MB"
