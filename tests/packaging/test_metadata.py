"""The desktop entry, AppStream metainfo, MIME type and icons in packaging/, checked with the
freedesktop validators (skipped only where a validator is not installed) and against each other."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from cjm_editor import __version__
from cjm_editor.formats.cjm_json import SUFFIX

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.cjm_editor.cjm_editor"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME_XML = PACKAGING / "cjm-editor-mime.xml"
MIME_TYPE = "application/x-cjm-journey+json"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (packaging/bootstrap.sh test installs it)")
    return path


def _desktop() -> ConfigParser:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser


def test_desktop_entry_is_valid():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_metainfo_is_valid_even_pedantically():
    cmd = [_tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "I:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_desktop_entry_launches_the_editor_for_maps():
    entry = _desktop()["Desktop Entry"]
    assert entry["Exec"] == "cjm-editor %F"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].rstrip(";").split(";") == [MIME_TYPE]


def test_metainfo_matches_the_package():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == __version__
    assert root.find("releases/release").get("version") == __version__  # the newest release first
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert [e.text for e in root.iterfind("provides/binary")] == ["cjm-editor", "cjm"]
    assert root.findtext("provides/mediatype") == MIME_TYPE


def test_every_screenshot_is_a_committed_image():
    images = [e.text or "" for e in ET.parse(METAINFO).getroot().iterfind("screenshots/screenshot/image")]
    assert len(images) >= 2
    for url in images:
        match = re.fullmatch(r"https://\S+/main/(packaging/screenshots/[\w-]+\.png)", url)
        assert match, url
        assert (ROOT / match.group(1)).is_file(), url


def test_mime_type_claims_map_files_over_plain_json():
    mime = ET.parse(MIME_XML).getroot().find("m:mime-type", NS)
    assert mime.get("type") == MIME_TYPE
    glob = mime.find("m:glob", NS)
    assert glob.get("pattern") == "*" + SUFFIX
    assert int(glob.get("weight")) > 50  # application/json's *.json has the default weight, 50
    assert mime.find("m:sub-class-of", NS).get("type") == "application/json"


def test_shared_mime_database_maps_the_suffix_to_the_type(tmp_path):
    tool = _tool("update-mime-database")
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages" / f"{APP_ID}.xml")
    subprocess.run([tool, str(tmp_path)], check=True, capture_output=True)
    globs = (tmp_path / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"60:{MIME_TYPE}:*{SUFFIX}" in globs


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("size", SIZES)
def test_icons_exist_at_every_size(size):
    folder = PACKAGING / "icons" / "hicolor" / f"{size}x{size}"
    icon_name = ET.parse(MIME_XML).getroot().find("m:mime-type/m:icon", NS).get("name")
    for path in (folder / "apps" / f"{APP_ID}.png", folder / "mimetypes" / f"{icon_name}.png"):
        assert _png_size(path) == (size, size)


def test_credits_list_names_files_that_ship():
    rows = json.loads((ROOT / "resources" / "licenses" / "credits.json").read_text(encoding="utf-8"))
    for row in rows:
        assert (ROOT / "resources" / row["file"]).is_file(), row["file"]
