"""Slow (`./test.sh --slow`): builds the wheel, the bundle and the .deb with packaging/build.sh, then
runs what it built: the bundle's `cjm`, the .deb's files unpacked into a throw-away root, lintian on
the .deb, and the wheel installed into a fresh virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import venv
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cjm_editor import __version__
from cjm_editor.formats.templates import TEMPLATE_IDS, sample_path

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUNDLE = DIST / "cjm-editor"
DEB = DIST / f"cjm-editor_{__version__}_amd64.deb"
WHEEL = DIST / f"cjm_editor-{__version__}-py3-none-any.whl"
APP_ID = "io.github.cjm_editor.cjm_editor"


def _clean_env(home: Path) -> dict[str, str]:
    """No virtual environment, no PYTHONPATH: only what the bundle or the install brings."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}


def _run(cmd: list[str], home: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=_clean_env(home), capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def built() -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed: not a Debian system")
    if os.environ.get("CJM_REUSE_DIST") and DEB.is_file() and WHEEL.is_file():
        return  # a developer re-running these tests on what packaging/build.sh made before
    subprocess.run([str(ROOT / "packaging" / "build.sh")], cwd=ROOT, check=True)


def _manifest(folder: Path) -> dict[str, tuple[int, float]]:
    return {str(p): (p.lstat().st_size, p.lstat().st_mtime) for p in folder.rglob("*")}


def _check_export(cjm: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit.pdf"
    result = _run(
        [str(cjm), "export", "pdf", sample_path(), "-o", str(out), "--date", "2026-01-31"], tmp_path
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) >= 10
    assert "FreshBox" in reader.pages[0].extract_text()
    fonts = {f["/BaseFont"] for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVu" in name for name in fonts)  # the shipped font was found and embedded


def test_bundle_runs_headless_commands_and_writes_nothing_inside_itself(built, tmp_path):
    before = _manifest(BUNDLE)
    templates = _run([str(BUNDLE / "cjm"), "templates"], tmp_path)
    assert templates.returncode == 0, templates.stderr
    assert [line.split()[0] for line in templates.stdout.splitlines() if not line.startswith(" ")] == list(
        TEMPLATE_IDS
    )
    _check_export(BUNDLE / "cjm", tmp_path)
    png = tmp_path / "map.png"
    image = _run([str(BUNDLE / "cjm"), "export", "png", sample_path(), "-o", str(png)], tmp_path)
    assert image.returncode == 0, image.stderr  # Qt and its plugins load from the bundle
    assert png.read_bytes()[:4] == b"\x89PNG"
    version = _run([str(BUNDLE / "cjm-editor"), "--version"], tmp_path)
    assert version.stdout.strip() == f"cjm-editor {__version__}"
    assert _manifest(BUNDLE) == before


def test_bundle_opens_the_map_in_a_window_on_an_x_server(built, tmp_path):
    """The frozen editor on a real (virtual) X screen: the xcb platform plugin and its system
    libraries load, and the window with the map appears. Closed as soon as it is seen."""
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        pytest.skip("needs Xvfb and xwininfo (xvfb, x11-utils)")
    the_map = tmp_path / "freshbox.cjm.json"
    shutil.copy(sample_path(), the_map)
    before = _manifest(BUNDLE)
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=[write_end],
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    app = None
    try:
        display = ":" + os.read(read_end, 16).decode().strip()
        env = {**_clean_env(tmp_path), "DISPLAY": display}
        del env["QT_QPA_PLATFORM"]
        log = tmp_path / "stderr.txt"
        with log.open("wb") as err:
            app = subprocess.Popen([str(BUNDLE / "cjm-editor"), str(the_map)], env=env, stderr=err)
        tree = ""
        for _ in range(240):  # wait for the window (up to a minute on a loaded machine)
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree", "-display", display], capture_output=True, text=True
            ).stdout
            if "freshbox.cjm.json" in tree or app.poll() is not None:
                break
            time.sleep(0.25)
        assert app.poll() is None, log.read_text(errors="replace")
        assert "freshbox.cjm.json" in tree
    finally:
        if app is not None:
            app.terminate()
            app.wait(30)
        xvfb.terminate()
        xvfb.wait(30)
        os.close(read_end)
    assert _manifest(BUNDLE) == before


def test_bundle_keeps_only_the_qt_it_uses(built):
    qt_libs = {p.name.split(".so")[0] for p in (BUNDLE / "_internal" / "PySide6" / "Qt" / "lib").iterdir()}
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets", "libQt6Svg", "libQt6XcbQpa"} <= qt_libs
    assert not qt_libs & {"libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6Designer"}
    assert not (BUNDLE / "_internal" / "PySide6" / "Qt" / "translations").exists()
    assert (BUNDLE / "_internal" / "cjm_editor" / "resources" / "licenses" / "credits.json").is_file()


def test_deb_control_and_file_list(built):
    info = subprocess.run(["dpkg-deb", "-f", str(DEB)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line and not line[0].isspace())
    assert fields["Package"] == "cjm-editor"
    assert fields["Version"] == __version__
    assert fields["Architecture"] == "amd64"
    depends = fields["Depends"]
    for package in ("libc6", "libxcb-cursor0", "libfontconfig1", "libegl1"):
        assert package in depends
    listing = subprocess.run(["dpkg-deb", "-c", str(DEB)], capture_output=True, text=True, check=True).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    for path in (
        "/opt/cjm-editor/cjm-editor",
        "/opt/cjm-editor/cjm",
        "/usr/bin/cjm",
        "/usr/bin/cjm-editor",
        f"/usr/share/applications/{APP_ID}.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"/usr/share/mime/packages/{APP_ID}.xml",
        f"/usr/share/icons/hicolor/48x48/apps/{APP_ID}.png",
        f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        "/usr/share/doc/cjm-editor/copyright",
        "/usr/share/man/man1/cjm.1.gz",
        "/usr/share/man/man1/cjm-editor.1.gz",
        "/usr/share/doc/cjm-editor/changelog.gz",
        "/usr/share/doc/cjm-editor/licenses/Qt-PySide6-LGPL-3.0.txt",
    ):
        assert path in paths, path
    assert "-> /opt/cjm-editor/cjm" in listing


def test_deb_unpacked_into_a_throwaway_root_exports_a_pdf(built, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(root)], check=True)
    _check_export(root / "opt" / "cjm-editor" / "cjm", tmp_path)


def test_lintian_reports_no_errors(built):
    lintian = shutil.which("lintian")
    if lintian is None:
        pytest.skip("lintian is not installed")
    result = subprocess.run([lintian, "--tag-display-limit", "0", str(DEB)], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert errors == [], "\n".join(errors)


def test_wheel_carries_the_resources(built):
    names = set(zipfile.ZipFile(WHEEL).namelist())
    for name in (
        "cjm_editor/formats/schema.json",
        "cjm_editor/resources/templates/classic-five.cjm.json",
        "cjm_editor/resources/samples/freshbox.cjm.json",
        "cjm_editor/resources/fonts/DejaVuSans.ttf",
        "cjm_editor/resources/fonts/DroidSansFallbackFull.ttf",
        "cjm_editor/resources/icons/cjm-editor.svg",
        "cjm_editor/resources/licenses/credits.json",
    ):
        assert name in names, name


def test_wheel_in_a_fresh_venv_runs_both_commands(built, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    pip = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(WHEEL)],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert pip.returncode == 0, pip.stderr
    templates = _run([str(bin_dir / "cjm"), "templates"], tmp_path)
    assert templates.returncode == 0, templates.stderr
    assert "classic-five" in templates.stdout
    _check_export(bin_dir / "cjm", tmp_path)
    version = _run([str(bin_dir / "cjm-editor"), "--version"], tmp_path)
    assert version.stdout.strip() == f"cjm-editor {__version__}"
