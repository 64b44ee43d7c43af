"""Writes the Debian copyright file (machine-readable format) and changelog for the .deb.

    python packaging/debian_files.py copyright
    python packaging/debian_files.py changelog VERSION "NAME <EMAIL>"

The copyright file is made from resources/licenses/credits.json, the list the About dialog shows;
each full licence text is in /usr/share/doc/cjm-editor/licenses/ as well.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
METAINFO = ROOT / "packaging" / "io.github.cjm_editor.cjm_editor.metainfo.xml"
DOC = "/usr/share/doc/cjm-editor/licenses"


def copyright_file() -> str:
    credits = json.loads((ROOT / "resources" / "licenses" / "credits.json").read_text(encoding="utf-8"))
    out = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: cjm-editor",
        "",
        "Files: *",
        "Copyright: 2026 The cjm-editor authors",
        "License: Expat",
    ]
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8").split("\n", 3)[3]
    out += [" " + line if line.strip() else " ." for line in mit.strip().splitlines()]
    out += [
        "",
        "Files: opt/cjm-editor/_internal/*",
        "Copyright: the authors of each component listed below",
        "License: various",
        " The application bundle contains the components below, each under its own licence:",
    ]
    for credit in credits[1:]:
        name = Path(credit["file"]).name
        out.append(f" {credit['name']} ({credit['use']}): {credit['licence']}; full text in {DOC}/{name}")
    out += [
        " .",
        " Also bundled: Pillow and charset-normalizer, installed with ReportLab",
        " (licence texts in their .dist-info folders inside the bundle).",
        "",
    ]
    return "\n".join(out)


def changelog(version: str, maintainer: str) -> str:
    """One entry for this version, dated like its release in the AppStream metainfo."""
    xml = METAINFO.read_text(encoding="utf-8")
    match = re.search(rf'<release version="{re.escape(version)}" date="([0-9-]+)"', xml)
    if not match:
        sys.exit(f"{METAINFO.name}: no <release> for version {version}")
    day = datetime.strptime(match.group(1), "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
    return (
        f"cjm-editor ({version}) unstable; urgency=medium\n\n"
        f"  * Release {version}; the release notes are in the AppStream metainfo.\n\n"
        f" -- {maintainer}  {format_datetime(day)}\n"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["copyright"]:
        sys.stdout.write(copyright_file())
    elif sys.argv[1:2] == ["changelog"] and len(sys.argv) == 4:
        sys.stdout.write(changelog(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
