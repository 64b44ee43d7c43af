"""The `cjm` command: exit codes, message shapes, and files left as they were."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cjm_editor.cli import main
from tests.formats.test_bad_input import ERRORS, REPAIRS

CJM = [sys.executable, "-m", "cjm_editor.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CJM, *args], capture_output=True, text=True)


def test_new_then_validate(tmp_path, capsys):
    out = tmp_path / "m.cjm.json"
    assert main(["new", "--template", "classic-five", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert "valid" in capsys.readouterr().out
    assert main(["new", "--template", "classic-five", str(out)]) == 1, "never overwrites without --force"


def test_templates_lists_every_template(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for tid in ("blank", "classic-five", "acquisition-to-advocacy", "purchase-funnel", "retention"):
        assert tid in out


@pytest.mark.parametrize(
    ("name", "data", "where", "what"), ERRORS + REPAIRS, ids=[e[0] for e in ERRORS + REPAIRS]
)
def test_validate_bad_input_exits_1_with_one_line(tmp_path, capsys, name, data, where, what):
    path = tmp_path / "bad.cjm.json"
    path.write_bytes(data)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith(f"{path}: ") and what in err[0]
    assert path.read_bytes() == data


def test_no_traceback_for_bad_input_in_a_real_process(tmp_path):
    path = tmp_path / "bad.cjm.json"
    path.write_bytes(b'{"format": "cjm-editor/journey", "formatVersion": 2, "title": NaN}')
    proc = run("validate", str(path))
    assert proc.returncode == 1
    assert proc.stderr == f"{path}: title: NaN is not allowed in a map file\n"
    assert "Traceback" not in proc.stderr


def test_usage_errors_exit_2():
    assert run("frobnicate").returncode == 2
    assert run("new", "--template", "nope", "x.cjm.json").returncode == 2
    assert run().returncode == 2


def test_format_rewrites_canonically_and_check_reports(tmp_path, sample_file):
    path = tmp_path / "messy.cjm.json"
    value = json.loads(sample_file.read_text(encoding="utf-8"))
    path.write_text(json.dumps(value), encoding="utf-8")  # one line, not canonical
    assert main(["format", "--check", str(path)]) == 1
    assert main(["format", str(path)]) == 0
    assert path.read_bytes() == sample_file.read_bytes()
    assert main(["format", "--check", str(path)]) == 0


def test_format_refuses_a_map_that_needs_repair(tmp_path, capsys):
    path = tmp_path / "r.cjm.json"
    data = REPAIRS[1][1]
    path.write_bytes(data)
    assert main(["format", str(path)]) == 1
    assert path.read_bytes() == data
    assert "needs repairs" in capsys.readouterr().err


def test_info_text_and_json(sample_file, capsys):
    assert main(["info", str(sample_file)]) == 0
    text = capsys.readouterr().out
    assert "FreshBox" in text and "stages (6)" in text
    assert main(["info", "--json", str(sample_file)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["cards"] == 41 and info["personas"] == [
        "Maya, busy professional",
        "Robert, retired home cook",
    ]
    assert info["formatVersion"] == 4 and info["repairs"] == []


def test_validate_several_files_reports_each(tmp_path, sample_file, capsys):
    bad = tmp_path / "bad.cjm.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["validate", str(sample_file), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "valid" in captured.out and str(bad) in captured.err


def test_console_script_is_installed():
    cjm = Path(sys.executable).with_name("cjm")
    proc = subprocess.run([str(cjm), "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("cjm ")


def test_analyze_the_sample_reads_like_a_facilitators_report(sample_file, capsys):
    assert main(["analyze", str(sample_file)]) == 0
    out = capsys.readouterr().out
    assert "Instagram recipe ad → Plans & pricing page → Checkout → Welcome email" in out
    assert "“Support chat” in “Regular use” leads nowhere" in out
    assert out.index("High (") < out.index("Medium (") < out.index("Info (")


def test_analyze_json_has_the_documented_shape(sample_file, capsys):
    assert main(["analyze", "--json", str(sample_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"findings", "paths", "moments_of_truth"}
    assert data["paths"][0]["cards"][0] == "t-social-ad"
    kinds = {f["kind"] for f in data["findings"]}
    assert {"dead-end", "persona-divergence", "loop", "hub"} <= kinds
    assert "link-cycle" not in kinds, "the checkout micro map links back up, which is no circle"


def test_analyze_a_broken_file_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.cjm.json"
    bad.write_text("[", encoding="utf-8")
    assert main(["analyze", str(bad)]) == 1
    assert str(bad) in capsys.readouterr().err


def test_export_pdf_writes_the_kit_and_prints_its_report(sample_file, tmp_path, capsys):
    out = tmp_path / "kit.pdf"
    assert main(["export", "pdf", str(sample_file), "-o", str(out), "--date", "2026-11-24"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "19 pages" in capsys.readouterr().out


def test_export_pdf_poster_scale_takes_fewer_sheets(sample_file, tmp_path, capsys):
    pages = []
    for scale in ("1", "0.6"):
        out = tmp_path / f"poster-{scale}.pdf"
        args = ["export", "pdf", str(sample_file), "-o", str(out), "--kit", "poster", "--poster-scale", scale]
        assert main(args) == 0
        first = capsys.readouterr().out.splitlines()[0]
        pages.append(int(first.rsplit(": ", 1)[1].split()[0]))
    assert pages[1] < pages[0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--kit", "cover,flyers"], "unknown kit part 'flyers'"),
        (["--persona", "Nobody"], "no persona named 'Nobody'"),
        (["--date", "24/11/2026"], "Invalid isoformat"),
        (["--kit", "poster", "--poster-scale", "9"], "poster scale 9 is out of range"),
        (["--kit", "poster", "--poster-sheets", "0"], "at least 1 sheet"),
    ],
)
def test_export_pdf_bad_options_exit_2_and_write_nothing(sample_file, tmp_path, capsys, extra, message):
    out = tmp_path / "kit.pdf"
    assert main(["export", "pdf", str(sample_file), "-o", str(out), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_export_pdf_into_a_missing_folder_exits_1(sample_file, tmp_path, capsys):
    assert main(["export", "pdf", str(sample_file), "-o", str(tmp_path / "nope" / "kit.pdf")]) == 1
    assert "kit.pdf" in capsys.readouterr().err


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "mermaid-journey"


def test_import_mermaid_then_export_it_again(tmp_path, capsys):
    out = tmp_path / "day.cjm.json"
    assert main(["import", "mermaid", str(CORPUS / "019.mmd"), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    mmd = tmp_path / "day.mmd"
    assert main(["export", "mermaid", str(out), "-o", str(mmd)]) == 0
    text = mmd.read_text(encoding="utf-8")
    assert text.startswith("journey\n  title My working day\n") and "Do work: 1: Me, Cat" in text


def test_import_mermaid_rejects_with_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n  section A\n    Task\n", encoding="utf-8")
    assert main(["import", "mermaid", str(bad), "-o", str(tmp_path / "x.cjm.json")]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}: line 3: ")
    assert not (tmp_path / "x.cjm.json").exists()


def test_import_indented_front_matter_needs_the_web_page_option(tmp_path):
    out = tmp_path / "x.cjm.json"
    assert main(["import", "mermaid", str(CORPUS / "010.mmd"), "-o", str(out)]) == 1
    assert main(["import", "mermaid", "--web-page", str(CORPUS / "010.mmd"), "-o", str(out)]) == 0


def test_csv_import_reports_every_bad_row_and_writes_nothing(tmp_path, capsys):
    data = tmp_path / "cards.csv"
    data.write_text("stage,title,votes\nA,Good,1\nA,Bad,-2\nB,Worse,lots\n", encoding="utf-8")
    out = tmp_path / "cards.cjm.json"
    assert main(["import", "csv", str(data), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        f"{data}: row 3, votes: '-2' is not a whole number of votes",
        f"{data}: row 4, votes: 'lots' is not a whole number of votes",
    ]
    assert not out.exists()
    assert main(["import", "csv", "--skip-bad", str(data), "-o", str(out)]) == 0
    assert main(["export", "csv", str(out), "-o", str(tmp_path / "back.csv"), "--bom"]) == 0


def test_csv_into_an_existing_map(sample_file, tmp_path):
    target = tmp_path / "map.cjm.json"
    target.write_bytes(sample_file.read_bytes())
    data = tmp_path / "more.csv"
    data.write_text("stage,lane,kind,title\nDiscover,Touchpoints,touchpoint,Podcast ad\n", encoding="utf-8")
    assert main(["import", "csv", str(data), "--into", str(target)]) == 0
    assert "Podcast ad" in target.read_text(encoding="utf-8")


def test_export_png_and_svg_headless(sample_file, tmp_path, capsys):
    pytest.importorskip("PySide6", reason="images need Qt; the rest of cjm works without it")
    assert main(["export", "png", str(sample_file), "-o", str(tmp_path / "map.png"), "--scale", "1"]) == 0
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    assert main(["export", "svg", str(sample_file), "-o", str(tmp_path / "map")]) == 0
    assert (tmp_path / "map.svg").exists()


def test_export_png_without_qt_says_so(sample_file, tmp_path, capsys):
    """Run by the no-Qt pass of ./test.sh: the image command names the missing part, no traceback."""
    try:
        import PySide6  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("Qt is here; this checks the message where it is not")
    assert main(["export", "png", str(sample_file), "-o", str(tmp_path / "map.png")]) == 2
    err = capsys.readouterr().err
    assert "drawn with Qt (PySide6)" in err and "Traceback" not in err
    assert not (tmp_path / "map.png").exists()


def test_export_pdf_help_names_the_default_kit():
    """The help said "all but poster" while the default also leaves out voting and cutouts."""
    from cjm_editor.export.options import DEFAULT_KIT

    out = " ".join(run("export", "pdf", "--help").stdout.split())
    assert "all but poster" not in out
    assert f"(default: {','.join(DEFAULT_KIT)})" in out.replace(", ", ",").replace(" ,", ",")
